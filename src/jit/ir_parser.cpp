// The IR text parser: reads what print_trace writes (docs/jit.md, "IR text
// format"), so optimizer and backend tests can be written as text in / text out.
// Errors name the line; the result is not verified (call verify_trace).
#include <bit>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

#include "jit/ir.h"

namespace kestrel::jit {

namespace {

std::vector<std::string_view> split_words(std::string_view line) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
    size_t j = i;
    while (j < line.size() && line[j] != ' ' && line[j] != '\t' && line[j] != '\r') ++j;
    if (j > i) words.push_back(line.substr(i, j - i));
    i = j;
  }
  return words;
}

bool parse_i64(std::string_view s, int64_t* out) {
  if (s.empty()) return false;
  std::string str(s);
  char* end = nullptr;
  errno = 0;
  long long v = std::strtoll(str.c_str(), &end, 0);
  if (errno != 0 || *end != '\0') {
    // Accept the full uint64 range in hex (e.g. bit patterns).
    errno = 0;
    unsigned long long u = std::strtoull(str.c_str(), &end, 0);
    if (errno != 0 || *end != '\0') return false;
    v = (long long)u;
  }
  *out = v;
  return true;
}

class Parser {
 public:
  Parser(Trace* t, const HelperRegistry* helpers) : t_(t), helpers_(helpers) {}

  ParseResult run(std::string_view text) {
    size_t pos = 0;
    int line_no = 0;
    while (pos <= text.size()) {
      size_t nl = text.find('\n', pos);
      if (nl == std::string_view::npos) nl = text.size();
      std::string_view line = text.substr(pos, nl - pos);
      pos = nl + 1;
      ++line_no;
      size_t semi = line.find(';');
      if (semi != std::string_view::npos) line = line.substr(0, semi);
      auto words = split_words(line);
      if (words.empty()) continue;
      std::string err;
      if (words[0] == "snap")
        err = parse_snap(words);
      else if (words[0] == "virtual")
        err = parse_virtual(words);
      else
        err = parse_ins(words);
      if (!err.empty()) return {false, "line " + std::to_string(line_no) + ": " + err};
      if (nl == text.size()) break;
    }
    return {true, ""};
  }

 private:
  // "0005" -> instruction ref; "#5", "#1.5", "#nan(0x..)", "@0x10" -> constants.
  bool parse_operand(std::string_view s, IrRef* out) {
    if (s.empty()) return false;
    if (s[0] == '@') {
      int64_t v;
      if (!parse_i64(s.substr(1), &v)) return false;
      *out = t_->kref(uint64_t(v));
      return true;
    }
    if (s[0] == '#') {
      std::string_view body = s.substr(1);
      bool neg = !body.empty() && body[0] == '-';
      std::string_view mag = neg ? body.substr(1) : body;
      if (mag.substr(0, 4) == "nan(" && mag.back() == ')') {
        int64_t bits;
        if (!parse_i64(mag.substr(4, mag.size() - 5), &bits)) return false;
        *out = t_->intern(IrType::Dbl, uint64_t(bits));
        return true;
      }
      if (mag == "inf") {
        *out = t_->kdbl(neg ? -INFINITY : INFINITY);
        return true;
      }
      bool is_dbl = mag.find_first_of(".eE") != std::string_view::npos && mag.substr(0, 2) != "0x";
      if (is_dbl) {
        std::string str(body);
        char* end = nullptr;
        double d = std::strtod(str.c_str(), &end);
        if (*end != '\0') return false;
        *out = t_->kdbl(d);
        return true;
      }
      int64_t v;
      if (!parse_i64(body, &v)) return false;
      *out = t_->kint(v);
      return true;
    }
    // Refs are written in decimal with leading zeros: strtoll base 0 would read them as octal.
    if (s[0] < '0' || s[0] > '9') return false;
    std::string str(s);
    char* end = nullptr;
    long v = std::strtol(str.c_str(), &end, 10);
    if (*end != '\0' || v > INT32_MAX) return false;
    *out = IrRef(v);
    return true;
  }

  // "3" or "v3" or "0005:bool" etc. as a snapshot value.
  bool parse_snap_value(std::string_view s, SnapKind* kind, IrRef* ref) {
    if (!s.empty() && s[0] == 'v') {
      int64_t v;
      if (!parse_i64(s.substr(1), &v)) return false;
      *kind = SnapKind::Virtual;
      *ref = IrRef(v);
      return true;
    }
    *kind = SnapKind::Value;
    if (s.size() > 5 && s.substr(s.size() - 5) == ":bool") {
      *kind = SnapKind::Bool;
      s = s.substr(0, s.size() - 5);
    }
    return parse_operand(s, ref);
  }

  std::string parse_snap(const std::vector<std::string_view>& w) {
    int64_t index;
    if (w.size() < 3 || !parse_i64(w[1], &index)) return "expected 'snap N frames=...'";
    if (index != int64_t(t_->snapshots().size())) return "snapshots must be numbered 0, 1, 2, ...";
    if (w[2].substr(0, 7) != "frames=") return "expected frames=";
    std::vector<SnapFrame> frames;
    std::string_view list = w[2].substr(7);
    if (list != "-") {
      while (!list.empty()) {
        size_t comma = list.find(',');
        std::string_view item = list.substr(0, comma);
        list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
        SnapFrame f{0, 0, nullptr};
        size_t plus = item.find('+');
        int64_t pc, base = 0;
        if (!parse_i64(item.substr(0, plus), &pc)) return "bad frame pc";
        if (plus != std::string_view::npos && !parse_i64(item.substr(plus + 1), &base))
          return "bad frame base";
        f.pc = uint32_t(pc);
        f.base = uint32_t(base);
        frames.push_back(f);
      }
    }
    std::vector<SnapEntry> entries;
    for (size_t i = 3; i < w.size(); ++i) {
      std::string_view e = w[i];
      size_t dot = e.find('.'), eq = e.find('=');
      int64_t frame, slot;
      if (dot == std::string_view::npos || eq == std::string_view::npos || eq < dot ||
          !parse_i64(e.substr(0, dot), &frame) ||
          !parse_i64(e.substr(dot + 1, eq - dot - 1), &slot))
        return "bad snapshot entry '" + std::string(e) + "' (want frame.slot=value)";
      SnapEntry entry{uint16_t(slot), uint8_t(frame), SnapKind::Value, 0};
      if (!parse_snap_value(e.substr(eq + 1), &entry.kind, &entry.ref))
        return "bad snapshot value '" + std::string(e) + "'";
      entries.push_back(entry);
    }
    t_->add_snapshot(frames, entries);
    return "";
  }

  std::string parse_virtual(const std::vector<std::string_view>& w) {
    int64_t index, size;
    if (w.size() < 4 || !parse_i64(w[1], &index) || w[2].substr(0, 6) != "class=" ||
        w[3].substr(0, 5) != "size=" || !parse_i64(w[3].substr(5), &size))
      return "expected 'virtual N class=@0x.. size=S off=value...'";
    if (index != int64_t(t_->snapshots().virtual_count()))
      return "virtuals must be numbered 0, 1, ...";
    IrRef cls;
    if (!parse_operand(w[2].substr(6), &cls)) return "bad class";
    std::vector<VirtualField> fields;
    for (size_t i = 4; i < w.size(); ++i) {
      size_t eq = w[i].find('=');
      int64_t off;
      VirtualField f{0, SnapKind::Value, 0};
      if (eq == std::string_view::npos || !parse_i64(w[i].substr(0, eq), &off) ||
          !parse_snap_value(w[i].substr(eq + 1), &f.kind, &f.ref))
        return "bad field '" + std::string(w[i]) + "'";
      f.offset = int32_t(off);
      fields.push_back(f);
    }
    t_->snapshots().add_virtual(cls, uint32_t(size), fields);
    return "";
  }

  std::string parse_ins(std::vector<std::string_view> w) {
    IrRef index;
    if (w.size() < 3 || !parse_operand(w[0], &index) || is_const(index))
      return "expected 'NNNN type OP operands'";
    if (index != int64_t(t_->size()))
      return "instruction numbered " + std::to_string(index) + ", expected " +
             std::to_string(t_->size());
    IrType type;
    if (w[1] == "int")
      type = IrType::Int;
    else if (w[1] == "dbl")
      type = IrType::Dbl;
    else if (w[1] == "ref")
      type = IrType::Ref;
    else if (w[1] == "---")
      type = IrType::Void;
    else
      return "unknown type '" + std::string(w[1]) + "'";
    IrOp op;
    if (!op_from_name(w[2], &op)) return "unknown op '" + std::string(w[2]) + "'";
    // Trailing "[snap K]".
    int32_t snap = kNoSnap;
    if (w.size() >= 5 && w[w.size() - 2] == "[snap" && w.back().back() == ']') {
      int64_t k;
      if (!parse_i64(w.back().substr(0, w.back().size() - 1), &k)) return "bad [snap K]";
      snap = int32_t(k);
      w.resize(w.size() - 2);
    }
    const IrOpInfo& info = op_info(op);
    IrRef ops[3] = {0, 0, 0};
    size_t next = 3;
    for (int i = 0; i < 3; ++i) {
      OpndKind k = info.opnd[i];
      if (k == OpndKind::None) continue;
      if (next >= w.size()) return "missing operand " + std::string(1, char('a' + i));
      std::string_view s = w[next++];
      if (k == OpndKind::Imm) {
        int64_t v;
        if (!parse_i64(s, &v)) return "bad immediate '" + std::string(s) + "'";
        ops[i] = IrRef(v);
      } else if (k == OpndKind::Call) {
        CallDesc d;
        if (s.substr(0, 2) == "0x") {
          int64_t addr;
          if (!parse_i64(s, &addr)) return "bad helper address";
          d.addr = reinterpret_cast<const void*>(uintptr_t(addr));
        } else {
          d.addr = helpers_ ? helpers_->find(s) : nullptr;
          if (!d.addr) return "unknown helper '" + std::string(s) + "'";
          d.name = std::string(s);
        }
        while (next < w.size()) {
          if (d.nargs >= kMaxCallArgs) return "too many call arguments";
          if (!parse_operand(w[next], &d.args[d.nargs])) return "bad call argument";
          ++d.nargs;
          ++next;
        }
        t_->calls().push_back(std::move(d));
        ops[i] = IrRef(t_->calls().size() - 1);
      } else if (!parse_operand(s, &ops[i])) {
        return "bad operand '" + std::string(s) + "'";
      }
    }
    if (next != w.size()) return "extra operands";
    IrRef r = t_->emit_typed(op, type, ops[0], ops[1], ops[2]);
    t_->at(r).snap = snap;
    return "";
  }

  Trace* t_;
  const HelperRegistry* helpers_;
};

}  // namespace

ParseResult parse_trace(std::string_view text, Trace* out, const HelperRegistry* helpers) {
  *out = Trace();
  return Parser(out, helpers).run(text);
}

}  // namespace kestrel::jit
