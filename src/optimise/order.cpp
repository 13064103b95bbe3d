// The order of buy: greedy funding increments by weighted points per euro,
// on the same breakpoints as the solver's inner approximation, each
// objective's points counted only up to its cap of 100.
#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include "allot/evaluate.hpp"
#include "allot/optimise.hpp"
#include "optimise/problem.hpp"

namespace allot {

namespace {

double Euros(Money m) { return static_cast<double>(m.cents()) / 100.0; }
Money Cents(double euros) {
  return Money::FromCents(static_cast<int64_t>(std::llround(euros * 100)));
}

// A line's value on each objective (uncapped) at each breakpoint of its
// total spend. Steps are priced against the objectives' running totals,
// so that what lies past an objective's cap of 100 counts for nothing.
struct Ladder {
  std::vector<double> x;               // EUR, increasing, x[0] = 0
  std::vector<std::vector<double>> v;  // [breakpoint][objective], points
  bool smooth = true;                  // linear between breakpoints: a partial step is fair
};

// max over pieces containing x: at a threshold's jump both sides contain it.
double PiecesValue(const std::vector<detail::Piece>& pieces, double x) {
  double best = 0;
  bool any = false;
  for (const detail::Piece& p : pieces) {
    if (x < p.x0 - 1e-9 || x > p.x1 + 1e-9) continue;
    double v = p.v0 + p.slope * (x - p.x0);
    best = any ? std::max(best, v) : v;
    any = true;
  }
  return best;
}

Ladder LevelsLadder(const Model& model, const Line& def) {
  std::vector<std::pair<double, std::vector<double>>> points = {
      {0.0, std::vector<double>(model.objectives.size(), 0.0)}};
  for (const Level& level : def.levels) {
    Money total;
    for (const auto& [year, amount] : level.budget) total += amount;
    std::vector<double> v(model.objectives.size(), 0.0);
    for (const Effect& e : def.effects)
      v[static_cast<size_t>(model.ObjectiveIndex(e.objective))] += CurveValue(e.curve, total);
    points.emplace_back(Euros(total), std::move(v));
  }
  std::stable_sort(points.begin(), points.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  Ladder ladder;
  ladder.smooth = false;
  for (auto& [x, v] : points) {
    if (!ladder.x.empty() && x == ladder.x.back()) continue;
    ladder.x.push_back(x);
    ladder.v.push_back(std::move(v));
  }
  return ladder;
}

Ladder CurveLadder(const Model& model, const Line& def, const std::vector<double>& w, double upper,
                   int segments) {
  std::vector<std::pair<size_t, std::vector<detail::Piece>>> effects;
  std::set<double> xs = {0.0, upper};
  Ladder ladder;
  for (const Effect& e : def.effects) {
    size_t j = static_cast<size_t>(model.ObjectiveIndex(e.objective));
    if (w[j] <= 0) continue;
    auto pieces = detail::CurvePieces(e.curve, upper, segments, 0, detail::Approx::kInner);
    ladder.smooth = ladder.smooth && detail::IsConcave(pieces);
    for (const detail::Piece& p : pieces) xs.insert({p.x0, p.x1});
    effects.emplace_back(j, std::move(pieces));
  }
  for (double x : xs) {
    std::vector<double> v(model.objectives.size(), 0.0);
    for (const auto& [j, pieces] : effects) v[j] += PiecesValue(pieces, x);
    ladder.x.push_back(x);
    ladder.v.push_back(std::move(v));
  }
  return ladder;
}

// The weighted points a step adds to the running totals `score` (one per
// objective, uncapped), each objective capped at 100.
double CappedGain(const std::vector<double>& w, const std::vector<double>& score,
                  const std::vector<double>& from, const std::vector<double>& to) {
  double gain = 0;
  for (size_t j = 0; j < w.size(); ++j) {
    if (w[j] <= 0 || to[j] == from[j]) continue;
    double now = std::min(100.0, score[j]);
    gain += w[j] * (std::min(100.0, score[j] + to[j] - from[j]) - now);
  }
  return gain;
}

// The ladder's values at `x` in the stretch [x[at], x[at + 1]] (at x[at]
// when it is the last breakpoint).
std::vector<double> ValueAt(const Ladder& l, size_t at, double x) {
  if (at + 1 >= l.x.size() || x <= l.x[at]) return l.v[at];
  double f = (x - l.x[at]) / (l.x[at + 1] - l.x[at]);
  std::vector<double> v = l.v[at];
  for (size_t j = 0; j < v.size(); ++j) v[j] += f * (l.v[at + 1][j] - l.v[at][j]);
  return v;
}

// Where, going from `pos` into the stretch after breakpoint `at`, the
// first weighted objective still below its cap reaches 100 (infinity when
// none does): past it the stretch buys fewer points per euro.
double CapCrossing(const Ladder& l, size_t at, double pos, const std::vector<double>& w,
                   const std::vector<double>& score) {
  double first = std::numeric_limits<double>::infinity();
  double length = l.x[at + 1] - l.x[at];
  for (size_t j = 0; j < w.size(); ++j) {
    double slope = (l.v[at + 1][j] - l.v[at][j]) / length;
    if (w[j] <= 0 || !(slope > 0) || score[j] >= 100 - 1e-9) continue;
    first = std::min(first, pos + (100 - score[j]) / slope);
  }
  return first;
}

struct NextStep {
  size_t line = 0;
  size_t at = 0;  // the breakpoint at or below `to`
  double to = 0;
  double ratio = 0;   // weighted points (capped) per EUR
  double points = 0;  // weighted points (capped) of the whole step
};

// The best next step of one line from `pos` (in the stretch after
// breakpoint `at`) with `left` EUR, priced at the objectives' running
// totals: a jump to a later breakpoint or level, or, on a smooth ladder,
// into the current stretch as far as the money, the stretch or the first
// objective's cap allows.
std::optional<NextStep> BestStep(const Ladder& l, size_t line, size_t at, double pos, double left,
                                 const std::vector<double>& w, const std::vector<double>& score) {
  std::optional<NextStep> best;
  std::vector<double> from = ValueAt(l, at, pos);
  auto consider = [&](size_t k, double to, const std::vector<double>& v) {
    double points = CappedGain(w, score, from, v);
    double ratio = points / (to - pos);
    if (ratio > 0 && (!best || ratio > best->ratio + 1e-15))
      best = NextStep{line, k, to, ratio, points};
  };
  for (size_t k = at + 1; k < l.x.size(); ++k) {
    double cost = l.x[k] - pos;
    if (l.smooth && k == at + 1) {
      double to = std::min({l.x[k], pos + left, CapCrossing(l, at, pos, w, score)});
      if (to > pos + 1e-9) consider(to >= l.x[k] - 1e-9 ? k : at, to, ValueAt(l, at, to));
      continue;
    }
    if (cost > left + 1e-9) continue;
    consider(k, l.x[k], l.v[k]);
  }
  return best;
}

}  // namespace

std::vector<BuyStep> OrderOfBuy(const Model& model, const ResolvedScenario& base,
                                const std::vector<double>& weights, Money total, int segments) {
  std::vector<Ladder> ladders;
  for (const ResolvedLine& line : base.lines) {
    ladders.push_back(line.def->levels.empty()
                          ? CurveLadder(model, *line.def, weights, Euros(total), segments)
                          : LevelsLadder(model, *line.def));
  }
  std::vector<size_t> at(ladders.size(), 0);                // the breakpoint at or below pos
  std::vector<double> pos(ladders.size(), 0.0);             // EUR spent on each line so far
  std::vector<double> score(model.objectives.size(), 0.0);  // uncapped, so far
  std::vector<BuyStep> steps;
  double left = Euros(total);
  while (left > 1e-9) {
    std::optional<NextStep> best;
    for (size_t i = 0; i < ladders.size(); ++i) {
      std::optional<NextStep> p = BestStep(ladders[i], i, at[i], pos[i], left, weights, score);
      if (p && (!best || p->ratio > best->ratio + 1e-15)) best = p;
    }
    if (!best) break;
    size_t i = best->line;
    const Ladder& l = ladders[i];
    std::vector<double> from = ValueAt(l, at[i], pos[i]);
    std::vector<double> reached = ValueAt(l, best->at, best->to);
    for (size_t j = 0; j < score.size(); ++j) score[j] += reached[j] - from[j];
    steps.push_back(BuyStep{base.lines[i].def->id, Cents(pos[i]), Cents(best->to), best->points});
    left -= best->to - pos[i];
    pos[i] = best->to;
    at[i] = best->at;
  }
  return steps;
}

}  // namespace allot
