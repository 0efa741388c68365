// The front end's public interface: Python source in, CodeProto out.
// The runtime calls only these functions; everything else in src/front/ is
// internal to the front end (tokenizer, parser, symtable, compiler).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "bytecode/code_proto.h"

namespace kestrel {

// Raised (as a C++ exception) for SyntaxError, IndentationError and TabError.
// The runtime turns it into the Python exception of class `type_name`, and
// the top level prints it the way CPython does:
//     File "t.py", line 1
//       x = (1 +
//           ^
//   SyntaxError: '(' was never closed
struct SyntaxErrorInfo {
  std::string type_name = "SyntaxError";  // or "IndentationError", "TabError"
  std::string msg;
  std::string filename;
  int lineno = 0;      // 1-based
  int offset = 0;      // 1-based column of the caret (CPython's `offset`)
  int end_lineno = 0;  // 0 when unknown
  int end_offset = 0;  // 1-based, exclusive; 0 when unknown
  std::string text;    // the offending source line, without trailing newline
};

// Compiles a whole module. `filename` is recorded in every code object.
// Throws SyntaxErrorInfo.
std::shared_ptr<CodeProto> compile_module(std::string_view source, const std::string& filename);

// Compiles eval() input: one expression (leading blanks ignored) whose value
// the code object returns. Throws SyntaxErrorInfo (statements are "invalid syntax").
std::shared_ptr<CodeProto> compile_eval(std::string_view source, const std::string& filename);

// Traceback caret anchors (PEP 657, CPython 3.11's traceback.c): `segment`
// is the source text of a failing instruction on one line. For a binary
// operation, [*left, *right) is its operator; for a subscript, its brackets
// and slice (byte offsets into `segment`). Returns false for anything else.
// `*tildes` says whether the rest of the range is drawn with '~' (else '^').
bool caret_anchors(std::string_view segment, int* left, int* right, bool* tildes);

// Renders a code object and, recursively, the code objects in its constants,
// in the style of CPython 3.11's `dis.dis` (used by `kestrel --dis`).
std::string disassemble(const CodeProto& code);

}  // namespace kestrel
