// Unicode character database for str: per-code-point property flags and case
// mappings, generated from CPython's own database (tools/gen_unicode_db.py)
// so that isalpha(), upper(), repr() printability ... match CPython exactly.
#pragma once

#include <cstdint>

namespace kestrel::unicode {

enum CharFlags : uint16_t {
  kAlpha = 1u << 0,
  kDecimal = 1u << 1,
  kDigit = 1u << 2,
  kNumeric = 1u << 3,
  kSpace = 1u << 4,
  kPrintable = 1u << 5,
  kUpper = 1u << 6,
  kLower = 1u << 7,
  kTitle = 1u << 8,
  kCased = 1u << 9,
  kCaseIgnorable = 1u << 10,
  kXidStart = 1u << 11,  // str.isidentifier() of the single character (includes '_')
  kXidContinue = 1u << 12,
  kLinebreak = 1u << 13,  // a str.splitlines() boundary
  kExtCase = 1u << 14,    // the case fields index kCaseExt instead of being deltas
};

struct CharRecord {
  uint16_t flags;
  // Without kExtCase: code point deltas of the single-character mappings.
  // With kExtCase: indexes into kCaseExt of {count, cps...}.
  int32_t upper, lower, title, fold;
  int8_t decimal;  // -1 when none
  int8_t digit;    // -1 when none
};

constexpr int kShift = 7;
extern const CharRecord kRecords[];
extern const uint16_t kIndex1[];
extern const uint16_t kIndex2[];
extern const uint32_t kCaseExt[];

inline const CharRecord& record(uint32_t cp) {
  if (cp > 0x10FFFF) cp = 0xFFFF;  // noncharacter: no properties
  return kRecords[kIndex2[(uint32_t(kIndex1[cp >> kShift]) << kShift) |
                          (cp & ((1u << kShift) - 1))]];
}
inline uint16_t flags(uint32_t cp) { return record(cp).flags; }
inline bool has(uint32_t cp, uint16_t flag) { return (record(cp).flags & flag) != 0; }
inline bool is_space(uint32_t cp) {
  if (cp < 128) return cp == ' ' || (cp >= 9 && cp <= 13) || (cp >= 28 && cp <= 31);
  return has(cp, kSpace);
}
inline bool is_printable(uint32_t cp) {
  if (cp < 128) return cp >= 0x20 && cp < 0x7f;
  return has(cp, kPrintable);
}
inline int decimal_value(uint32_t cp) { return record(cp).decimal; }
inline int digit_value(uint32_t cp) { return record(cp).digit; }

enum class CaseMap { kUpper, kLower, kTitle, kFold };
// Writes the full (possibly multi-character) mapping of `cp` to out[0..3) and
// returns the number of code points (1..3).
inline int case_map(uint32_t cp, CaseMap which, uint32_t* out) {
  const CharRecord& r = record(cp);
  int32_t v = which == CaseMap::kUpper   ? r.upper
              : which == CaseMap::kLower ? r.lower
              : which == CaseMap::kTitle ? r.title
                                         : r.fold;
  if (!(r.flags & kExtCase)) {
    out[0] = uint32_t(int32_t(cp) + v);
    return 1;
  }
  const uint32_t* e = kCaseExt + v;
  int n = int(e[0]);
  for (int i = 0; i < n; ++i) out[i] = e[1 + i];
  return n;
}
}  // namespace kestrel::unicode
