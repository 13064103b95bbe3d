#include "allot/compare.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <functional>
#include <utility>

#include "allot/evaluate.hpp"
#include "evaluate/figure_basis.hpp"

namespace allot {

std::vector<int> RankDescending(const std::vector<double>& scores) {
  std::vector<double> sorted = scores;
  std::sort(sorted.begin(), sorted.end(), std::greater<double>());
  std::vector<int> ranks(scores.size());
  for (size_t i = 0; i < scores.size(); ++i) {
    // 1 + the number of strictly better scores: ties share the better rank.
    auto better = std::lower_bound(sorted.begin(), sorted.end(), scores[i], std::greater<double>());
    ranks[i] = 1 + static_cast<int>(better - sorted.begin());
  }
  return ranks;
}

namespace {

std::optional<std::vector<WeightSet>> SelectWeightSets(const Model& model,
                                                       const CompareOptions& options,
                                                       Diagnostics& diags) {
  if (options.weight_sets.empty()) return model.weights;
  std::vector<WeightSet> selected;
  std::vector<std::string> names;
  for (const WeightSet& w : model.weights) names.push_back(w.name);
  bool ok = true;
  for (const std::string& name : options.weight_sets) {
    int index = model.WeightSetIndex(name);
    if (index >= 0) {
      selected.push_back(model.weights[static_cast<size_t>(index)]);
      continue;
    }
    AddError(
        diags, {},
        "--weights: unknown weight set '" + name + "'" + DidYouMean(ClosestMatch(name, names)));
    ok = false;
  }
  if (!ok) return std::nullopt;
  return selected;
}

ScenarioResult Allocation(const ResolvedScenario& r) {
  ScenarioResult s;
  s.id = r.id;
  s.name = r.name;
  s.illustrative = r.illustrative;
  s.total = r.total;
  s.by_year = r.by_year;
  s.lines.reserve(r.lines.size());
  for (const ResolvedLine& line : r.lines) {
    LineAllocation a;
    a.id = line.def->id;
    a.by_year = line.by_year;
    a.illustrative = line.illustrative;
    if (line.year_provenance != nullptr) a.year_basis = line.year_provenance->level;
    if (line.total_provenance != nullptr) a.total_basis = line.total_provenance->level;
    s.lines.push_back(std::move(a));
  }
  return s;
}

// Total money per weighted point, rounded to the cent.
std::optional<Money> CostPerPoint(Money total, double weighted) {
  if (!(weighted > 0)) return std::nullopt;
  double cents = std::round(static_cast<double>(total.cents()) / weighted);
  if (!(cents < 9.2e18)) return std::nullopt;
  return Money::FromCents(static_cast<int64_t>(cents));
}

void FillDeltas(CompareResult& result, size_t baseline) {
  const ScenarioResult base = result.scenarios[baseline];
  for (ScenarioResult& s : result.scenarios) {
    // Differences of validated non-negative totals cannot overflow.
    s.delta_total = s.total - base.total;
    s.delta_by_year.resize(s.by_year.size());
    for (size_t y = 0; y < s.by_year.size(); ++y)
      s.delta_by_year[y] = s.by_year[y] - base.by_year[y];
    s.delta_weighted.resize(s.weighted.size());
    for (size_t w = 0; w < s.weighted.size(); ++w) {
      s.delta_weighted[w] = s.weighted[w] - base.weighted[w];
    }
  }
}

}  // namespace

std::optional<CompareResult> Compare(const Model& model,
                                     const std::vector<ResolvedScenario>& scenarios,
                                     const CompareOptions& options, Diagnostics& diags) {
  std::optional<std::vector<WeightSet>> sets = SelectWeightSets(model, options, diags);
  auto baseline = std::find_if(scenarios.begin(), scenarios.end(),
                               [&](const ResolvedScenario& r) { return r.id == options.baseline; });
  if (baseline == scenarios.end()) {
    AddError(diags, {}, "--baseline: unknown scenario '" + options.baseline + "'");
  }
  if (!sets || baseline == scenarios.end()) return std::nullopt;

  CompareResult result;
  result.title = model.title;
  result.currency = model.currency;
  result.years = model.years;
  result.objectives = model.objectives;
  result.weight_sets = *sets;
  result.motions = model.motions;
  result.baseline = options.baseline;

  // Scores: one row per scenario, one column per objective; weighted scores
  // for every set at once as a matrix product.
  const auto n = static_cast<Eigen::Index>(scenarios.size());
  const auto objectives = static_cast<Eigen::Index>(model.objectives.size());
  const auto set_count = static_cast<Eigen::Index>(sets->size());
  Eigen::MatrixXd scores(n, objectives);
  Eigen::MatrixXd weights(objectives, set_count);
  for (Eigen::Index w = 0; w < set_count; ++w) {
    for (Eigen::Index j = 0; j < objectives; ++j) {
      weights(j, w) = (*sets)[static_cast<size_t>(w)].weights[static_cast<size_t>(j)];
    }
  }
  for (Eigen::Index i = 0; i < n; ++i) {
    const ResolvedScenario& r = scenarios[static_cast<size_t>(i)];
    ScenarioResult s = Allocation(r);
    s.objectives = Evaluate(model, r).objectives;
    s.motions_funded = MotionsFunded(model, r);
    s.basis = detail::OwnBasis(model, r, *sets);
    for (Eigen::Index j = 0; j < objectives; ++j)
      scores(i, j) = s.objectives[static_cast<size_t>(j)];
    result.scenarios.push_back(std::move(s));
  }
  Eigen::MatrixXd weighted = scores * weights;

  for (Eigen::Index w = 0; w < set_count; ++w) {
    std::vector<double> column(static_cast<size_t>(n));
    for (Eigen::Index i = 0; i < n; ++i) column[static_cast<size_t>(i)] = weighted(i, w);
    std::vector<int> ranks = RankDescending(column);
    for (size_t i = 0; i < column.size(); ++i) {
      ScenarioResult& s = result.scenarios[i];
      s.weighted.push_back(column[i]);
      s.rank.push_back(ranks[i]);
      s.cost_per_point.push_back(CostPerPoint(s.total, column[i]));
    }
  }
  FillDeltas(result, static_cast<size_t>(baseline - scenarios.begin()));
  detail::FillComparedBasis(result.scenarios, static_cast<size_t>(baseline - scenarios.begin()));
  return result;
}

}  // namespace allot
