// Rounding a solver answer to cents, and finding conflicting constraints.
#include <algorithm>
#include <cmath>

#include "optimise/setup.hpp"

namespace allot::detail {

namespace {

int64_t ToCents(double euros) { return static_cast<int64_t>(std::llround(euros * 100)); }

struct Share {
  size_t line;
  int64_t cents;
  double fraction;  // how far the exact value lies above `cents`, in cents
};

// Moves `remainder` cents over the free lines' shares: one cent each to the
// largest fractions first (taking from the smallest when negative), so
// every amount stays within a cent or so of the solver's value.
void Distribute(std::vector<Share>& shares, int64_t remainder) {
  if (shares.empty()) return;
  std::stable_sort(shares.begin(), shares.end(),
                   [](const Share& a, const Share& b) { return a.fraction > b.fraction; });
  for (size_t k = 0; remainder > 0; k = (k + 1) % shares.size()) {
    ++shares[k].cents;
    --remainder;
  }
  for (size_t k = shares.size(); remainder < 0;) {
    k = k == 0 ? shares.size() - 1 : k - 1;
    if (shares[k].cents > 0) {
      --shares[k].cents;
      ++remainder;
    }
    if (std::all_of(shares.begin(), shares.end(), [](const Share& s) { return s.cents == 0; }))
      break;
  }
}

}  // namespace

// Effects depend on a line's total only, so the solver's split over the
// years is arbitrary. Spread each free line's total over the years in
// proportion to the money left there after the discrete lines: every
// year's total is unchanged and each line follows the budget's profile.
static Solution SpreadOverYears(const Problem& problem, Solution s) {
  size_t years = problem.budget.size();
  std::vector<double> left(years, 0.0);
  double all = 0;
  for (size_t t = 0; t < years; ++t) {
    left[t] = problem.budget[t];
    for (size_t i = 0; i < problem.lines.size(); ++i) {
      if (problem.lines[i].discrete) left[t] -= s.amounts[i][t];
    }
    left[t] = std::max(0.0, left[t]);
    all += left[t];
  }
  if (all <= 0 || !problem.budget_rows) return s;
  for (size_t i = 0; i < problem.lines.size(); ++i) {
    if (problem.lines[i].discrete) continue;
    double total = 0;
    for (double a : s.amounts[i]) total += a;
    for (size_t t = 0; t < years; ++t) s.amounts[i][t] = total * left[t] / all;
  }
  return s;
}

std::vector<std::vector<Money>> RoundToCents(const Problem& problem, const Solution& raw,
                                             const std::vector<Money>& budget) {
  Solution solution = SpreadOverYears(problem, raw);
  size_t years = budget.size();
  std::vector<std::vector<Money>> out(problem.lines.size(), std::vector<Money>(years));
  for (size_t t = 0; t < years; ++t) {
    int64_t fixed = 0;
    int64_t floors = 0;
    double exact = 0;
    std::vector<Share> shares;
    for (size_t i = 0; i < problem.lines.size(); ++i) {
      double cents = solution.amounts[i][t] * 100;
      if (problem.lines[i].discrete) {
        out[i][t] = Money::FromCents(ToCents(solution.amounts[i][t]));
        fixed += out[i][t].cents();
        continue;
      }
      auto down = static_cast<int64_t>(std::floor(cents));
      shares.push_back(Share{i, down, cents - static_cast<double>(down)});
      floors += down;
      exact += cents;
    }
    int64_t target = problem.spend_exactly ? budget[t].cents() - fixed
                                           : std::min(budget[t].cents() - fixed,
                                                      static_cast<int64_t>(std::llround(exact)));
    Distribute(shares, target - floors);
    for (const Share& s : shares) out[s.line][t] = Money::FromCents(std::max<int64_t>(0, s.cents));
  }
  return out;
}

std::vector<std::string> FindConflicts(const Model& model, const ResolvedScenario& base,
                                       const OptimiseConstraints& c, const OptimiseOptions& o,
                                       int& solves) {
  SolveSettings feasibility;
  feasibility.feasibility_only = true;
  feasibility.time_limit_seconds = o.time_limit_seconds;
  auto feasible = [&](const OptimiseConstraints& trial, bool budget_rows) {
    ++solves;
    Problem p = MakeProblem(model, base, trial, o, Approx::kInner, budget_rows);
    return SolveProblem(p, feasibility).status != SolveStatus::kInfeasible;
  };
  std::vector<std::string> conflicts;
  auto plain = [](Money m) { return FormatMoneyPlain(m); };
  if (feasible(c, false)) conflicts.push_back("the yearly budgets");
  for (size_t k = 0; k < c.min.size(); ++k) {
    OptimiseConstraints t = c;
    t.min.erase(t.min.begin() + static_cast<long>(k));
    if (feasible(t, true))
      conflicts.push_back("--min " + c.min[k].line + "=" + plain(c.min[k].amount));
  }
  for (size_t k = 0; k < c.max.size(); ++k) {
    OptimiseConstraints t = c;
    t.max.erase(t.max.begin() + static_cast<long>(k));
    if (feasible(t, true))
      conflicts.push_back("--max " + c.max[k].line + "=" + plain(c.max[k].amount));
  }
  for (size_t k = 0; k < c.lock.size(); ++k) {
    OptimiseConstraints t = c;
    t.lock.erase(t.lock.begin() + static_cast<long>(k));
    if (feasible(t, true)) conflicts.push_back("--lock " + c.lock[k]);
  }
  if (c.max_change || c.max_change_fraction) {
    OptimiseConstraints t = c;
    t.max_change.reset();
    t.max_change_fraction.reset();
    if (feasible(t, true)) conflicts.push_back("--max-change");
  }
  for (size_t k = 0; k < c.fund_motions.size(); ++k) {
    OptimiseConstraints t = c;
    t.fund_motions.erase(t.fund_motions.begin() + static_cast<long>(k));
    if (feasible(t, true)) conflicts.push_back("--fund-motions " + c.fund_motions[k]);
  }
  return conflicts;
}

}  // namespace allot::detail
