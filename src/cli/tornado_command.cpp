// allot tornado: which single uncertainty moves the gap between A and B most.
#include "allot/render.hpp"
#include "allot/tornado.hpp"
#include "cli/commands.hpp"
#include "cli/pair_command.hpp"

namespace allot::cli {

namespace {

constexpr const char* kHelp =
    R"(Usage: allot tornado A B [MODEL] [SCENARIO...] --weights SET [options]

Which single uncertainty moves the gap between two scenarios most? Starting
from the gap S_A - S_B under weight set SET with every effect at its likely
value, tries one factor at a time:
  - each uncertain effect parameter (written [low, likely, high]) of every
    line A or B has, at the 10th and the 90th percentile of its triangular
    distribution (P10-P90; with --effect-range low-high at low and high
    themselves), others at likely; a parameter of a model line moves in
    both scenarios at once;
  - each objective's weight 25% lower and 25% higher, then all weights
    renormalised to sum 1 (objectives with weight 0 are left out).
Shows the change in the gap at each end and the swing (the distance between
the two), largest swing first, and for every bar the range it spans: a
swing is only as wide as its range, so bars of different ranges compare
with care.

A and B are scenario ids ('model' is the model itself). MODEL and SCENARIO
are allot/1 files or directories, as for compare.

Examples:
  allot tornado model herverdeling-ckm --weights ministry
  allot tornado model amendement-bikker -w ckm --format csv --output tornado.csv
  allot tornado model herverdeling-ckm -w ckm --format md --lang nl
  allot tornado model herverdeling-ckm -w ministry --effect-range low-high

)";

class TornadoCommand final : public PairCommand {
 public:
  TornadoCommand() : PairCommand("the weight set (required)") {}

  void Options(OptionList& options) override {
    PairCommand::Options(options);
    options.Add()(
        "effect-range", po::value<std::string>(&range_text_)->default_value(range_text_),
        "p10-p90 (10th to 90th percentile of each effect's triangle) | low-high (its extremes)");
  }

  void Check(const po::variables_map& values, std::vector<std::string>& problems) override {
    PairCommand::Check(values, problems);
    if (range_text_ == "low-high")
      range_ = TornadoRange::kLowHigh;
    else if (range_text_ != "p10-p90")
      problems.push_back("--effect-range must be p10-p90 or low-high, not '" + range_text_ + "'");
  }

  int Run(Session& s) override {
    return Rendered(s, Tornado(s.model(), s.resolved(), s.a(), s.b(), weights_, s.diags(), range_),
                    RenderTornado);
  }

 private:
  std::string range_text_ = "p10-p90";
  TornadoRange range_ = TornadoRange::kP10P90;
};

}  // namespace

int RunTornado(const Args& args, std::ostream& out, std::ostream& err, const CliContext& context) {
  TornadoCommand command;
  return RunCommand("tornado", kHelp, Reads::kPairThenModelAndScenarios, command, args, out, err,
                    context);
}

}  // namespace allot::cli
