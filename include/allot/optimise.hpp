// Optimise: the allocation of a budget over action lines that maximises a
// weighted score, under constraints, solved as a MILP (GLPK, private to the
// library). See docs/optimise.md for the formulation and its stated gap.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "allot/diagnostic.hpp"
#include "allot/model.hpp"
#include "allot/money.hpp"
#include "allot/render.hpp"
#include "allot/resolve.hpp"

namespace allot {

// A bound on one line's total spend over all model years.
struct LineAmount {
  std::string line;
  Money amount;
};

// What an allocation must satisfy. Lines are those of the base scenario.
struct OptimiseConstraints {
  std::vector<Money> budget;                  // per model year (Model::years order)
  bool spend_exactly = true;                  // true: each year's total equals budget
                                              // (optimise); false: at most (frontier)
  std::vector<LineAmount> min;                // line total >= amount
  std::vector<LineAmount> max;                // line total <= amount
  std::vector<std::string> lock;              // lines kept at the base's amounts, year by year
  std::optional<Money> max_change;            // |line total - base total| <= this, every line
  std::optional<double> max_change_fraction;  // same, as a fraction of the base total (0.2 = 20%)
  std::vector<std::string> fund_motions;      // motion ids whose min_spend must be met
};

struct OptimiseOptions {
  std::vector<double> weights;     // per objective (Model::objectives order), sum 1
  int segments = 16;               // pieces per nonlinear curve, >= 1
  double time_limit_seconds = 60;  // per MILP solve
  double mip_gap = 1e-4;           // relative; the bound reported accounts for it
};

// Size and effort of the last solve of the inner approximation.
struct SolverStats {
  int rows = 0;
  int columns = 0;
  int integers = 0;    // binary columns (levels, thresholds, non-concave curves)
  double seconds = 0;  // wall time of all solves of this result
  int solves = 0;
};

struct OptimiseResult {
  bool feasible = false;
  // When infeasible: each constraint whose removal alone makes the problem
  // feasible, e.g. "--min victim_care=900000"; empty when only dropping
  // several together helps (then `conflict_note` says so).
  std::vector<std::string> conflicts;
  std::string conflict_note;
  ResolvedScenario allocation;     // the base with the optimal amounts (cents, exact budgets)
  std::vector<std::string> level;  // per line of `allocation`: chosen level name,
                                   // "(none)" when a line with levels is left at 0, "" otherwise
  std::vector<double> objectives;  // capped scores of `allocation`, allot's Evaluate
  double score = 0;                // exact weighted score of `allocation`
  double upper_bound = 0;          // no allocation scores more (solver, outer approximation)
  double base_score = 0;           // the base scenario's weighted score
  std::vector<double> base_objectives;  // the base scenario's capped scores
  SolverStats stats;
};

// Maximises sum_j w_j min(100, sum_l v_lj) over the base's lines. Curves are
// piecewise linear with `segments` pieces; the returned allocation is
// rounded to cents with every year's total exact and re-evaluated exactly.
// Invalid constraints (unknown line or motion, wrong number of years) are
// diagnostics naming the option, and yield nullopt; an infeasible problem
// is a result with feasible = false and the conflicting constraints named.
std::optional<OptimiseResult> Optimise(const Model& model, const ResolvedScenario& base,
                                       const OptimiseConstraints& constraints,
                                       const OptimiseOptions& options, Diagnostics& diags);

// One step of the order of buy: spending on `line` from `from` to `to`
// (total over all years) adds `points` weighted points (uncapped).
struct BuyStep {
  std::string line;
  Money from;
  Money to;
  double points = 0;
  double points_per_100k() const;  // points per EUR 100,000
};

// The benefit-per-euro order of funding increments from zero: greedily the
// step with the most weighted points per euro (a step may jump to any later
// breakpoint or level, so thresholds and levels count by their average
// yield), until `total` is spent or nothing adds points. Ignores the cap at
// 100 and every constraint but the total.
std::vector<BuyStep> OrderOfBuy(const Model& model, const ResolvedScenario& base,
                                const std::vector<double>& weights, Money total, int segments);

// The marginal value of money in one year: the optimum re-solved with
// `extra` more in that year.
struct MarginalValue {
  int year = 0;
  Money extra;
  double points = 0;                      // exact score gained
  std::vector<LineAmount> best_spent_on;  // lines whose total grew, most first
};

std::vector<MarginalValue> MarginalValues(const Model& model, const ResolvedScenario& base,
                                          const OptimiseConstraints& constraints,
                                          const OptimiseOptions& options, Money extra,
                                          Diagnostics& diags);

// The same from `now`, the feasible result of Optimise with these
// constraints and options (saves solving it again).
std::vector<MarginalValue> MarginalValues(const Model& model, const ResolvedScenario& base,
                                          const OptimiseConstraints& constraints,
                                          const OptimiseOptions& options, const OptimiseResult& now,
                                          Money extra, Diagnostics& diags);

// FNV-1a 64-bit hash of a text, as 16 lowercase hex digits: the model hash
// written into optimised scenario files.
std::string Fnv1a64Hex(const std::string& text);

// An allot/1 scenario file reproducing `result.allocation` as `set` changes
// against `base` (with `base:` unless base is the model itself), preceded by
// `header` lines as YAML comments. `budget: neutral-per-year` is stated when
// every year's total equals the base's.
std::string OptimisedScenarioYaml(const Model& model, const ResolvedScenario& base,
                                  const OptimiseResult& result, const std::string& id,
                                  const std::string& name, const std::vector<std::string>& header);

// What `allot optimise` prints: the result against the base, line by line,
// the order of buy and the marginal values.
struct OptimiseReport {
  std::string weights_label;  // e.g. "ckm" or "uniform (mean of 1000 samples)"
  std::vector<int> years;
  std::vector<Objective> objectives;
  const ResolvedScenario* base = nullptr;
  OptimiseResult result;
  std::vector<BuyStep> order;
  std::vector<MarginalValue> marginal;
};

void RenderOptimise(const OptimiseReport& report, OutputFormat format, Lang lang,
                    std::ostream& out);

}  // namespace allot
