// The MILP in GLPK: the simplex and branch-and-cut calls on a problem kept
// across solves, and reading the answer. Amounts are in EUR (doubles)
// outside this file and in units of MoneyUnit inside GLPK; the caller
// rounds to cents.
#include <glpk.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <memory>
#include <string>

#include "optimise/milp_layout.hpp"
#include "optimise/problem.hpp"

namespace allot::detail {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

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
void ReadAmounts(const Problem& pr, const MilpLayout& layout, double unit, Value value,
                 std::vector<std::vector<double>>& amounts, std::vector<int>& option,
                 std::vector<double>* floor = nullptr, std::vector<double>* points = nullptr) {
  amounts.assign(pr.lines.size(), std::vector<double>(pr.budget.size(), 0.0));
  option.assign(pr.lines.size(), -1);
  if (floor != nullptr) floor->assign(pr.lines.size(), 0.0);
  if (points != nullptr) points->assign(pr.lines.size(), 0.0);
  for (size_t i = 0; i < pr.lines.size(); ++i) {
    const LineColumns& cols = layout.lines[i];
    for (size_t e = 0; e < cols.effects.size(); ++e) {
      const PiecewiseEffect& effect = pr.lines[i].effects[e];
      const EffectColumns& ec = cols.effects[e];
      double w = pr.weights[static_cast<size_t>(effect.objective)];
      bool reached = ec.threshold != 0 && value(ec.threshold) > 0.5;
      if (floor != nullptr && reached) (*floor)[i] = std::max((*floor)[i], effect.threshold);
      for (size_t k = 0; k < ec.pieces.size(); ++k) {
        const Piece& p = effect.pieces[k];
        bool chosen = k < ec.choice.size() && value(ec.choice[k]) > 0.5;
        if (floor != nullptr && chosen) (*floor)[i] = std::max((*floor)[i], p.x0);
        if (points != nullptr)
          (*points)[i] += w * (p.slope * value(ec.pieces[k]) * unit + (chosen ? p.v0 : 0));
      }
    }
    // A free line's total sits in the first year until RoundToCents.
    for (int c : cols.years) amounts[i][0] += std::max(0.0, value(c)) * unit;
    for (size_t o = 0; o < cols.options.size(); ++o) {
      if (value(cols.options[o]) <= 0.5) continue;
      option[i] = static_cast<int>(o);
      amounts[i] = pr.lines[i].options[o];
      for (size_t j = 0; j < pr.weights.size() && points != nullptr; ++j)
        (*points)[i] += pr.weights[j] * pr.lines[i].values[o][j];
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

// The dual simplex (GLPK falls back on the primal one if it fails): the
// all-slack basis of a new problem is dual feasible (every column at a
// bound where its cost cannot improve), and so nearly is the last basis
// after a change in place. Its long-step ratio test moves many pieces from
// one bound to the other at once. On the 500-line benchmark (16 pieces per
// curve): 1,332 iterations and 0.29 s of CPU from scratch, against 8,048
// and 1.7 s for the primal simplex; from the last basis after a round of
// refinement, 200-400 iterations against 400-1,200 for the primal one.
int SimplexLp(glp_prob* lp, Clock::time_point deadline) {
  glp_smcp parm;
  glp_init_smcp(&parm);
  parm.msg_lev = GLP_MSG_OFF;
  parm.presolve = GLP_OFF;
  parm.meth = GLP_DUALP;
  parm.r_test = GLP_RT_FLIP;
  parm.tm_lim = MillisecondsLeft(deadline);
  if (parm.tm_lim == 0) return GLP_ETMLIM;
  int rc = glp_simplex(lp, &parm);
  if (rc == GLP_EBADB || rc == GLP_ESING || rc == GLP_ECOND) {
    // A basis changed in place that is no longer one: start from a
    // triangular basis instead (slower, never wrong).
    glp_adv_basis(lp, 0);
    parm.tm_lim = MillisecondsLeft(deadline);
    if (parm.tm_lim == 0) return GLP_ETMLIM;
    rc = glp_simplex(lp, &parm);
  }
  return rc;
}

// The integer columns fixed at their values in the MIP solution, and how
// to undo that (the problem is kept for the next solve).
class FixedIntegers {
 public:
  explicit FixedIntegers(glp_prob* lp) : lp_(lp) {
    for (int c = 1; c <= glp_get_num_cols(lp); ++c) {
      if (glp_get_col_kind(lp, c) == GLP_CV) continue;
      saved_.push_back({c, glp_get_col_type(lp, c), glp_get_col_lb(lp, c), glp_get_col_ub(lp, c)});
      double v = std::round(glp_mip_col_val(lp, c));
      glp_set_col_bnds(lp, c, GLP_FX, v, v);
    }
  }
  ~FixedIntegers() {
    for (const Saved& s : saved_) {
      double v = glp_get_col_lb(lp_, s.column);
      glp_set_col_bnds(lp_, s.column, s.type, s.lb, s.ub);
      if (glp_get_col_stat(lp_, s.column) != GLP_BS)
        glp_set_col_stat(lp_, s.column, v > 0.5 ? GLP_NU : GLP_NL);
    }
  }
  FixedIntegers(const FixedIntegers&) = delete;
  FixedIntegers& operator=(const FixedIntegers&) = delete;

 private:
  struct Saved {
    int column;
    int type;
    double lb;
    double ub;
  };
  glp_prob* lp_;
  std::vector<Saved> saved_;
};

// Per free line: the weighted points per EUR of its next euro in the LP
// solution: the slope of the first piece of each effect not yet full,
// valued at the dual of its objective's score row (its weight, or less
// where the cap of 100 binds).
std::vector<double> NextEuro(glp_prob* lp, const Problem& pr, const MilpLayout& layout,
                             double unit) {
  std::vector<double> next(pr.lines.size(), 0.0);
  for (size_t i = 0; i < pr.lines.size(); ++i) {
    const ProblemLine& l = pr.lines[i];
    const LineColumns& cols = layout.lines[i];
    if (l.discrete || cols.years.empty()) continue;
    if (glp_get_col_prim(lp, cols.years[0]) * unit >= l.hi - 1e-9 * (1 + l.hi)) continue;
    for (size_t e = 0; e < l.effects.size(); ++e) {
      const PiecewiseEffect& effect = l.effects[e];
      const EffectColumns& ec = cols.effects[e];
      if (ec.threshold != 0 && glp_get_col_prim(lp, ec.threshold) < 0.5) continue;
      double mu =
          std::fabs(glp_get_row_dual(lp, layout.score_rows[static_cast<size_t>(effect.objective)]));
      for (size_t k = 0; k < ec.pieces.size(); ++k) {
        double length = glp_get_col_ub(lp, ec.pieces[k]);
        if (glp_get_col_prim(lp, ec.pieces[k]) < length - 1e-9 * (1 + length)) {
          next[i] += mu * effect.pieces[k].slope;
          break;
        }
      }
    }
  }
  return next;
}

// The LP's row duals as prices (see Prices; GLPK's dual of a row is the
// change of the objective per unit its bound moves, here per EUR).
Prices LpPrices(glp_prob* lp, const MilpLayout& layout, double unit) {
  Prices p;
  p.known = true;
  for (int r : layout.score_rows) p.objective.push_back(glp_get_row_dual(lp, r));
  p.total = glp_get_row_dual(lp, layout.total_row) / unit;
  for (int r : layout.year_rows) p.year.push_back(glp_get_row_dual(lp, r) / unit);
  // A motion's row is a lower bound: raising it lowers the objective.
  for (int r : layout.motion_rows) p.motion.push_back(-glp_get_row_dual(lp, r) / unit);
  return p;
}

// At the MIP's integer choices: the budget's dual, each line's next euro,
// and the LP re-solved with each extra total budget (warm started).
void Parametrise(glp_prob* lp, const Problem& pr, const MilpLayout& layout, double unit,
                 const SolveSettings& settings, Solution& s) {
  if (layout.total_row == 0) return;
  FixedIntegers fixed(lp);
  if (SimplexLp(lp, settings.deadline) != 0 || glp_get_status(lp) != GLP_OPT) return;
  s.budget_dual = std::fabs(glp_get_row_dual(lp, layout.total_row)) / unit;
  s.next_euro = NextEuro(lp, pr, layout, unit);
  s.prices = LpPrices(lp, layout, unit);
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

struct MilpSolver::State {
  std::unique_ptr<glp_prob, void (*)(glp_prob*)> lp{nullptr, glp_delete_prob};
  MilpLayout layout;
  Problem held;  // what lp holds, in solver units
  double unit = 1;
  bool feasibility_only = false;
  int builds = 0;
};

MilpSolver::MilpSolver() : state_(std::make_unique<State>()) {}
MilpSolver::~MilpSolver() = default;
int MilpSolver::builds() const { return state_->builds; }

Solution MilpSolver::Solve(const Problem& problem, const SolveSettings& settings) {
  auto start = Clock::now();
  Quiet();
  State& st = *state_;
  bool warm = false;
  if (st.lp && st.feasibility_only == settings.feasibility_only) {
    Problem next = InUnits(problem, st.unit);
    if (SameShape(st.held, next)) {
      // Columns reused for other pieces need their own scale factors: with
      // the old ones GLPK's tolerances (on the scaled problem) let a piece
      // overrun its length by 1e-4.
      if (UpdateInPlace(st.lp.get(), st.layout, st.held, next, settings.feasibility_only))
        glp_scale_prob(st.lp.get(), GLP_SF_AUTO);
      st.held = std::move(next);
      warm = true;
    }
  }
  if (!warm) {
    st.unit = MoneyUnit(problem);
    st.held = InUnits(problem, st.unit);
    st.lp.reset(glp_create_prob());
    glp_set_obj_dir(st.lp.get(), GLP_MAX);
    st.layout = BuildLayout(st.lp.get(), st.held, settings.feasibility_only);
    st.feasibility_only = settings.feasibility_only;
    glp_scale_prob(st.lp.get(), GLP_SF_AUTO);
    ++st.builds;
  }
  glp_prob* lp = st.lp.get();
  const MilpLayout& layout = st.layout;
  Solution s;
  s.rows = glp_get_num_rows(lp);
  s.columns = glp_get_num_cols(lp);
  s.integers = layout.integers;
  auto finish = [&](SolveStatus status) {
    s.status = status;
    s.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return s;
  };
  if (!settings.presolve) {
    // Without the MIP presolver glp_intopt starts from an optimal basis of
    // the LP relaxation; an infeasible relaxation is an infeasible problem.
    int rc = SimplexLp(lp, settings.deadline);
    s.timed_out = rc == GLP_ETMLIM;
    if (rc == GLP_EBOUND) return finish(SolveStatus::kInfeasible);
    if (rc != 0) return finish(SolveStatus::kFailed);
    if (glp_get_status(lp) == GLP_NOFEAS) return finish(SolveStatus::kInfeasible);
    if (glp_get_status(lp) != GLP_OPT) return finish(SolveStatus::kFailed);
    if (settings.relaxation) {
      s.objective = s.bound = glp_get_obj_val(lp);
      ReadAmounts(
          problem, layout, st.unit, [&](int c) { return glp_get_col_prim(lp, c); }, s.amounts,
          s.option);
      if (layout.total_row != 0) s.prices = LpPrices(lp, layout, st.unit);
      return finish(SolveStatus::kOptimal);
    }
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
  int rc = glp_intopt(lp, &parm);
  int status = glp_mip_status(lp);
  s.timed_out = rc == GLP_ETMLIM;
  // GLP_EBOUND: a row or column whose lower bound exceeds its upper one,
  // e.g. --min above the whole budget: infeasible before any search.
  if (rc == GLP_ENOPFS || rc == GLP_EBOUND || status == GLP_NOFEAS)
    return finish(SolveStatus::kInfeasible);
  if (status != GLP_OPT && status != GLP_FEAS) return finish(SolveStatus::kFailed);
  s.objective = glp_mip_obj_val(lp);
  bool proven = rc == 0 || rc == GLP_EMIPGAP;
  // A proven optimum is within mip_gap of the best bound (GLPK's relative
  // gap: |best - bound| / (|best| + DBL_EPSILON)).
  double gap_bound = s.objective + settings.mip_gap * (std::fabs(s.objective) + 1e-12);
  s.bound = proven ? std::min(gap_bound, std::max(info.bound, s.objective)) : info.bound;
  s.suspect = CheckPrimal(lp);
  ReadAmounts(
      problem, layout, st.unit, [&](int c) { return glp_mip_col_val(lp, c); }, s.amounts, s.option,
      &s.floor, &s.value);
  if (!settings.feasibility_only) Parametrise(lp, problem, layout, st.unit, settings, s);
  return finish(proven ? SolveStatus::kOptimal : SolveStatus::kFeasible);
}

Solution SolveProblem(const Problem& problem, const SolveSettings& settings) {
  MilpSolver solver;
  return solver.Solve(problem, settings);
}

}  // namespace allot::detail
