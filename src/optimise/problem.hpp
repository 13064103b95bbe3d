// The optimisation problem in solver-neutral form (internal): lines with
// piecewise-linear effects, discrete options (levels, locks) and the rows
// that bind them. Built by src/optimise/setup.cpp, solved by src/optimise/milp.cpp.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "allot/model.hpp"
#include "allot/money.hpp"
#include "allot/resolve.hpp"

namespace allot::detail {

// Value on [x0, x1] (EUR of total spend): v0 + slope * (x - x0).
struct Piece {
  double x0 = 0;
  double x1 = 0;
  double v0 = 0;
  double slope = 0;
};

// One effect of a free line, as pieces covering [0, U]. `concave`: the
// pieces start at (0, 0), join up, and have non-increasing slopes, so an LP
// fills them in order without binaries; otherwise one piece is chosen by a
// binary each (the multiple-choice model, exact for jumps at thresholds).
struct PiecewiseEffect {
  int objective = 0;  // index into the kept objectives (see Problem)
  bool concave = true;
  std::vector<Piece> pieces;
  // A threshold on a concave curve: one binary y per effect, in the convex
  // hull form (see AddThreshold in src/optimise/milp.cpp): y = 1 fills the
  // pieces from `threshold` up, y = 0 leaves the line's total at most
  // `below` and the effect at 0 (0 = no threshold).
  double threshold = 0;
  double below = 0;
  bool reachable = true;  // false: the line's maximum is below the threshold (y stays 0)
};

// The envelope of the tangents of a concave saturating curve at the
// breakpoints of `inner` (its chord pieces) and at its end, as pieces that
// join up: tangent k holds from its crossing with tangent k-1 to its
// crossing with tangent k+1. Above the curve by about as much as the chords
// are below it, without the error adding up piece by piece.
std::vector<Piece> TangentEnvelope(const Curve& curve, const std::vector<Piece>& inner);

// Which side of the true curve the pieces lie on: below (chords: any
// allocation scores at least what the solver says) or above (tangents: no
// allocation scores more than the solver's optimum).
enum class Approx { kInner, kOuter };

// The pieces of `curve` on [0, upper] (EUR): `segments` pieces per smooth
// stretch, spaced equally in value for saturating curves, plus breakpoints
// at `extra` (refinement around an optimum); a threshold T becomes a jump
// at T + margin (margin absorbs rounding to cents).
std::vector<Piece> CurvePieces(const Curve& curve, double upper, int segments, double margin,
                               Approx approx, const std::vector<double>& extra = {});

// Whether pieces from 0 join up with non-increasing slopes and start at 0.
bool IsConcave(const std::vector<Piece>& pieces);

// A curve's value and slope at x EUR of total spend, ignoring its
// threshold (the likely parameters, as Evaluate; x need not be whole cents).
double CurveValueAt(const Curve& curve, double x);
// The slope is the one just right of x, or with `left` just left of it
// (they differ at a table's points).
double CurveSlopeAt(const Curve& curve, double x, bool left = false);

// The most a free line can gain at given prices, on its true curves:
// max over totals x in [lo, hi] EUR of sum over its effects of
// worth[objective] * f(x) - cost * x, thresholds included (worth: points
// per point of each model objective, >= 0; cost: points per EUR).
struct LineGain {
  double total = 0;  // where the maximum lies (to the precision of a bisection)
  double bound = 0;  // at least the maximum: the concave parts above their tangent, any
                     // convex part above its chord, stretch by stretch
};
LineGain BestResponse(const Model& model, const Line& line, const std::vector<double>& worth,
                      double cost, double lo, double hi);

struct ProblemLine {
  bool discrete = false;
  // Free lines: amounts per year are continuous in [0, budget_t] and the
  // total in [lo, hi] (EUR).
  double lo = 0;
  double hi = 0;
  std::vector<PiecewiseEffect> effects;
  // Discrete lines: exactly one of `options` (amounts per year, EUR), or
  // none (all zero) when `none_allowed`. values[o][j]: points on kept
  // objective j, exact.
  std::vector<std::vector<double>> options;
  std::vector<std::vector<double>> values;
  bool none_allowed = true;
};

// sum over `lines` of their totals >= min (EUR).
struct MotionRow {
  std::vector<int> lines;
  double min = 0;
};

struct Problem {
  std::vector<double> weights;  // per kept objective (weight > 0)
  std::vector<double> budget;   // per year, EUR
  bool budget_rows = true;      // false: no yearly budget rows at all
  bool spend_exactly = true;
  std::vector<ProblemLine> lines;
  std::vector<MotionRow> motions;
};

enum class SolveStatus { kOptimal, kFeasible, kInfeasible, kFailed };

using Clock = std::chrono::steady_clock;

// The LP at the integer choices of a solution (levels, thresholds, pieces
// of non-concave curves fixed) with the total budget raised by `extra` EUR:
// what more money buys without changing those choices.
struct Parametric {
  bool solved = false;
  double objective = 0;                      // the LP's value (same units as Solution)
  std::vector<std::vector<double>> amounts;  // [line][year], EUR
};

// The row duals of an LP solution, as the multipliers of a Lagrangian
// relaxation (see DualBound): per kept objective, what a point more of it
// is worth (its weight, or less where the cap binds: in [0, weight]); in
// points per EUR, what a euro more of the total budget is worth (of either
// sign when the total must be spent exactly, else >= 0), what a euro more
// in each year's budget is worth (>= 0; only lines with levels or locks
// have yearly amounts), and what a euro more of each motion's minimum
// costs (>= 0).
struct Prices {
  bool known = false;
  std::vector<double> objective;
  double total = 0;
  std::vector<double> year;
  std::vector<double> motion;
};

struct Solution {
  SolveStatus status = SolveStatus::kFailed;
  bool timed_out = false;  // kFailed because the deadline passed
  std::string suspect;     // why the solver's answer is not to be trusted; "" = none seen
  double objective = 0;    // the solver's value of the best allocation found
  double bound = 0;        // no allocation of this problem scores more
  std::vector<std::vector<double>> amounts;  // [line][year], EUR
  std::vector<int> option;                   // discrete lines: chosen option or -1
  // Per line: the weighted points (uncapped) its pieces or options give it
  // in the solver's answer, to compare with the true curves (refinement).
  std::vector<double> value;
  // Per line: the least total (EUR) its integer choices need (a threshold
  // reached, a piece of a non-concave curve chosen); rounding keeps it.
  std::vector<double> floor;
  // The LP at the chosen integers (see Parametric): the total budget's dual
  // (points per EUR) and, per line, the weighted points per EUR of the next
  // euro it would get (0 for discrete lines and lines at their maximum).
  double budget_dual = 0;
  std::vector<double> next_euro;
  Prices prices;                  // the same LP's
  std::vector<Parametric> extra;  // per SolveSettings::extra_total
  int rows = 0;
  int columns = 0;
  int integers = 0;
  double seconds = 0;
};

struct SolveSettings {
  Clock::time_point deadline = Clock::time_point::max();
  double mip_gap = 1e-6;
  bool feasibility_only = false;  // zero objective: for finding conflicts
  // The LP relaxation only (integers relaxed): its point (amounts only,
  // fractional choices) and its prices, no search. For refining the
  // curves before the first integer solve: a simplex solve costs less.
  bool relaxation = false;
  // GLPK's MIP presolver: faster on some problems, but it has returned
  // infeasible, out-of-bounds and non-optimal answers on others (issue 11);
  // off, the LP relaxation is solved by the simplex first.
  bool presolve = false;
  std::vector<double> extra_total;  // EUR; see Parametric
};

// Solves problems with GLPK (glp_simplex, then glp_intopt), keeping one
// GLPK problem across solves: a problem of the same shape as the last one
// (same lines, effects, options and rows; bounds, budgets, weights and the
// pieces of concave curves may differ) is changed in place and solved from
// the last basis, which after a refinement round or a new frontier budget
// is a few pivots from the new optimum; any other problem is built anew.
// Never prints.
class MilpSolver {
 public:
  MilpSolver();
  ~MilpSolver();
  MilpSolver(const MilpSolver&) = delete;
  MilpSolver& operator=(const MilpSolver&) = delete;

  Solution Solve(const Problem& problem, const SolveSettings& settings);
  int builds() const;  // how often a problem was built anew (the rest: in place)

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// One solve with a problem of its own.
Solution SolveProblem(const Problem& problem, const SolveSettings& settings);

// An upper bound on the weighted score of every allocation meeting the
// problem's constraints, by weak Lagrangian duality: the score rows, the
// budgets and the motion rows relaxed at `prices`, each line then at its
// best (BestResponse on its true curves; its best option for lines with
// levels or locks). Valid for any prices, tight at the optimum's when the
// lines' choices are continuous. `problem` in EUR, from MakeProblem for
// `base`; `weights` per model objective. Infinity when it cannot say.
double DualBound(const Problem& problem, const Model& model, const ResolvedScenario& base,
                 const std::vector<double>& weights, const Prices& prices);

}  // namespace allot::detail
