// Rounding a solver answer to cents, and finding conflicting constraints.
#include <algorithm>
#include <cmath>

#include "optimise/setup.hpp"

namespace allot::detail {

namespace {

// 2^53 cents: the most CheckConstraints lets through, and where doubles stop
// holding whole cents. A solver's nonsense (huge or not finite) is clamped
// here, and the checks of the rounded answer reject it.
constexpr double kMaxCents = 9007199254740992.0;

int64_t ToCents(double euros) {
  double cents = euros * 100;
  if (!(cents > 0)) return 0;
  return static_cast<int64_t>(std::llround(std::min(cents, kMaxCents)));
}
int64_t CeilCents(double euros) {
  double cents = std::ceil(euros * 100 - 1e-6);
  return cents > 0 ? static_cast<int64_t>(std::min(cents, kMaxCents)) : 0;
}
int64_t FloorCents(double euros) {
  double cents = std::floor(euros * 100 + 1e-6);
  return cents > 0 ? static_cast<int64_t>(std::min(cents, kMaxCents)) : 0;
}

// A free line's total in cents and how far it may move.
struct Total {
  int64_t cents = 0;
  int64_t lo = 0;    // its --min, --max-change, or the threshold its choices reached
  int64_t hi = 0;    // its --max, --max-change
  double exact = 0;  // the solver's value, cents
};

// Moves `delta` cents (either sign) over the totals, a cent at a time to
// the total furthest from where the solver put it in that direction, never
// past lo or hi. `eligible` picks the lines that may move. Returns what
// could not be moved.
template <typename Eligible>
int64_t Move(std::vector<Total>& totals, int64_t delta, Eligible eligible) {
  while (delta != 0) {
    int step = delta > 0 ? 1 : -1;
    size_t best = totals.size();
    double best_gap = 0;
    for (size_t k = 0; k < totals.size(); ++k) {
      const Total& t = totals[k];
      if (!eligible(k) || (step > 0 ? t.cents >= t.hi : t.cents <= t.lo)) continue;
      double gap = step * (t.exact - static_cast<double>(t.cents));
      if (best == totals.size() || gap > best_gap) best = k, best_gap = gap;
    }
    if (best == totals.size()) break;
    // Move as much as this line can take at once when far from done.
    int64_t room =
        step > 0 ? totals[best].hi - totals[best].cents : totals[best].cents - totals[best].lo;
    int64_t want = delta > 0 ? delta : -delta;
    int64_t spread = want / static_cast<int64_t>(totals.size()) + 1;
    int64_t take = std::min(want, std::max<int64_t>(1, std::min(room, spread)));
    totals[best].cents += step * take;
    delta -= step * take;
  }
  return delta;
}

// Splits `total` cents over years in proportion to `weights`, by largest
// remainder (ties: the earlier year), never above `cap` per year.
std::vector<int64_t> Split(int64_t total, const std::vector<int64_t>& weights) {
  std::vector<int64_t> out(weights.size(), 0);
  int64_t sum = 0;
  for (int64_t w : weights) sum += w;
  if (sum <= 0 || total <= 0) return out;
  std::vector<std::pair<double, size_t>> rest;
  int64_t given = 0;
  for (size_t t = 0; t < weights.size(); ++t) {
    double share =
        static_cast<double>(total) * static_cast<double>(weights[t]) / static_cast<double>(sum);
    out[t] = std::min(weights[t], static_cast<int64_t>(std::floor(share)));
    given += out[t];
    rest.emplace_back(share - static_cast<double>(out[t]), t);
  }
  std::stable_sort(rest.begin(), rest.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (size_t pass = 0; given < total && pass < 2; ++pass) {
    for (size_t k = 0; k < rest.size() && given < total; ++k) {
      size_t t = rest[k].second;
      if (out[t] < weights[t]) {
        ++out[t];
        ++given;
      }
    }
  }
  return out;
}

}  // namespace

// Effects depend on a line's total only, so the solver's split over the
// years is arbitrary. Round the totals first, onto the constraints the
// solver met within its tolerance (a threshold reached is kept, a --min or
// motion is met to the cent), then split each free line over the years in
// proportion to the money left there after the discrete lines, so that
// every year's total is exact.
std::vector<std::vector<Money>> RoundToCents(const Problem& problem, const Solution& solution,
                                             const std::vector<Money>& budget) {
  size_t years = budget.size();
  size_t n = problem.lines.size();
  std::vector<std::vector<Money>> out(n, std::vector<Money>(years));
  std::vector<int64_t> room(years, 0);
  for (size_t t = 0; t < years; ++t) room[t] = budget[t].cents();
  std::vector<size_t> free;
  std::vector<Total> totals;
  for (size_t i = 0; i < n; ++i) {
    const ProblemLine& l = problem.lines[i];
    if (l.discrete) {
      for (size_t t = 0; t < years; ++t) {
        out[i][t] = Money::FromCents(ToCents(solution.amounts[i][t]));
        room[t] -= out[i][t].cents();
      }
      continue;
    }
    double sum = 0;
    for (double a : solution.amounts[i]) sum += a;
    Total total;
    total.exact = sum * 100;
    total.hi = FloorCents(l.hi);
    double floor = i < solution.floor.size() ? solution.floor[i] : 0;
    total.lo = std::min(total.hi, std::max(CeilCents(l.lo), CeilCents(floor)));
    total.lo = std::max<int64_t>(0, total.lo);
    total.cents = std::clamp(ToCents(sum), total.lo, std::max(total.lo, total.hi));
    free.push_back(i);
    totals.push_back(total);
  }
  int64_t all_room = 0;
  for (int64_t r : room) all_room += std::max<int64_t>(0, r);
  int64_t sum = 0;
  double exact = 0;
  for (const Total& t : totals) {
    sum += t.cents;
    exact += t.exact;
  }
  int64_t target =
      problem.spend_exactly
          ? all_room
          : std::min(all_room, static_cast<int64_t>(std::llround(std::max(0.0, exact))));
  auto any = [](size_t) { return true; };
  Move(totals, target - sum, any);
  // Motions: cents from lines outside a short motion to lines inside it.
  for (const MotionRow& m : problem.motions) {
    auto inside = [&](size_t k) {
      return std::find(m.lines.begin(), m.lines.end(), static_cast<int>(free[k])) != m.lines.end();
    };
    int64_t spent = 0;
    for (int i : m.lines) {
      for (size_t t = 0; t < years; ++t) spent += out[static_cast<size_t>(i)][t].cents();
    }
    for (size_t k = 0; k < totals.size(); ++k) spent += inside(k) ? totals[k].cents : 0;
    int64_t short_by = CeilCents(m.min) - spent;
    if (short_by <= 0) continue;
    int64_t taken = short_by - Move(totals, -short_by, [&](size_t k) { return !inside(k); });
    Move(totals, taken, inside);
  }
  // Years: each year's share of the free money, then each line's share of it.
  int64_t free_total = 0;
  std::vector<int64_t> left;
  for (const Total& t : totals) {
    free_total += t.cents;
    left.push_back(t.cents);
  }
  std::vector<int64_t> caps(years);
  for (size_t t = 0; t < years; ++t) caps[t] = std::max<int64_t>(0, room[t]);
  std::vector<int64_t> per_year = problem.spend_exactly ? caps : Split(free_total, caps);
  for (size_t t = 0; t < years; ++t) {
    int64_t remaining = 0;
    for (int64_t l : left) remaining += l;
    std::vector<int64_t> share =
        t + 1 == years ? left : Split(std::min(per_year[t], remaining), left);
    for (size_t k = 0; k < totals.size(); ++k) {
      out[free[k]][t] = Money::FromCents(share[k]);
      left[k] -= share[k];
    }
  }
  return out;
}

std::vector<std::string> FindConflicts(const Model& model, const ResolvedScenario& base,
                                       const OptimiseConstraints& c, const OptimiseOptions& o,
                                       int& solves) {
  SolveSettings feasibility;
  feasibility.feasibility_only = true;
  feasibility.deadline =
      o.deadline
          ? *o.deadline
          : Clock::now() + std::chrono::duration_cast<Clock::duration>(
                               std::chrono::duration<double>(std::min(o.time_limit_seconds, 1e7)));
  // The exact constraints (the outer problem), not the inner problem's
  // tightened ones: a conflict is one of the constraints as written.
  auto feasible = [&](const OptimiseConstraints& trial, bool budget_rows) {
    ++solves;
    if (!UnfundableMotions(base, trial).empty()) return false;
    Problem p = MakeProblem(model, base, trial, o, Approx::kOuter, budget_rows);
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
