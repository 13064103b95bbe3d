// allot stability: weight stability intervals per weight set and objective.
#include "allot/render.hpp"
#include "allot/stability.hpp"
#include "cli/command.hpp"
#include "cli/commands.hpp"
#include "cli/option_values.hpp"

namespace allot::cli {

namespace {

constexpr const char* kHelp = R"(Usage: allot stability [MODEL] [SCENARIO...] [options]

For each weight set and each objective: how far that objective's weight can
move (the other weights rescaled in proportion, so they keep summing to 1)
before the top scenario loses first place, and before the ranking of all
scenarios changes. Gives both ends of each interval and the scenario that
takes over there ("none" when the end is 0 or 1). The answer is exact: a
weighted score is linear in the weights, so each end is where two
scenarios' scores cross.

MODEL and SCENARIO are allot/1 files or directories, as for compare; with
no files the shipped model and scenarios are used.

Examples:
  allot stability
  allot stability --weights ministry,ckm
  allot stability model/ scenarios/herverdeling-ckm.yaml --format json
  allot stability --weights ckm --format md --lang nl

)";

class StabilityCommand final : public Command {
 public:
  void Options(OptionList& options) override {
    options.Add()("weights,w", po::value<std::string>(&weights_),
                  "weight sets, comma-separated (default: all, in model order)");
    options.Results(kLangHelp);
    options.Files("model and scenario files");
  }

  int Run(Session& s) override {
    return Rendered(s, Stability(s.model(), s.resolved(), SplitList(weights_), s.diags()),
                    RenderStability);
  }

 private:
  std::string weights_;
};

}  // namespace

int RunStability(const Args& args, std::ostream& out, std::ostream& err,
                 const CliContext& context) {
  StabilityCommand command;
  return RunCommand("stability", kHelp, Reads::kModelAndScenarios, command, args, out, err,
                    context);
}

}  // namespace allot::cli
