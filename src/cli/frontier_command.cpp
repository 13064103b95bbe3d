// allot frontier: the best score for each total budget, where each
// scenario sits against it, and (--core) the core index across weights.
#include <cstdint>
#include <sstream>

#include "allot/frontier.hpp"
#include "allot/weight_sampling.hpp"
#include "cli/commands.hpp"
#include "cli/optimise_cli.hpp"
#include "cli/output_file.hpp"
#include "render/text.hpp"

namespace allot::cli {

namespace {

constexpr const char* kFrontierHelp = R"(Usage: allot frontier [MODEL] [SCENARIO...] [options]

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

struct FrontierArgs {
  int points = 20;
  std::string to;
  bool core = false;
  std::string core_weights = "all";
};

// The weight vectors of the core index and what they are.
bool CoreWeights(const std::string& command, const FrontierArgs& f, const OptimiseArgs& a,
                 const Model& model, std::vector<std::vector<double>>& weights, std::string& label,
                 std::ostream& err) {
  if (f.core_weights == "all" || model.WeightSetIndex(SplitAll({f.core_weights}).front()) >= 0) {
    std::vector<std::string> names = SplitAll({f.core_weights});
    if (f.core_weights == "all") {
      names.clear();
      for (const WeightSet& w : model.weights) names.push_back(w.name);
    }
    for (const std::string& name : names) {
      int index = model.WeightSetIndex(name);
      if (index < 0) {
        UsageError(command, "--core-weights: unknown weight set '" + name + "'", err);
        return false;
      }
      weights.push_back(model.weights[static_cast<size_t>(index)].weights);
    }
    label = "the weight sets " + detail::Joined(names);
    return true;
  }
  std::string error;
  std::optional<WeightSpec> spec = ParseWeightSpec(f.core_weights, model, error);
  if (!spec || a.samples < 1) {
    UsageError(command,
               "--core-weights: " + (spec ? std::string("--samples must be at least 1") : error),
               err);
    return false;
  }
  for (int s = 0; s < a.samples; ++s) {
    std::vector<double> w(model.objectives.size());
    DrawWeights(*spec, a.seed, static_cast<uint64_t>(s), w.size(), w.data());
    weights.push_back(w);
  }
  label = std::to_string(a.samples) + " draws of " + f.core_weights + " (seed " +
          std::to_string(a.seed) + ")";
  return true;
}

}  // namespace

int RunFrontier(const Args& args, std::ostream& out, std::ostream& err, const CliContext& context) {
  const std::string command = "frontier";
  OptimiseArgs a;
  FrontierArgs f;
  po::options_description options("Options");
  options.add_options()("help,h", "show this help");
  AddOptimiseOptions(options, a, true);
  options.add_options()("points", po::value<int>(&f.points)->default_value(f.points),
                        "budgets on the frontier")(
      "to", po::value<std::string>(&f.to),
      "largest total budget (default: 1.5 x the largest scenario total)")(
      "core", po::bool_switch(&f.core), "also compute the core index across weights")(
      "core-weights", po::value<std::string>(&f.core_weights)->default_value(f.core_weights),
      "all | SET,SET | a sampling spec (uniform, SET:KAPPA) drawn --samples times");
  AddFormatOptions(options, a);
  options.add_options()("output,o", po::value<std::string>(&a.output),
                        "write to FILE (whole or not at all)")(
      "files", po::value<std::vector<std::string>>(), "model and scenario files");
  AddLimitOptions(options, a.limits);
  po::variables_map values;
  if (!ParseArgs(command, args, options, values, err)) return kExitBadInput;
  if (values.count("help")) {
    out << kFrontierHelp << options << '\n';
    return kExitSuccess;
  }
  std::optional<OutputFormat> format;
  std::optional<Lang> lang;
  bool ok = ParseFormatAndLang(command, a, format, lang, err);
  if (f.points < 1 || f.points > 1000)
    UsageError(command, "--points must be between 1 and 1000", err);
  MoneyParse to = f.to.empty() ? MoneyParse{Money(), {}} : ParseMoney(f.to);
  if (!to.value) UsageError(command, "--to expects an amount in euros, not '" + f.to + "'", err);
  if (!ok || !to.value || f.points < 1 || f.points > 1000) return kExitBadInput;

  OptimiseSetup setup;
  if (!SetUpOptimise(command, values, context, a, setup, err)) return kExitBadInput;
  const Model& model = *setup.inputs.model;
  const std::vector<ResolvedScenario>& resolved = setup.resolved;
  const ResolvedScenario* base = setup.base;
  const OptimiseOptions& oo = setup.options;
  const OptimiseConstraints& c = setup.constraints;
  FrontierReport report;
  report.weights_label = setup.weights_label;
  std::vector<std::vector<double>> core_weights;
  if (f.core && !CoreWeights(command, f, a, model, core_weights, report.core_label, err))
    return kExitBadInput;
  if (OutputIsAnInput(command, a, setup.inputs, err)) return kExitBadInput;
  FrontierOptions fo;
  fo.points = f.points;
  fo.to = *to.value;
  if (f.to.empty()) {
    for (const ResolvedScenario& r : resolved) fo.to = std::max(fo.to, r.total);
    // 1.5x, saturated: near the int64 bound it would wrap to a negative budget.
    int64_t largest = fo.to.cents();
    fo.to = Money::FromCents(largest <= INT64_MAX / 3 * 2 ? largest / 2 * 3 : INT64_MAX);
  }
  Diagnostics diags;
  std::optional<FrontierResult> result = Frontier(model, *base, resolved, c, oo, fo, diags);
  if (result && f.core) {
    std::optional<std::vector<CoreLine>> core = CoreIndex(model, *base, c, oo, core_weights, diags);
    if (core) report.core = *core;
  }
  if (!diags.empty() || !result) {
    PrintOptionDiagnostics(command, diags, err);
    return kExitBadInput;
  }
  report.frontier = *result;
  std::ostringstream rendered;
  RenderFrontier(report, *format, *lang, rendered);
  if (a.output.empty()) {
    out << rendered.str();
    return kExitSuccess;
  }
  std::string error;
  if (!WriteFileAtomically(a.output, rendered.str(), error)) {
    err << "allot frontier: error: " << error << '\n';
    return kExitFailure;
  }
  return kExitSuccess;
}

}  // namespace allot::cli
