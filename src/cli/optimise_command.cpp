// allot optimise: the best allocation under constraints, as a report and
// as a scenario file.
#include <glpk.h>

#include <sstream>

#include "allot/evaluate.hpp"
#include "allot/render.hpp"
#include "cli/command.hpp"
#include "cli/commands.hpp"
#include "cli/optimise_options.hpp"

namespace allot::cli {

namespace {

constexpr const char* kHelp = R"(Usage: allot optimise [MODEL] [SCENARIO...] [options]

Finds the allocation of the money that maximises the weighted score, under
constraints, with a mixed-integer solver (GLPK). Each line's total over all
years may be any amount (or, for a line with `levels:`, exactly one level's
budget or nothing); every year's total equals the budget to the cent.
Curves are cut into linear pieces (--segments to start, more around the
optimum until the gap is within --tolerance): the report gives the exact
score of the answer (allot's own evaluation) and the solver's upper bound,
so the gap says how much better any allocation could possibly be. Every
answer of the solver is checked (constraints to the cent, its score, its
bound) before it is shown; what failed is said, and no bound is claimed
that did not pass. All numbers rest on the model's effect curves.

Also shown: the order of buy (which funding steps give the most points per
euro, from zero, ignoring the cap of 100) and the marginal value of money
(what --step more would buy at the optimum's levels and thresholds, and
the net reallocation it brings).

With --output FILE the answer is written as an allot/1 scenario (base +
`set` changes, with a header comment stating objective, constraints,
solver, gap and model hash) that `allot check` and `allot compare` accept.

Examples:
  allot optimise --weights ckm
  allot optimise --weights ckm --base herverdeling-ckm --output best.yaml
  allot optimise --weights ckm --lock information_point --max-change 50%
  allot optimise --weights uniform --samples 1000 --seed 7 --fund-motions all
  allot optimise --weights ckm --lock information_point --max-change 400000 --fund-motions all
  allot optimise --weights ministry --total 750000 --min victim_care=100000
  allot optimise --weights ckm --format json

)";

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
  gap << "exact score " << r.score << " (allot's own evaluation), ";
  if (r.bounded) {
    gap << "solver upper bound " << r.upper_bound << ", gap " << r.upper_bound - r.score
        << " points";
  } else {
    gap << "no upper bound (the solver's outer problem failed its checks)";
  }
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

// Why no allocation meets the constraints.
std::string Infeasible(const OptimiseResult& r) {
  std::string text = "the constraints cannot all be met";
  if (!r.conflicts.empty()) {
    text += "; dropping any one of these makes them feasible: ";
    for (size_t k = 0; k < r.conflicts.size(); ++k) text += (k ? ", " : "") + r.conflicts[k];
  } else {
    text += "; " + r.conflict_note;
  }
  return text;
}

Money Total(const std::vector<Money>& by_year) {
  Money total;
  for (Money m : by_year) total += m;
  return total;
}

class OptimiseCommand final : public Command {
 public:
  void Options(OptionList& options) override {
    AddOptimiseOptions(options, a_);
    options.Add()("step", po::value<std::string>(&step_text_)->default_value(step_text_),
                  "extra money per year for the marginal value")(
        "order-steps", po::value<int>(&order_steps_)->default_value(order_steps_),
        "steps of the order of buy shown");
    options.Format();
    options.Lang("en | nl: number formats of table and md");
    options.OutputFile("output,o", &output_, "write the answer as an allot/1 scenario FILE");
    options.Add()("id", po::value<std::string>(&id_)->default_value(id_),
                  "scenario id in the written file")("name", po::value<std::string>(&name_),
                                                     "scenario name in the written file");
    options.Files("model and scenario files");
  }

  void Check(const po::variables_map&, std::vector<std::string>& problems) override {
    CheckOptimiseArgs(a_, problems);
    // The id goes into the written scenario: one `check` would refuse
    // (docs/format.md: letters, digits, '_', '.' and '-') is refused here.
    bool id_ok =
        !id_.empty() && id_.find_first_not_of(
                            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-") ==
                            std::string::npos;
    if (!id_ok)
      problems.push_back("--id must use only letters, digits, '_', '.' and '-', not '" + id_ + "'");
    MoneyParse step = ParseMoney(step_text_);
    if (step.value)
      step_ = *step.value;
    else
      problems.push_back("--step expects an amount in euros, not '" + step_text_ + "'");
  }

  // Its figures are the base's and the optimum's over the base's lines.
  std::vector<std::string> Shown(const Session&) const override { return {a_.base}; }

  int Run(Session& s) override {
    const Model& model = s.model();
    OptimiseSetup setup;
    std::string problem;
    if (!SetUpOptimise(a_, model, s.resolved(), setup, problem)) return s.UsageError(problem);
    const ResolvedScenario& base = *setup.base;
    OptimiseOptions oo = setup.options;
    oo.marginal_step = step_;  // computed in the same solve, from its LP
    const OptimiseConstraints& c = setup.constraints;
    std::optional<OptimiseResult> result = Optimise(model, base, c, oo, s.diags());
    if (!result) return s.Fail();
    if (!result->error.empty()) return s.Error(result->error);
    if (!result->feasible) {
      AddError(s.diags(), {}, Infeasible(*result));
      return s.Fail();
    }
    OptimiseReport report;
    report.weights_label = setup.weights_label;
    report.years = model.years;
    report.objectives = model.objectives;
    report.base = &base;
    report.result = *result;
    report.order = OrderOfBuy(model, base, oo.weights, Total(c.budget), oo.segments);
    if (order_steps_ >= 0 && report.order.size() > static_cast<size_t>(order_steps_)) {
      report.order.resize(static_cast<size_t>(order_steps_));
    }
    report.marginal = MarginalValues(model, base, c, oo, *result, step_, s.diags());
    RenderOptimise(report, s.format(), s.lang(), s.text());
    if (!output_.empty()) {
      std::string name = name_.empty() ? "Optimal allocation under " + setup.weights_label : name_;
      std::vector<std::string> header =
          Header(model, s.inputs(), c, *result, setup.weights_label, oo.segments);
      s.WriteFile("--output", output_,
                  OptimisedScenarioYaml(model, base, *result, id_, name, header));
    }
    return kExitSuccess;
  }

 private:
  OptimiseArgs a_;
  std::string step_text_ = "100000";
  Money step_;
  int order_steps_ = 10;
  std::string output_;
  std::string id_ = "optimised";
  std::string name_;
};

}  // namespace

int RunOptimise(const Args& args, std::ostream& out, std::ostream& err, const CliContext& context) {
  OptimiseCommand command;
  return RunCommand("optimise", kHelp, Reads::kModelAndScenarios, command, args, out, err, context);
}

}  // namespace allot::cli
