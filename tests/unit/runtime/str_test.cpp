// Unit tests for str and bytes: the C++ API (construction, interning,
// hashing, comparison, builders) and a table of method/format/% cases whose
// expected values were produced by CPython 3.11 (str_test_gen.py).
#include "runtime/str.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/float.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/protocol.h"
#include "runtime/runtime.h"
#include "runtime/tuple.h"

namespace kestrel {
namespace {

class StrTest : public ::testing::Test {
 protected:
  void SetUp() override { init_runtime(); }
  // Test values live in std::vectors, which the collector does not scan.
  GcPause pause_;
};

Value I(int64_t v) { return int_from_i64(v); }
Value S(const char* s, size_t n) { return Value(str_new(std::string_view(s, n))); }
Value S(const char* s) { return Value(str_new(s)); }
Value B(const char* s, size_t n) { return Value(bytes_new(std::string_view(s, n))); }
Value T(std::initializer_list<Value> items) { return Value(tuple_of(items)); }
Value L(std::initializer_list<Value> items) {
  List* l = list_new(0);
  for (Value v : items) list_append(l, v);
  return l;
}
Value D(std::initializer_list<std::pair<Value, Value>> items) {
  Dict* d = dict_new();
  for (auto& [k, v] : items) dict_set(d, k, v);
  return d;
}

std::string utf8(Value v) { return str_to_utf8(v.as<Str>()); }
std::string repr(Value v) { return utf8(py_repr(v)); }

std::string describe_exception(const PyException& e) {
  return std::string(type_name(e.exc)) + ": " + str_utf8(e.exc);
}

struct StrCase {
  Value recv;
  const char* method;
  std::vector<Value> args;
  std::vector<const char*> kwnames;
  std::vector<Value> kwvalues;
  const char* expected;
  size_t expected_len;
};

std::string run_case(const StrCase& c) {
  try {
    Value r;
    std::string m = c.method;
    if (m == "__repr__") {
      r = py_repr(c.recv);
    } else if (m == "%") {
      r = py_binary(c.recv, c.args[0], 6);
    } else {
      Value fn = py_getattr(c.recv, intern(m));
      std::vector<Value> argv(c.args);
      Tuple* kwnames = nullptr;
      if (!c.kwnames.empty()) {
        kwnames = tuple_new(int64_t(c.kwnames.size()));
        for (size_t i = 0; i < c.kwnames.size(); ++i) {
          kwnames->items[i] = intern(c.kwnames[i]);
          argv.push_back(c.kwvalues[i]);
        }
      }
      r = py_call(fn, argv.data(), c.args.size(), kwnames);
    }
    return repr(r);
  } catch (PyException& e) {
    return describe_exception(e);
  }
}

std::vector<StrCase> generated_cases() {
  return {
#include "str_test_cases.inc"
  };
}

TEST_F(StrTest, GeneratedCasesMatchCPython) {
  std::vector<StrCase> cases = generated_cases();
  ASSERT_GT(cases.size(), 100u);
  int failures = 0;
  for (const StrCase& c : cases) {
    std::string got = run_case(c);
    std::string want(c.expected, c.expected_len);
    EXPECT_EQ(got, want) << "receiver " << repr(c.recv) << " method " << c.method;
    failures += got != want;
  }
  EXPECT_EQ(failures, 0);
}

TEST_F(StrTest, NewDecodesUtf8AndReplacesInvalidBytes) {
  Str* s = str_new("h\xc3\xa9llo");
  EXPECT_EQ(s->length, 5);
  EXPECT_EQ(s->kind, 1);
  EXPECT_FALSE(s->ascii);
  EXPECT_EQ(s->at(1), 0xE9u);
  Str* w = str_new("\xe2\x82\xac\xf0\x9f\x98\x80");
  EXPECT_EQ(w->length, 2);
  EXPECT_EQ(w->kind, 4);
  EXPECT_EQ(w->at(1), 0x1F600u);
  Str* bad = str_new(
      "a\xff"
      "b\xc3");
  ASSERT_EQ(bad->length, 4);
  EXPECT_EQ(bad->at(1), 0xFFFDu);
  EXPECT_EQ(bad->at(3), 0xFFFDu);
  EXPECT_TRUE(str_new("abc")->ascii);
  EXPECT_EQ(str_to_utf8(w), "\xe2\x82\xac\xf0\x9f\x98\x80");
}

TEST_F(StrTest, InternReturnsTheUniqueString) {
  Str* a = intern("hello_world");
  Str* b = intern(std::string("hello_") + "world");
  EXPECT_EQ(a, b);
  EXPECT_TRUE(a->interned);
  Str* c = str_new("hello_world");
  EXPECT_NE(a, c);
  EXPECT_EQ(intern_str(c), a);
  EXPECT_TRUE(str_equal(a, c));
  Str* u = intern("caf\xc3\xa9");
  EXPECT_EQ(u, intern_str(str_new("caf\xc3\xa9")));
}

TEST_F(StrTest, HashIsKindIndependentAndNeverMinusOne) {
  uint32_t cps[] = {'a', 'b', 'c'};
  Str* narrow = str_new("abc");
  Str* from_cps = str_from_codepoints(cps, 3);
  EXPECT_EQ(str_hash(narrow), str_hash(from_cps));
  EXPECT_NE(str_hash(narrow), -1);
  EXPECT_NE(str_hash(str_new("")), -1);
  // bytes hash like the same Latin-1 text, as CPython (hash(b'abc') == hash('abc')).
  EXPECT_EQ(py_hash(Value(bytes_new("abc"))), str_hash(narrow));
}

TEST_F(StrTest, CompareByCodePoints) {
  EXPECT_LT(str_compare(str_new("a"), str_new("b")), 0);
  EXPECT_LT(str_compare(str_new("a"), str_new("ab")), 0);
  EXPECT_GT(str_compare(str_new("\xc3\xa9"), str_new("z")), 0);
  EXPECT_GT(str_compare(str_new("\xe2\x82\xac"), str_new("\xc3\xa9")), 0);
  EXPECT_EQ(str_compare(str_new("\xe2\x82\xac"
                                "a"),
                        str_new("\xe2\x82\xac"
                                "a")),
            0);
}

TEST_F(StrTest, SingleCharactersAreCached) {
  EXPECT_EQ(str_char('x'), str_char('x'));
  EXPECT_EQ(str_char(0xE9), str_new("\xc3\xa9"));
  EXPECT_EQ(str_char(0x20AC)->kind, 4);
}

TEST_F(StrTest, BuildersProduceCanonicalStrings) {
  StrBuilder b;
  b.append_utf8("ab");
  b.append_codepoint(0xE9);
  b.append_codepoint(0x1F600);
  b.append(str_new("!"));
  Str* s = b.build();
  EXPECT_EQ(s->length, 5);
  EXPECT_EQ(s->at(3), 0x1F600u);

  StrWriter w;
  w.put('a');
  w.put(0xE9);
  EXPECT_EQ(w.finish()->kind, 1);
  w.put(0x20AC);
  Str* wide = w.finish();
  EXPECT_EQ(wide->kind, 4);
  EXPECT_EQ(wide->length, 3);
  // A wide string whose wide characters were removed becomes narrow again.
  Str* narrow = str_substring(wide, 0, 2);
  EXPECT_EQ(narrow->kind, 1);
  EXPECT_FALSE(narrow->ascii);
  EXPECT_TRUE(str_substring(wide, 0, 1)->ascii);
}

TEST_F(StrTest, ReprAndAscii) {
  // Expected values from CPython: repr('it\'s "x"\n'), ascii('é€😀').
  EXPECT_EQ(utf8(str_repr(str_new("it's \"x\"\n"))), "'it\\'s \"x\"\\n'");
  EXPECT_EQ(utf8(str_ascii_of(S("\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80"))),
            "'\\xe9\\u20ac\\U0001f600'");
  EXPECT_EQ(utf8(bytes_repr(bytes_new(std::string_view("'\"\x00\xff\t", 5)))),
            "b'\\'\"\\x00\\xff\\t'");
  EXPECT_EQ(utf8(bytes_repr(bytes_new("'"))), "b\"'\"");
}

TEST_F(StrTest, FormatSpecAndMod) {
  // format('abc', '^7.2') == '  ab   '; format('abc', 'x^7') == 'xxabcxx'
  EXPECT_EQ(utf8(str_format_spec(str_new("abc"), "^7.2")), "  ab   ");
  EXPECT_EQ(utf8(str_format_spec(str_new("abc"), "x^7")), "xxabcxx");
  EXPECT_EQ(utf8(str_format_spec(str_new("a"), "05")), "a0000");
  // '%s=%d' % ('x', 5) == 'x=5'
  EXPECT_EQ(utf8(str_mod(S("%s=%d"), T({S("x"), I(5)}))), "x=5");
}

TEST_F(StrTest, BytesBasics) {
  Value b = B("a\x00\xff", 3);
  EXPECT_EQ(py_len(b), 3);
  EXPECT_EQ(py_getitem(b, I(2)), I(255));
  EXPECT_EQ(py_getitem(b, I(-3)), I(97));
  EXPECT_EQ(repr(py_binary(B("ab", 2), I(3), 5)), "b'ababab'");
  EXPECT_EQ(repr(py_binary(B("ab", 2), B("cd", 2), 0)), "b'abcd'");
  EXPECT_TRUE(py_contains(b, I(0)));
  EXPECT_TRUE(py_contains(b, B("\x00\xff", 2)));
  // b'caf\xc3\xa9'.decode() == 'café'
  Value s = str_decode(reinterpret_cast<const uint8_t*>("caf\xc3\xa9"), 5, nullptr, nullptr);
  EXPECT_EQ(utf8(s), "caf\xc3\xa9");
  try {
    str_decode(reinterpret_cast<const uint8_t*>("\xe2\x82"), 2, nullptr, nullptr);
    FAIL() << "expected UnicodeDecodeError";
  } catch (PyException& e) {
    EXPECT_EQ(describe_exception(e),
              "UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 0-1: unexpected "
              "end of data");
  }
}

}  // namespace
}  // namespace kestrel
