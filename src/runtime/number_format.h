// Shared machinery of format(int, spec) and format(float, spec): the parsed
// format-spec mini-language and the padding/grouping layout of a number
// (CPython's Python/formatter_unicode.c). Internal to int/float formatting.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/object.h"

namespace kestrel {

struct FormatSpec {
  uint32_t fill = ' ';
  uint32_t align = '>';
  char sign = 0;           // 0, '+', '-', ' '
  bool no_neg_0 = false;   // 'z'
  bool alternate = false;  // '#'
  int64_t width = -1;
  char thousands = 0;       // 0, ',' or '_'
  bool group_four = false;  // '_' with b/o/x/X groups every 4 digits
  int64_t precision = -1;
  uint32_t type = 0;  // 0 = none given
};

// Parses `spec` (UTF-8) like CPython's parse_internal_render_format_spec and
// raises ValueError with CPython's messages. `type_name` names the formatted
// object's class for messages.
void parse_format_spec(std::string_view spec, const char* type_name, char default_type,
                       FormatSpec* out);

// [[noreturn]] "Unknown format code 'x' for object of type 'T'".
[[noreturn]] void raise_unknown_format_code(uint32_t type, const char* type_name);

// Lays out <sign><prefix><digits grouped>[<decimal point><remainder>] padded
// to the spec's width, exactly as CPython's calc_number_widths/fill_number.
// `sign_char` is '-' for negative numbers, else 0. `digits` are ASCII digits
// (grouped when spec.thousands is set); `remainder` follows the decimal point
// (fraction, exponent, '%'...). Returns UTF-8.
std::string layout_number(const FormatSpec& spec, char sign_char, std::string_view prefix,
                          std::string_view digits, bool has_decimal, std::string_view remainder,
                          bool upper);

void append_utf8(std::string& out, uint32_t cp);

}  // namespace kestrel
