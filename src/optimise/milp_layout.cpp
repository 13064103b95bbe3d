// Columns and rows of the MILP in GLPK, built at once or changed in place.
#include "optimise/milp_layout.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace allot::detail {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

int BoundsType(double lo, double hi) {
  return lo == -kInf ? (hi == kInf ? GLP_FR : GLP_UP)
                     : (hi == kInf ? GLP_LO : (lo == hi ? GLP_FX : GLP_DB));
}

void SetColumnBounds(glp_prob* lp, int c, double lo, double hi) {
  glp_set_col_bnds(lp, c, BoundsType(lo, hi), lo == -kInf ? 0 : lo, hi == kInf ? 0 : hi);
}

void SetRowBounds(glp_prob* lp, int r, double lo, double hi) {
  glp_set_row_bnds(lp, r, BoundsType(lo, hi), lo == -kInf ? 0 : lo, hi == kInf ? 0 : hi);
}

// Sparse matrix entries gathered while building, loaded at once.
class Builder {
 public:
  explicit Builder(glp_prob* lp) : lp_(lp), ia_{0}, ja_{0}, ar_{0} {}

  int Column(double lo, double hi, double cost, bool binary = false) {
    int c = glp_add_cols(lp_, 1);
    SetColumnBounds(lp_, c, lo, hi);
    glp_set_obj_coef(lp_, c, cost);
    if (binary) {
      glp_set_col_kind(lp_, c, GLP_BV);
      ++integers_;
    }
    return c;
  }
  int Row(double lo, double hi) {
    int r = glp_add_rows(lp_, 1);
    SetRowBounds(lp_, r, lo, hi);
    return r;
  }
  void Add(int row, int col, double value) {
    if (value == 0) return;
    ia_.push_back(row);
    ja_.push_back(col);
    ar_.push_back(value);
  }
  void Load() {
    glp_load_matrix(lp_, static_cast<int>(ia_.size()) - 1, ia_.data(), ja_.data(), ar_.data());
  }
  int integers() const { return integers_; }

 private:
  glp_prob* lp_;
  std::vector<int> ia_, ja_;
  std::vector<double> ar_;
  int integers_ = 0;
};

// A threshold T on a concave curve f, in the convex hull of "total below
// T, worth 0" and "total at least T, worth f(total)" (a perspective
// formulation): the total splits into x0 (below) and the pieces' fill, with
// a binary y:
//   x0 <= below * (1 - y),  delta_k <= length_k * y,  sum delta_k >= T * y.
// At a fractional y the LP can claim at most y * f(fill / y), the chord
// from 0 to the curve past T, instead of all of f: the bound that a big-M
// "value <= f(U) * y" gives away. A threshold beyond the line's maximum
// keeps y at 0 (its upper bound), so the shape does not depend on it.
void AddThreshold(Builder& b, const PiecewiseEffect& e, EffectColumns& ec) {
  ec.threshold = b.Column(0, e.reachable ? 1 : 0, 0, true);
  ec.x0 = b.Column(0, e.below, 0);
  b.Add(ec.link, ec.x0, -1);
  ec.below_row = b.Row(-kInf, e.below);  // x0 + below * y <= below
  b.Add(ec.below_row, ec.x0, 1);
  b.Add(ec.below_row, ec.threshold, e.below);
  ec.reach_row = b.Row(0, kInf);  // sum delta - T * y >= 0
  b.Add(ec.reach_row, ec.threshold, -e.threshold);
}

// An effect's pieces, tied to the line's total by its link row.
void AddEffect(Builder& b, const PiecewiseEffect& e, int total, int score_row, EffectColumns& ec) {
  ec.score = score_row;
  ec.link = b.Row(0, 0);
  b.Add(ec.link, total, 1);
  if (e.threshold > 0) AddThreshold(b, e, ec);
  int choose = e.concave ? 0 : b.Row(1, 1);  // exactly one piece
  for (const Piece& p : e.pieces) {
    double length = p.x1 - p.x0;
    int delta = b.Column(0, length, 0);
    ec.pieces.push_back(delta);
    b.Add(ec.link, delta, -1);
    b.Add(score_row, delta, -p.slope);
    if (ec.threshold != 0) {
      int row = b.Row(-kInf, 0);  // delta <= length * y
      ec.piece_rows.push_back(row);
      b.Add(row, delta, 1);
      b.Add(row, ec.threshold, -length);
      b.Add(ec.reach_row, delta, 1);
    }
    if (e.concave) continue;
    int z = b.Column(0, 1, 0, true);
    ec.choice.push_back(z);
    b.Add(choose, z, 1);
    b.Add(ec.link, z, -p.x0);
    b.Add(score_row, z, -p.v0);
    int within = b.Row(-kInf, 0);  // delta <= length * z
    b.Add(within, delta, 1);
    b.Add(within, z, -length);
  }
}

// A free line is one column, its total: effects depend on the total only,
// and a split over the years always exists (see RoundToCents), so per-year
// columns would only add degenerate choices to the search.
void AddFreeLine(Builder& b, const ProblemLine& l, LineColumns& cols, const MilpLayout& layout) {
  cols.years.push_back(b.Column(l.lo, std::max(l.lo, l.hi), 0));
  for (const PiecewiseEffect& e : l.effects) {
    cols.effects.emplace_back();
    AddEffect(b, e, cols.years[0], layout.score_rows[static_cast<size_t>(e.objective)],
              cols.effects.back());
  }
}

void AddDiscreteLine(Builder& b, const ProblemLine& l, LineColumns& cols,
                     const MilpLayout& layout) {
  int choose = b.Row(l.none_allowed ? 0 : 1, 1);
  for (size_t o = 0; o < l.options.size(); ++o) {
    int z = b.Column(0, 1, 0, true);
    cols.options.push_back(z);
    b.Add(choose, z, 1);
    for (size_t j = 0; j < layout.score_rows.size(); ++j) {
      b.Add(layout.score_rows[j], z, -l.values[o][j]);
    }
  }
}

double OptionTotal(const ProblemLine& l, size_t option) {
  double sum = 0;
  for (double a : l.options[option]) sum += a;
  return sum;
}

double BudgetTotal(const Problem& pr) {
  double all = 0;
  for (double b : pr.budget) all += b;
  return all;
}

void SetBudgetRows(glp_prob* lp, const MilpLayout& layout, const Problem& pr) {
  for (size_t t = 0; t < layout.year_rows.size(); ++t)
    SetRowBounds(lp, layout.year_rows[t], -kInf, pr.budget[t]);
  double all = BudgetTotal(pr);
  if (layout.total_row != 0)
    SetRowBounds(lp, layout.total_row, pr.spend_exactly ? all : -kInf, all);
}

// Budget and motion rows, once every line has its columns: discrete lines
// per year (their profiles are fixed), everything together in one total.
void AddBudgetAndMotionRows(Builder& b, const Problem& pr, MilpLayout& layout) {
  for (size_t t = 0; t < pr.budget.size() && pr.budget_rows; ++t) {
    int row = b.Row(-kInf, kInf);
    layout.year_rows.push_back(row);
    for (size_t i = 0; i < pr.lines.size(); ++i) {
      const LineColumns& cols = layout.lines[i];
      for (size_t o = 0; o < cols.options.size(); ++o) {
        b.Add(row, cols.options[o], pr.lines[i].options[o][t]);
      }
    }
  }
  if (pr.budget_rows) {
    layout.total_row = b.Row(-kInf, kInf);
    for (size_t i = 0; i < pr.lines.size(); ++i) {
      const LineColumns& cols = layout.lines[i];
      for (int c : cols.years) b.Add(layout.total_row, c, 1);
      for (size_t o = 0; o < cols.options.size(); ++o) {
        b.Add(layout.total_row, cols.options[o], OptionTotal(pr.lines[i], o));
      }
    }
  }
  for (const MotionRow& m : pr.motions) {
    int row = b.Row(m.min, kInf);
    layout.motion_rows.push_back(row);
    for (int i : m.lines) {
      const LineColumns& cols = layout.lines[static_cast<size_t>(i)];
      for (int c : cols.years) b.Add(row, c, 1);
      for (size_t o = 0; o < cols.options.size(); ++o) {
        b.Add(row, cols.options[o], OptionTotal(pr.lines[static_cast<size_t>(i)], o));
      }
    }
  }
}

bool SamePieces(const std::vector<Piece>& a, const std::vector<Piece>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const Piece& p, const Piece& q) {
    return p.x0 == q.x0 && p.x1 == q.x1 && p.v0 == q.v0 && p.slope == q.slope;
  });
}

bool SameEffectShape(const PiecewiseEffect& a, const PiecewiseEffect& b) {
  if (a.objective != b.objective || a.concave != b.concave || a.threshold != b.threshold ||
      a.below != b.below)
    return false;
  // Pieces of a concave effect change in place; a non-concave one has a
  // binary per piece.
  return a.concave || SamePieces(a.pieces, b.pieces);
}

bool SameLineShape(const ProblemLine& a, const ProblemLine& b) {
  if (a.discrete != b.discrete) return false;
  if (a.discrete) {
    return a.options == b.options && a.values == b.values && a.none_allowed == b.none_allowed;
  }
  if (a.effects.size() != b.effects.size()) return false;
  for (size_t e = 0; e < a.effects.size(); ++e) {
    if (!SameEffectShape(a.effects[e], b.effects[e])) return false;
  }
  return true;
}

// The statuses that put the effect's new pieces where the old ones were
// filled: full below the fill, empty above. The basis keeps its size and
// its pattern: as many basic piece columns as before and, under a
// threshold, as many piece rows at their bound (delta_k = length_k * y),
// both given first to the piece holding the fill, then to the nearest
// ones, in pairs as the last basis had them (a row at its bound whose
// column is not basic would tie y to one more piece: a singular basis).
void PlaceFill(glp_prob* lp, const EffectColumns& ec, const std::vector<Piece>& pieces, double fill,
               int basic_columns, int bound_rows) {
  size_t m = pieces.size();
  std::vector<int> stat(m, GLP_NL);
  std::vector<std::pair<double, size_t>> nearest;
  double eps = 1e-9 * (1 + std::fabs(fill));
  for (size_t k = 0; k < m; ++k) {
    const Piece& p = pieces[k];
    if (p.x1 <= fill + eps) {
      stat[k] = GLP_NU;
      nearest.emplace_back(fill - p.x1, k);
    } else if (p.x0 >= fill - eps) {
      nearest.emplace_back(p.x0 - fill, k);
    } else {
      nearest.emplace_back(-1, k);  // holds the fill: first
    }
  }
  std::sort(nearest.begin(), nearest.end());
  std::vector<int> row_stat(ec.piece_rows.size(), GLP_BS);
  for (size_t b = 0; b < m; ++b) {
    size_t k = nearest[b].second;
    if (static_cast<int>(b) < bound_rows && k < row_stat.size()) row_stat[k] = GLP_NU;
    if (static_cast<int>(b) < basic_columns) stat[k] = GLP_BS;
  }
  // GLPK turns a non-basic status into the one its bounds allow (GLP_NS
  // for a zero-length piece).
  for (size_t k = 0; k < m; ++k) glp_set_col_stat(lp, ec.pieces[k], stat[k]);
  for (size_t k = 0; k < row_stat.size(); ++k) glp_set_row_stat(lp, ec.piece_rows[k], row_stat[k]);
}

// Pulls the columns (and threshold rows) of an effect's pieces to `m`:
// spare ones reused or new ones added, or the last ones made spare.
void Resize(glp_prob* lp, EffectColumns& ec, size_t m) {
  bool rows = ec.threshold != 0;
  while (ec.pieces.size() < m) {
    bool reuse = !ec.spare_pieces.empty();
    ec.pieces.push_back(reuse ? ec.spare_pieces.back() : glp_add_cols(lp, 1));
    if (reuse) ec.spare_pieces.pop_back();
    if (!rows) continue;
    reuse = !ec.spare_rows.empty();
    int row = reuse ? ec.spare_rows.back() : glp_add_rows(lp, 1);  // a new row is basic
    if (reuse) ec.spare_rows.pop_back();
    SetRowBounds(lp, row, -kInf, 0);
    ec.piece_rows.push_back(row);
  }
  while (ec.pieces.size() > m) {
    int c = ec.pieces.back();
    glp_set_mat_col(lp, c, 0, nullptr, nullptr);
    glp_set_col_bnds(lp, c, GLP_FX, 0, 0);
    glp_set_col_stat(lp, c, GLP_NS);
    ec.spare_pieces.push_back(c);
    ec.pieces.pop_back();
    if (!rows) continue;
    // Emptied with y's column below; a free row's variable is basic.
    int r = ec.piece_rows.back();
    glp_set_row_bnds(lp, r, GLP_FR, 0, 0);
    glp_set_row_stat(lp, r, GLP_BS);
    ec.spare_rows.push_back(r);
    ec.piece_rows.pop_back();
  }
}

// New pieces for a concave effect: its columns rewritten (more added or
// some made spare as needed), the threshold's rows with them.
void ReplacePieces(glp_prob* lp, EffectColumns& ec, const PiecewiseEffect& e) {
  double fill = 0;
  int basic_columns = 0;
  int bound_rows = 0;
  for (int c : ec.pieces) {
    fill += glp_get_col_prim(lp, c);
    basic_columns += glp_get_col_stat(lp, c) == GLP_BS ? 1 : 0;
  }
  for (int r : ec.piece_rows) bound_rows += glp_get_row_stat(lp, r) == GLP_BS ? 0 : 1;
  Resize(lp, ec, e.pieces.size());
  std::vector<int> y_ind = {0};
  std::vector<double> y_val = {0};
  if (ec.threshold != 0) {
    if (e.below != 0) y_ind.push_back(ec.below_row), y_val.push_back(e.below);
    y_ind.push_back(ec.reach_row), y_val.push_back(-e.threshold);
  }
  for (size_t k = 0; k < e.pieces.size(); ++k) {
    const Piece& p = e.pieces[k];
    double length = std::max(0.0, p.x1 - p.x0);
    SetColumnBounds(lp, ec.pieces[k], 0, length);
    int ind[5] = {0, ec.link};
    double val[5] = {0, -1};
    int n = 1;
    if (p.slope != 0) ++n, ind[n] = ec.score, val[n] = -p.slope;
    if (ec.threshold != 0) {
      ++n, ind[n] = ec.reach_row, val[n] = 1;
      ++n, ind[n] = ec.piece_rows[k], val[n] = 1;
      if (length != 0) y_ind.push_back(ec.piece_rows[k]), y_val.push_back(-length);
    }
    glp_set_mat_col(lp, ec.pieces[k], n, ind, val);
  }
  if (ec.threshold != 0) {
    glp_set_mat_col(lp, ec.threshold, static_cast<int>(y_ind.size()) - 1, y_ind.data(),
                    y_val.data());
  }
  PlaceFill(lp, ec, e.pieces, fill, basic_columns, bound_rows);
}

}  // namespace

double MoneyUnit(const Problem& pr) {
  return std::max(1.0, BudgetTotal(pr) / static_cast<double>(std::max<size_t>(1, pr.lines.size())));
}

Problem InUnits(Problem pr, double unit) {
  for (double& b : pr.budget) b /= unit;
  for (ProblemLine& l : pr.lines) {
    l.lo /= unit;
    l.hi /= unit;
    for (std::vector<double>& option : l.options) {
      for (double& a : option) a /= unit;
    }
    for (PiecewiseEffect& e : l.effects) {
      e.threshold /= unit;
      e.below /= unit;
      for (Piece& p : e.pieces) {
        p.x0 /= unit;
        p.x1 /= unit;
        p.slope *= unit;
      }
    }
  }
  for (MotionRow& m : pr.motions) m.min /= unit;
  return pr;
}

MilpLayout BuildLayout(glp_prob* lp, const Problem& pr, bool feasibility_only) {
  Builder b(lp);
  MilpLayout layout;
  for (double w : pr.weights) {
    int s = b.Column(-kInf, 100, feasibility_only ? 0 : w);
    int row = b.Row(-kInf, 0);
    b.Add(row, s, 1);
    layout.score_columns.push_back(s);
    layout.score_rows.push_back(row);
  }
  layout.lines.resize(pr.lines.size());
  for (size_t i = 0; i < pr.lines.size(); ++i) {
    const ProblemLine& l = pr.lines[i];
    if (l.discrete) {
      AddDiscreteLine(b, l, layout.lines[i], layout);
    } else {
      AddFreeLine(b, l, layout.lines[i], layout);
    }
  }
  AddBudgetAndMotionRows(b, pr, layout);
  SetBudgetRows(lp, layout, pr);
  b.Load();
  layout.integers = b.integers();
  return layout;
}

bool SameShape(const Problem& held, const Problem& next) {
  if (held.weights.size() != next.weights.size() || held.budget.size() != next.budget.size() ||
      held.budget_rows != next.budget_rows || held.lines.size() != next.lines.size() ||
      held.motions.size() != next.motions.size())
    return false;
  for (size_t m = 0; m < held.motions.size(); ++m) {
    if (held.motions[m].lines != next.motions[m].lines ||
        held.motions[m].min != next.motions[m].min)
      return false;
  }
  for (size_t i = 0; i < held.lines.size(); ++i) {
    if (!SameLineShape(held.lines[i], next.lines[i])) return false;
  }
  return true;
}

bool UpdateInPlace(glp_prob* lp, MilpLayout& layout, const Problem& held, const Problem& next,
                   bool feasibility_only) {
  for (size_t j = 0; j < next.weights.size(); ++j)
    glp_set_obj_coef(lp, layout.score_columns[j], feasibility_only ? 0 : next.weights[j]);
  SetBudgetRows(lp, layout, next);
  bool changed = false;
  for (size_t i = 0; i < next.lines.size(); ++i) {
    const ProblemLine& l = next.lines[i];
    LineColumns& cols = layout.lines[i];
    if (l.discrete) continue;
    SetColumnBounds(lp, cols.years[0], l.lo, std::max(l.lo, l.hi));
    for (size_t e = 0; e < l.effects.size(); ++e) {
      const PiecewiseEffect& effect = l.effects[e];
      EffectColumns& ec = cols.effects[e];
      if (ec.threshold != 0) SetColumnBounds(lp, ec.threshold, 0, effect.reachable ? 1 : 0);
      if (SamePieces(held.lines[i].effects[e].pieces, effect.pieces)) continue;
      ReplacePieces(lp, ec, effect);
      changed = true;
    }
  }
  return changed;
}

}  // namespace allot::detail
