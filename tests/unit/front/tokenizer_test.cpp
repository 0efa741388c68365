// Tokenizer tests: token kinds and positions for indentation, numbers,
// strings and operators, and CPython's messages for lexical errors.
#include "front/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kestrel {
namespace {

std::vector<Token> lex(const std::string& src) {
  Tokenizer t(src, "t.py");
  std::vector<Token> out;
  for (;;) {
    out.push_back(t.next());
    if (out.back().kind == Tok::EndMarker) return out;
  }
}

// Space-separated token names, e.g. "NAME = NUMBER NEWLINE ENDMARKER".
std::string kinds(const std::string& src) {
  std::string s;
  for (const Token& t : lex(src)) {
    if (!s.empty()) s += ' ';
    s += tok_name(t.kind);
  }
  return s;
}

SyntaxErrorInfo lex_error(const std::string& src) {
  try {
    lex(src);
  } catch (const SyntaxErrorInfo& e) {
    return e;
  }
  ADD_FAILURE() << "no error for " << src;
  return {};
}

TEST(Tokenizer, SimpleStatement) { EXPECT_EQ(kinds("x = 1\n"), "NAME = NUMBER NEWLINE ENDMARKER"); }

TEST(Tokenizer, MissingFinalNewlineIsSupplied) {
  EXPECT_EQ(kinds("x"), "NAME NEWLINE ENDMARKER");
  EXPECT_EQ(kinds(""), "ENDMARKER");
  EXPECT_EQ(kinds("\n\n# c\n"), "ENDMARKER");
}

TEST(Tokenizer, IndentDedent) {
  EXPECT_EQ(kinds("if x:\n    y\n    if z:\n        w\nv\n"),
            "'if' NAME : NEWLINE INDENT NAME NEWLINE 'if' NAME : NEWLINE INDENT NAME NEWLINE "
            "DEDENT DEDENT NAME NEWLINE ENDMARKER");
}

TEST(Tokenizer, DedentsAtEof) {
  EXPECT_EQ(kinds("if x:\n  if y:\n    z"),
            "'if' NAME : NEWLINE INDENT 'if' NAME : NEWLINE INDENT NAME NEWLINE DEDENT DEDENT "
            "ENDMARKER");
}

TEST(Tokenizer, BlankAndCommentLinesIgnoreIndentation) {
  EXPECT_EQ(kinds("if x:\n    y\n\n  # odd comment\n        \n    z\n"),
            "'if' NAME : NEWLINE INDENT NAME NEWLINE NAME NEWLINE DEDENT ENDMARKER");
}

TEST(Tokenizer, TabsAlignToEight) {
  EXPECT_EQ(kinds("if x:\n\ty\n\tz\n"),
            "'if' NAME : NEWLINE INDENT NAME NEWLINE NAME NEWLINE DEDENT ENDMARKER");
  SyntaxErrorInfo e = lex_error("if x:\n\ty\n        z\n");
  EXPECT_EQ(e.type_name, "TabError");
  EXPECT_EQ(e.msg, "inconsistent use of tabs and spaces in indentation");
  EXPECT_EQ(e.lineno, 3);
}

TEST(Tokenizer, UnindentMismatch) {
  SyntaxErrorInfo e = lex_error("if x:\n    a\n  b\n");
  EXPECT_EQ(e.type_name, "IndentationError");
  EXPECT_EQ(e.msg, "unindent does not match any outer indentation level");
  EXPECT_EQ(e.lineno, 3);
  EXPECT_EQ(e.offset, 4);
}

TEST(Tokenizer, ImplicitLineJoining) {
  EXPECT_EQ(kinds("x = (1,\n  2)\n"), "NAME = ( NUMBER , NUMBER ) NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("x = [\n\n# c\n]\n"), "NAME = [ ] NEWLINE ENDMARKER");
}

TEST(Tokenizer, BackslashContinuation) {
  EXPECT_EQ(kinds("x = 1 + \\\n  2\n"), "NAME = NUMBER + NUMBER NEWLINE ENDMARKER");
  EXPECT_EQ(lex_error("x = a\\ b\n").msg, "unexpected character after line continuation character");
}

TEST(Tokenizer, Operators) {
  EXPECT_EQ(kinds("a := b -> c ** d **= e // f //= g @ h @= i ... j != k <= l >>= m <<= n\n"),
            "NAME := NAME -> NAME ** NAME **= NAME // NAME //= NAME @ NAME @= NAME ... NAME != "
            "NAME <= NAME >>= NAME <<= NAME NEWLINE ENDMARKER");
  EXPECT_EQ(kinds("a.b\n"), "NAME . NAME NEWLINE ENDMARKER");
}

TEST(Tokenizer, Keywords) {
  EXPECT_EQ(kinds("if not x and y or None is True: pass\n"),
            "'if' 'not' NAME 'and' NAME 'or' 'None' 'is' 'True' : 'pass' NEWLINE ENDMARKER");
  // Soft keywords are plain names.
  EXPECT_EQ(kinds("match case _\n"), "NAME NAME NAME NEWLINE ENDMARKER");
}

TEST(Tokenizer, Positions) {
  auto toks = lex("x = 'ab'\n  \ny = (1,\n 22)\n");
  EXPECT_EQ(toks[2].kind, Tok::String);
  EXPECT_EQ(toks[2].line, 1);
  EXPECT_EQ(toks[2].col, 4);
  EXPECT_EQ(toks[2].end_col, 8);
  EXPECT_EQ(toks[3].kind, Tok::Newline);
  EXPECT_EQ(toks[3].col, 8);
  EXPECT_EQ(toks[3].end_col, 8);  // NEWLINE has zero width, as in CPython's parser
  const Token& n22 = toks[9];
  EXPECT_EQ(n22.kind, Tok::Number);
  EXPECT_EQ(n22.line, 4);
  EXPECT_EQ(n22.col, 1);
  EXPECT_EQ(n22.end_col, 3);
}

TEST(Tokenizer, NumberForms) {
  EXPECT_EQ(kinds("0 1_000 0x_1f 0o17 0b1_0 1. .5 1e5 1.5E-3 1_0.0_1e+1_0\n"),
            "NUMBER NUMBER NUMBER NUMBER NUMBER NUMBER NUMBER NUMBER NUMBER NUMBER NEWLINE "
            "ENDMARKER");
  // A keyword may directly follow a number (CPython only warns).
  EXPECT_EQ(kinds("1if x else 2\n"), "NUMBER 'if' NAME 'else' NUMBER NEWLINE ENDMARKER");
}

TEST(Tokenizer, NumberErrors) {
  EXPECT_EQ(lex_error("x = 1abc\n").msg, "invalid decimal literal");
  EXPECT_EQ(lex_error("x = 1abc\n").offset, 5);
  EXPECT_EQ(lex_error("x = 1_\n").offset, 6);
  EXPECT_EQ(lex_error("x = 0x\n").msg, "invalid hexadecimal literal");
  EXPECT_EQ(lex_error("x = 0o8\n").msg, "invalid digit '8' in octal literal");
  EXPECT_EQ(lex_error("x = 0o8\n").offset, 7);
  EXPECT_EQ(lex_error("x = 0b12\n").msg, "invalid digit '2' in binary literal");
  EXPECT_EQ(lex_error("x = 1e+\n").msg, "invalid decimal literal");
  EXPECT_EQ(lex_error("x = 09\n").msg,
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for "
            "octal integers");
  EXPECT_EQ(lex_error("x = 1jx\n").msg, "invalid imaginary literal");
}

TEST(Tokenizer, StringExtents) {
  auto toks = lex("a = rb'x\\'' f\"{y}\" '''multi\nline''' BR\"z\"\n");
  ASSERT_EQ(toks[2].kind, Tok::String);
  EXPECT_EQ(toks[2].end - toks[2].start, 7u);
  EXPECT_EQ(toks[3].kind, Tok::String);
  EXPECT_EQ(toks[4].kind, Tok::String);
  EXPECT_EQ(toks[4].line, 1);
  EXPECT_EQ(toks[4].end_line, 2);
  EXPECT_EQ(toks[4].end_col, 7);
  EXPECT_EQ(toks[5].kind, Tok::String);
  EXPECT_EQ(toks[5].col, 8);
  // Not a prefix: `ur` and `bu` are names followed by strings.
  EXPECT_EQ(kinds("ur'x'\n"), "NAME STRING NEWLINE ENDMARKER");
}

TEST(Tokenizer, StringContinuationLines) {
  auto toks = lex("s = 'a\\\nb'\nt\n");
  EXPECT_EQ(toks[2].kind, Tok::String);
  EXPECT_EQ(toks[2].end_line, 2);
  EXPECT_EQ(toks[4].kind, Tok::Name);
  EXPECT_EQ(toks[4].line, 3);
}

TEST(Tokenizer, UnterminatedStrings) {
  SyntaxErrorInfo e = lex_error("s = 'abc\n");
  EXPECT_EQ(e.msg, "unterminated string literal (detected at line 1)");
  EXPECT_EQ(e.offset, 5);
  e = lex_error("x\ns = '''abc\n\ny\n");
  EXPECT_EQ(e.msg, "unterminated triple-quoted string literal (detected at line 4)");
  EXPECT_EQ(e.lineno, 2);
}

TEST(Tokenizer, Brackets) {
  SyntaxErrorInfo e = lex_error("x = 1)\n");
  EXPECT_EQ(e.msg, "unmatched ')'");
  EXPECT_EQ(e.offset, 6);
  e = lex_error("x = (1]\n");
  EXPECT_EQ(e.msg, "closing parenthesis ']' does not match opening parenthesis '('");
  e = lex_error("x = (1,\n2]\n");
  EXPECT_EQ(e.msg, "closing parenthesis ']' does not match opening parenthesis '(' on line 1");
  e = lex_error(std::string(201, '(') + "\n");
  EXPECT_EQ(e.msg, "too many nested parentheses");
  EXPECT_EQ(e.offset, 201);
}

TEST(Tokenizer, InvalidCharacters) {
  EXPECT_EQ(lex_error("x = \xE2\x82\xAC\n").msg, "invalid character '\xE2\x82\xAC' (U+20AC)");
  EXPECT_EQ(lex_error("x = \x01\n").msg, "invalid non-printable character U+0001");
  // `$` and `?` reach the parser, which reports plain "invalid syntax".
  EXPECT_EQ(kinds("$\n"), "! NEWLINE ENDMARKER");
}

TEST(Tokenizer, NonAsciiIdentifiers) {
  auto toks = lex("h\xC3\xA9llo = \xE5\x90\x8D\n");
  EXPECT_EQ(toks[0].kind, Tok::Name);
  EXPECT_EQ(toks[0].end_col, 6);  // byte columns
  EXPECT_EQ(toks[2].kind, Tok::Name);
}

TEST(Tokenizer, ByteOrderMarkIsSkipped) {
  EXPECT_EQ(kinds("\xEF\xBB\xBFx\n"), "NAME NEWLINE ENDMARKER");
}

TEST(Tokenizer, CrLfLineEndings) {
  EXPECT_EQ(kinds("if x:\r\n    y\r\n"),
            "'if' NAME : NEWLINE INDENT NAME NEWLINE DEDENT ENDMARKER");
}

TEST(Tokenizer, DigitsToDecimal) {
  EXPECT_EQ(digits_to_decimal("ff", 16), "255");
  EXPECT_EQ(digits_to_decimal("10000000000000000", 16), "18446744073709551616");
  EXPECT_EQ(digits_to_decimal("777", 8), "511");
  EXPECT_EQ(digits_to_decimal("0", 2), "0");
  EXPECT_EQ(digits_to_decimal("123456789012345678901234567890", 10),
            "123456789012345678901234567890");
}

}  // namespace
}  // namespace kestrel
