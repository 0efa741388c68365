// list.sort(): a stable natural merge sort in the shape of CPython's timsort
// (minrun, run detection with descending-run reversal, binary insertion,
// merge_collapse), comparing only with `<` (py_less), without galloping.
#include <algorithm>
#include <cstring>
#include <vector>

#include "runtime/errors.h"
#include "runtime/float.h"
#include "runtime/gc.h"
#include "runtime/list.h"
#include "runtime/protocol.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace kestrel {

namespace {

// What every key is, found by one pass before sorting (CPython's
// unsafe_*_compare pre-check): homogeneous small ints, exact strs or exact
// floats compare without dispatch; tuples whose first items are all small
// ints or all exact strs compare those first items directly.
enum class KeyKind { kGeneric, kSmallInt, kStr, kFloat, kTupleSmallInt, kTupleStr };

KeyKind classify(const Value* k, size_t n) {
  if (n == 0) return KeyKind::kGeneric;
  auto all = [&](auto pred) {
    for (size_t i = 0; i < n; ++i)
      if (!pred(k[i])) return false;
    return true;
  };
  if (all([](Value v) { return v.is_small(); })) return KeyKind::kSmallInt;
  if (all([](Value v) { return is_exact(v, str_type); })) return KeyKind::kStr;
  if (all([](Value v) { return is_exact(v, float_type); })) return KeyKind::kFloat;
  if (!all([](Value v) { return is_exact(v, tuple_type) && v.as<Tuple>()->size > 0; }))
    return KeyKind::kGeneric;
  if (all([](Value v) { return v.as<Tuple>()->items[0].is_small(); }))
    return KeyKind::kTupleSmallInt;
  if (all([](Value v) { return is_exact(v.as<Tuple>()->items[0], str_type); }))
    return KeyKind::kTupleStr;
  return KeyKind::kGeneric;
}

// Tuple `<` as CPython's: the first items that are not equal decide, else
// the lengths; `first_lt` answers for the (already unequal) first items.
template <class FirstEq, class FirstLt>
bool tuple_less(Value a, Value b, FirstEq first_eq, FirstLt first_lt) {
  Tuple* ta = a.as<Tuple>();
  Tuple* tb = b.as<Tuple>();
  if (!first_eq(ta->items[0], tb->items[0])) return first_lt(ta->items[0], tb->items[0]);
  int64_t n = std::min(ta->size, tb->size);
  for (int64_t i = 1; i < n; ++i) {
    Value x = ta->items[i], y = tb->items[i];
    if (!py_equal(x, y)) return py_less(x, y);
  }
  return ta->size < tb->size;
}

// Sorts a permutation of indices into `keys`; the keys stay in a ValueVector
// (scanned by the collector) while Python comparisons run.
class Sorter {
 public:
  explicit Sorter(ValueVector& keys) : keys_(keys), kind_(classify(keys.data(), keys.size())) {}

  void sort(std::vector<int64_t>& perm) {
    int64_t n = int64_t(perm.size());
    if (n < 2) return;
    a_ = perm.data();
    int64_t minrun = compute_minrun(n);
    int64_t lo = 0;
    int64_t remaining = n;
    while (remaining > 0) {
      int64_t run = count_run(lo, lo + remaining);
      if (run < minrun) {
        int64_t force = remaining <= minrun ? remaining : minrun;
        binary_insertion(lo, lo + force, lo + run);
        run = force;
      }
      runs_.push_back({lo, run});
      merge_collapse();
      lo += run;
      remaining -= run;
    }
    merge_force_collapse();
  }

 private:
  struct Run {
    int64_t base, len;
  };

  bool lt(int64_t x, int64_t y) {
    Value a = keys_[size_t(x)], b = keys_[size_t(y)];
    switch (kind_) {
      case KeyKind::kSmallInt:
        return a.small_value() < b.small_value();
      case KeyKind::kStr:
        return str_compare(a.as<Str>(), b.as<Str>()) < 0;
      case KeyKind::kFloat:
        return float_value(a) < float_value(b);
      case KeyKind::kTupleSmallInt:
        return tuple_less(
            a, b, [](Value p, Value q) { return p.bits() == q.bits(); },
            [](Value p, Value q) { return p.small_value() < q.small_value(); });
      case KeyKind::kTupleStr:
        return tuple_less(
            a, b, [](Value p, Value q) { return str_equal(p.as<Str>(), q.as<Str>()); },
            [](Value p, Value q) { return str_compare(p.as<Str>(), q.as<Str>()) < 0; });
      case KeyKind::kGeneric:
        break;
    }
    return py_less(a, b);
  }

  static int64_t compute_minrun(int64_t n) {
    int64_t r = 0;
    while (n >= 64) {
      r |= n & 1;
      n >>= 1;
    }
    return n + r;
  }

  // Length of the run starting at lo; descending runs (strictly) are reversed.
  int64_t count_run(int64_t lo, int64_t hi) {
    if (lo + 1 == hi) return 1;
    int64_t n = 2;
    if (lt(a_[lo + 1], a_[lo])) {
      for (int64_t p = lo + 2; p < hi && lt(a_[p], a_[p - 1]); p++) n++;
      std::reverse(a_ + lo, a_ + lo + n);
    } else {
      for (int64_t p = lo + 2; p < hi && !lt(a_[p], a_[p - 1]); p++) n++;
    }
    return n;
  }

  // Sorts [lo, hi) given that [lo, start) is already sorted.
  void binary_insertion(int64_t lo, int64_t hi, int64_t start) {
    if (start == lo) start++;
    for (; start < hi; start++) {
      int64_t pivot = a_[start];
      int64_t l = lo, r = start;
      while (l < r) {
        int64_t p = l + ((r - l) >> 1);
        if (lt(pivot, a_[p])) {
          r = p;
        } else {
          l = p + 1;
        }
      }
      std::memmove(a_ + l + 1, a_ + l, size_t(start - l) * sizeof(int64_t));
      a_[l] = pivot;
    }
  }

  // Merges runs i and i+1 (stable: an element of B goes first only if B < A).
  void merge_at(size_t i) {
    Run& ra = runs_[i];
    Run& rb = runs_[i + 1];
    int64_t* a = a_ + ra.base;
    int64_t na = ra.len;
    int64_t* b = a_ + rb.base;
    int64_t nb = rb.len;
    ra.len = na + nb;
    runs_.erase(runs_.begin() + long(i) + 1);
    tmp_.assign(a, a + na);
    int64_t* dst = a;
    int64_t ia = 0, ib = 0;
    while (ia < na && ib < nb) {
      if (lt(b[ib], tmp_[size_t(ia)])) {
        *dst++ = b[ib++];
      } else {
        *dst++ = tmp_[size_t(ia++)];
      }
    }
    while (ia < na) *dst++ = tmp_[size_t(ia++)];
    // Remaining B elements are already in place.
  }

  void merge_collapse() {
    while (runs_.size() > 1) {
      size_t n = runs_.size() - 2;
      if ((n > 0 && runs_[n - 1].len <= runs_[n].len + runs_[n + 1].len) ||
          (n > 1 && runs_[n - 2].len <= runs_[n - 1].len + runs_[n].len)) {
        if (runs_[n - 1].len < runs_[n + 1].len) n--;
        merge_at(n);
      } else if (runs_[n].len <= runs_[n + 1].len) {
        merge_at(n);
      } else {
        break;
      }
    }
  }

  void merge_force_collapse() {
    while (runs_.size() > 1) {
      size_t n = runs_.size() - 2;
      if (n > 0 && runs_[n - 1].len < runs_[n + 1].len) n--;
      merge_at(n);
    }
  }

  ValueVector& keys_;
  KeyKind kind_;
  int64_t* a_ = nullptr;
  std::vector<Run> runs_;
  std::vector<int64_t> tmp_;
};

}  // namespace

void list_sort(List* list, Value key, bool reverse) {
  int64_t n = list->size;
  // Copy the items into collector-visible storage and make the list look
  // empty while sorting, as CPython does, so mutation can be detected.
  ValueVector values(static_cast<size_t>(n));
  if (n) std::memcpy(static_cast<void*>(values.data()), list->items, size_t(n) * sizeof(Value));
  Value* saved_items = list->items;
  int64_t saved_capacity = list->capacity;
  list->items = nullptr;
  list->size = 0;
  list->capacity = -1;  // sentinel: any resize during the sort replaces it

  // Puts `order` (indices into values) back into the saved storage and
  // reports whether the list was modified meanwhile.
  auto restore = [&](const std::vector<int64_t>* order) {
    bool modified = list->capacity != -1 || list->items != nullptr || list->size != 0;
    if (list->items) gc_free_external(list->items, size_t(list->capacity) * sizeof(Value));
    list->items = saved_items;
    list->capacity = saved_capacity;
    for (int64_t i = 0; i < n; i++)
      saved_items[i] = values[size_t(order ? (*order)[size_t(i)] : i)];
    list->size = n;
    return modified;
  };

  std::vector<int64_t> perm(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; i++) perm[size_t(i)] = i;
  try {
    ValueVector keys;
    if (key.empty()) {
      keys.resize(size_t(n));
      if (n) std::memcpy(static_cast<void*>(keys.data()), values.data(), size_t(n) * sizeof(Value));
    } else {
      keys.reserve(size_t(n));
      for (int64_t i = 0; i < n; i++) keys.push_back(py_call1(key, values[size_t(i)]));
    }
    // reverse=True keeps stability by reversing before and after the sort.
    if (reverse) std::reverse(perm.begin(), perm.end());
    Sorter sorter(keys);
    sorter.sort(perm);
    if (reverse) std::reverse(perm.begin(), perm.end());
  } catch (...) {
    restore(nullptr);
    throw;
  }
  if (restore(&perm)) raise_value_error("list modified during sort");
}

}  // namespace kestrel
