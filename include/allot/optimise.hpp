// Optimise: the allocation of a budget over action lines that maximises a
// weighted score, under constraints, solved as a MILP (GLPK, private to the
// library). See docs/optimise.md for the formulation and its stated gap.
#pragma once

#include <chrono>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "allot/diagnostic.hpp"
#include "allot/model.hpp"
#include "allot/money.hpp"
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
  // What a motion without min_spend must get under fund_motions: compare
  // counts it funded at any amount above 0, but "a cent" is not funding
  // and lies below any solver's tolerance (docs/format.md, Motions).
  Money motion_minimum = Money::FromCents(1000000);  // EUR 10,000 over all years
};

// The objective and the solver's settings.
struct OptimiseOptions {
  std::vector<double> weights;     // per objective (Model::objectives order), sum 1
  int segments = 16;               // pieces per nonlinear curve to start from, >= 1
  double time_limit_seconds = 60;  // the whole call (all its solves), > 0
  // When set, the call stops at this moment instead (a command that makes
  // many calls shares one deadline); time_limit_seconds is then ignored.
  std::optional<std::chrono::steady_clock::time_point> deadline;
  double mip_gap = 1e-4;    // relative; the bound reported accounts for it
  double tolerance = 0.01;  // points: refine the curves around the optimum until
                            // upper bound - score is at most this (or time is up)
  Money marginal_step;      // > 0: also what this much more money buys (MarginalValues)
};

// Size and effort of the last solve of the inner approximation.
struct SolverStats {
  int rows = 0;
  int columns = 0;
  int integers = 0;    // binary columns (levels, thresholds, non-concave curves)
  double seconds = 0;  // wall time of all solves of this result
  int solves = 0;
};

// The marginal value of money at the optimum, at its choices of levels and
// thresholds (see MarginalValues).
struct Marginal {
  double points_per_euro = 0;            // the budget row's dual in the LP at those choices
  Money extra;                           // marginal_step
  double points = 0;                     // exact score of `then` minus the optimum's
  std::vector<std::vector<Money>> then;  // the allocation with `extra` more, [line][year]
  std::vector<std::string> tied;         // lines at the margin with equal points per euro
};

// The answer of Optimise: the best allocation found, its exact score and
// the solver's bound (weighted points), or why there is none.
struct OptimiseResult {
  bool feasible = false;
  // Not empty: no allocation could be verified (the time limit, or the
  // solver's answers failed the checks twice); feasible is then false.
  std::string error;
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
  // No allocation scores more: the solver's outer approximation when
  // `bounded`; otherwise 100, the cap of every weighted score (the outer
  // problem failed or its answer failed the checks: no bound is claimed).
  double upper_bound = 100;
  bool bounded = false;
  double tolerance = 0;  // the gap aimed at (OptimiseOptions::tolerance)
  int refinements = 0;   // rounds of breakpoints added around the optimum
  // What the checks of the solver's answers found and did, in words
  // ("re-solved without ...", "the base is better than ..."); empty when
  // every answer passed at once.
  std::vector<std::string> notes;
  std::optional<Marginal> marginal;
  double base_score = 0;                // the base scenario's weighted score
  std::vector<double> base_objectives;  // the base scenario's capped scores
  SolverStats stats;
};

// Maximises sum_j w_j min(100, sum_l v_lj) over the base's lines. Curves are
// piecewise linear, refined around the optimum until the gap is within
// options.tolerance; the returned allocation is rounded to cents with
// every year's total exact and re-evaluated exactly. Every answer of the
// solver is checked before it is used: the rounded allocation meets every
// constraint to the cent, allot's own Evaluate scores it at least as the
// solver's inner (below-the-curve) value, and the upper bound is at least
// every score known; a failed check means a re-solve another way, then
// `error` (no allocation) or no bound. The base is the fallback when it
// meets the constraints and scores more.
// Invalid constraints (unknown line or motion, wrong number of years,
// --min above --max) are diagnostics naming the option, and yield nullopt;
// an infeasible problem is a result with feasible = false and the
// conflicting constraints named.
std::optional<OptimiseResult> Optimise(const Model& model, const ResolvedScenario& base,
                                       const OptimiseConstraints& constraints,
                                       const OptimiseOptions& options, Diagnostics& diags);

// One step of the order of buy: spending on `line` from `from` to `to`
// (total over all years) adds `points` weighted points, each objective
// counted up to its cap of 100 given the steps before.
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
// yield), until `total` is spent or nothing adds points. Each step is
// priced at the objectives' totals so far, capped at 100: a step ends where
// an objective reaches its cap, and what lies past a cap counts for
// nothing. Ignores every constraint but the total.
std::vector<BuyStep> OrderOfBuy(const Model& model, const ResolvedScenario& base,
                                const std::vector<double>& weights, Money total, int segments);

// The marginal value of money in one year, at the optimum's choices of
// levels and thresholds (fixed: a level that only the extra money would
// make affordable is not considered), so an extra euro is worth the same
// in every year. From the LP at those choices: its budget dual, and the LP
// re-solved with `extra` more (warm started), rounded and evaluated.
struct MarginalValue {
  int year = 0;
  Money extra;
  double points = 0;                      // exact score gained when spent as in best_spent_on
  double points_per_100k = 0;             // the LP's budget dual, points per EUR 100,000
  std::vector<LineAmount> best_spent_on;  // the net reallocation: every line whose total
                                          // changes (negative: money taken), largest first
  std::vector<std::string> tied;          // lines at the margin with equal points per euro:
                                          // the money could go to any of them
};

std::vector<MarginalValue> MarginalValues(const Model& model, const ResolvedScenario& base,
                                          const OptimiseConstraints& constraints,
                                          const OptimiseOptions& options, Money extra,
                                          Diagnostics& diags);

// The same from `now`, the feasible result of Optimise with these
// constraints and options (no new solve when now.marginal is for `extra`).
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

}  // namespace allot
