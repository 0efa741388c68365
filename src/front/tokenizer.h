// The Python tokenizer: UTF-8 source -> Tokens (with NEWLINE/INDENT/DEDENT),
// produced lazily so that errors surface in the same order as in CPython,
// whose PEG parser pulls tokens on demand.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "front/frontend.h"
#include "front/token.h"

namespace kestrel {

class Tokenizer {
 public:
  // Tokenizes the whole of `source`.
  Tokenizer(std::string_view source, const std::string& filename);
  // Tokenizes source[begin, end) as a parenthesised expression (the inside of
  // an f-string replacement field): newlines are insignificant, no
  // INDENT/DEDENT/NEWLINE tokens, positions are those of the full source.
  Tokenizer(std::string_view source, const std::string& filename, uint32_t begin, uint32_t end,
            int line, int col);

  // Returns the next token; throws SyntaxErrorInfo on a lexical error.
  Token next();

  struct Paren {
    char ch;
    int line, col;
  };
  const std::vector<Paren>& open_parens() const { return parens_; }
  std::string_view source() const { return src_; }
  const std::string& filename() const { return filename_; }

  // Builds a SyntaxErrorInfo located at 0-based byte columns on `line`
  // (offsets are converted to CPython's 1-based character offsets). An
  // end_col of kNoEnd leaves CPython's -1 marker; kZeroEnd stores 0.
  static constexpr int kNoEnd = -1000000;
  static constexpr int kZeroEnd = -2000000;
  SyntaxErrorInfo make_error(const char* type, std::string msg, int line, int col, int end_line,
                             int end_col) const;
  // The text of 1-based line `line` (without its newline).
  std::string line_text(int line) const;

 private:
  [[noreturn]] void fail(std::string msg, uint32_t pos);  // error at 1-based offset pos-line_start
  [[noreturn]] void fail_at(const char* type, std::string msg, int line, int col, int end_line,
                            int end_col);
  Token make(Tok kind, uint32_t start, uint32_t end);
  Token make_same_line(Tok kind, uint32_t start, uint32_t end);
  bool handle_indentation(Token* out);  // at the start of a logical line
  Token lex_number(uint32_t start);
  Token lex_string(uint32_t start, uint32_t quote_pos);
  void verify_end_of_number(uint32_t pos, const char* kind);
  int col_of(uint32_t pos) const { return int(pos - line_start_); }
  char peek(uint32_t pos) const { return pos < end_ ? src_[pos] : '\0'; }
  void newline_at(uint32_t next_line_start) {
    ++line_;
    line_start_ = next_line_start;
  }

  std::string_view src_;
  std::string filename_;
  uint32_t pos_, end_;
  int line_;
  uint32_t line_start_;  // offset of the current line (may be "virtual" for sub-tokenizers)
  bool expr_mode_ = false;
  bool at_bol_ = true;            // at the beginning of a logical line
  bool line_has_tokens_ = false;  // a NEWLINE is owed at EOF
  int pending_dedents_ = 0;
  bool pending_indent_ = false;
  bool done_ = false;
  std::vector<int> indents_{0}, alt_indents_{0};
  std::vector<Paren> parens_;
};

// Decimal digit text of the unsigned integer written in `digits` (no prefix,
// no underscores) in base 2, 8, 10 or 16.
std::string digits_to_decimal(std::string_view digits, int base);

}  // namespace kestrel
