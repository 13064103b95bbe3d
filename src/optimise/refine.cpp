// Refining the curves and bounding the score from an LP's prices (see
// search.hpp): where the breakpoints go, and the dual bound's checks.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>

#include "allot/evaluate.hpp"
#include "optimise/search.hpp"

namespace allot::detail {

namespace {

// Whether a breakpoint at x (EUR) would cut the line's pieces anew: only
// saturating curves of weighted objectives take extra breakpoints (tables
// and straight lines are exact already), and not where one of the line's
// pieces already ends. (Else refinement would add it again every round.)
bool Refinable(const Model& model, const std::vector<double>& weights, const Line& def,
               const ProblemLine& l, double x) {
  bool smooth = false;
  for (const Effect& e : def.effects) {
    smooth = smooth || (e.curve.kind == CurveKind::kSaturating &&
                        weights[static_cast<size_t>(model.ObjectiveIndex(e.objective))] > 0);
  }
  if (!smooth) return false;
  double near = 1e-6 * (1 + x);
  for (const PiecewiseEffect& e : l.effects) {
    for (const Piece& piece : e.pieces) {
      if (std::fabs(piece.x0 - x) <= near || std::fabs(piece.x1 - x) <= near) return false;
    }
  }
  return !l.effects.empty();
}

}  // namespace

// Breakpoints where the session's earlier answers say this one will lie:
// each line's total extrapolated along the budget from the last two
// answers (a frontier's next point), so the first solve lands near its
// optimum and fewer rounds of refinement follow.
void Search::Predict() {
  double budget = static_cast<double>(TotalOf(c_.budget).cents()) / 100.0;
  const std::vector<double>& last = session_.last;
  const std::vector<double>& previous = session_.previous;
  if (last.size() != base_.lines.size() || previous.size() != last.size()) return;
  double step = session_.last_budget - session_.previous_budget;
  if (!(std::fabs(step) > 0)) return;
  double scale = (budget - session_.last_budget) / step;
  for (size_t i = 0; i < last.size(); ++i) {
    double x = last[i] + (last[i] - previous[i]) * scale;
    if (last[i] > 0 && x > 0) session_.extra[i].push_back(x);
  }
}

void Search::Remember() {
  session_.previous = std::move(session_.last);
  session_.previous_budget = session_.last_budget;
  session_.last.clear();
  for (const ResolvedLine& line : best_.allocation.lines)
    session_.last.push_back(static_cast<double>(TotalOf(line.by_year).cents()) / 100.0);
  session_.last_budget = static_cast<double>(TotalOf(c_.budget).cents()) / 100.0;
}

// A round on the inner problem's LP relaxation (a simplex solve, no
// search): its prices bound the score (BoundFromPrices) and say where the
// breakpoints belong (RefineAtPrices), before the first integer solve.
// Returns how many lines got a breakpoint (0 also when it failed: the
// integer solve then says why).
int Search::RefineRelaxation() {
  Problem p = Make(Approx::kInner);
  SolveSettings settings;
  settings.deadline = deadline_;
  settings.relaxation = true;
  Solution s = session_.inner.Solve(p, settings);
  result_.stats.seconds += s.seconds;
  ++result_.stats.solves;
  if (s.status != SolveStatus::kOptimal || !s.suspect.empty()) return 0;
  BoundFromPrices(p, s);
  // Close enough: the integer answer's loss is the integer choices', and
  // the inner rounds refine what is left.
  if (bound_ - s.objective <= o_.tolerance / 2) return 0;
  return RefineAtPrices(p, s);
}

// A line's points at a total of `total` EUR, by the curves themselves
// (CurveValue, as Evaluate), each objective's valued at `worth` (or its
// weight), uncapped.
double Search::TrueValue(size_t line, double total, const std::vector<double>& worth) const {
  Money at = Money::FromCents(std::llround(total * 100));
  double sum = 0;
  for (const Effect& e : base_.lines[line].def->effects) {
    sum += worth[static_cast<size_t>(model_.ObjectiveIndex(e.objective))] * CurveValue(e.curve, at);
  }
  return sum;
}

// What a point of each model objective is worth at the prices: its score
// row's dual, within [0, weight] (0 for objectives nobody weighs, which
// the problem leaves out).
std::vector<double> Search::Worth(const Prices& prices) const {
  std::vector<double> worth(model_.objectives.size(), 0.0);
  for (size_t j = 0, k = 0; j < o_.weights.size() && k < prices.objective.size(); ++j) {
    if (o_.weights[j] > 0) worth[j] = std::clamp(prices.objective[k++], 0.0, o_.weights[j]);
  }
  return worth;
}

// The upper bound from the last inner LP's prices (DualBound: computed
// by allot on the true curves, so no solver answer is trusted for it),
// checked like the outer problem's against every exact score known.
void Search::BoundFromPrices(const Problem& p, const Solution& s) {
  double bound = DualBound(p, model_, base_, o_.weights, s.prices);
  if (!std::isfinite(bound)) return;
  if (bound < best_.score - Slack(best_.score)) {
    char text[200];
    std::snprintf(text, sizeof text,
                  "the bound from the LP's prices (%.6f) is below the exact score of a known "
                  "allocation (%.6f) and is not used",
                  bound, best_.score);
    result_.notes.push_back(text);
    return;
  }
  bound_ = std::min(bound_, bound);
}

// New breakpoints where the lines would go at the last inner LP's prices.
// At those prices each line's best total on its true curve (BestResponse)
// gains more than its total in the answer by some delta; the bound from
// the prices minus the answer's score is about the sum of these deltas.
// A line whose best total is not yet a breakpoint gets one there, so the
// next inner answer can move to it, from the largest delta down until
// what is left adds up to an eighth of the tolerance. Returns how many
// lines got one: none means the pieces are not what keeps the gap open
// (the integer choices are, or there are no prices), which the outer
// problem then settles.
int Search::RefineAtPrices(const Problem& p, const Solution& s) {
  if (!s.prices.known) return 0;
  std::vector<double> worth = Worth(s.prices);
  struct Move {
    double delta;
    size_t line;
    double to;
  };
  std::vector<Move> moves;
  double left = 0;
  for (size_t i = 0; i < p.lines.size(); ++i) {
    const ProblemLine& l = p.lines[i];
    if (l.discrete) continue;
    double cost = s.prices.total;
    for (size_t m = 0; m < p.motions.size() && m < s.prices.motion.size(); ++m) {
      const std::vector<int>& in = p.motions[m].lines;
      if (std::find(in.begin(), in.end(), static_cast<int>(i)) != in.end())
        cost -= std::max(0.0, s.prices.motion[m]);
    }
    LineGain best = BestResponse(model_, *base_.lines[i].def, worth, cost, l.lo, l.hi);
    double total = 0;
    for (double a : s.amounts[i]) total += a;
    double delta = best.bound - (TrueValue(i, total, worth) - cost * total);
    if (!(delta > 0) || !Refinable(model_, o_.weights, *base_.lines[i].def, l, best.total))
      continue;
    moves.push_back({delta, i, best.total});
    left += delta;
  }
  std::sort(moves.begin(), moves.end(),
            [](const Move& a, const Move& b) { return a.delta > b.delta; });
  int added = 0;
  for (const Move& m : moves) {
    if (left <= o_.tolerance / 8) break;
    session_.extra[m.line].push_back(m.to);
    left -= m.delta;
    ++added;
  }
  return added;
}

// New breakpoints for the lines where the outer answer's pieces lie above
// the curves. The bound minus the true value of the outer answer is at
// most the sum of these errors, so lines are taken from the largest error
// down until what is left adds up to a quarter of the tolerance: a line
// whose error cannot matter gets no new pieces (the problems stay small).
// Each line taken gets a breakpoint at its total in the outer answer:
// there the tangents will touch the curve and the chords pass through it.
// Returns how many lines were refined.
int Search::RefineOuter(const Problem& p, const Solution& s) {
  std::vector<std::pair<double, size_t>> errors;
  std::vector<double> totals(p.lines.size(), 0.0);
  double left = 0;
  for (size_t i = 0; i < p.lines.size() && i < s.value.size(); ++i) {
    if (p.lines[i].discrete) continue;
    for (double a : s.amounts[i]) totals[i] += a;
    double error = totals[i] > 0 ? s.value[i] - TrueValue(i, totals[i], o_.weights) : 0;
    if (!(error > 0)) continue;
    errors.emplace_back(error, i);
    left += error;
  }
  std::sort(errors.begin(), errors.end(), std::greater<>());
  int refined = 0;
  for (const auto& [error, i] : errors) {
    if (left <= o_.tolerance / 4) break;
    session_.extra[i].push_back(totals[i]);
    left -= error;
    ++refined;
  }
  return refined;
}

}  // namespace allot::detail
