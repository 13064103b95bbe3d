// Text for spreadsheets (internal): shared by the CSV renderer and the XLSX
// report so that both neutralise formulas the same way.
#pragma once

#include <string>

namespace allot::detail {

// Whether a spreadsheet would treat `text` as a formula when a user types
// or imports it: it starts with = + - @ tab or CR (the OWASP "CSV
// injection" list).
bool StartsLikeFormula(const std::string& text);

// `text` with a leading quote mark when StartsLikeFormula, else unchanged.
// The quote is what spreadsheets themselves use to force text, so a reader
// sees the value as written plus one visible mark, never a computed result.
std::string NeutraliseFormula(const std::string& text);

}  // namespace allot::detail
