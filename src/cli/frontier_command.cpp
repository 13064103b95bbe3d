// allot frontier: the best score for each total budget, where each
// scenario sits against it, and (--core) the core index across weights.
#include <cstdint>

#include "allot/frontier.hpp"
#include "allot/render.hpp"
#include "allot/weight_sampling.hpp"
#include "cli/command.hpp"
#include "cli/commands.hpp"
#include "cli/optimise_options.hpp"
#include "cli/option_values.hpp"
#include "render/text.hpp"

namespace allot::cli {

namespace {

constexpr const char* kHelp = R"(Usage: allot frontier [MODEL] [SCENARIO...] [options]

The efficient frontier: for --points total budgets from --to/N up to --to
(each split over the years like the base's), the best weighted score any
allocation reaches while spending at most that budget, with the solver's
upper bound and the levels it funds (steps in the frontier come from levels
and thresholds). Then, for every scenario: its score, the cheapest budget on
the frontier that reaches that score, and the best score its own money could
buy. Constraints (--min, --max, --lock, --max-change, --fund-motions) hold
at every point, as in `allot optimise`.

With --core, the core index: over the named weight sets (--core-weights
SET,SET or all) or over --samples draws of a sampling spec (uniform,
SET:KAPPA), which lines every optimal allocation funds (core), some
(borderline) or none (exterior).

Examples:
  allot frontier --weights ckm
  allot frontier --weights ckm --points 10 --to 9000000 --format md
  allot frontier --weights ministry --core --core-weights all
  allot frontier --weights ckm --core --core-weights uniform --samples 200

)";

class FrontierCommand final : public Command {
 public:
  void Options(OptionList& options) override {
    AddOptimiseOptions(options, a_);
    options.Add()("points", po::value<int>(&points_)->default_value(points_),
                  "budgets on the frontier")(
        "to", po::value<std::string>(&to_text_),
        "largest total budget (default: 1.5 x the largest scenario total)")(
        "core", po::bool_switch(&core_), "also compute the core index across weights")(
        "core-weights", po::value<std::string>(&core_weights_)->default_value(core_weights_),
        "all | SET,SET | a sampling spec (uniform, SET:KAPPA) drawn --samples times");
    options.Format();
    options.Lang("en | nl: number formats of table and md");
    options.Output("write to FILE (whole or not at all)");
    options.Files("model and scenario files");
  }

  void Check(const po::variables_map&, std::vector<std::string>& problems) override {
    CheckOptimiseArgs(a_, problems);
    if (points_ < 1 || points_ > 1000) problems.push_back("--points must be between 1 and 1000");
    if (to_text_.empty()) return;
    if (MoneyParse to = ParseMoney(to_text_); to.value)
      to_ = *to.value;
    else
      problems.push_back("--to expects an amount in euros, not '" + to_text_ + "'");
  }

  int Run(Session& s) override {
    OptimiseSetup setup;
    std::string problem;
    if (!SetUpOptimise(a_, s.model(), s.resolved(), setup, problem)) return s.UsageError(problem);
    FrontierReport report;
    report.weights_label = setup.weights_label;
    std::vector<std::vector<double>> core_weights;
    if (core_ && !CoreWeights(s.model(), core_weights, report.core_label, problem))
      return s.UsageError(problem);
    FrontierOptions fo;
    fo.points = points_;
    fo.to = to_ ? *to_ : DefaultFrontierTo(s.resolved());
    std::optional<FrontierResult> result = Frontier(
        s.model(), *setup.base, s.resolved(), setup.constraints, setup.options, fo, s.diags());
    if (result && core_) {
      std::optional<std::vector<CoreLine>> core = CoreIndex(
          s.model(), *setup.base, setup.constraints, setup.options, core_weights, s.diags());
      if (core) report.core = *core;
    }
    if (!result || !s.diags().empty()) return s.Fail();
    report.frontier = *result;
    RenderFrontier(report, s.format(), s.lang(), s.text());
    return kExitSuccess;
  }

 private:
  // The weight vectors of the core index and what they are.
  bool CoreWeights(const Model& model, std::vector<std::vector<double>>& weights,
                   std::string& label, std::string& problem) const {
    std::vector<std::string> names = SplitList(core_weights_);
    if (core_weights_ == "all" || (!names.empty() && model.WeightSetIndex(names.front()) >= 0)) {
      if (core_weights_ == "all") {
        names.clear();
        for (const WeightSet& w : model.weights) names.push_back(w.name);
      }
      for (const std::string& name : names) {
        int index = model.WeightSetIndex(name);
        if (index < 0) {
          problem = "--core-weights: unknown weight set '" + name + "'";
          return false;
        }
        weights.push_back(model.weights[static_cast<size_t>(index)].weights);
      }
      label = "the weight sets " + detail::Joined(names);
      return true;
    }
    std::string error;
    std::optional<WeightSpec> spec = ParseWeightSpec(core_weights_, model, error);
    if (!spec) {
      problem = "--core-weights: " + error;
      return false;
    }
    for (int s = 0; s < a_.samples; ++s) {
      std::vector<double> w(model.objectives.size());
      DrawWeights(*spec, a_.seed, static_cast<uint64_t>(s), w.size(), w.data());
      weights.push_back(w);
    }
    label = std::to_string(a_.samples) + " draws of " + core_weights_ + " (seed " +
            std::to_string(a_.seed) + ")";
    return true;
  }

  OptimiseArgs a_;
  int points_ = 20;
  std::string to_text_;
  std::optional<Money> to_;
  bool core_ = false;
  std::string core_weights_ = "all";
};

}  // namespace

int RunFrontier(const Args& args, std::ostream& out, std::ostream& err, const CliContext& context) {
  FrontierCommand command;
  return RunCommand("frontier", kHelp, Reads::kModelAndScenarios, command, args, out, err, context);
}

}  // namespace allot::cli
