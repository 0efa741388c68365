// Token kinds and the Token record produced by the tokenizer (tokenizer.h)
// and consumed by the parser. Keywords get their own kinds so the parser can
// switch on them directly instead of comparing identifier text.
#pragma once

#include <cstdint>
#include <string_view>

namespace kestrel {

// X-macro lists: (enumerator, spelling). Operators are matched longest-first by
// the tokenizer, so the spelling here is only used for messages and tests.
#define KESTREL_OPERATOR_TOKENS(X)                                                                 \
  X(LPar, "(")                                                                                     \
  X(RPar, ")") X(LSqb, "[") X(RSqb, "]") X(LBrace, "{") X(RBrace, "}") X(Colon, ":") X(Comma, ",") \
      X(Semi, ";") X(Plus, "+") X(Minus, "-") X(Star, "*") X(Slash, "/") X(VBar, "|")              \
          X(Amper, "&") X(Less, "<") X(Greater, ">") X(Equal, "=") X(Dot, ".") X(Percent, "%")     \
              X(EqEqual, "==") X(NotEqual, "!=") X(LessEqual, "<=") X(GreaterEqual, ">=")          \
                  X(Tilde, "~") X(Circumflex, "^") X(LeftShift, "<<") X(RightShift, ">>")          \
                      X(DoubleStar, "**") X(PlusEqual, "+=") X(MinEqual, "-=") X(StarEqual, "*=")  \
                          X(SlashEqual, "/=") X(PercentEqual, "%=") X(AmperEqual, "&=")            \
                              X(VBarEqual, "|=") X(CircumflexEqual, "^=") X(LeftShiftEqual, "<<=") \
                                  X(RightShiftEqual, ">>=") X(DoubleStarEqual, "**=")              \
                                      X(DoubleSlash, "//") X(DoubleSlashEqual, "//=") X(At, "@")   \
                                          X(AtEqual, "@=") X(RArrow, "->") X(Ellipsis, "...")      \
                                              X(ColonEqual, ":=") X(Exclamation, "!")

#define KESTREL_KEYWORD_TOKENS(X)                                                                 \
  X(KwFalse, "False")                                                                             \
  X(KwNone, "None") X(KwTrue, "True") X(KwAnd, "and") X(KwAs, "as") X(KwAssert, "assert")         \
      X(KwAsync, "async") X(KwAwait, "await") X(KwBreak, "break") X(KwClass, "class")             \
          X(KwContinue, "continue") X(KwDef, "def") X(KwDel, "del") X(KwElif, "elif")             \
              X(KwElse, "else") X(KwExcept, "except") X(KwFinally, "finally") X(KwFor, "for")     \
                  X(KwFrom, "from") X(KwGlobal, "global") X(KwIf, "if") X(KwImport, "import")     \
                      X(KwIn, "in") X(KwIs, "is") X(KwLambda, "lambda") X(KwNonlocal, "nonlocal") \
                          X(KwNot, "not") X(KwOr, "or") X(KwPass, "pass") X(KwRaise, "raise")     \
                              X(KwReturn, "return") X(KwTry, "try") X(KwWhile, "while")           \
                                  X(KwWith, "with") X(KwYield, "yield")

enum class Tok : uint8_t {
  EndMarker,
  Name,
  Number,
  String,
  Newline,
  Indent,
  Dedent,
#define KESTREL_X(name, text) name,
  KESTREL_OPERATOR_TOKENS(KESTREL_X) KESTREL_KEYWORD_TOKENS(KESTREL_X)
#undef KESTREL_X
};

// Printable name of a token kind ("NAME", "'('", "'if'").
std::string_view tok_name(Tok kind);

struct Token {
  Tok kind = Tok::EndMarker;
  uint32_t start = 0, end = 0;  // byte offsets into the source
  int line = 0, col = 0;        // 1-based line, 0-based byte column of the start
  int end_line = 0, end_col = 0;
};

}  // namespace kestrel
