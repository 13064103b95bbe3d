// The optimisation problem in solver-neutral form (internal): lines with
// piecewise-linear effects, discrete options (levels, locks) and the rows
// that bind them. Built by src/optimise/setup.cpp, solved by src/optimise/milp.cpp.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "allot/model.hpp"
#include "allot/money.hpp"

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

struct Solution {
  SolveStatus status = SolveStatus::kFailed;
  bool timed_out = false;  // kFailed because the deadline passed
  std::string suspect;     // why the solver's answer is not to be trusted; "" = none seen
  double objective = 0;    // the solver's value of the best allocation found
  double bound = 0;        // no allocation of this problem scores more
  std::vector<std::vector<double>> amounts;  // [line][year], EUR
  std::vector<int> option;                   // discrete lines: chosen option or -1
  // Per line: the least total (EUR) its integer choices need (a threshold
  // reached, a piece of a non-concave curve chosen); rounding keeps it.
  std::vector<double> floor;
  // The LP at the chosen integers (see Parametric): the total budget's dual
  // (points per EUR) and, per line, the weighted points per EUR of the next
  // euro it would get (0 for discrete lines and lines at their maximum).
  double budget_dual = 0;
  std::vector<double> next_euro;
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
  // GLPK's MIP presolver: faster on some problems, but it has returned
  // infeasible, out-of-bounds and non-optimal answers on others (issue 11);
  // off, the LP relaxation is solved by the simplex first.
  bool presolve = false;
  std::vector<double> extra_total;  // EUR; see Parametric
};

// Solves `problem` with GLPK (glp_simplex, then glp_intopt). Never prints.
Solution SolveProblem(const Problem& problem, const SolveSettings& settings);

}  // namespace allot::detail
