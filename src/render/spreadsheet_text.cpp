#include "render/spreadsheet_text.hpp"

namespace allot::detail {

bool StartsLikeFormula(const std::string& text) {
  return !text.empty() && std::string("=+-@\t\r").find(text[0]) != std::string::npos;
}

std::string NeutraliseFormula(const std::string& text) {
  return StartsLikeFormula(text) ? "'" + text : text;
}

}  // namespace allot::detail
