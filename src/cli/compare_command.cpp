// allot compare: scenarios side by side.
#include <optional>
#include <string>

#include "allot/compare.hpp"
#include "allot/render.hpp"
#include "allot/resolve.hpp"
#include "cli/command.hpp"
#include "cli/commands.hpp"
#include "cli/option_values.hpp"

namespace allot::cli {

namespace {

constexpr const char* kHelp = R"(Usage: allot compare [MODEL] [SCENARIO...] [options]

Compares spending scenarios side by side: per scenario the total and per-year
money, each objective's score (0-100), the weighted score and rank under each
weight set, the change against the baseline, the cost per weighted point, and
the motions it leaves unfunded. The model itself appears as scenario 'model'.

MODEL and SCENARIO are allot/1 files or directories of them (the kind of each
file is read from its content). With no files, compare runs on the shipped
model/ and scenarios/; scenarios given without a model are read against the
shipped model.

Each figure is followed by a mark for what it rests on (docs/output.md,
"Marks"): none sourced, ^ reported, ~ assumed, * judgement, ? not stated;
a legend under each table names the marks it shows.

Examples:
  allot compare
  allot compare model/ scenarios/herverdeling-ckm.yaml --weights ckm,ministry
  allot compare --format json --output result.json
  allot compare --format md --lang nl --baseline versterkt-2024

)";

class CompareCommand final : public Command {
 public:
  void Options(OptionList& options) override {
    options.Add()("weights,w", po::value<std::string>(&weights_),
                  "weight sets to show, comma-separated (default: all, in model order)")(
        "baseline,b", po::value<std::string>(&baseline_),
        "scenario id that changes are measured against (default: model); 'current': the "
        "scenario whose file says current: true, the plan as it stands");
    options.Results("en | nl: labels and number formats of table and md");
    options.Files("model and scenario files");
  }

  int Run(Session& s) override {
    std::optional<std::string> baseline = BaselineId(baseline_, s.resolved());
    if (!baseline) return s.UsageError(kNoCurrentPlan);
    CompareOptions options{SplitList(weights_), *baseline};
    return Rendered(s, Compare(s.model(), s.resolved(), options, s.diags()), RenderCompare);
  }

 private:
  std::string weights_;
  std::string baseline_;  // empty: the model
};

}  // namespace

int RunCompare(const Args& args, std::ostream& out, std::ostream& err, const CliContext& context) {
  CompareCommand command;
  return RunCommand("compare", kHelp, Reads::kModelAndScenarios, command, args, out, err, context);
}

}  // namespace allot::cli
