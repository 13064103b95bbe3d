// One call of Optimise: the inner problem (chords, below the curves) on
// its LP relaxation and then with its integer choices, every answer
// checked, the score bounded from the LP's prices (refine.cpp) or by the
// outer problem (tangents, above the curves), the curves refined around
// the optimum until the gap is within the tolerance; the answer scored by
// allot's own Evaluate.
#include "optimise/search.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "allot/evaluate.hpp"

namespace allot::detail {

namespace {

// Refinement breakpoints per line kept from one solve to the next in a
// session (a frontier).
constexpr size_t kKept = 6;

// Rounds of refinement at most (each solves the inner problem once, and
// the outer one when the prices do not close the gap).
constexpr int kRounds = 20;

double Score(const std::vector<double>& w, const std::vector<double>& s) {
  double sum = 0;
  for (size_t j = 0; j < s.size(); ++j) sum += w[j] * s[j];
  return sum;
}

ResolvedScenario WithAmounts(const ResolvedScenario& base,
                             const std::vector<std::vector<Money>>& amounts) {
  ResolvedScenario r = base;
  r.by_year.assign(base.by_year.size(), Money());
  r.total = Money();
  for (size_t i = 0; i < r.lines.size(); ++i) {
    r.lines[i].by_year = amounts[i];
    for (size_t t = 0; t < amounts[i].size(); ++t) r.by_year[t] += amounts[i][t];
  }
  for (Money m : r.by_year) r.total += m;
  return r;
}

std::vector<std::vector<Money>> AmountsOf(const ResolvedScenario& r) {
  std::vector<std::vector<Money>> amounts;
  for (const ResolvedLine& line : r.lines) amounts.push_back(line.by_year);
  return amounts;
}

// The chosen level of each line: its name, "(none)", or "" for other lines.
std::vector<std::string> ChosenLevels(const Model& model, const ResolvedScenario& a) {
  std::vector<std::string> names;
  for (const ResolvedLine& line : a.lines) {
    std::string name;
    if (!line.def->levels.empty()) {
      name = "(none)";
      for (const Level& level : line.def->levels) {
        bool same = true;
        for (size_t t = 0; t < model.years.size(); ++t) {
          auto it = level.budget.find(model.years[t]);
          same = same && (it == level.budget.end() ? Money() : it->second) == line.by_year[t];
        }
        if (same) name = level.name;
      }
      if (name == "(none)" && TotalOf(line.by_year) > Money()) name = "";  // locked
    }
    names.push_back(name);
  }
  return names;
}

Candidate Evaluated(const Model& model, const ResolvedScenario& allocation,
                    const std::vector<double>& w) {
  Candidate c{allocation, Evaluate(model, allocation).objectives, 0};
  c.score = Score(w, c.objectives);
  return c;
}

// How much rounding to cents can lower the value of the solver's pieces:
// each free line's steepest weighted slope times how far its total moved.
double RoundingAllowance(const Problem& p, const Solution& s, const ResolvedScenario& rounded) {
  double sum = 0;
  for (size_t i = 0; i < p.lines.size(); ++i) {
    double moved = 0;
    for (double a : s.amounts[i]) moved -= a;
    for (Money m : rounded.lines[i].by_year) moved += static_cast<double>(m.cents()) / 100.0;
    for (const PiecewiseEffect& e : p.lines[i].effects) {
      double steepest = 0;
      for (const Piece& piece : e.pieces) steepest = std::max(steepest, std::fabs(piece.slope));
      sum += p.weights[static_cast<size_t>(e.objective)] * steepest * (std::fabs(moved) + 1e-6);
    }
  }
  return sum;
}

const char* StatusText(const Solution& s) {
  switch (s.status) {
    case SolveStatus::kOptimal:
    case SolveStatus::kFeasible:
      return "an answer";
    case SolveStatus::kInfeasible:
      return "\"infeasible\"";
    case SolveStatus::kFailed:
      return s.timed_out ? "nothing within the time limit" : "no answer";
  }
  return "no answer";
}

}  // namespace

Search::Search(Session& session, const Model& model, const ResolvedScenario& base,
               const OptimiseConstraints& c, const OptimiseOptions& o)
    : session_(session), model_(model), base_(base), c_(c), o_(o) {
  deadline_ =
      o.deadline
          ? *o.deadline
          : Clock::now() + std::chrono::duration_cast<Clock::duration>(
                               std::chrono::duration<double>(std::min(o.time_limit_seconds, 1e7)));
  session_.extra.resize(base.lines.size());
  // A session solving at another budget keeps only the breakpoints the
  // last solves added, which lie nearest the new optimum: the others
  // would only make every simplex iteration longer.
  for (std::vector<double>& points : session_.extra) {
    if (points.size() > kKept) points.erase(points.begin(), points.end() - kKept);
  }
}

Problem Search::Make(Approx approx) const {
  return MakeProblem(model_, base_, c_, o_, approx, true, session_.extra, session_.ceiling);
}

Solution Search::Solve(MilpSolver& solver, const Problem& p, bool presolve, bool marginal) {
  SolveSettings settings;
  settings.deadline = deadline_;
  settings.mip_gap = o_.mip_gap;
  settings.presolve = presolve;
  if (marginal && o_.marginal_step > Money())
    settings.extra_total = {static_cast<double>(o_.marginal_step.cents()) / 100.0};
  Solution s = solver.Solve(p, settings);
  result_.stats = SolverStats{s.rows, s.columns, s.integers, result_.stats.seconds + s.seconds,
                              result_.stats.solves + 1};
  return s;
}

Candidate Search::Round(const Problem& p, const Solution& s) const {
  return Evaluated(model_, WithAmounts(base_, RoundToCents(p, s, c_.budget)), o_.weights);
}

// Why an inner (below-the-curve) answer cannot be used, or "".
std::string Search::InnerProblem(const Problem& p, const Solution& s, Candidate& cand) const {
  if (s.status != SolveStatus::kOptimal && s.status != SolveStatus::kFeasible)
    return std::string("the solver returned ") + StatusText(s);
  if (!s.suspect.empty()) return s.suspect;
  cand = Round(p, s);
  std::string broken = Violation(model_, base_, c_, AmountsOf(cand.allocation));
  if (!broken.empty()) return "its answer breaks a constraint (" + broken + ")";
  // Chords lie below the curves: the exact score of the answer cannot be
  // less than the solver's value, but for rounding to cents.
  if (cand.score < s.objective - Slack(s.objective) - RoundingAllowance(p, s, cand.allocation)) {
    char text[160];
    std::snprintf(text, sizeof text,
                  "allot's evaluation of its answer (%.6f) is below the solver's value (%.6f)",
                  cand.score, s.objective);
    return text;
  }
  return "";
}

// Why an outer (above-the-curve) answer gives no bound, or "".
std::string Search::OuterProblem(const Solution& s) const {
  if (s.status == SolveStatus::kInfeasible)
    return "the solver called the relaxed problem infeasible, but an allocation meeting every "
           "constraint is known";
  if (s.status == SolveStatus::kFailed) return std::string("the solver returned ") + StatusText(s);
  if (!s.suspect.empty()) return s.suspect;
  if (!std::isfinite(s.bound)) return "the solver's search left no bound";
  if (std::isfinite(best_.score) && s.bound < best_.score - Slack(best_.score)) {
    char text[160];
    std::snprintf(text, sizeof text,
                  "its bound (%.6f) is below the exact score of a known allocation (%.6f)", s.bound,
                  best_.score);
    return text;
  }
  return "";
}

void Search::Consider(Candidate cand) {
  bool none = !std::isfinite(best_.score);
  if (none || cand.score > best_.score + Slack(best_.score)) best_ = std::move(cand);
}

// The inner problem, checked; on a failed check, solved again with the MIP
// presolver (the other strategy). False when no answer passed.
bool Search::SolveInner(bool first) {
  Problem p = Make(Approx::kInner);
  std::string why[2];
  for (int attempt = 0; attempt < 2; ++attempt) {
    Solution s = Solve(session_.inner, p, attempt == 1, true);
    Candidate cand;
    why[attempt] = InnerProblem(p, s, cand);
    if (why[attempt].empty()) {
      if (attempt == 1) {
        result_.notes.push_back("the solver's first answer failed a check (" + why[0] +
                                "); solved again with GLPK's presolver");
      }
      inner_ = std::move(p);
      inner_solution_ = std::move(s);
      Consider(std::move(cand));
      have_answer_ = true;
      return true;
    }
    if (s.status == SolveStatus::kInfeasible && attempt == 0 && first) {
      // Infeasible without the presolver is the LP relaxation's verdict;
      // Infeasible() confirms it on the exact (outer) constraints.
      inner_infeasible_ = true;
      return false;
    }
    if (s.timed_out) break;
  }
  if (!first) {
    result_.notes.push_back("refinement stopped: " + why[0] +
                            (why[1].empty() ? "" : "; again: " + why[1]));
    return false;
  }
  result_.error = why[1].empty() ? "the solver found no allocation: " + why[0]
                                 : "the solver's answers failed the checks twice: " + why[0] +
                                       "; then " + why[1];
  return false;
}

// The outer problem: a bound when its answer passes the checks (else the
// presolver, else no bound from this round), and a candidate when its
// rounded answer meets every constraint.
void Search::SolveOuter() {
  Problem p = Make(Approx::kOuter);
  outer_ok_ = false;
  refined_ = 0;
  std::string why[2];
  for (int attempt = 0; attempt < 2; ++attempt) {
    Solution s = Solve(session_.outer, p, attempt == 1, false);
    why[attempt] = OuterProblem(s);
    if (s.status == SolveStatus::kOptimal || s.status == SolveStatus::kFeasible) {
      // The outer problem keeps constraints exact, without the inner one's
      // margin: its rounded answer may miss a --min by a cent.
      Candidate cand = Round(p, s);
      if (s.suspect.empty() && MeetsConstraints(model_, base_, c_, AmountsOf(cand.allocation)))
        Consider(std::move(cand));
    }
    if (why[attempt].empty()) {
      outer_ok_ = true;
      bound_ = std::min(bound_, s.bound);
      if (attempt == 1)
        result_.notes.push_back("the solver's bound failed a check (" + why[0] +
                                "); solved again with GLPK's presolver");
      refined_ = RefineOuter(p, s);
      return;
    }
    if (s.timed_out) break;
  }
  result_.notes.push_back("no upper bound from the solver's outer problem: " + why[0] +
                          (why[1].empty() ? "" : "; again: " + why[1]));
}

// The inner problem is infeasible. Its constraints are tightened by the
// rounding margin, so the verdict counts only when the exact (outer)
// problem is infeasible too; then name the constraints that conflict.
void Search::Infeasible() {
  Problem outer = Make(Approx::kOuter);
  Solution so = Solve(session_.outer, outer, false, false);
  if (so.status == SolveStatus::kInfeasible) {
    result_.conflicts = FindConflicts(model_, base_, c_, o_, result_.stats.solves);
    if (result_.conflicts.empty())
      result_.conflict_note = "no single constraint can be dropped to make it feasible";
    return;
  }
  if (so.status == SolveStatus::kOptimal || so.status == SolveStatus::kFeasible) {
    Candidate cand = Round(outer, so);
    if (so.suspect.empty() && MeetsConstraints(model_, base_, c_, AmountsOf(cand.allocation))) {
      Consider(std::move(cand));
      have_answer_ = true;
      if (OuterProblem(so).empty()) bound_ = so.bound;
      result_.notes.push_back(
          "the constraints leave less room than the rounding margin of the inner problem; "
          "the answer is the exact problem's");
      return;
    }
  }
  result_.error =
      "the constraints leave less room than the rounding to cents needs, and the solver found no "
      "allocation meeting them to the cent";
}

// The marginal value from the last verified inner answer's LP.
void Search::SetMarginal() {
  const Solution& s = inner_solution_;
  if (o_.marginal_step <= Money() || s.extra.empty() || !s.extra[0].solved) return;
  Marginal m;
  m.points_per_euro = s.budget_dual;
  m.extra = o_.marginal_step;
  // Rounded like any answer, with the extra money in the first year (an
  // extra euro is worth the same in every year at fixed choices).
  Problem more = inner_;
  more.budget[0] += static_cast<double>(o_.marginal_step.cents()) / 100.0;
  std::vector<Money> budget = c_.budget;
  budget[0] += o_.marginal_step;
  Solution then;
  then.amounts = s.extra[0].amounts;
  then.option = s.option;
  m.then = RoundToCents(more, then, budget);
  OptimiseConstraints wider = c_;
  wider.budget = budget;
  std::string broken = Violation(model_, base_, wider, m.then);
  if (!broken.empty()) {
    result_.notes.push_back("no marginal value: the solver's answer with more money " + broken);
    return;
  }
  m.points =
      Score(o_.weights, Evaluate(model_, WithAmounts(base_, m.then)).objectives) - result_.score;
  // Lines whose next euro is worth as much as the budget's dual: the LP
  // chose one of them for the extra money, any would do as well.
  for (size_t i = 0; i < s.next_euro.size(); ++i) {
    double rate = s.next_euro[i];
    if (rate > 0 && std::fabs(rate - s.budget_dual) <= 1e-6 * s.budget_dual)
      m.tied.push_back(base_.lines[i].def->id);
  }
  if (m.tied.size() < 2) m.tied.clear();
  result_.marginal = std::move(m);
}

// Rounds: first on the LP relaxation (cheap, RefineRelaxation) until the
// breakpoints sit where the prices send the lines, then with the integer
// choices: each answer checked, the score bounded from its prices, and
// breakpoints added where the lines would still move; when none would,
// the gap is the integer choices' and the outer problem bounds it.
OptimiseResult Search::Run() {
  result_.base_objectives = Evaluate(model_, base_).objectives;
  result_.base_score = Score(o_.weights, result_.base_objectives);
  result_.tolerance = o_.tolerance;
  result_.conflicts = UnfundableMotions(base_, c_);
  if (!result_.conflicts.empty()) return result_;
  bool base_fits = MeetsConstraints(model_, base_, c_, AmountsOf(base_));
  if (base_fits) best_ = Evaluated(model_, base_, o_.weights);
  auto closed = [&] { return bound_ - best_.score <= o_.tolerance; };
  auto late = [&] { return Clock::now() >= deadline_; };
  Predict();
  int relaxed = 0;
  while (relaxed < kRounds && !late() && RefineRelaxation() > 0) ++relaxed;
  result_.refinements = relaxed;
  for (int round = relaxed;; ++round) {
    if (!SolveInner(round == relaxed)) {
      if (round == relaxed && inner_infeasible_) Infeasible();
      break;
    }
    BoundFromPrices(inner_, inner_solution_);
    if (closed()) break;
    if (RefineAtPrices(inner_, inner_solution_) == 0) {
      SolveOuter();
      // No bound from it (it failed twice), or no breakpoint added (the
      // pieces are within the tolerance of the curves where it matters):
      // another round would solve the same.
      if (closed() || !outer_ok_ || refined_ == 0) break;
    }
    if (late() || round >= kRounds) break;
    result_.refinements = round + 1;
  }
  return have_answer_ ? Finish(base_fits) : result_;
}

// The best allocation found, its bound, and what the checks said.
OptimiseResult Search::Finish(bool base_fits) {
  if (std::isfinite(bound_) && bound_ < best_.score - Slack(best_.score)) {
    result_.notes.push_back(
        "the bound from an earlier round is below a later answer's exact score; "
        "no bound is claimed");
    bound_ = std::numeric_limits<double>::infinity();
  }
  Remember();
  result_.feasible = true;
  result_.allocation = best_.allocation;
  result_.objectives = best_.objectives;
  result_.score = best_.score;
  result_.bounded = std::isfinite(bound_);
  result_.upper_bound = result_.bounded ? std::max(result_.score, std::min(bound_, 100.0)) : 100.0;
  result_.level = ChosenLevels(model_, result_.allocation);
  if (base_fits && !inner_.lines.empty() &&
      best_.score > Round(inner_, inner_solution_).score + Slack(best_.score) &&
      AmountsOf(best_.allocation) == AmountsOf(base_))
    result_.notes.push_back("the base scores more than the solver's answer and is kept");
  SetMarginal();
  return result_;
}

}  // namespace allot::detail
