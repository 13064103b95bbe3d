// The efficient frontier and the core index: repeated optimisations.
#include "allot/frontier.hpp"

#include <algorithm>

#include "allot/evaluate.hpp"

namespace allot {

namespace {

std::vector<Money> Shaped(Money total, const ResolvedScenario& base) {
  std::vector<Money> shape = base.by_year;
  if (base.total.IsZero()) shape.assign(shape.size(), Money::FromCents(1));
  return total.IsZero() ? std::vector<Money>(shape.size()) : SplitProportionally(total, shape);
}

struct Solver {
  const Model& model;
  const ResolvedScenario& base;
  OptimiseConstraints constraints;
  const OptimiseOptions& options;
  Diagnostics& diags;

  // The optimum spending at most `budget` per year; nullopt after a
  // diagnostic, feasible = false when the constraints cannot be met.
  std::optional<OptimiseResult> At(const std::vector<Money>& budget) {
    OptimiseConstraints c = constraints;
    c.budget = budget;
    c.spend_exactly = false;
    return Optimise(model, base, c, options, diags);
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
  Solver solver{model, base, constraints, options, diags};
  FrontierResult result;
  int n = std::max(1, frontier.points);
  for (int k = 1; k <= n; ++k) {
    Money total =
        Money::FromCents(frontier.to.cents() / n * k + (k == n ? frontier.to.cents() % n : 0));
    std::optional<OptimiseResult> r = solver.At(Shaped(total, base));
    if (!r) return std::nullopt;
    FrontierPoint p{total, Money(), -1, -1, {}};
    if (r->feasible)
      p = FrontierPoint{total, r->allocation.total, r->score, r->upper_bound, FundedLevels(*r)};
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

std::optional<std::vector<CoreLine>> CoreIndex(const Model& model, const ResolvedScenario& base,
                                               const OptimiseConstraints& constraints,
                                               const OptimiseOptions& options,
                                               const std::vector<std::vector<double>>& weights,
                                               Diagnostics& diags) {
  std::vector<CoreLine> lines;
  for (const ResolvedLine& l : base.lines) lines.push_back(CoreLine{l.def->id, 0, 0});
  for (const std::vector<double>& w : weights) {
    OptimiseOptions o = options;
    o.weights = w;
    std::optional<OptimiseResult> r = Optimise(model, base, constraints, o, diags);
    if (!r) return std::nullopt;
    if (!r->feasible) continue;
    for (size_t i = 0; i < lines.size(); ++i) {
      bool funded = false;
      for (Money m : r->allocation.lines[i].by_year) funded = funded || !m.IsZero();
      lines[i].funded += funded ? 1 : 0;
      ++lines[i].runs;
    }
  }
  return lines;
}

}  // namespace allot
