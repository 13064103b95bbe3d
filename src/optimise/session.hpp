// What the solves of one command share (internal): a GLPK problem each for
// the inner and the outer approximation, kept across refinement rounds,
// frontier points and scenario placements, and the breakpoints refinement
// has added around the optima found so far.
#pragma once

#include <vector>

#include "allot/optimise.hpp"
#include "optimise/problem.hpp"

namespace allot::detail {

struct Session {
  MilpSolver inner;                        // chords: below the curves
  MilpSolver outer;                        // tangents: above the curves
  std::vector<std::vector<double>> extra;  // per base line: breakpoints added (EUR)
  double ceiling = 0;  // the largest total budget to be solved at (EUR); see MakeProblem
  // The answers of the last two solves (per base line, EUR) and their
  // total budgets: where the next answer is likely to lie.
  std::vector<double> last, previous;
  double last_budget = 0, previous_budget = 0;
};

// Optimise (constraints and options already checked) with the session's
// solvers and breakpoints, which it extends.
OptimiseResult OptimiseIn(Session& session, const Model& model, const ResolvedScenario& base,
                          const OptimiseConstraints& constraints, const OptimiseOptions& options);

}  // namespace allot::detail
