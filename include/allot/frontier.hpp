// The efficient frontier: the best score money can buy at each total
// budget, where existing scenarios sit against it, and which lines every
// optimal allocation funds across weights (the core index).
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "allot/diagnostic.hpp"
#include "allot/model.hpp"
#include "allot/money.hpp"
#include "allot/optimise.hpp"
#include "allot/resolve.hpp"

namespace allot {

// Where the frontier is computed: `points` total budgets up to `to`.
struct FrontierOptions {
  int points = 20;  // budgets 1/N .. N/N of `to`
  Money to;         // the largest total budget
  int refine = 12;  // bisection steps for "the cheapest budget reaching a score"
};

// The optimum at one total budget (money in cents, scores in weighted
// points).
struct FrontierPoint {
  Money budget;            // total, split over the years like the base's
  Money spent;             // what the optimum spends (at most the budget)
  double score = 0;        // exact weighted score of the optimum; -1 when not solved (see status)
  double upper_bound = 0;  // as OptimiseResult::upper_bound (100 when not bounded)
  bool bounded = false;
  std::vector<std::string> levels;  // "line=level" for every line with levels funded
  // "" when solved; "infeasible" when the constraints cannot be met at this
  // budget; otherwise why the point failed (e.g. the time limit): the other
  // points are computed all the same.
  std::string status;
};

// Where one scenario sits against the frontier: its own score, the
// cheapest budget that buys it, and the best its own money could buy.
struct ScenarioPlacement {
  std::string id;
  Money total;
  double score = 0;               // exact weighted score
  std::optional<Money> cheapest;  // least total budget whose optimum reaches `score`
                                  // (to within 1/2^refine of a frontier step); none: beyond `to`
  double best_for_money = 0;      // the optimum with the scenario's own money per year
};

// The frontier, cheapest budget first, and every scenario against it (the
// model first, then as given).
struct FrontierResult {
  std::vector<FrontierPoint> points;
  std::vector<ScenarioPlacement> scenarios;
};

// Solves the optimum (spending at most the budget, each year in proportion
// to the base) at every frontier budget and places every scenario in
// `scenarios`. `constraints.budget` is ignored; the other constraints hold
// at every point. Invalid constraints are diagnostics and yield nullopt; a
// budget at which the constraints cannot be met, or whose solve failed,
// scores nothing (score -1, and `status` says which). The frontier never
// falls: a point keeps the previous point's allocation when that fits and
// scores more. options.time_limit_seconds (or options.deadline) bounds the
// whole frontier.
std::optional<FrontierResult> Frontier(const Model& model, const ResolvedScenario& base,
                                       const std::vector<ResolvedScenario>& scenarios,
                                       const OptimiseConstraints& constraints,
                                       const OptimiseOptions& options,
                                       const FrontierOptions& frontier, Diagnostics& diags);

// Under how many of several weight vectors a line is funded by the optimal
// allocations, all of them, not the one optimum a solver happens to return
// (ties). Funding means at least EUR 10,000 (--motion-minimum) over all
// years, or 1% of the budget when that is less. Per weight vector, with S
// the exact score of the optimum found:
// - `every`: every allocation scoring at least S funds the line (the
//   constraints force it, or with the line at 0 the problem is infeasible
//   or its upper bound is below S);
// - `funded`: some allocation within the tolerance (0.01 points) of S funds
//   it (the optimum found does, or one with the line at least the minimum,
//   found and checked like any answer).
// A solve that fails counts as "not shown" for `every` and as "not found"
// for `funded`.
struct CoreLine {
  std::string id;
  int funded = 0;  // weight vectors under which some optimum funds it, of `runs`
  int runs = 0;
  int every = 0;  // weight vectors under which every optimum funds it
  // "core" (every optimum under every vector), "exterior" (no optimum under
  // any), else "borderline".
  const char* kind() const {
    return funded == 0 ? "exterior" : every == runs ? "core" : "borderline";
  }
};

std::optional<std::vector<CoreLine>> CoreIndex(const Model& model, const ResolvedScenario& base,
                                               const OptimiseConstraints& constraints,
                                               const OptimiseOptions& options,
                                               const std::vector<std::vector<double>>& weights,
                                               Diagnostics& diags);

// What `allot frontier` prints: the frontier, the weights it is under, and
// the core index when asked for.
struct FrontierReport {
  std::string weights_label;
  std::string core_label;  // what the core index ran over; empty: no core index
  FrontierResult frontier;
  std::vector<CoreLine> core;
};

}  // namespace allot
