// allot what-it-takes: the nearest weights at which B catches up with A.
#include <sstream>

#include "allot/what_it_takes.hpp"
#include "cli/analysis_cli.hpp"
#include "cli/commands.hpp"
#include "cli/common_options.hpp"

namespace allot::cli {

namespace {

constexpr const char* kHelp =
    R"(Usage: allot what-it-takes A B [MODEL] [SCENARIO...] --weights SET [options]

What would it take for scenario B to score at least as much as scenario A?
Finds the nearest weights (smallest L1 distance: the sum of the absolute
weight changes, on weights that stay >= 0 and sum to 1) at which B's
weighted score is at least A's, solved exactly as a linear program. Reports
the new weights, the distance and the biggest changes in plain words; says
so when B already wins (distance 0) and when no weights can make B win
(B scores less than A on every objective).

A and B are scenario ids ('model' is the model itself). MODEL and SCENARIO
are allot/1 files or directories, as for compare; with none, the shipped
model and scenarios are used.

Examples:
  allot what-it-takes model ckm-tegenvoorstel --weights ministry
  allot what-it-takes versterkt-2024 amendement-bikker -w ckm --format json
  allot what-it-takes model ckm-tegenvoorstel -w ministry --lang nl

)";

}  // namespace

int RunWhatItTakes(const Args& args, std::ostream& out, std::ostream& err,
                   const CliContext& context) {
  PairAnalysis analysis{"what-it-takes", kHelp, "the weight set to start from (required)",
                        [](const Model& model, const std::vector<ResolvedScenario>& resolved,
                           const std::string& a, const std::string& b, const std::string& weights,
                           OutputFormat format, Lang lang, Diagnostics& diags, std::ostream& text) {
                          std::optional<OvertakeResult> result =
                              WhatItTakes(model, resolved, a, b, weights, diags);
                          if (result) RenderOvertake(*result, format, lang, text);
                          return result.has_value();
                        }};
  return RunPairAnalysis(analysis, args, out, err, context);
}

}  // namespace allot::cli
