// Snapshots: for every guard of a trace, what the interpreter state must be
// if the guard fails. Read by the deoptimiser to rebuild frames on exit.
//
// Design (LuaJIT lj_snap.c, PyPy resume.py). A snapshot lists, for each frame
// of the trace at that point (the root frame first, then every inlined
// callee), the bytecode pc to resume at, and a list of entries
// "frame f, slot s := value". A value is an IR reference (an instruction or a
// constant) or a virtual object (an allocation the optimizer removed, rebuilt
// on exit from a VirtualObject description).
//
// Rules the recorder and the deoptimiser share:
//   * Traces never write the interpreter's frame slots; the root frame's slots
//     NOT listed in a snapshot still hold their value from trace entry. An
//     inlined frame has no slots on entry, so all its live slots are listed.
//   * How an entry's value becomes a Value word depends on its kind and the
//     IR type of its ref: SnapKind::Value with an int ref boxes the int64
//     (int_from_i64: a small int or a BigInt), with a double ref boxes a float,
//     with a ref ref stores the word as is; SnapKind::Bool turns int 0/1 into
//     False/True; SnapKind::Virtual materialises virtuals[ref] (once per exit,
//     so two entries naming the same virtual get the same object).
//   * Entries are not shared between snapshots (LuaJIT shares unchanged
//     entries; we will when memory measurements ask for it: the interface
//     below hides the storage, so sharing can be added without changing users).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace kestrel::jit {

using IrRef = int32_t;  // see ir.h

enum class SnapKind : uint8_t {
  Value,    // box by the ref's IR type (see above)
  Bool,     // int ref holding 0/1 -> False/True
  Virtual,  // ref is an index into SnapshotTable::virtuals()
};

struct SnapEntry {
  uint16_t slot;  // slot index within its frame (locals, then value stack)
  uint8_t frame;  // 0 = the trace's root frame, 1 = first inlined callee, ...
  SnapKind kind;
  IrRef ref;  // instruction/constant ref, or a virtual object index
  friend bool operator==(const SnapEntry&, const SnapEntry&) = default;
};
static_assert(sizeof(SnapEntry) == 8);

struct SnapFrame {
  uint32_t pc;  // instruction index to resume this frame at
  uint32_t
      base;  // for deopt glue: slot offset of this frame relative to the root frame (0 for root)
  const void* code;            // the frame's Code* (null in IR-only tests)
  uint32_t depth = 0;          // value-stack depth of the frame at pc
  const void* func = nullptr;  // an inlined frame's Function* (its code, globals, closure)
  friend bool operator==(const SnapFrame&, const SnapFrame&) = default;
};

// A removed allocation: the object to build on exit. Fields are written at
// byte offsets into an object of `size` bytes whose class word is `cls`.
struct VirtualField {
  int32_t offset;
  SnapKind kind;  // Value or Bool or Virtual (a virtual referencing another)
  IrRef ref;
};
struct VirtualObject {
  IrRef cls;      // a ref constant: the Type*
  uint32_t size;  // object size in bytes
  uint32_t fields_begin, fields_count;
};

struct Snapshot {
  uint32_t entries_begin, entries_count;
  uint32_t frames_begin, frames_count;
};

// All snapshots of one trace. Index = snapshot number = exit number.
class SnapshotTable {
 public:
  uint32_t add(std::span<const SnapFrame> frames, std::span<const SnapEntry> entries) {
    Snapshot s{uint32_t(entries_.size()), uint32_t(entries.size()), uint32_t(frames_.size()),
               uint32_t(frames.size())};
    entries_.insert(entries_.end(), entries.begin(), entries.end());
    frames_.insert(frames_.end(), frames.begin(), frames.end());
    snaps_.push_back(s);
    return uint32_t(snaps_.size() - 1);
  }
  uint32_t add_virtual(IrRef cls, uint32_t size, std::span<const VirtualField> fields) {
    VirtualObject v{cls, size, uint32_t(fields_.size()), uint32_t(fields.size())};
    fields_.insert(fields_.end(), fields.begin(), fields.end());
    virtuals_.push_back(v);
    return uint32_t(virtuals_.size() - 1);
  }

  size_t size() const { return snaps_.size(); }
  std::span<const SnapEntry> entries(uint32_t snap) const {
    const Snapshot& s = snaps_[snap];
    return {entries_.data() + s.entries_begin, s.entries_count};
  }
  std::span<const SnapFrame> frames(uint32_t snap) const {
    const Snapshot& s = snaps_[snap];
    return {frames_.data() + s.frames_begin, s.frames_count};
  }
  size_t virtual_count() const { return virtuals_.size(); }
  const VirtualObject& virtual_object(uint32_t v) const { return virtuals_[v]; }
  std::span<const VirtualField> fields(uint32_t v) const {
    const VirtualObject& o = virtuals_[v];
    return {fields_.data() + o.fields_begin, o.fields_count};
  }
  // For passes that rename refs (the optimizer): every entry, mutable.
  std::span<SnapEntry> all_entries() { return entries_; }
  std::span<VirtualField> all_fields() { return fields_; }

 private:
  std::vector<Snapshot> snaps_;
  std::vector<SnapEntry> entries_;
  std::vector<SnapFrame> frames_;
  std::vector<VirtualObject> virtuals_;
  std::vector<VirtualField> fields_;
};

}  // namespace kestrel::jit
