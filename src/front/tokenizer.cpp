// The Python tokenizer, after CPython 3.11's Parser/tokenizer.c: indentation
// stack (with the tab-size-1 "alt" stack for TabError), bracket tracking for
// implicit line joining, numbers and string extents. String *contents* are
// decoded later by the parser (string_literal.cpp).
#include "front/tokenizer.h"

#include <cstring>

namespace kestrel {

namespace {

constexpr int kMaxParenLevel = 200;  // CPython's MAXLEVEL
constexpr int kTabSize = 8;

bool is_ident_start(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}
bool is_ident_char(unsigned char c) { return is_ident_start(c) || (c >= '0' && c <= '9'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

struct KeywordEntry {
  std::string_view text;
  Tok kind;
};
constexpr KeywordEntry kKeywords[] = {
#define KESTREL_X(name, text) {text, Tok::name},
    KESTREL_KEYWORD_TOKENS(KESTREL_X)
#undef KESTREL_X
};

Tok keyword_or_name(std::string_view word) {
  // Keywords are 2..8 ASCII lowercase letters (plus False/None/True); a
  // quick length/first-letter filter keeps this off the profile.
  if (word.size() < 2 || word.size() > 8) return Tok::Name;
  for (const auto& k : kKeywords) {
    if (k.text[0] == word[0] && k.text == word) return k.kind;
  }
  return Tok::Name;
}

// Decodes one UTF-8 code point at s[i] (for error messages only).
uint32_t decode_utf8(std::string_view s, size_t i, int* len) {
  unsigned char c = s[i];
  int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  if (i + n > s.size()) n = 1;
  uint32_t cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
  for (int k = 1; k < n; ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
  *len = n;
  return cp;
}

// Rough XID_Start test for non-ASCII code points: letters of the common
// scripts are accepted; symbols, punctuation and spaces are not.
bool is_non_ascii_ident_start(uint32_t cp) {
  if (cp < 0xAA) return false;
  if (cp == 0xAA || cp == 0xB5 || cp == 0xBA) return true;
  if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0x2000 && cp <= 0x2BFF) {
    // General punctuation, currency, arrows, math operators, box drawing,
    // dingbats... (a few letter-like symbols such as U+2118 are letters, but
    // nobody names variables with them).
    return cp >= 0x2C00 || (cp >= 0x2070 && cp <= 0x209F) || (cp >= 0x2100 && cp <= 0x214F);
  }
  if (cp >= 0x3000 && cp <= 0x303F) return cp == 0x3005 || cp == 0x3006 || cp == 0x3007;
  if (cp >= 0xFF00 && cp <= 0xFF20) return false;
  if (cp >= 0x1F000 && cp <= 0x1FAFF) return false;  // emoji
  if (cp >= 0xE000 && cp <= 0xF8FF) return false;    // private use
  return true;
}

std::string hex4(uint32_t cp) {
  char buf[16];
  snprintf(buf, sizeof buf, "%04X", cp);
  return buf;
}

}  // namespace

std::string_view tok_name(Tok kind) {
  switch (kind) {
    case Tok::EndMarker:
      return "ENDMARKER";
    case Tok::Name:
      return "NAME";
    case Tok::Number:
      return "NUMBER";
    case Tok::String:
      return "STRING";
    case Tok::Newline:
      return "NEWLINE";
    case Tok::Indent:
      return "INDENT";
    case Tok::Dedent:
      return "DEDENT";
#define KESTREL_X(name, text) \
  case Tok::name:             \
    return text;
      KESTREL_OPERATOR_TOKENS(KESTREL_X)
#undef KESTREL_X
#define KESTREL_X(name, text) \
  case Tok::name:             \
    return "'" text "'";
      KESTREL_KEYWORD_TOKENS(KESTREL_X)
#undef KESTREL_X
  }
  return "?";
}

Tokenizer::Tokenizer(std::string_view source, const std::string& filename)
    : src_(source),
      filename_(filename),
      pos_(0),
      end_(uint32_t(source.size())),
      line_(1),
      line_start_(0) {
  // A UTF-8 byte order mark is skipped, as CPython does.
  if (src_.size() >= 3 && src_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = line_start_ = 3;
}

Tokenizer::Tokenizer(std::string_view source, const std::string& filename, uint32_t begin,
                     uint32_t end, int line, int col)
    : src_(source),
      filename_(filename),
      pos_(begin),
      end_(end),
      line_(line),
      line_start_(begin - uint32_t(col)),
      expr_mode_(true),
      at_bol_(false) {}

std::string Tokenizer::line_text(int line) const {
  size_t start = 0;
  for (int l = 1; l < line; ++l) {
    size_t nl = src_.find('\n', start);
    if (nl == std::string_view::npos) return "";
    start = nl + 1;
  }
  size_t nl = src_.find('\n', start);
  std::string_view text = src_.substr(start, nl == std::string_view::npos ? nl : nl - start);
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  return std::string(text);
}

SyntaxErrorInfo Tokenizer::make_error(const char* type, std::string msg, int line, int col,
                                      int end_line, int end_col) const {
  SyntaxErrorInfo e;
  e.type_name = type;
  e.msg = std::move(msg);
  e.filename = filename_;
  e.lineno = line;
  e.text = line_text(line);
  // CPython's offsets count characters, not bytes.
  auto chars = [](const std::string& text, int byte_col) {
    int n = 0;
    for (int i = 0; i < byte_col && i < int(text.size()); ++i) {
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++n;
    }
    return n + (byte_col > int(text.size()) ? byte_col - int(text.size()) : 0);
  };
  e.offset = chars(e.text, col) + 1;
  e.end_lineno = end_line;
  if (end_col == kNoEnd) {
    e.end_offset = -1;
  } else if (end_col == kZeroEnd) {
    e.end_offset = 0;
  } else {
    e.end_offset = chars(end_line == line ? e.text : line_text(end_line), end_col) + 1;
  }
  return e;
}

void Tokenizer::fail_at(const char* type, std::string msg, int line, int col, int end_line,
                        int end_col) {
  throw make_error(type, std::move(msg), line, col, end_line, end_col);
}

// CPython's tokenizer errors report the tokenizer's read pointer `pos` as the
// 1-based offset, i.e. the caret sits on the character just before it.
void Tokenizer::fail(std::string msg, uint32_t pos) {
  int col = col_of(pos) - 1;
  fail_at("SyntaxError", std::move(msg), line_, col, line_, col);
}

Token Tokenizer::make(Tok kind, uint32_t start, uint32_t end) {
  Token t;
  t.kind = kind;
  t.start = start;
  t.end = end;
  return t;
}

Token Tokenizer::make_same_line(Tok kind, uint32_t start, uint32_t end) {
  Token t = make(kind, start, end);
  t.line = t.end_line = line_;
  t.col = col_of(start);
  t.end_col = col_of(end);
  return t;
}

// Measures the indentation of a new logical line and queues INDENT/DEDENT
// tokens. Returns false (and skips the line) for blank and comment-only lines.
bool Tokenizer::handle_indentation(Token* out) {
  (void)out;
  int col = 0, altcol = 0;
  uint32_t p = pos_;
  for (; p < end_; ++p) {
    char c = src_[p];
    if (c == ' ') {
      ++col, ++altcol;
    } else if (c == '\t') {
      col = (col / kTabSize + 1) * kTabSize;
      ++altcol;
    } else if (c == '\f') {
      col = altcol = 0;
    } else {
      break;
    }
  }
  pos_ = p;
  char c = peek(p);
  if (p >= end_ || c == '#' || c == '\n' || c == '\r' || c == '\\') {
    // Blank line: no indentation processing. (A backslash-newline at the
    // start of a line joins it with the next one, which CPython also treats
    // as not starting a new indentation level when the line is blank.)
    if (c != '\\') return false;
  }
  if (col == indents_.back()) {
    if (altcol != alt_indents_.back()) {
      fail_at("TabError", "inconsistent use of tabs and spaces in indentation", line_, 0, line_,
              kZeroEnd);
    }
  } else if (col > indents_.back()) {
    if (altcol <= alt_indents_.back()) {
      fail_at("TabError", "inconsistent use of tabs and spaces in indentation", line_, 0, line_,
              kZeroEnd);
    }
    indents_.push_back(col);
    alt_indents_.push_back(altcol);
    pending_indent_ = true;
  } else {
    while (indents_.size() > 1 && col < indents_.back()) {
      indents_.pop_back();
      alt_indents_.pop_back();
      ++pending_dedents_;
    }
    if (col != indents_.back()) {
      std::string text = line_text(line_);
      fail_at("IndentationError", "unindent does not match any outer indentation level", line_,
              int(text.size()), line_, kNoEnd);
    }
    if (altcol != alt_indents_.back()) {
      fail_at("TabError", "inconsistent use of tabs and spaces in indentation", line_, 0, line_,
              kZeroEnd);
    }
  }
  return true;
}

Token Tokenizer::next() {
  for (;;) {
    if (pending_indent_ || pending_dedents_ > 0) {
      // INDENT/DEDENT have no extent in CPython (col -1); we give them the
      // position of the first token of the line, which is what error
      // messages about them point at.
      Token t = make_same_line(pending_indent_ ? Tok::Indent : Tok::Dedent, pos_, pos_);
      if (pending_indent_) {
        pending_indent_ = false;
      } else {
        --pending_dedents_;
      }
      return t;
    }
    if (at_bol_ && !expr_mode_) {
      if (done_) goto eof;
      if (!handle_indentation(nullptr)) {
        // Blank or comment-only line: skip it entirely.
        uint32_t p = pos_;
        while (p < end_ && src_[p] != '\n') ++p;
        if (p >= end_) {
          pos_ = p;
          goto eof;
        }
        pos_ = p + 1;
        newline_at(pos_);
        continue;
      }
      at_bol_ = false;
      continue;  // emit queued INDENT/DEDENTs first
    }
    // Skip whitespace and comments.
    while (pos_ < end_) {
      char c = src_[pos_];
      if (c == ' ' || c == '\t' || c == '\f') {
        ++pos_;
      } else if (c == '#') {
        while (pos_ < end_ && src_[pos_] != '\n' && src_[pos_] != '\r') ++pos_;
      } else {
        break;
      }
    }
    if (pos_ >= end_) goto eof;
    {
      uint32_t start = pos_;
      unsigned char c = src_[pos_];
      if (c == '\n' || c == '\r') {
        uint32_t nl_end = pos_ + 1;
        if (c == '\r' && peek(nl_end) == '\n') ++nl_end;
        if (!parens_.empty() || expr_mode_) {
          pos_ = nl_end;
          newline_at(pos_);
          continue;
        }
        // NEWLINE tokens have zero width in CPython (end == start).
        Token t = make_same_line(Tok::Newline, start, start);
        pos_ = nl_end;
        newline_at(pos_);
        at_bol_ = true;
        line_has_tokens_ = false;
        return t;
      }
      line_has_tokens_ = true;
      if (c == '\\') {
        uint32_t p = pos_ + 1;
        if (peek(p) == '\r') ++p;
        if (p >= end_) {
          int col = col_of(p);
          fail_at("SyntaxError", "unexpected EOF while parsing", line_, col, line_, kNoEnd);
        }
        if (src_[p] != '\n') {
          fail_at("SyntaxError", "unexpected character after line continuation character", line_,
                  col_of(p + 1) - 1, line_, kZeroEnd);
        }
        pos_ = p + 1;
        newline_at(pos_);
        if (pos_ >= end_) {
          fail_at("SyntaxError", "unexpected EOF while parsing", line_ - 1,
                  int(line_text(line_ - 1).size()), line_ - 1, kNoEnd);
        }
        continue;
      }
      if (is_ident_start(c)) {
        uint32_t p = pos_;
        while (p < end_ && is_ident_char(src_[p])) ++p;
        std::string_view word = src_.substr(pos_, p - pos_);
        // String prefixes: r, u, b, f and the two-letter combinations.
        char q = peek(p);
        if ((q == '\'' || q == '"') && word.size() <= 2) {
          bool prefix = true;
          for (char ch : word) {
            if (!strchr("rRbBuUfF", ch)) prefix = false;
          }
          if (word.size() == 2) {
            char a = char(word[0] | 0x20), b = char(word[1] | 0x20);
            if (!((a == 'r' && (b == 'b' || b == 'f')) || (b == 'r' && (a == 'b' || a == 'f')))) {
              prefix = false;
            }
          }
          if (prefix) return lex_string(start, p);
        }
        // Non-ASCII characters must be letters, so that stray symbols get
        // CPython's "invalid character" message.
        for (uint32_t i = pos_; i < p; ++i) {
          if (static_cast<unsigned char>(src_[i]) >= 0x80) {
            int len;
            uint32_t cp = decode_utf8(src_, i, &len);
            if (!is_non_ascii_ident_start(cp)) {
              std::string ch(src_.substr(i, len));
              int col = col_of(i);
              fail_at("SyntaxError", "invalid character '" + ch + "' (U+" + hex4(cp) + ")", line_,
                      col, line_, col);
            }
            i += len - 1;
          }
        }
        pos_ = p;
        return make_same_line(keyword_or_name(word), start, p);
      }
      if (is_digit(c) || (c == '.' && is_digit(peek(pos_ + 1)))) return lex_number(start);
      if (c == '\'' || c == '"') return lex_string(start, start);

      // Operators, longest match first.
      char c1 = peek(pos_ + 1), c2 = peek(pos_ + 2);
      Tok kind = Tok::EndMarker;
      int len = 1;
      switch (c) {
        case '(':
          kind = Tok::LPar;
          break;
        case ')':
          kind = Tok::RPar;
          break;
        case '[':
          kind = Tok::LSqb;
          break;
        case ']':
          kind = Tok::RSqb;
          break;
        case '{':
          kind = Tok::LBrace;
          break;
        case '}':
          kind = Tok::RBrace;
          break;
        case ',':
          kind = Tok::Comma;
          break;
        case ';':
          kind = Tok::Semi;
          break;
        case '~':
          kind = Tok::Tilde;
          break;
        case ':':
          if (c1 == '=')
            kind = Tok::ColonEqual, len = 2;
          else
            kind = Tok::Colon;
          break;
        case '+':
          if (c1 == '=')
            kind = Tok::PlusEqual, len = 2;
          else
            kind = Tok::Plus;
          break;
        case '-':
          if (c1 == '=')
            kind = Tok::MinEqual, len = 2;
          else if (c1 == '>')
            kind = Tok::RArrow, len = 2;
          else
            kind = Tok::Minus;
          break;
        case '*':
          if (c1 == '*') {
            if (c2 == '=')
              kind = Tok::DoubleStarEqual, len = 3;
            else
              kind = Tok::DoubleStar, len = 2;
          } else if (c1 == '=') {
            kind = Tok::StarEqual, len = 2;
          } else {
            kind = Tok::Star;
          }
          break;
        case '/':
          if (c1 == '/') {
            if (c2 == '=')
              kind = Tok::DoubleSlashEqual, len = 3;
            else
              kind = Tok::DoubleSlash, len = 2;
          } else if (c1 == '=') {
            kind = Tok::SlashEqual, len = 2;
          } else {
            kind = Tok::Slash;
          }
          break;
        case '|':
          if (c1 == '=')
            kind = Tok::VBarEqual, len = 2;
          else
            kind = Tok::VBar;
          break;
        case '&':
          if (c1 == '=')
            kind = Tok::AmperEqual, len = 2;
          else
            kind = Tok::Amper;
          break;
        case '^':
          if (c1 == '=')
            kind = Tok::CircumflexEqual, len = 2;
          else
            kind = Tok::Circumflex;
          break;
        case '%':
          if (c1 == '=')
            kind = Tok::PercentEqual, len = 2;
          else
            kind = Tok::Percent;
          break;
        case '@':
          if (c1 == '=')
            kind = Tok::AtEqual, len = 2;
          else
            kind = Tok::At;
          break;
        case '=':
          if (c1 == '=')
            kind = Tok::EqEqual, len = 2;
          else
            kind = Tok::Equal;
          break;
        case '!':
          if (c1 == '=')
            kind = Tok::NotEqual, len = 2;
          else
            kind = Tok::Exclamation;
          break;
        case '<':
          if (c1 == '<') {
            if (c2 == '=')
              kind = Tok::LeftShiftEqual, len = 3;
            else
              kind = Tok::LeftShift, len = 2;
          } else if (c1 == '=') {
            kind = Tok::LessEqual, len = 2;
          } else if (c1 == '>') {
            // Barry-as-FLUFL `<>` is only valid with a __future__ import.
            kind = Tok::NotEqual, len = 2;
          } else {
            kind = Tok::Less;
          }
          break;
        case '>':
          if (c1 == '>') {
            if (c2 == '=')
              kind = Tok::RightShiftEqual, len = 3;
            else
              kind = Tok::RightShift, len = 2;
          } else if (c1 == '=') {
            kind = Tok::GreaterEqual, len = 2;
          } else {
            kind = Tok::Greater;
          }
          break;
        case '.':
          if (c1 == '.' && c2 == '.')
            kind = Tok::Ellipsis, len = 3;
          else
            kind = Tok::Dot;
          break;
        default:
          break;
      }
      if (kind == Tok::EndMarker) {
        if (c < 0x80 && (c < 0x20 || c == 0x7F)) {
          int col = col_of(start);
          fail_at("SyntaxError", "invalid non-printable character U+" + hex4(c), line_, col, line_,
                  col);
        }
        if (c >= 0x80) {
          int n;
          uint32_t cp = decode_utf8(src_, start, &n);
          int col = col_of(start);
          fail_at(
              "SyntaxError",
              "invalid character '" + std::string(src_.substr(start, n)) + "' (U+" + hex4(cp) + ")",
              line_, col, line_, col);
        }
        // `$`, `?`, backtick: CPython hands these to the parser as an
        // ERRORTOKEN operator, which yields a plain "invalid syntax".
        kind = Tok::Exclamation;
      }
      if (kind == Tok::LPar || kind == Tok::LSqb || kind == Tok::LBrace) {
        if (parens_.size() >= size_t(kMaxParenLevel)) {
          int col = col_of(start);
          fail_at("SyntaxError", "too many nested parentheses", line_, col, line_, col);
        }
        parens_.push_back({char(c), line_, col_of(start)});
      } else if (kind == Tok::RPar || kind == Tok::RSqb || kind == Tok::RBrace) {
        int col = col_of(start);
        if (parens_.empty()) {
          fail_at("SyntaxError", std::string("unmatched '") + char(c) + "'", line_, col, line_,
                  col);
        }
        Paren open = parens_.back();
        char want = open.ch == '(' ? ')' : open.ch == '[' ? ']' : '}';
        if (want != char(c)) {
          std::string msg = std::string("closing parenthesis '") + char(c) +
                            "' does not match opening parenthesis '" + open.ch + "'";
          if (open.line != line_) msg += " on line " + std::to_string(open.line);
          fail_at("SyntaxError", msg, line_, col, line_, col);
        }
        parens_.pop_back();
      }
      pos_ += len;
      return make_same_line(kind, start, pos_);
    }
  eof:
    pos_ = end_;
    // Inside an unclosed bracket CPython's tokenizer reports EOF straight
    // away (no NEWLINE/DEDENT), and the parser turns that into "'(' was
    // never closed".
    if (expr_mode_ || !parens_.empty()) return make_same_line(Tok::EndMarker, pos_, pos_);
    if (line_has_tokens_) {
      // CPython supplies the missing final newline.
      line_has_tokens_ = false;
      at_bol_ = true;
      done_ = true;
      return make_same_line(Tok::Newline, pos_, pos_);
    }
    if (pending_dedents_ > 0) continue;
    at_bol_ = true;
    done_ = true;
    if (indents_.size() > 1) {
      pending_dedents_ = int(indents_.size()) - 1;
      indents_.resize(1);
      alt_indents_.resize(1);
      continue;
    }
    return make_same_line(Tok::EndMarker, pos_, pos_);
  }
}

void Tokenizer::verify_end_of_number(uint32_t pos, const char* kind) {
  // A number may be directly followed by a keyword (`1if x else y`), which
  // CPython 3.11 only warns about; any other identifier character is an error.
  char c = peek(pos);
  auto ahead = [&](const char* word) {
    size_t n = strlen(word);
    return src_.substr(pos, n) == word;
  };
  if (ahead("and") || ahead("else") || ahead("for") || ahead("if") || ahead("in") || ahead("is") ||
      ahead("or") || ahead("not")) {
    return;
  }
  if (is_ident_char(c)) fail(std::string("invalid ") + kind + " literal", pos);
}

Token Tokenizer::lex_number(uint32_t start) {
  uint32_t p = start;
  auto decimal_tail = [&]() {
    // digits ('_'? digits)*; p is at a digit.
    for (;;) {
      while (is_digit(peek(p))) ++p;
      if (peek(p) != '_') break;
      ++p;
      if (!is_digit(peek(p))) fail("invalid decimal literal", p);
    }
  };
  auto exponent_and_imag = [&]() {
    char c = peek(p);
    if (c == 'e' || c == 'E') {
      uint32_t e = p;
      ++p;
      if (peek(p) == '+' || peek(p) == '-') {
        ++p;
        if (!is_digit(peek(p))) fail("invalid decimal literal", p);
      } else if (!is_digit(peek(p))) {
        p = e;
        verify_end_of_number(p, "decimal");
        return;
      }
      decimal_tail();
    }
    if (peek(p) == 'j' || peek(p) == 'J') {
      ++p;  // imaginary literal: the parser sees the 'j'
      verify_end_of_number(p, "imaginary");
      return;
    }
    verify_end_of_number(p, "decimal");
  };
  if (src_[p] == '.') {
    ++p;
    decimal_tail();
    exponent_and_imag();
  } else if (src_[p] == '0' && (peek(p + 1) | 0x20) == 'x') {
    p += 2;
    do {
      if (peek(p) == '_') ++p;
      if (!is_hex(peek(p))) fail("invalid hexadecimal literal", p);
      while (is_hex(peek(p))) ++p;
    } while (peek(p) == '_');
    verify_end_of_number(p, "hexadecimal");
  } else if (src_[p] == '0' && ((peek(p + 1) | 0x20) == 'o' || (peek(p + 1) | 0x20) == 'b')) {
    bool octal = (peek(p + 1) | 0x20) == 'o';
    const char* kind = octal ? "octal" : "binary";
    char max = octal ? '7' : '1';
    p += 2;
    do {
      if (peek(p) == '_') ++p;
      char c = peek(p);
      if (c < '0' || c > max) {
        if (is_digit(c))
          fail(std::string("invalid digit '") + c + "' in " + kind + " literal", p + 1);
        fail(std::string("invalid ") + kind + " literal", p);
      }
      while (peek(p) >= '0' && peek(p) <= max) ++p;
    } while (peek(p) == '_');
    if (is_digit(peek(p))) {
      fail(std::string("invalid digit '") + peek(p) + "' in " + kind + " literal", p + 1);
    }
    verify_end_of_number(p, kind);
  } else {
    bool leading_zero = src_[p] == '0';
    bool nonzero = false;
    decimal_tail();
    for (uint32_t i = start; i < p; ++i) {
      if (src_[i] != '0' && src_[i] != '_') nonzero = true;
    }
    char c = peek(p);
    if (c == '.') {
      ++p;
      if (is_digit(peek(p))) decimal_tail();
      exponent_and_imag();
    } else if (c == 'e' || c == 'E' || c == 'j' || c == 'J') {
      exponent_and_imag();
    } else {
      if (leading_zero && nonzero) {
        int col = col_of(start);
        fail_at("SyntaxError",
                "leading zeros in decimal integer literals are not permitted; use an 0o prefix "
                "for octal integers",
                line_, col, line_, col_of(p) - 1);
      }
      verify_end_of_number(p, "decimal");
    }
  }
  pos_ = p;
  return make_same_line(Tok::Number, start, p);
}

Token Tokenizer::lex_string(uint32_t start, uint32_t quote_pos) {
  char q = src_[quote_pos];
  bool triple = peek(quote_pos + 1) == q && peek(quote_pos + 2) == q;
  uint32_t p = quote_pos + (triple ? 3 : 1);
  int start_line = line_, start_col = col_of(start);
  uint32_t start_line_start = line_start_;
  for (;;) {
    if (p >= end_) {
      if (triple) {
        // "detected at" names the last line of the file.
        int last = line_;
        if (p > 0 && src_[p - 1] == '\n' && p - 1 >= quote_pos + 3) --last;
        fail_at("SyntaxError",
                "unterminated triple-quoted string literal (detected at line " +
                    std::to_string(last) + ")",
                start_line, start_col, start_line, start_col);
      }
      // At EOF CPython's line counter has not moved past the final newline.
      int last = line_;
      if (p > 0 && src_[p - 1] == '\n' && line_ > start_line) --last;
      fail_at("SyntaxError",
              "unterminated string literal (detected at line " + std::to_string(last) + ")",
              start_line, start_col, start_line, start_col);
    }
    char c = src_[p];
    if (c == q) {
      if (!triple) {
        ++p;
        break;
      }
      if (peek(p + 1) == q && peek(p + 2) == q) {
        p += 3;
        break;
      }
      ++p;
    } else if (c == '\\') {
      char n = peek(p + 1);
      if (n == '\n' || n == '\r') {
        p += (n == '\r' && peek(p + 2) == '\n') ? 3 : 2;
        newline_at(p);
      } else {
        p += p + 1 < end_ ? 2 : 1;
      }
    } else if (c == '\n' || c == '\r') {
      if (!triple) {
        fail_at("SyntaxError",
                "unterminated string literal (detected at line " + std::to_string(line_) + ")",
                start_line, start_col, start_line, start_col);
      }
      p += (c == '\r' && peek(p + 1) == '\n') ? 2 : 1;
      newline_at(p);
    } else {
      ++p;
    }
  }
  Token t = make(Tok::String, start, p);
  t.line = start_line;
  t.col = int(start - start_line_start);
  t.end_line = line_;
  t.end_col = col_of(p);
  pos_ = p;
  return t;
}

std::string digits_to_decimal(std::string_view digits, int base) {
  // Schoolbook conversion: decimal digits little-endian in base 1e9 limbs.
  std::vector<uint32_t> limbs;
  for (char ch : digits) {
    uint32_t d = is_digit(ch) ? ch - '0' : (ch | 0x20) - 'a' + 10;
    uint64_t carry = d;
    for (auto& limb : limbs) {
      uint64_t v = uint64_t(limb) * base + carry;
      limb = uint32_t(v % 1000000000u);
      carry = v / 1000000000u;
    }
    while (carry) {
      limbs.push_back(uint32_t(carry % 1000000000u));
      carry /= 1000000000u;
    }
  }
  if (limbs.empty()) return "0";
  std::string out = std::to_string(limbs.back());
  char buf[16];
  for (size_t i = limbs.size() - 1; i-- > 0;) {
    snprintf(buf, sizeof buf, "%09u", limbs[i]);
    out += buf;
  }
  return out;
}

}  // namespace kestrel
