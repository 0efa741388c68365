// Disassembler: renders a CodeProto like CPython 3.11's `dis.dis` (instruction
// indices instead of byte offsets, a fixed fake code address so the output is
// deterministic), followed by nested code objects and the exception table.
#include <charconv>
#include <cmath>
#include <cstdio>
#include <string>

#include "front/frontend.h"

namespace kestrel {
namespace {

// Python's float repr: shortest round-trip digits, exponent notation when the
// decimal exponent is < -4 or >= 16, and ".0" on integral values.
std::string float_repr(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v < 0 ? "-inf" : "inf";
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
  std::string s(buf, res.ptr);
  std::string sign;
  if (s[0] == '-') {
    sign = "-";
    s.erase(0, 1);
  }
  size_t e = s.find('e');
  std::string mant = s.substr(0, e);
  int exp = std::stoi(s.substr(e + 1));
  std::string digits;
  for (char c : mant)
    if (c != '.') digits += c;
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  int decpt = exp + 1;  // value = 0.DIGITS * 10^decpt
  std::string out;
  if (decpt > -4 && decpt <= 16) {
    if (decpt <= 0) {
      out = "0." + std::string(size_t(-decpt), '0') + digits;
    } else if (size_t(decpt) >= digits.size()) {
      out = digits + std::string(size_t(decpt) - digits.size(), '0') + ".0";
    } else {
      out = digits.substr(0, size_t(decpt)) + "." + digits.substr(size_t(decpt));
    }
  } else {
    out = digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    int x = decpt - 1;
    char eb[16];
    std::snprintf(eb, sizeof eb, "e%c%02d", x < 0 ? '-' : '+', x < 0 ? -x : x);
    out += eb;
  }
  return sign + out;
}

void append_hex(std::string& out, const char* prefix, unsigned v, int width) {
  char b[16];
  std::snprintf(b, sizeof b, "%s%0*x", prefix, width, v);
  out += b;
}

// Decodes one UTF-8 code point at s[i] (advancing i); invalid bytes map to
// themselves.
uint32_t next_code_point(const std::string& s, size_t& i) {
  unsigned char c = s[i];
  int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
  if (i + len > s.size()) len = 1;
  uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1f) : len == 3 ? (c & 0x0f) : (c & 0x07);
  for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3f);
  i += len;
  return cp;
}

std::string str_repr(const std::string& s) {
  bool has_single = s.find('\'') != std::string::npos;
  bool has_double = s.find('"') != std::string::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  std::string out(1, quote);
  for (size_t i = 0; i < s.size();) {
    size_t start = i;
    uint32_t cp = next_code_point(s, i);
    if (cp == uint32_t(quote) || cp == '\\') {
      out += '\\';
      out += char(cp);
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (cp == '\t') {
      out += "\\t";
    } else if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0) || cp == 0xad) {
      append_hex(out, "\\x", cp, 2);
    } else if (cp == 0x2028 || cp == 0x2029 || (cp >= 0xd800 && cp < 0xe000)) {
      append_hex(out, "\\u", cp, 4);
    } else {
      out.append(s, start, i - start);
    }
  }
  out += quote;
  return out;
}

std::string bytes_repr(const std::string& s) {
  bool has_single = s.find('\'') != std::string::npos;
  bool has_double = s.find('"') != std::string::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  std::string out = "b";
  out += quote;
  for (unsigned char c : s) {
    if (c == uint8_t(quote) || c == '\\') {
      out += '\\';
      out += char(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c >= 0x7f) {
      append_hex(out, "\\x", c, 2);
    } else {
      out += char(c);
    }
  }
  out += quote;
  return out;
}

std::string code_repr(const CodeProto& code) {
  return "<code object " + code.name + " at 0x0, file \"" + code.filename + "\", line " +
         std::to_string(code.first_line) + ">";
}

std::string const_repr(const Constant& c) {
  using K = Constant::Kind;
  switch (c.kind) {
    case K::None:
      return "None";
    case K::True:
      return "True";
    case K::False:
      return "False";
    case K::Ellipsis:
      return "Ellipsis";
    case K::Int:
      return std::to_string(c.int_value);
    case K::BigInt:
      return c.text;
    case K::Float:
      return float_repr(c.float_value);
    case K::Complex: {
      // repr of complex(0, v): the imaginary part without float's ".0".
      std::string s = float_repr(c.float_value);
      if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
      return s + "j";
    }
    case K::Str:
      return str_repr(c.text);
    case K::Bytes:
      return bytes_repr(c.text);
    case K::Tuple: {
      std::string out = "(";
      for (size_t i = 0; i < c.items.size(); ++i) {
        if (i) out += ", ";
        out += const_repr(c.items[i]);
      }
      if (c.items.size() == 1) out += ",";
      return out + ")";
    }
    case K::Code:
      return c.code ? code_repr(*c.code) : "<code object>";
  }
  return "?";
}

std::string pad_left(const std::string& s, size_t w) {
  return s.size() >= w ? s : std::string(w - s.size(), ' ') + s;
}
std::string pad_right(const std::string& s, size_t w) {
  return s.size() >= w ? s : s + std::string(w - s.size(), ' ');
}

std::string arg_repr(const CodeProto& code, Instr in) {
  uint32_t a = in.arg();
  auto safe = [&](const auto& vec, auto fn) -> std::string {
    return a < vec.size() ? fn(vec[a]) : std::string("?");
  };
  switch (op_arg_kind(in.op())) {
    case ArgKind::Const:
      return safe(code.consts, [](const Constant& c) { return const_repr(c); });
    case ArgKind::Name:
      return safe(code.names, [](const std::string& n) { return n; });
    case ArgKind::Local:
      return safe(code.localsplus_names, [](const std::string& n) { return n; });
    case ArgKind::Jump:
      return "to " + std::to_string(a);
    case ArgKind::Cmp:
      return std::string(cmpop_symbol(int(a)));
    case ArgKind::BinOp:
      return std::string(binop_symbol(int(a)));
    default:
      break;
  }
  if (in.op() == Op::FORMAT_VALUE) {
    static const char* const kConv[] = {"", "str", "repr", "ascii"};
    std::string r = kConv[a & 3];
    if (a & 4) r += r.empty() ? "with format" : ", with format";
    return r;
  }
  if (in.op() == Op::MAKE_FUNCTION) {
    static const char* const kFlags[] = {"defaults", "kwdefaults", "annotations", "closure"};
    std::string r;
    for (int i = 0; i < 4; ++i) {
      if (!(a & (1u << i))) continue;
      if (!r.empty()) r += ", ";
      r += kFlags[i];
    }
    return r;
  }
  return "";
}

void disassemble_one(const CodeProto& code, std::string& out) {
  const size_t n = code.code.size();
  std::vector<char> is_target(n, 0);
  for (auto& in : code.code)
    if (op_arg_kind(in.op()) == ArgKind::Jump && in.arg() < n) is_target[in.arg()] = 1;
  for (auto& e : code.exception_table)
    if (e.target < n) is_target[e.target] = 1;
  int max_line = 0;
  for (auto& p : code.positions) max_line = std::max(max_line, p.line);
  size_t line_width = max_line >= 1000 ? std::to_string(max_line).size() : 3;
  size_t offset_width = n >= 10000 ? std::to_string(n - 1).size() : 4;
  int prev_line = -1;
  for (size_t i = 0; i < n; ++i) {
    Instr in = code.code[i];
    int line = i < code.positions.size() ? code.positions[i].line : 0;
    bool starts_line = line > 0 && line != prev_line;
    if (starts_line) {
      if (i > 0) out += "\n";
      prev_line = line;
    }
    std::string row =
        starts_line ? pad_left(std::to_string(line), line_width) : std::string(line_width, ' ');
    row += "     ";  // the (empty) "current instruction" column and separators
    row += is_target[i] ? ">>" : "  ";
    row += " " + pad_left(std::to_string(i), offset_width);
    row += " " + pad_right(std::string(op_name(in.op())), 20);
    if (op_arg_kind(in.op()) != ArgKind::None) {
      row += " " + pad_left(std::to_string(in.arg()), 5);
      std::string r = arg_repr(code, in);
      if (!r.empty()) row += " (" + r + ")";
    }
    while (!row.empty() && row.back() == ' ') row.pop_back();
    out += row + "\n";
  }
  if (!code.exception_table.empty()) {
    out += "ExceptionTable:\n";
    for (auto& e : code.exception_table) {
      out += "  " + std::to_string(e.start) + " to " + std::to_string(e.end - 1) + " -> " +
             std::to_string(e.target) + " [" + std::to_string(e.depth) + "]" +
             (e.push_lasti ? " lasti" : "") + "\n";
    }
  }
}

void disassemble_recursive(const CodeProto& code, std::string& out) {
  disassemble_one(code, out);
  for (auto& c : code.consts) {
    if (c.kind != Constant::Kind::Code || !c.code) continue;
    out += "\nDisassembly of " + code_repr(*c.code) + ":\n";
    disassemble_recursive(*c.code, out);
  }
}

}  // namespace

std::string disassemble(const CodeProto& code) {
  std::string out;
  disassemble_recursive(code, out);
  return out;
}

}  // namespace kestrel
