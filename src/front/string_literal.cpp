// Decoding of STRING tokens into Constant / JoinedStr nodes: prefixes,
// backslash escapes, implicit concatenation and f-strings. The f-string
// scanner follows CPython 3.11's Parser/string_parser.c (fstring_find_literal
// and fstring_find_expr), including its error messages.
#include "front/string_literal.h"

#include <cstring>

namespace kestrel {

namespace {

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += char(cp);
  } else if (cp < 0x800) {
    out += char(0xC0 | (cp >> 6));
    out += char(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += char(0xE0 | (cp >> 12));
    out += char(0x80 | ((cp >> 6) & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  } else {
    out += char(0xF0 | (cp >> 18));
    out += char(0x80 | ((cp >> 12) & 0x3F));
    out += char(0x80 | ((cp >> 6) & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  }
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

struct Prefix {
  bool raw = false, bytes = false, fstring = false;
  uint32_t len = 0;  // prefix letters
};

Prefix parse_prefix(std::string_view text) {
  Prefix p;
  while (p.len < text.size() && text[p.len] != '\'' && text[p.len] != '"') {
    char c = char(text[p.len] | 0x20);
    if (c == 'r') p.raw = true;
    if (c == 'b') p.bytes = true;
    if (c == 'f') p.fstring = true;
    ++p.len;
  }
  return p;
}

class StringDecoder {
 public:
  StringDecoder(const Token* toks, size_t n, const Tokenizer& tk, FStringExprParser& host)
      : toks_(toks), n_(n), tk_(tk), src_(tk.source()), host_(host) {
    whole_ = {toks[0].line, toks[0].col, toks[n - 1].end_line, toks[n - 1].end_col};
  }

  ast::ExprPtr run();

 private:
  [[noreturn]] void fail(std::string msg) const {
    // CPython reports string-content errors at the token after the string.
    const Token& last = toks_[n_ - 1];
    throw tk_.make_error("SyntaxError", std::move(msg), last.end_line, last.end_col, last.end_line,
                         last.end_col);
  }
  // Appends the decoded form of the literal text body[b, e) to `out`.
  void decode(uint32_t b, uint32_t e, bool raw, bool bytes, std::string& out, uint32_t body);
  // Parses an f-string body from *pos; stops at the end or (in a format
  // spec) at the closing '}'. Literal text accumulates in `pending`.
  void fstring_parts(uint32_t* pos, uint32_t end, bool raw, int level, ast::ExprList& parts,
                     std::string& pending, uint32_t body);
  void parse_field(uint32_t* pos, uint32_t end, bool raw, int level, ast::ExprList& parts,
                   std::string& pending, uint32_t body);
  void flush(ast::ExprList& parts, std::string& pending) {
    if (pending.empty()) return;
    parts.push_back(make_const(std::move(pending)));
    pending.clear();
  }
  ast::ExprPtr make_const(std::string s) {
    auto c = std::make_unique<ast::ConstantExpr>();
    c->loc = whole_;
    c->value = Constant::str(std::move(s));
    return c;
  }
  // Line and column of source offset `off` inside the current token.
  void line_col(uint32_t off, int* line, int* col) const {
    int l = cur_->line;
    uint32_t line_start = cur_->start - uint32_t(cur_->col);
    for (uint32_t i = cur_->start; i < off; ++i) {
      if (src_[i] == '\n') {
        ++l;
        line_start = i + 1;
      }
    }
    *line = l;
    *col = int(off - line_start);
  }

  const Token* toks_;
  size_t n_;
  const Tokenizer& tk_;
  std::string_view src_;
  FStringExprParser& host_;
  ast::Loc whole_;
  const Token* cur_ = nullptr;
};

void StringDecoder::decode(uint32_t b, uint32_t e, bool raw, bool bytes, std::string& out,
                           uint32_t body) {
  if (raw) {
    for (uint32_t i = b; i < e; ++i) {
      // Universal newlines: \r\n and \r in the source read as \n.
      if (src_[i] == '\r') {
        out += '\n';
        if (i + 1 < e && src_[i + 1] == '\n') ++i;
      } else {
        out += src_[i];
      }
    }
    return;
  }
  auto position_error = [&](uint32_t from, uint32_t to, const char* what) {
    fail("(unicode error) 'unicodeescape' codec can't decode bytes in position " +
         std::to_string(from - body) + "-" + std::to_string(to - body) + ": " + what);
  };
  for (uint32_t i = b; i < e; ++i) {
    char c = src_[i];
    if (c == '\r') {
      out += '\n';
      if (i + 1 < e && src_[i + 1] == '\n') ++i;
      continue;
    }
    if (c != '\\') {
      out += c;
      continue;
    }
    uint32_t bs = i;
    if (++i >= e) {
      out += '\\';
      break;
    }
    c = src_[i];
    switch (c) {
      case '\n':
        break;
      case '\r':
        if (i + 1 < e && src_[i + 1] == '\n') ++i;
        break;
      case '\\':
        out += '\\';
        break;
      case '\'':
        out += '\'';
        break;
      case '"':
        out += '"';
        break;
      case 'a':
        out += '\a';
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'v':
        out += '\v';
        break;
      case '0':
      case '1':
      case '2':
      case '3':
      case '4':
      case '5':
      case '6':
      case '7': {
        uint32_t v = c - '0';
        for (int k = 0; k < 2 && i + 1 < e && src_[i + 1] >= '0' && src_[i + 1] <= '7'; ++k) {
          v = v * 8 + (src_[++i] - '0');
        }
        if (bytes) {
          out += char(v & 0xFF);
        } else {
          append_utf8(out, v);
        }
        break;
      }
      case 'x':
      case 'u':
      case 'U': {
        if (bytes && c != 'x') {  // \u and \U are not escapes in bytes
          out += '\\';
          out += c;
          break;
        }
        int digits = c == 'x' ? 2 : c == 'u' ? 4 : 8;
        uint32_t v = 0;
        int k = 0;
        for (; k < digits && i + 1 < e && hex_value(src_[i + 1]) >= 0; ++k) {
          v = v * 16 + uint32_t(hex_value(src_[++i]));
        }
        if (k < digits) {
          if (bytes)
            fail("(value error) invalid \\x escape at position " + std::to_string(bs - body));
          position_error(bs, i,
                         c == 'x'   ? "truncated \\xXX escape"
                         : c == 'u' ? "truncated \\uXXXX escape"
                                    : "truncated \\UXXXXXXXX escape");
        }
        if (bytes) {
          out += char(v);
        } else {
          if (v > 0x10FFFF) position_error(bs, i, "illegal Unicode character");
          append_utf8(out, v);
        }
        break;
      }
      case 'N': {
        if (bytes) {
          out += "\\N";
          break;
        }
        if (i + 1 >= e || src_[i + 1] != '{')
          position_error(bs, i, "malformed \\N character escape");
        uint32_t close = i + 2;
        while (close < e && src_[close] != '}') ++close;
        if (close >= e || close == i + 2) {
          position_error(bs, close >= e ? e - 1 : close, "malformed \\N character escape");
        }
        int32_t cp = lookup_unicode_name(src_.substr(i + 2, close - i - 2));
        if (cp < 0) position_error(bs, close, "unknown Unicode character name");
        append_utf8(out, uint32_t(cp));
        i = close;
        break;
      }
      default:
        // Unknown escapes are kept verbatim (CPython only warns).
        out += '\\';
        out += c;
        break;
    }
  }
}

void StringDecoder::fstring_parts(uint32_t* pos, uint32_t end, bool raw, int level,
                                  ast::ExprList& parts, std::string& pending, uint32_t body) {
  uint32_t i = *pos;
  while (i < end) {
    // Literal text up to the next brace (skipping \N{...} in non-raw strings).
    uint32_t lit = i;
    while (i < end) {
      char c = src_[i];
      if (!raw && c == '\\' && i + 2 < end && src_[i + 1] == 'N' && src_[i + 2] == '{') {
        i += 3;
        while (i < end && src_[i] != '}') ++i;
        if (i < end) ++i;
        continue;
      }
      if (!raw && c == '\\' && i + 1 < end) {
        i += 2;
        continue;
      }
      if (c == '{' || c == '}') break;
      ++i;
    }
    decode(lit, i, raw, false, pending, body);
    if (i >= end) break;
    char c = src_[i];
    if (c == '}') {
      if (level > 0) break;  // end of a format spec
      if (i + 1 < end && src_[i + 1] == '}') {
        pending += '}';
        i += 2;
        continue;
      }
      fail("f-string: single '}' is not allowed");
    }
    // c == '{'
    if (i + 1 < end && src_[i + 1] == '{' && level == 0) {
      pending += '{';
      i += 2;
      continue;
    }
    ++i;
    parse_field(&i, end, raw, level, parts, pending, body);
  }
  *pos = i;
}

void StringDecoder::parse_field(uint32_t* pos, uint32_t end, bool raw, int level,
                                ast::ExprList& parts, std::string& pending, uint32_t body) {
  if (level >= 2) fail("f-string: expressions nested too deeply");
  uint32_t i = *pos;
  uint32_t expr_start = i;
  // Find the end of the expression, as fstring_find_expr does: track nested
  // brackets and string literals; stop at a top-level '!', ':', '=' or '}'.
  char quote = 0;
  int quote_len = 0;
  std::vector<char> brackets;
  for (; i < end; ++i) {
    char c = src_[i];
    if (c == '\\') fail("f-string expression part cannot include a backslash");
    if (quote) {
      if (c == quote &&
          (quote_len == 1 || (i + 2 < end && src_[i + 1] == quote && src_[i + 2] == quote))) {
        i += quote_len - 1;
        quote = 0;
      }
      continue;
    }
    if (c == '\'' || c == '"') {
      quote = c;
      quote_len = (i + 2 < end && src_[i + 1] == c && src_[i + 2] == c) ? 3 : 1;
      i += quote_len - 1;
      continue;
    }
    if (c == '[' || c == '(' || c == '{') {
      if (brackets.size() >= 200) fail("f-string: too many nested parenthesis");
      brackets.push_back(c);
      continue;
    }
    if (c == '#') fail("f-string expression part cannot include '#'");
    if (brackets.empty()) {
      char n = i + 1 < end ? src_[i + 1] : 0;
      if (c == '!' && n != '=') break;
      if (c == ':' || c == '}') break;
      if (c == '=' && n != '=' && (i == expr_start || !strchr("=!<>", src_[i - 1]))) break;
      if (c == '!' || c == '=' || c == '<' || c == '>') {
        if (n == '=') ++i;  // two-char operator
        continue;
      }
    }
    if (c == ']' || c == ')' || c == '}') {
      if (brackets.empty()) fail(std::string("f-string: unmatched '") + c + "'");
      char open = brackets.back();
      brackets.pop_back();
      if (!((open == '(' && c == ')') || (open == '[' && c == ']') || (open == '{' && c == '}'))) {
        fail(std::string("f-string: closing parenthesis '") + c +
             "' does not match opening parenthesis '" + open + "'");
      }
    }
  }
  if (quote) fail("f-string: unterminated string");
  if (!brackets.empty()) fail("f-string: expecting '}'");
  if (i >= end) fail("f-string: expecting '}'");
  uint32_t expr_end = i;
  bool blank = true;
  for (uint32_t k = expr_start; k < expr_end; ++k) {
    if (!strchr(" \t\n\r\f\v", src_[k])) blank = false;
  }
  if (blank) fail("f-string: empty expression not allowed");
  int line, col;
  line_col(expr_start, &line, &col);
  ast::ExprPtr value = host_.parse_fstring_expr(expr_start, expr_end, line, col);

  bool self_doc = false;
  if (src_[i] == '=') {
    // Self-documenting `{expr=}`: the text through '=' and the whitespace
    // after it becomes literal text.
    ++i;
    while (i < end && strchr(" \t\n\r\f\v", src_[i])) ++i;
    if (i >= end) fail("f-string: expecting '}'");
    pending.append(src_.substr(expr_start, i - expr_start));
    self_doc = true;
  }
  int conversion = -1;
  if (src_[i] == '!') {
    ++i;
    if (i >= end) fail("f-string: expecting '}'");
    char conv = src_[i++];
    if (conv != 's' && conv != 'r' && conv != 'a') {
      fail("f-string: invalid conversion character: expected 's', 'r', or 'a'");
    }
    conversion = conv;
    if (i >= end) fail("f-string: expecting '}'");
  }
  ast::ExprPtr spec;
  if (i < end && src_[i] == ':') {
    ++i;
    ast::ExprList spec_parts;
    std::string spec_pending;
    fstring_parts(&i, end, raw, level + 1, spec_parts, spec_pending, body);
    flush(spec_parts, spec_pending);
    // CPython 3.11 gives a format spec and its trailing literal text the
    // location of the one STRING token they come from, not of the whole
    // concatenation (literal text before a nested field keeps the latter).
    ast::Loc token_loc{cur_->line, cur_->col, cur_->end_line, cur_->end_col};
    if (!spec_parts.empty() && spec_parts.back()->kind == ast::ExprKind::Constant) {
      spec_parts.back()->loc = token_loc;
    }
    auto js = std::make_unique<ast::JoinedStr>();
    js->loc = token_loc;
    js->values = std::move(spec_parts);
    spec = std::move(js);
  }
  if (i >= end || src_[i] != '}') fail("f-string: expecting '}'");
  ++i;
  if (self_doc && conversion == -1 && !spec) conversion = 'r';
  flush(parts, pending);
  auto fv = std::make_unique<ast::FormattedValue>();
  fv->loc = whole_;
  fv->value = std::move(value);
  fv->conversion = conversion;
  fv->format_spec = std::move(spec);
  parts.push_back(std::move(fv));
  *pos = i;
}

ast::ExprPtr StringDecoder::run() {
  bool any_bytes = false, any_str = false, any_f = false;
  for (size_t k = 0; k < n_; ++k) {
    Prefix p = parse_prefix(src_.substr(toks_[k].start, toks_[k].end - toks_[k].start));
    (p.bytes ? any_bytes : any_str) = true;
    any_f |= p.fstring;
  }
  if (any_bytes && any_str) fail("cannot mix bytes and nonbytes literals");
  ast::ExprList parts;
  std::string pending;
  for (size_t k = 0; k < n_; ++k) {
    cur_ = &toks_[k];
    std::string_view text = src_.substr(cur_->start, cur_->end - cur_->start);
    Prefix p = parse_prefix(text);
    char q = text[p.len];
    uint32_t quote_len =
        text.size() >= p.len + 6 && text[p.len + 1] == q && text[p.len + 2] == q ? 3 : 1;
    uint32_t body = cur_->start + p.len + quote_len;
    uint32_t body_end = cur_->end - quote_len;
    if (p.bytes) {
      for (uint32_t i = body; i < body_end; ++i) {
        if (static_cast<unsigned char>(src_[i]) >= 0x80) {
          throw tk_.make_error("SyntaxError", "bytes can only contain ASCII literal characters",
                               cur_->line, cur_->col, cur_->end_line, cur_->end_col);
        }
      }
    }
    if (p.fstring) {
      uint32_t i = body;
      fstring_parts(&i, body_end, p.raw, 0, parts, pending, body);
    } else {
      decode(body, body_end, p.raw, p.bytes, pending, body);
    }
  }
  if (!any_f) {
    auto c = std::make_unique<ast::ConstantExpr>();
    c->loc = whole_;
    if (any_bytes) {
      c->value.kind = Constant::Kind::Bytes;
      c->value.text = std::move(pending);
    } else {
      c->value = Constant::str(std::move(pending));
    }
    return c;
  }
  flush(parts, pending);
  auto js = std::make_unique<ast::JoinedStr>();
  js->loc = whole_;
  js->values = std::move(parts);
  return js;
}

}  // namespace

ast::ExprPtr decode_string_tokens(const Token* toks, size_t n, const Tokenizer& tokenizer,
                                  FStringExprParser& host) {
  StringDecoder d(toks, n, tokenizer, host);
  return d.run();
}

}  // namespace kestrel
