// Python source -> AST. Throws SyntaxErrorInfo (front/frontend.h) on bad input,
// with CPython 3.11's message, line and caret position for the common cases.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "front/ast.h"
#include "front/frontend.h"

namespace kestrel {

std::unique_ptr<ast::Module> parse_module(std::string_view source, const std::string& filename);

}  // namespace kestrel
