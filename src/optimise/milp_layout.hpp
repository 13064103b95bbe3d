// The MILP's columns and rows in a GLPK problem (internal): built from a
// Problem, or changed in place into the next Problem of the same shape so
// that the simplex starts from the last basis (src/optimise/milp.cpp).
#pragma once

#include <glpk.h>

#include <vector>

#include "optimise/problem.hpp"

namespace allot::detail {

// The columns and rows of one effect of a free line.
struct EffectColumns {
  int link = 0;             // row: line total - x0 - sum of pieces (- sum x0_k z_k) = 0
  int score = 0;            // the objective's score row
  std::vector<int> pieces;  // one column per piece, in order
  // A threshold (see AddThreshold in milp_layout.cpp): its binary y, the
  // money below it (x0), and the rows that tie them to the pieces.
  int threshold = 0;  // y; 0: no threshold
  int x0 = 0;
  int below_row = 0;
  int reach_row = 0;
  std::vector<int> piece_rows;  // per piece: delta_k - length_k * y <= 0
  std::vector<int> choice;      // non-concave effects: a binary per piece
  // Columns (fixed at 0, empty) and rows (free, empty) of pieces an update
  // took away, for the next update to reuse: GLPK's simplex leaves fixed
  // columns out of its work, and no index moves.
  std::vector<int> spare_pieces;
  std::vector<int> spare_rows;
};

// Column ids of one line: its total (free) or its options (discrete).
struct LineColumns {
  std::vector<int> years;  // a free line: one column, its total over all years
  std::vector<int> options;
  std::vector<EffectColumns> effects;
};

struct MilpLayout {
  std::vector<int> score_columns;  // s_j per kept objective
  std::vector<int> score_rows;     // per kept objective: s_j - sum v <= 0
  std::vector<int> year_rows;      // per year (empty without budget rows)
  std::vector<int> motion_rows;
  int total_row = 0;  // 0 when there are no budget rows
  std::vector<LineColumns> lines;
  int integers = 0;  // binary columns
};

// In units of the average budget per line instead of EUR: in EUR the
// slopes run from 1e-5 down to 1e-11 points per EUR, below GLPK's
// tolerance on reduced costs (1e-7), so the simplex stops "optimal" with
// money still to be moved to better lines.
double MoneyUnit(const Problem& pr);
Problem InUnits(Problem pr, double unit);

// Builds `pr` (in solver units) into the empty problem `lp`.
MilpLayout BuildLayout(glp_prob* lp, const Problem& pr, bool feasibility_only);

// Whether `next` can replace `held` in place: the same lines, effects,
// options, objectives and rows; a concave effect's pieces may differ.
bool SameShape(const Problem& held, const Problem& next);

// Changes `lp` from `held` into `next` (SameShape, both in solver units):
// weights, budgets, line bounds and the pieces of concave effects. Piece
// columns get the statuses of the last solution's fill, so the last basis
// stays a near-optimal start. Returns whether any pieces changed.
bool UpdateInPlace(glp_prob* lp, MilpLayout& layout, const Problem& held, const Problem& next,
                   bool feasibility_only);

}  // namespace allot::detail
