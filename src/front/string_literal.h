// Decoding of STRING tokens: escapes, bytes, implicit concatenation and
// f-strings (CPython 3.11 rules). Internal to the front end; used by the parser.
#pragma once

#include <cstdint>
#include <string>

#include "front/ast.h"
#include "front/token.h"
#include "front/tokenizer.h"

namespace kestrel {

// The parser side of f-string decoding: parses the replacement-field
// expression source[begin, end) (starting at line/col) as CPython does with
// "(" + text + ")".
class FStringExprParser {
 public:
  virtual ast::ExprPtr parse_fstring_expr(uint32_t begin, uint32_t end, int line, int col) = 0;

 protected:
  ~FStringExprParser() = default;
};

// Builds the Constant (str/bytes) or JoinedStr for the adjacent STRING tokens
// toks[0..n). `tokenizer` supplies the source text and error formatting.
ast::ExprPtr decode_string_tokens(const Token* toks, size_t n, const Tokenizer& tokenizer,
                                  FStringExprParser& host);

// Looks up a Unicode character name for \N{...}; returns -1 if unknown.
int32_t lookup_unicode_name(std::string_view name);

}  // namespace kestrel
