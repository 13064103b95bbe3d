// Weight stability intervals. While objective j weighs t, scenario i scores
// S_i(t) = R_i + t (s_ij - R_i), with R_i its score on the other objectives
// at their rescaled weights: a line in t. The order of two scenarios changes
// only where their lines cross, at t = -a / b for D(t) = a + b t, so every
// boundary is one division, not a sweep.
#include "allot/stability.hpp"

#include <algorithm>
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

// Tightens [low, high] around t0 so that `above` keeps scoring at least as
// much as `below`; records who overtakes at the end it moves.
void Constrain(const Line1& above, const Line1& below, const std::string& above_id,
               const std::string& below_id, StabilityEnd& low, StabilityEnd& high) {
  double a = above.intercept - below.intercept;
  double b = above.slope - below.slope;
  if (b == 0) return;  // parallel: the order never changes
  double crossing = -a / b;
  if (b > 0 && crossing > low.t) {
    low = {crossing, below_id, above_id};
  } else if (b < 0 && crossing < high.t) {
    high = {crossing, below_id, above_id};
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
  std::vector<size_t> order = Ranking(now);

  ObjectiveStability result;
  result.weight = w[j];
  result.top_low = result.rank_low = {0, "", ""};
  result.top_high = result.rank_high = {1, "", ""};
  if (w.size() == 1) result.top_low.t = result.rank_low.t = 1;
  for (size_t p = 0; p < order.size(); ++p) {
    for (size_t q = p + 1; q < order.size(); ++q) {
      const Line1& above = lines[order[p]];
      const Line1& below = lines[order[q]];
      if (p == 0)
        Constrain(above, below, ids[order[p]], ids[order[q]], result.top_low, result.top_high);
      Constrain(above, below, ids[order[p]], ids[order[q]], result.rank_low, result.rank_high);
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
