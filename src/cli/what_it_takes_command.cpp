// allot what-it-takes: the nearest weights at which B catches up with A.
#include "allot/render.hpp"
#include "allot/what_it_takes.hpp"
#include "cli/commands.hpp"
#include "cli/pair_command.hpp"

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
  allot what-it-takes model herverdeling-ckm --weights ministry
  allot what-it-takes versterkt-2024 amendement-bikker -w ckm --format json
  allot what-it-takes model herverdeling-ckm -w ministry --lang nl

)";

class WhatItTakesCommand final : public PairCommand {
 public:
  WhatItTakesCommand() : PairCommand("the weight set to start from (required)") {}

  int Run(Session& s) override {
    return Rendered(s, WhatItTakes(s.model(), s.resolved(), s.a(), s.b(), weights_, s.diags()),
                    RenderOvertake);
  }
};

}  // namespace

int RunWhatItTakes(const Args& args, std::ostream& out, std::ostream& err,
                   const CliContext& context) {
  WhatItTakesCommand command;
  return RunCommand("what-it-takes", kHelp, Reads::kPairThenModelAndScenarios, command, args, out,
                    err, context);
}

}  // namespace allot::cli
