// The report summary's topic "what survives the unknown split" (internal):
// which first places, whole rankings and pairwise statements of the
// `sensitivity --amounts uncertain` run hold (docs/report.md, "In brief").
#pragma once

#include <string>
#include <vector>

#include "report/in_brief.hpp"

namespace allot::detail {

// Appends the topic's sentences to `out`: what was drawn and what a share
// rests on, then under which weights the first place holds, is borderline
// or open, whether a whole ranking holds, and which pairwise statements
// hold under every weighting, which are borderline and which pairs are not
// settled. Nothing when the report has no such run.
void SurvivingStatements(const InBriefInputs& in, std::vector<std::string>& out);

}  // namespace allot::detail
