// The efficient frontier and the core index: repeated optimisations.
#include "allot/frontier.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "allot/evaluate.hpp"
#include "optimise/session.hpp"
#include "optimise/setup.hpp"

namespace allot {

namespace {

std::vector<Money> Shaped(Money total, const ResolvedScenario& base) {
  std::vector<Money> shape = base.by_year;
  if (base.total.IsZero()) shape.assign(shape.size(), Money::FromCents(1));
  return total.IsZero() ? std::vector<Money>(shape.size()) : SplitProportionally(total, shape);
}

// Every point, placement and bisection step of a frontier solves the same
// problem at another budget: one session, so each solve starts from the
// last one's basis and keeps the breakpoints refinement added.
struct Solver {
  const Model& model;
  const ResolvedScenario& base;
  OptimiseConstraints constraints;
  OptimiseOptions options;  // with the deadline of the whole frontier
  Diagnostics& diags;
  detail::Session session;

  OptimiseConstraints ConstraintsAt(const std::vector<Money>& budget) const {
    OptimiseConstraints c = constraints;
    c.budget = budget;
    c.spend_exactly = false;
    return c;
  }
  // The optimum spending at most `budget` per year; nullopt after a
  // diagnostic, feasible = false when the constraints cannot be met.
  std::optional<OptimiseResult> At(const std::vector<Money>& budget) {
    OptimiseConstraints c = ConstraintsAt(budget);
    if (!detail::CheckConstraints(model, base, c, options, diags)) return std::nullopt;
    return detail::OptimiseIn(session, model, base, c, options);
  }
  double ScoreAt(Money total) {
    std::optional<OptimiseResult> r = At(Shaped(total, base));
    return r && r->feasible ? r->score : -1;
  }
};

double Weighted(const std::vector<double>& w, const std::vector<double>& s) {
  double sum = 0;
  for (size_t j = 0; j < s.size(); ++j) sum += w[j] * s[j];
  return sum;
}

// The least total between the frontier budgets `lo` (below the score) and
// `hi` (reaching it), by bisection on whole euros.
Money Cheapest(Solver& solver, Money lo, Money hi, double score, int steps) {
  for (int k = 0; k < steps && hi.cents() - lo.cents() > 100; ++k) {
    // floor((lo + hi) / 2) without forming lo + hi, which wraps near the
    // int64 bound; then down to whole euros.
    int64_t half = lo.cents() / 2 + hi.cents() / 2 + (lo.cents() % 2 + hi.cents() % 2) / 2;
    Money mid = Money::FromCents(half / 100 * 100);
    if (mid <= lo || mid >= hi) break;
    (solver.ScoreAt(mid) >= score - 1e-9 ? hi : lo) = mid;
  }
  return hi;
}

std::vector<std::string> FundedLevels(const OptimiseResult& r) {
  std::vector<std::string> levels;
  for (size_t i = 0; i < r.level.size(); ++i) {
    if (!r.level[i].empty() && r.level[i] != "(none)") {
      levels.push_back(r.allocation.lines[i].def->id + "=" + r.level[i]);
    }
  }
  return levels;
}

}  // namespace

std::optional<FrontierResult> Frontier(const Model& model, const ResolvedScenario& base,
                                       const std::vector<ResolvedScenario>& scenarios,
                                       const OptimiseConstraints& constraints,
                                       const OptimiseOptions& options,
                                       const FrontierOptions& frontier, Diagnostics& diags) {
  OptimiseOptions shared = options;
  if (!shared.deadline) {
    shared.deadline = std::chrono::steady_clock::now() +
                      std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                          std::chrono::duration<double>(std::min(options.time_limit_seconds, 1e7)));
  }
  Solver solver{model, base, constraints, shared, diags, {}};
  // Pieces cut for the largest budget serve every smaller one.
  Money largest = frontier.to;
  for (const ResolvedScenario& s : scenarios) largest = std::max(largest, s.total);
  solver.session.ceiling = static_cast<double>(largest.cents()) / 100.0;
  FrontierResult result;
  int n = std::max(1, frontier.points);
  std::optional<OptimiseResult> previous;  // the last solved point
  for (int k = 1; k <= n; ++k) {
    Money total =
        Money::FromCents(frontier.to.cents() / n * k + (k == n ? frontier.to.cents() % n : 0));
    std::vector<Money> budget = Shaped(total, base);
    std::optional<OptimiseResult> r = solver.At(budget);
    if (!r) return std::nullopt;
    FrontierPoint p{total, Money(), -1, 100, false, {}, r->error.empty() ? "infeasible" : r->error};
    if (r->feasible) {
      // More money never buys less: the previous point's allocation is
      // allowed here too when it fits (it normally does; the largest
      // remainder split of a larger total can lower a year by a cent).
      if (previous && previous->score > r->score) {
        std::vector<std::vector<Money>> amounts;
        for (const ResolvedLine& line : previous->allocation.lines) amounts.push_back(line.by_year);
        if (detail::MeetsConstraints(model, base, solver.ConstraintsAt(budget), amounts)) {
          r->allocation = previous->allocation;
          r->level = previous->level;
          r->score = previous->score;
          r->upper_bound = std::max(r->upper_bound, r->score);
        }
      }
      p = FrontierPoint{total,      r->allocation.total, r->score, r->upper_bound,
                        r->bounded, FundedLevels(*r),    ""};
      previous = r;
    }
    result.points.push_back(p);
  }
  for (const ResolvedScenario& s : scenarios) {
    ScenarioPlacement place{s.id, s.total, Weighted(options.weights, Evaluate(model, s).objectives),
                            std::nullopt, -1};
    std::optional<OptimiseResult> own = solver.At(s.by_year);
    if (!own) return std::nullopt;
    if (own->feasible) place.best_for_money = own->score;
    Money below;
    for (const FrontierPoint& p : result.points) {
      if (p.score >= place.score - 1e-9) {
        place.cheapest = Cheapest(solver, below, p.budget, place.score, frontier.refine);
        break;
      }
      below = p.budget;
    }
    result.scenarios.push_back(place);
  }
  return result;
}

namespace {

// The least that counts as funding a line in the core index: EUR 10,000
// (--motion-minimum), or 1% of the budget when that is less (small models).
// A cent is not funding, and moving a cent costs no measurable points.
Money LeastFunding(const OptimiseConstraints& c) {
  Money total = detail::TotalOf(c.budget);
  return std::max(Money::FromCents(1),
                  std::min(c.motion_minimum, Money::FromCents(total.cents() / 100)));
}

bool Named(const std::vector<LineAmount>& list, const std::string& id, Money above) {
  for (const LineAmount& x : list)
    if (x.line == id && x.amount > above) return true;
  return false;
}

// Whether every allocation scoring at least `score` funds line `i`: the
// constraints force it, or the problem with the line at 0 is infeasible or
// bounded below `score`. False when that cannot be shown (a failed solve
// included).
bool EveryFunds(const Model& model, const ResolvedScenario& base, const OptimiseConstraints& c,
                const OptimiseOptions& o, size_t i, double score) {
  const std::string& id = base.lines[i].def->id;
  bool locked = std::find(c.lock.begin(), c.lock.end(), id) != c.lock.end();
  if (Named(c.min, id, Money()) || (locked && !detail::TotalOf(base.lines[i].by_year).IsZero()))
    return true;
  if (locked) return false;
  OptimiseConstraints without = c;
  without.max.push_back(LineAmount{id, Money()});
  Diagnostics quiet;
  std::optional<OptimiseResult> r = Optimise(model, base, without, o, quiet);
  if (!r || !r->error.empty()) return false;
  if (!r->feasible) return !r->conflicts.empty() || !r->conflict_note.empty();
  return r->bounded && r->upper_bound < score - 1e-7 * (1 + std::fabs(score));
}

// Whether some allocation within the tolerance of `score` spends at least
// `least` on line `i` (found and checked like any answer).
bool SomeFunds(const Model& model, const ResolvedScenario& base, const OptimiseConstraints& c,
               const OptimiseOptions& o, size_t i, double score, Money least) {
  const std::string& id = base.lines[i].def->id;
  if (std::find(c.lock.begin(), c.lock.end(), id) != c.lock.end()) return false;
  for (const LineAmount& x : c.max)
    if (x.line == id && x.amount < least) return false;
  OptimiseConstraints with = c;
  with.min.push_back(LineAmount{id, least});
  Diagnostics quiet;
  std::optional<OptimiseResult> r = Optimise(model, base, with, o, quiet);
  return r && r->error.empty() && r->feasible && r->score >= score - o.tolerance;
}

}  // namespace

std::optional<std::vector<CoreLine>> CoreIndex(const Model& model, const ResolvedScenario& base,
                                               const OptimiseConstraints& constraints,
                                               const OptimiseOptions& options,
                                               const std::vector<std::vector<double>>& weights,
                                               Diagnostics& diags) {
  std::vector<CoreLine> lines;
  for (const ResolvedLine& l : base.lines) lines.push_back(CoreLine{l.def->id, 0, 0, 0});
  OptimiseOptions shared = options;  // one deadline for every solve
  if (!shared.deadline) {
    shared.deadline = std::chrono::steady_clock::now() +
                      std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                          std::chrono::duration<double>(std::min(options.time_limit_seconds, 1e7)));
  }
  Money least = LeastFunding(constraints);
  for (const std::vector<double>& w : weights) {
    OptimiseOptions o = shared;
    o.weights = w;
    std::optional<OptimiseResult> r = Optimise(model, base, constraints, o, diags);
    if (!r) return std::nullopt;
    if (!r->feasible) continue;
    for (size_t i = 0; i < lines.size(); ++i) {
      // The answer shown funds it: some optimum does; does every one?
      // Else: can another allocation as good fund it?
      bool funded = detail::TotalOf(r->allocation.lines[i].by_year) >= least;
      bool some = funded || SomeFunds(model, base, constraints, o, i, r->score, least);
      bool every = funded && EveryFunds(model, base, constraints, o, i, r->score);
      lines[i].funded += some ? 1 : 0;
      lines[i].every += every ? 1 : 0;
      ++lines[i].runs;
    }
  }
  return lines;
}

}  // namespace allot
