// allot optimise: the best allocation under constraints, as a report and
// as a scenario file.
#include <glpk.h>

#include <sstream>

#include "allot/evaluate.hpp"
#include "cli/commands.hpp"
#include "cli/optimise_cli.hpp"
#include "cli/output_file.hpp"

namespace allot::cli {

namespace {

constexpr const char* kOptimiseHelp = R"(Usage: allot optimise [MODEL] [SCENARIO...] [options]

Finds the allocation of the money that maximises the weighted score, under
constraints, with a mixed-integer solver (GLPK). Each line's total over all
years may be any amount (or, for a line with `levels:`, exactly one level's
budget or nothing); every year's total equals the budget to the cent.
Curves are cut into --segments linear pieces: the report gives the exact
score of the answer (allot's own evaluation) and the solver's upper bound,
so the gap says how much better any allocation could possibly be.

Also shown: the order of buy (which funding steps give the most points per
euro, from zero) and the marginal value of money (what --step more in each
year would buy, and where it would go).

With --output FILE the answer is written as an allot/1 scenario (base +
`set` changes, with a header comment stating objective, constraints,
solver, gap and model hash) that `allot check` and `allot compare` accept.

Examples:
  allot optimise --weights ckm
  allot optimise --weights ckm --base ckm-tegenvoorstel --output best.yaml
  allot optimise --weights ckm --lock information_point --max-change 50%
  allot optimise --weights uniform --samples 1000 --seed 7 --fund-motions all
  allot optimise --weights ministry --total 750000 --min victim_care=100000
  allot optimise --weights ckm --format json

)";

struct Extra {
  std::string id = "optimised";
  std::string name;
  std::string step = "100000";
  int order_steps = 10;
};

std::string Describe(const Model& model, const OptimiseConstraints& c) {
  std::string text = "budget";
  for (size_t t = 0; t < model.years.size(); ++t) {
    text += " " + std::to_string(model.years[t]) + "=" + FormatMoneyPlain(c.budget[t]);
  }
  for (const LineAmount& m : c.min) text += "; min " + m.line + "=" + FormatMoneyPlain(m.amount);
  for (const LineAmount& m : c.max) text += "; max " + m.line + "=" + FormatMoneyPlain(m.amount);
  for (const std::string& l : c.lock) text += "; lock " + l;
  if (c.max_change) text += "; max change " + FormatMoneyPlain(*c.max_change);
  if (c.max_change_fraction) {
    std::ostringstream p;
    p << *c.max_change_fraction * 100;
    text += "; max change " + p.str() + "%";
  }
  for (const std::string& m : c.fund_motions) text += "; fund " + m;
  return text;
}

std::vector<std::string> Header(const Model& model, const Inputs& inputs,
                                const OptimiseConstraints& c, const OptimiseResult& r,
                                const std::string& label, int segments) {
  std::string text;
  Diagnostics ignored;
  std::string hash = ReadFileText(inputs.model_file, text, ignored) ? Fnv1a64Hex(text) : "unknown";
  std::ostringstream gap;
  gap << "exact score " << r.score << " (allot's own evaluation), solver upper bound "
      << r.upper_bound << ", gap " << r.upper_bound - r.score << " points";
  return {
      "Written by allot optimise.",
      "objective: maximise the weighted score under weights " + label,
      "constraints: " + Describe(model, c),
      std::string("solver: GLPK ") + glp_version() + " (glp_intopt, branch-and-cut), " +
          std::to_string(segments) + " linear pieces per nonlinear curve",
      gap.str(),
      "model: " + inputs.model_file + " (FNV-1a 64-bit hash of its text: " + hash + ")",
  };
}

int Infeasible(const OptimiseResult& r, std::ostream& err) {
  std::string text = "the constraints cannot all be met";
  if (!r.conflicts.empty()) {
    text += "; dropping any one of these makes them feasible: ";
    for (size_t k = 0; k < r.conflicts.size(); ++k) text += (k ? ", " : "") + r.conflicts[k];
  } else {
    text += "; " + r.conflict_note;
  }
  err << "allot optimise: error: " << text << '\n';
  return kExitBadInput;
}

}  // namespace

int RunOptimise(const Args& args, std::ostream& out, std::ostream& err, const CliContext& context) {
  const std::string command = "optimise";
  OptimiseArgs a;
  Extra x;
  po::options_description options("Options");
  options.add_options()("help,h", "show this help");
  AddOptimiseOptions(options, a, true);
  options.add_options()("step", po::value<std::string>(&x.step)->default_value(x.step),
                        "extra money per year for the marginal value")(
      "order-steps", po::value<int>(&x.order_steps)->default_value(x.order_steps),
      "steps of the order of buy shown");
  AddFormatOptions(options, a);
  options.add_options()("output,o", po::value<std::string>(&a.output),
                        "write the answer as an allot/1 scenario FILE")(
      "id", po::value<std::string>(&x.id)->default_value(x.id), "scenario id in the written file")(
      "name", po::value<std::string>(&x.name), "scenario name in the written file")(
      "files", po::value<std::vector<std::string>>(), "model and scenario files");
  AddLimitOptions(options, a.limits);
  po::variables_map values;
  if (!ParseArgs(command, args, options, values, err)) return kExitBadInput;
  if (values.count("help")) {
    out << kOptimiseHelp << options << '\n';
    return kExitSuccess;
  }
  std::optional<OutputFormat> format;
  std::optional<Lang> lang;
  bool ok = ParseFormatAndLang(command, a, format, lang, err);
  MoneyParse step = ParseMoney(x.step);
  if (!step.value)
    UsageError(command, "--step expects an amount in euros, not '" + x.step + "'", err);
  if (!ok || !step.value) return kExitBadInput;

  OptimiseSetup setup;
  if (!SetUpOptimise(command, values, context, a, setup, err)) return kExitBadInput;
  if (OutputIsAnInput(command, a, setup.inputs, err)) return kExitBadInput;
  const Model& model = *setup.inputs.model;
  const Inputs& inputs = setup.inputs;
  const ResolvedScenario* base = setup.base;
  const OptimiseOptions& oo = setup.options;
  const OptimiseConstraints& c = setup.constraints;
  const std::string& label = setup.weights_label;
  Diagnostics diags;
  std::optional<OptimiseResult> result = Optimise(model, *base, c, oo, diags);
  if (!result) {
    PrintOptionDiagnostics(command, diags, err);
    return kExitBadInput;
  }
  if (!result->feasible) return Infeasible(*result, err);

  OptimiseReport report;
  report.weights_label = label;
  report.years = model.years;
  report.objectives = model.objectives;
  report.base = base;
  report.result = *result;
  report.order = OrderOfBuy(
      model, *base, oo.weights,
      [&] {
        Money t;
        for (Money m : c.budget) t += m;
        return t;
      }(),
      oo.segments);
  if (x.order_steps >= 0 && report.order.size() > static_cast<size_t>(x.order_steps)) {
    report.order.resize(static_cast<size_t>(x.order_steps));
  }
  report.marginal = MarginalValues(model, *base, c, oo, *result, *step.value, diags);
  std::ostringstream rendered;
  RenderOptimise(report, *format, *lang, rendered);
  if (!a.output.empty()) {
    std::string name = x.name.empty() ? "Optimal allocation under " + label : x.name;
    std::string yaml = OptimisedScenarioYaml(model, *base, *result, x.id, name,
                                             Header(model, inputs, c, *result, label, oo.segments));
    std::string error;
    if (!WriteFileAtomically(a.output, yaml, error)) {
      err << "allot optimise: error: " << error << '\n';
      return kExitFailure;
    }
  }
  out << rendered.str();
  return kExitSuccess;
}

}  // namespace allot::cli
