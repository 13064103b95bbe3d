// The order of buy: greedy funding increments by weighted points per euro,
// on the same breakpoints as the solver's inner approximation.
#include <algorithm>
#include <cmath>
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

// A line's weighted value (uncapped) at each breakpoint of its total spend.
struct Ladder {
  std::vector<double> x;  // EUR, increasing, x[0] = 0
  std::vector<double> g;  // weighted points at x
  bool smooth = true;     // linear between breakpoints: a partial step is fair
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

Ladder LevelsLadder(const Model& model, const Line& def, const std::vector<double>& w) {
  std::vector<std::pair<double, double>> points = {{0.0, 0.0}};
  for (const Level& level : def.levels) {
    Money total;
    for (const auto& [year, amount] : level.budget) total += amount;
    double g = 0;
    for (const Effect& e : def.effects) {
      g += w[static_cast<size_t>(model.ObjectiveIndex(e.objective))] * CurveValue(e.curve, total);
    }
    points.emplace_back(Euros(total), g);
  }
  std::sort(points.begin(), points.end());
  Ladder ladder;
  ladder.smooth = false;
  for (const auto& [x, g] : points) {
    if (!ladder.x.empty() && x == ladder.x.back()) continue;
    ladder.x.push_back(x);
    ladder.g.push_back(g);
  }
  return ladder;
}

Ladder CurveLadder(const Model& model, const Line& def, const std::vector<double>& w, double upper,
                   int segments) {
  std::vector<std::pair<double, std::vector<detail::Piece>>> effects;
  std::set<double> xs = {0.0, upper};
  Ladder ladder;
  for (const Effect& e : def.effects) {
    double wj = w[static_cast<size_t>(model.ObjectiveIndex(e.objective))];
    if (wj <= 0) continue;
    auto pieces = detail::CurvePieces(e.curve, upper, segments, 0, detail::Approx::kInner);
    ladder.smooth = ladder.smooth && detail::IsConcave(pieces);
    for (const detail::Piece& p : pieces) xs.insert({p.x0, p.x1});
    effects.emplace_back(wj, std::move(pieces));
  }
  for (double x : xs) {
    double g = 0;
    for (const auto& [wj, pieces] : effects) g += wj * PiecesValue(pieces, x);
    ladder.x.push_back(x);
    ladder.g.push_back(g);
  }
  return ladder;
}

struct NextStep {
  size_t line = 0;
  size_t to = 0;
  double ratio = 0;
  bool partial = false;
};

// The best next step of one line from breakpoint `at` with `left` EUR.
std::optional<NextStep> BestStep(const Ladder& l, size_t line, size_t at, double left) {
  std::optional<NextStep> best;
  for (size_t k = at + 1; k < l.x.size(); ++k) {
    double cost = l.x[k] - l.x[at];
    double ratio = (l.g[k] - l.g[at]) / cost;
    bool partial = cost > left + 1e-9;
    if (partial && !(l.smooth && k == at + 1)) continue;
    if (ratio > 0 && (!best || ratio > best->ratio + 1e-15))
      best = NextStep{line, k, ratio, partial};
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
                          : LevelsLadder(model, *line.def, weights));
  }
  std::vector<size_t> at(ladders.size(), 0);
  std::vector<double> spent(ladders.size(), 0);
  std::vector<BuyStep> steps;
  double left = Euros(total);
  while (left > 1e-9) {
    std::optional<NextStep> best;
    for (size_t i = 0; i < ladders.size(); ++i) {
      if (spent[i] > ladders[i].x[at[i]] + 1e-9) continue;  // stopped inside a piece
      std::optional<NextStep> p = BestStep(ladders[i], i, at[i], left);
      if (p && (!best || p->ratio > best->ratio + 1e-15)) best = p;
    }
    if (!best) break;
    const Ladder& l = ladders[best->line];
    double from = l.x[at[best->line]];
    double to = best->partial ? from + left : l.x[best->to];
    double points = best->partial ? best->ratio * left : l.g[best->to] - l.g[at[best->line]];
    steps.push_back(BuyStep{base.lines[best->line].def->id, Cents(from), Cents(to), points});
    left -= to - from;
    spent[best->line] = to;
    if (!best->partial) at[best->line] = best->to;
  }
  return steps;
}

}  // namespace allot
