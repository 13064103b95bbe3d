// Weight stability intervals. While objective j weighs t, scenario i scores
// S_i(t) = R_i + t (s_ij - R_i), with R_i its score on the other objectives
// at their rescaled weights: a line in t. The order of two scenarios changes
// only where their lines cross, at t = -a / b for D(t) = a + b t, so every
// boundary is one division, not a sweep.
#include "allot/stability.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "analyse/analysis_common.hpp"

namespace allot {

namespace {

// S_i(t) = intercept + slope * t for each scenario.
struct Line1 {
  double intercept = 0;
  double slope = 0;
};

std::vector<Line1> ScoreLines(const std::vector<std::vector<double>>& scores,
                              const std::vector<double>& w, size_t j) {
  size_t n = w.size();
  std::vector<Line1> lines;
  for (const std::vector<double>& s : scores) {
    double rest = 0;
    if (n == 1) {
      rest = s[j];  // a single objective always weighs 1: nothing moves
    } else if (w[j] < 1) {
      for (size_t k = 0; k < n; ++k) rest += k == j ? 0 : w[k] * s[k];
      rest /= 1 - w[j];
    } else {
      // Proportional rescaling of all-zero weights is undefined: the others
      // share what j gives up equally.
      for (size_t k = 0; k < n; ++k) rest += k == j ? 0 : s[k];
      rest /= static_cast<double>(n - 1);
    }
    lines.push_back({rest, s[j] - rest});
  }
  return lines;
}

// Scores this close count as tied: a difference of floating-point rounding,
// not of substance (the tornado breaks ties at the same nine decimals).
constexpr double kTie = 1e-9;

// Tightens [low, high] around t0 so that the order of x and y stays as it
// is at t0, where a tie is an order of its own: x ahead, tied, or y ahead.
// Records at each end it moves who gets strictly ahead of whom beyond it.
// Symmetric: swapping x and y gives the same ends and the same names.
void Constrain(const Line1& x, const Line1& y, const std::string& x_id, const std::string& y_id,
               double t0, StabilityEnd& low, StabilityEnd& high) {
  double slope = x.slope - y.slope;
  if (slope == 0) return;  // parallel: the order never changes (a tie stays a tie)
  double gap = x.intercept - y.intercept + slope * t0;  // S_x - S_y at t0
  // Above the end that moves, the steeper line is ahead; below, the other.
  const std::string& steeper = slope > 0 ? x_id : y_id;
  const std::string& flatter = slope > 0 ? y_id : x_id;
  if (std::fabs(gap) <= kTie) {
    // Tied now: any move separates them, so both ends are at t0 (unless t0
    // is 0 or 1, where that side has nowhere to go).
    if (t0 > low.t) low = {t0, flatter, steeper};
    if (t0 < high.t) high = {t0, steeper, flatter};
    return;
  }
  // They cross on the side where the gap shrinks, if it changes sign by the
  // end of [0, 1] on that side; a tie reached only at 0 or 1 changes nothing
  // (rounding puts such a crossing a hair inside).
  double crossing = t0 - gap / slope;
  bool below = (gap > 0) == (slope > 0);  // the gap shrinks as t goes down
  double at_end = below ? gap - slope * t0 : gap + slope * (1 - t0);
  if ((at_end > 0) == (gap > 0) || std::fabs(at_end) <= kTie) return;
  if (below && crossing > low.t) {
    low = {crossing, flatter, steeper};  // below it the flatter line is ahead
  } else if (!below && crossing < high.t) {
    high = {crossing, steeper, flatter};
  }
}

std::vector<size_t> Ranking(const std::vector<double>& scores) {
  std::vector<size_t> order(scores.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return scores[a] > scores[b]; });
  return order;
}

// Keeps the ends inside [0, t0] and [t0, 1]: a crossing computed in floating
// point may land a rounding error on the wrong side of t0 for tied scores.
void Clamp(double t0, StabilityEnd& low, StabilityEnd& high) {
  if (low.t > t0) low.t = t0;
  if (high.t < t0) high.t = t0;
}

}  // namespace

ObjectiveStability StabilityForObjective(const std::vector<std::vector<double>>& scores,
                                         const std::vector<std::string>& ids,
                                         const std::vector<double>& w, size_t j) {
  std::vector<Line1> lines = ScoreLines(scores, w, j);
  std::vector<double> now;
  for (const std::vector<double>& s : scores) now.push_back(detail::Dot(w, s));

  ObjectiveStability result;
  result.weight = w[j];
  result.top_low = result.rank_low = {0, "", ""};
  result.top_high = result.rank_high = {1, "", ""};
  if (w.size() == 1) result.top_low.t = result.rank_low.t = 1;
  // The top is every scenario tied with the best; it stays the top while
  // no pair with one of them changes order. Pairs in input order, so that
  // among ends at the same weight the first pair names it.
  double best = *std::max_element(now.begin(), now.end());
  for (size_t p = 0; p < now.size(); ++p) {
    for (size_t q = p + 1; q < now.size(); ++q) {
      if (now[p] >= best - kTie || now[q] >= best - kTie)
        Constrain(lines[p], lines[q], ids[p], ids[q], w[j], result.top_low, result.top_high);
      Constrain(lines[p], lines[q], ids[p], ids[q], w[j], result.rank_low, result.rank_high);
    }
  }
  Clamp(w[j], result.top_low, result.top_high);
  Clamp(w[j], result.rank_low, result.rank_high);
  return result;
}

std::optional<StabilityResult> Stability(const Model& model,
                                         const std::vector<ResolvedScenario>& scenarios,
                                         const std::vector<std::string>& weight_sets,
                                         Diagnostics& diags) {
  std::optional<std::vector<WeightSet>> sets = detail::PickWeightSets(model, weight_sets, diags);
  if (!sets) return std::nullopt;
  std::vector<std::vector<double>> scores = detail::ObjectiveScores(model, scenarios);
  std::vector<std::string> ids;
  for (const ResolvedScenario& r : scenarios) ids.push_back(r.id);

  StabilityResult result;
  result.title = model.title;
  for (const WeightSet& set : *sets) {
    WeightSetStability s;
    s.weight_set = set.name;
    std::vector<double> now;
    for (const std::vector<double>& row : scores) now.push_back(detail::Dot(set.weights, row));
    for (size_t i : Ranking(now)) {
      s.ranking.push_back(ids[i]);
      s.scores.push_back(now[i]);
      s.ranks.push_back(1 + static_cast<int>(std::count_if(now.begin(), now.end(), [&](double v) {
                          return v > now[i] + kTie;
                        })));
    }
    for (size_t j = 0; j < model.objectives.size(); ++j) {
      s.objectives.push_back(StabilityForObjective(scores, ids, set.weights, j));
      s.objectives.back().objective = model.objectives[j].id;
    }
    result.sets.push_back(std::move(s));
  }
  return result;
}

}  // namespace allot
