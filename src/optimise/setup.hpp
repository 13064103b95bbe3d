// From model, base and constraints to a Problem (internal).
#pragma once

#include <string>
#include <vector>

#include "allot/diagnostic.hpp"
#include "allot/optimise.hpp"
#include "optimise/problem.hpp"

namespace allot::detail {

// Checks names and numbers in `c` against the base; a diagnostic per error,
// naming the option ("--min: unknown line 'x' (did you mean 'y'?)").
bool CheckConstraints(const Model& model, const ResolvedScenario& base,
                      const OptimiseConstraints& c, const OptimiseOptions& o, Diagnostics& diags);

// The problem for validated constraints. `budget_rows` false drops the
// yearly budgets (to test whether they are part of a conflict). `extra`:
// per line, more breakpoints (EUR) for its smooth curves (refinement).
// Curves are cut on [0, the line's maximum], the line's maximum being
// its --max (or --max-change) or else the larger of the budget's total
// and `ceiling` (EUR): a command solving at several budgets passes the
// largest, so that every budget gives the same pieces.
Problem MakeProblem(const Model& model, const ResolvedScenario& base, const OptimiseConstraints& c,
                    const OptimiseOptions& o, Approx approx, bool budget_rows = true,
                    const std::vector<std::vector<double>>& extra = {}, double ceiling = 0);

// The least a motion's lines must spend under --fund-motions: its
// min_spend, or c.motion_minimum when it has none.
Money MotionMinimum(const Motion& motion, const OptimiseConstraints& c);

// Each motion of c.fund_motions that no line of the base names, as
// "--fund-motions ID (no line of the base names this motion)".
std::vector<std::string> UnfundableMotions(const ResolvedScenario& base,
                                           const OptimiseConstraints& c);

// Each constraint whose removal alone makes `c` feasible, described as its
// option ("--lock information_point", "the yearly budgets").
std::vector<std::string> FindConflicts(const Model& model, const ResolvedScenario& base,
                                       const OptimiseConstraints& c, const OptimiseOptions& o,
                                       int& solves);

// The solution's amounts in cents: each year's total exact (spend_exactly)
// or at most the budget, by largest remainder over the free lines.
std::vector<std::vector<Money>> RoundToCents(const Problem& problem, const Solution& solution,
                                             const std::vector<Money>& budget);

// The first constraint of `c` that `amounts` ([line][year], cents) break,
// in words, or "" when they meet all exactly: yearly budgets, locks,
// levels, --min, --max, --max-change and motions.
std::string Violation(const Model& model, const ResolvedScenario& base,
                      const OptimiseConstraints& c, const std::vector<std::vector<Money>>& amounts);
bool MeetsConstraints(const Model& model, const ResolvedScenario& base,
                      const OptimiseConstraints& c, const std::vector<std::vector<Money>>& amounts);

// Sum of a line's amounts.
Money TotalOf(const std::vector<Money>& amounts);

}  // namespace allot::detail
