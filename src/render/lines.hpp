// `allot lines`: a scenario's lines (the model's by default), their amounts
// per year and what each figure rests on (internal).
#pragma once

#include <ostream>

#include "allot/model.hpp"
#include "allot/render.hpp"
#include "allot/resolve.hpp"

namespace allot::detail {

// Writes the lines of `r` (resolved against `model`) in `format`: per line
// its id, name, owner, amount per model year and total, the provenance of
// its year amounts and of its total, and its bounds; then the totals with
// theirs. table and md follow `lang`; csv and json do not.
void RenderLines(const Model& model, const ResolvedScenario& r, OutputFormat format, Lang lang,
                 std::ostream& out);

}  // namespace allot::detail
