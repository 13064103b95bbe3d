// The MILP in GLPK: columns, rows and the branch-and-cut call. Amounts are
// in EUR (doubles) inside the solver only; the caller rounds to cents.
#include <glpk.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>

#include "optimise/problem.hpp"

namespace allot::detail {

namespace {

// Sparse matrix entries and the column/row bookkeeping of one problem.
class Builder {
 public:
  explicit Builder(glp_prob* lp) : lp_(lp) {
    ia_.push_back(0);
    ja_.push_back(0);
    ar_.push_back(0);
  }

  int Column(double lo, double hi, double cost, bool binary = false) {
    int c = glp_add_cols(lp_, 1);
    SetBounds(c, lo, hi, true);
    glp_set_obj_coef(lp_, c, cost);
    if (binary) {
      glp_set_col_kind(lp_, c, GLP_BV);
      ++integers_;
    }
    return c;
  }
  // A row with bounds lo <= row <= hi (either may be infinite).
  int Row(double lo, double hi) {
    int r = glp_add_rows(lp_, 1);
    SetBounds(r, lo, hi, false);
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
  void SetBounds(int index, double lo, double hi, bool column) {
    constexpr double kInf = std::numeric_limits<double>::infinity();
    int type = lo == -kInf ? (hi == kInf ? GLP_FR : GLP_UP)
                           : (hi == kInf ? GLP_LO : (lo == hi ? GLP_FX : GLP_DB));
    if (column) {
      glp_set_col_bnds(lp_, index, type, lo == -kInf ? 0 : lo, hi == kInf ? 0 : hi);
    } else {
      glp_set_row_bnds(lp_, index, type, lo == -kInf ? 0 : lo, hi == kInf ? 0 : hi);
    }
  }
  glp_prob* lp_;
  std::vector<int> ia_, ja_;
  std::vector<double> ar_;
  int integers_ = 0;
};

constexpr double kInf = std::numeric_limits<double>::infinity();

// Column ids of one line: per-year amounts (free) or options (discrete).
struct LineColumns {
  std::vector<int> years;
  std::vector<int> options;
  // Per effect: its piece columns in order, and its threshold binary (0: none).
  std::vector<std::vector<int>> pieces;
  std::vector<int> threshold;
  std::vector<std::vector<int>> choice;  // non-concave effects: a binary per piece
};

struct Layout {
  std::vector<int> score_rows;  // per kept objective: s_j - sum v <= 0
  std::vector<int> year_rows;   // per year (0 when there are none)
  std::vector<int> motion_rows;
  int total_row = 0;  // 0 when there are no budget rows
  std::vector<LineColumns> lines;
};

// A threshold T on a concave curve f, in the convex hull of "total below
// T, worth 0" and "total at least T, worth f(total)" (a perspective
// formulation): the total splits into x0 (below) and the pieces' fill, with
// a binary y:
//   x0 <= below * (1 - y),  delta_k <= length_k * y,  sum delta_k >= T * y.
// At a fractional y the LP can claim at most y * f(fill / y), the chord
// from 0 to the curve past T, instead of all of f: the bound that a big-M
// "value <= f(U) * y" gives away. AddThresholdPiece adds each piece's rows.
struct ThresholdColumns {
  int y = 0;
  int reach = 0;
};

ThresholdColumns AddThreshold(Builder& b, const PiecewiseEffect& e, int link) {
  ThresholdColumns t;
  t.y = b.Column(0, 1, 0, true);
  int x0 = b.Column(0, e.below, 0);
  b.Add(link, x0, -1);
  int below = b.Row(-kInf, e.below);  // x0 + below * y <= below
  b.Add(below, x0, 1);
  b.Add(below, t.y, e.below);
  t.reach = b.Row(0, kInf);  // sum delta - T * y >= 0
  b.Add(t.reach, t.y, -e.threshold);
  return t;
}

void AddThresholdPiece(Builder& b, const ThresholdColumns& t, int delta, double length) {
  int row = b.Row(-kInf, 0);  // delta <= length * y
  b.Add(row, delta, 1);
  b.Add(row, t.y, -length);
  b.Add(t.reach, delta, 1);
}

// An effect's pieces, tied to the line's total by a row: total = spend on
// the pieces (+ x0 under a threshold).
void AddEffect(Builder& b, const PiecewiseEffect& e, LineColumns& line, int score_row) {
  line.pieces.emplace_back();
  int link = b.Row(0, 0);
  for (int c : line.years) b.Add(link, c, 1);
  ThresholdColumns threshold;
  if (e.threshold > 0) threshold = AddThreshold(b, e, link);
  line.threshold.push_back(threshold.y);
  int choose = e.concave ? 0 : b.Row(1, 1);  // exactly one piece
  line.choice.emplace_back();
  for (const Piece& p : e.pieces) {
    double length = p.x1 - p.x0;
    int delta = b.Column(0, length, 0);
    line.pieces.back().push_back(delta);
    b.Add(link, delta, -1);
    b.Add(score_row, delta, -p.slope);
    if (threshold.y != 0) AddThresholdPiece(b, threshold, delta, length);
    if (e.concave) continue;
    int z = b.Column(0, 1, 0, true);
    line.choice.back().push_back(z);
    b.Add(choose, z, 1);
    b.Add(link, z, -p.x0);
    b.Add(score_row, z, -p.v0);
    int within = b.Row(-kInf, 0);  // delta <= length * z
    b.Add(within, delta, 1);
    b.Add(within, z, -length);
  }
}

// A free line is one column, its total: effects depend on the total only,
// and a split over the years always exists (see SpreadOverYears), so
// per-year columns would only add degenerate choices to the search.
void AddFreeLine(Builder& b, const ProblemLine& l, LineColumns& cols, const Layout& layout) {
  cols.years.push_back(b.Column(l.lo, std::max(l.lo, l.hi), 0));
  for (const PiecewiseEffect& e : l.effects) {
    AddEffect(b, e, cols, layout.score_rows[static_cast<size_t>(e.objective)]);
  }
}

void AddDiscreteLine(Builder& b, const ProblemLine& l, LineColumns& cols, const Layout& layout) {
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

double LineTotalCoefficient(const ProblemLine& l, size_t option) {
  double sum = 0;
  for (double a : l.options[option]) sum += a;
  return sum;
}

// Budget and motion rows, once every line has its columns: discrete lines
// per year (their profiles are fixed), everything together in one total.
void AddBudgetAndMotionRows(Builder& b, const Problem& pr, Layout& layout) {
  double all = 0;
  for (size_t t = 0; t < pr.budget.size() && pr.budget_rows; ++t) {
    all += pr.budget[t];
    int row = b.Row(-kInf, pr.budget[t]);
    for (size_t i = 0; i < pr.lines.size(); ++i) {
      const LineColumns& cols = layout.lines[i];
      for (size_t o = 0; o < cols.options.size(); ++o) {
        b.Add(row, cols.options[o], pr.lines[i].options[o][t]);
      }
    }
  }
  if (pr.budget_rows) {
    int total = b.Row(pr.spend_exactly ? all : -kInf, all);
    layout.total_row = total;
    for (size_t i = 0; i < pr.lines.size(); ++i) {
      const LineColumns& cols = layout.lines[i];
      for (int c : cols.years) b.Add(total, c, 1);
      for (size_t o = 0; o < cols.options.size(); ++o) {
        b.Add(total, cols.options[o], LineTotalCoefficient(pr.lines[i], o));
      }
    }
  }
  for (const MotionRow& m : pr.motions) {
    int row = b.Row(m.min, kInf);
    for (int i : m.lines) {
      const LineColumns& cols = layout.lines[static_cast<size_t>(i)];
      for (int c : cols.years) b.Add(row, c, 1);
      for (size_t o = 0; o < cols.options.size(); ++o) {
        b.Add(row, cols.options[o], LineTotalCoefficient(pr.lines[static_cast<size_t>(i)], o));
      }
    }
  }
}

Layout Build(Builder& b, const Problem& pr, bool feasibility_only) {
  Layout layout;
  for (double w : pr.weights) {
    int s = b.Column(-kInf, 100, feasibility_only ? 0 : w);
    int row = b.Row(-kInf, 0);
    b.Add(row, s, 1);
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
  return layout;
}

// The problem with money in units of `unit` EUR instead of EUR. In EUR,
// slopes run from 1e-5 down to 1e-11 points per EUR: below GLPK's
// tolerance on reduced costs (1e-7), so the simplex stops "optimal" with
// money still to be moved to better lines. In units of the average budget
// per line the slopes that matter are of order 1 and amounts of order 1-100.
double MoneyUnit(const Problem& pr) {
  double all = 0;
  for (double b : pr.budget) all += b;
  return std::max(1.0, all / static_cast<double>(std::max<size_t>(1, pr.lines.size())));
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

// The best bound over open nodes, tracked during the search: it only
// falls, so the last value seen is a valid (if cautious) upper bound.
struct SearchInfo {
  double bound = kInf;
};

void Callback(glp_tree* tree, void* info) {
  int node = glp_ios_best_node(tree);
  if (node != 0) static_cast<SearchInfo*>(info)->bound = glp_ios_node_bound(tree, node);
}

// `pr` in EUR; the columns in units of `unit` EUR; `value` reads a column
// (the MIP's or the LP's solution).
template <typename Value>
void ReadAmounts(const Problem& pr, const Layout& layout, double unit, Value value,
                 std::vector<std::vector<double>>& amounts, std::vector<int>& option,
                 std::vector<double>* floor = nullptr) {
  amounts.assign(pr.lines.size(), std::vector<double>(pr.budget.size(), 0.0));
  option.assign(pr.lines.size(), -1);
  if (floor != nullptr) floor->assign(pr.lines.size(), 0.0);
  for (size_t i = 0; i < pr.lines.size(); ++i) {
    const LineColumns& cols = layout.lines[i];
    for (size_t e = 0; e < cols.pieces.size() && floor != nullptr; ++e) {
      const PiecewiseEffect& effect = pr.lines[i].effects[e];
      if (cols.threshold[e] != 0 && value(cols.threshold[e]) > 0.5)
        (*floor)[i] = std::max((*floor)[i], effect.threshold);
      for (size_t k = 0; k < cols.choice[e].size(); ++k) {
        if (value(cols.choice[e][k]) > 0.5)
          (*floor)[i] = std::max((*floor)[i], effect.pieces[k].x0);
      }
    }
    // A free line's total sits in the first year until SpreadOverYears.
    for (int c : cols.years) amounts[i][0] += std::max(0.0, value(c)) * unit;
    for (size_t o = 0; o < cols.options.size(); ++o) {
      if (value(cols.options[o]) > 0.5) {
        option[i] = static_cast<int>(o);
        amounts[i] = pr.lines[i].options[o];
      }
    }
  }
}

// GLPK prints through its terminal hook even with msg_lev off (e.g.
// "Constructing initial basis..."): swallow everything. The setting is per
// thread, so it is made before every solve.
int Swallow(void*, const char*) { return 1; }

void Quiet() {
  glp_term_out(GLP_OFF);
  glp_term_hook(Swallow, nullptr);
}

// Milliseconds left before `deadline`, for GLPK's tm_lim (0: none left).
int MillisecondsLeft(Clock::time_point deadline) {
  if (deadline == Clock::time_point::max()) return INT32_MAX;
  double ms = std::chrono::duration<double, std::milli>(deadline - Clock::now()).count();
  return ms < 1 ? 0 : static_cast<int>(std::min(ms, 2e9));
}

// The largest violation of a row or column bound or of a row's equation in
// the MIP solution, relative to the row's size (glp_check_kkt), when it is
// gross: GLPK's presolver has returned points outside column bounds by
// whole units (issue 11). Small violations are within the simplex's
// tolerances; what they do to the answer, the caller's checks see.
std::string CheckPrimal(glp_prob* lp) {
  double ae = 0, re_eq = 0, re_bnd = 0;
  int ai = 0, ri = 0;
  glp_check_kkt(lp, GLP_MIP, GLP_KKT_PE, &ae, &ai, &re_eq, &ri);
  glp_check_kkt(lp, GLP_MIP, GLP_KKT_PB, &ae, &ai, &re_bnd, &ri);
  double worst = std::max(re_eq, re_bnd);
  if (worst <= 1e-4) return "";
  return "the solver's point breaks a row or bound by " + std::to_string(worst) + " (relative)";
}

// The LP with every integer column fixed at its value in the MIP solution.
void FixIntegers(glp_prob* lp) {
  for (int c = 1; c <= glp_get_num_cols(lp); ++c) {
    if (glp_get_col_kind(lp, c) == GLP_CV) continue;
    double v = std::round(glp_mip_col_val(lp, c));
    glp_set_col_bnds(lp, c, GLP_FX, v, v);
  }
}

int SimplexLp(glp_prob* lp, Clock::time_point deadline) {
  glp_smcp parm;
  glp_init_smcp(&parm);
  parm.msg_lev = GLP_MSG_OFF;
  parm.presolve = GLP_OFF;
  parm.tm_lim = MillisecondsLeft(deadline);
  if (parm.tm_lim == 0) return GLP_ETMLIM;
  return glp_simplex(lp, &parm);
}

// Per free line: the weighted points per EUR of its next euro in the LP
// solution: the slope of the first piece of each effect not yet full,
// valued at the dual of its objective's score row (its weight, or less
// where the cap of 100 binds).
std::vector<double> NextEuro(glp_prob* lp, const Problem& pr, const Layout& layout, double unit) {
  std::vector<double> next(pr.lines.size(), 0.0);
  for (size_t i = 0; i < pr.lines.size(); ++i) {
    const ProblemLine& l = pr.lines[i];
    const LineColumns& cols = layout.lines[i];
    if (l.discrete || cols.years.empty()) continue;
    if (glp_get_col_prim(lp, cols.years[0]) * unit >= l.hi - 1e-9 * (1 + l.hi)) continue;
    for (size_t e = 0; e < l.effects.size(); ++e) {
      const PiecewiseEffect& effect = l.effects[e];
      if (cols.threshold[e] != 0 && glp_get_col_prim(lp, cols.threshold[e]) < 0.5) continue;
      double mu =
          std::fabs(glp_get_row_dual(lp, layout.score_rows[static_cast<size_t>(effect.objective)]));
      for (size_t k = 0; k < cols.pieces[e].size(); ++k) {
        double length = glp_get_col_ub(lp, cols.pieces[e][k]);
        if (glp_get_col_prim(lp, cols.pieces[e][k]) < length - 1e-9 * (1 + length)) {
          next[i] += mu * effect.pieces[k].slope;
          break;
        }
      }
    }
  }
  return next;
}

// At the MIP's integer choices: the budget's dual, each line's next euro,
// and the LP re-solved with each extra total budget (warm started).
void Parametrise(glp_prob* lp, const Problem& pr, const Layout& layout, double unit,
                 const SolveSettings& settings, Solution& s) {
  if (layout.total_row == 0) return;
  FixIntegers(lp);
  if (SimplexLp(lp, settings.deadline) != 0 || glp_get_status(lp) != GLP_OPT) return;
  s.budget_dual = std::fabs(glp_get_row_dual(lp, layout.total_row)) / unit;
  s.next_euro = NextEuro(lp, pr, layout, unit);
  double lo = glp_get_row_lb(lp, layout.total_row);
  double hi = glp_get_row_ub(lp, layout.total_row);
  int type = glp_get_row_type(lp, layout.total_row);
  for (double extra : settings.extra_total) {
    Parametric p;
    double more = extra / unit;
    glp_set_row_bnds(lp, layout.total_row, type, type == GLP_UP ? 0 : lo + more, hi + more);
    if (SimplexLp(lp, settings.deadline) == 0 && glp_get_status(lp) == GLP_OPT) {
      p.solved = true;
      p.objective = glp_get_obj_val(lp);
      std::vector<int> option;
      ReadAmounts(
          pr, layout, unit, [&](int c) { return glp_get_col_prim(lp, c); }, p.amounts, option);
    }
    s.extra.push_back(std::move(p));
  }
  glp_set_row_bnds(lp, layout.total_row, type, lo, hi);
}

}  // namespace

Solution SolveProblem(const Problem& problem, const SolveSettings& settings) {
  auto start = Clock::now();
  Quiet();
  std::unique_ptr<glp_prob, void (*)(glp_prob*)> lp(glp_create_prob(), glp_delete_prob);
  glp_set_obj_dir(lp.get(), GLP_MAX);
  Builder b(lp.get());
  double unit = MoneyUnit(problem);
  Layout layout = Build(b, InUnits(problem, unit), settings.feasibility_only);
  b.Load();
  Solution s;
  s.rows = glp_get_num_rows(lp.get());
  s.columns = glp_get_num_cols(lp.get());
  s.integers = b.integers();
  auto finish = [&](SolveStatus status) {
    s.status = status;
    s.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return s;
  };
  glp_scale_prob(lp.get(), GLP_SF_AUTO);
  if (!settings.presolve) {
    // Without the MIP presolver glp_intopt starts from an optimal basis of
    // the LP relaxation; an infeasible relaxation is an infeasible problem.
    int rc = SimplexLp(lp.get(), settings.deadline);
    s.timed_out = rc == GLP_ETMLIM;
    if (rc == GLP_EBOUND) return finish(SolveStatus::kInfeasible);
    if (rc != 0) return finish(SolveStatus::kFailed);
    if (glp_get_status(lp.get()) == GLP_NOFEAS) return finish(SolveStatus::kInfeasible);
    if (glp_get_status(lp.get()) != GLP_OPT) return finish(SolveStatus::kFailed);
  }
  glp_iocp parm;
  glp_init_iocp(&parm);
  parm.msg_lev = GLP_MSG_OFF;
  parm.presolve = settings.presolve ? GLP_ON : GLP_OFF;
  parm.mip_gap = settings.mip_gap;
  parm.tm_lim = MillisecondsLeft(settings.deadline);
  SearchInfo info;
  parm.cb_func = Callback;
  parm.cb_info = &info;
  if (parm.tm_lim == 0) {
    s.timed_out = true;
    return finish(SolveStatus::kFailed);
  }
  int rc = glp_intopt(lp.get(), &parm);
  int status = glp_mip_status(lp.get());
  s.timed_out = rc == GLP_ETMLIM;
  // GLP_EBOUND: a row or column whose lower bound exceeds its upper one,
  // e.g. --min above the whole budget: infeasible before any search.
  if (rc == GLP_ENOPFS || rc == GLP_EBOUND || status == GLP_NOFEAS)
    return finish(SolveStatus::kInfeasible);
  if (status != GLP_OPT && status != GLP_FEAS) return finish(SolveStatus::kFailed);
  s.objective = glp_mip_obj_val(lp.get());
  bool proven = rc == 0 || rc == GLP_EMIPGAP;
  // A proven optimum is within mip_gap of the best bound (GLPK's relative
  // gap: |best - bound| / (|best| + DBL_EPSILON)).
  double gap_bound = s.objective + settings.mip_gap * (std::fabs(s.objective) + 1e-12);
  s.bound = proven ? std::min(gap_bound, std::max(info.bound, s.objective)) : info.bound;
  s.suspect = CheckPrimal(lp.get());
  ReadAmounts(
      problem, layout, unit, [&](int c) { return glp_mip_col_val(lp.get(), c); }, s.amounts,
      s.option, &s.floor);
  if (!settings.feasibility_only) Parametrise(lp.get(), problem, layout, unit, settings, s);
  return finish(proven ? SolveStatus::kOptimal : SolveStatus::kFeasible);
}

}  // namespace allot::detail
