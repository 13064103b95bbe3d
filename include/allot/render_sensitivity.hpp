// Rendering SMAA results (allot sensitivity, allot merge).
#pragma once

#include <ostream>

#include "allot/render.hpp"
#include "allot/sensitivity.hpp"

namespace allot {

// Writes `result` in `format`. JSON (analysis "smaa") has a fixed key order
// and probabilities and scores rounded to six decimals, so equal results
// give equal bytes; `lang` affects labels and number formats of table and
// Markdown only.
void RenderSensitivity(const SmaaResult& result, OutputFormat format, Lang lang, std::ostream& out);

}  // namespace allot
