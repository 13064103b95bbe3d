#include "allot/evaluate.hpp"

#include <algorithm>
#include <numeric>
#include <string>
#include <unordered_map>

#include "evaluate/line_order.hpp"

namespace allot {

using detail::IndexById;
using detail::LineTotal;
using detail::OrderById;

namespace {

double Euros(Money m) { return static_cast<double>(m.cents()) / 100.0; }

double TableValue(const std::vector<TablePoint>& table, double x, ParamPick pick) {
  double x0 = 0;
  double v0 = 0;
  for (const TablePoint& point : table) {
    double x1 = Euros(point.x);
    double v1 = Pick(point.value, pick);
    if (x <= x1) return v0 + (v1 - v0) * (x - x0) / (x1 - x0);
    x0 = x1;
    v0 = v1;
  }
  return v0;  // flat after the last point
}

}  // namespace

double CurveValue(const Curve& curve, Money total, ParamPick pick) {
  if (curve.threshold && total < *curve.threshold) return 0;
  double x = Euros(total);
  switch (curve.kind) {
    case CurveKind::kLinear:
      return Pick(curve.points, pick) * x / Euros(curve.per);
    case CurveKind::kSaturating:
      return Pick(curve.max, pick) * x / (x + Pick(curve.half, pick));
    case CurveKind::kTable:
      return TableValue(curve.table, x, pick);
  }
  return 0;
}

Evaluation Evaluate(const Model& model, const ResolvedScenario& scenario, ParamPick pick) {
  Evaluation e;
  e.uncapped.assign(model.objectives.size(), 0.0);
  std::unordered_map<std::string, size_t> objective_index = IndexById(model.objectives);
  for (size_t index : OrderById(scenario.lines)) {
    const ResolvedLine& line = scenario.lines[index];
    Money total = LineTotal(line);
    for (const Effect& effect : line.def->effects) {
      size_t j = objective_index.at(effect.objective);
      e.uncapped[j] += CurveValue(effect.curve, total, pick);
    }
  }
  e.objectives.resize(e.uncapped.size());
  std::transform(e.uncapped.begin(), e.uncapped.end(), e.objectives.begin(),
                 [](double v) { return std::min(100.0, v); });
  return e;
}

double WeightedScore(const WeightSet& weights, const std::vector<double>& objectives) {
  double score = 0;
  for (size_t j = 0; j < objectives.size(); ++j) score += weights.weights[j] * objectives[j];
  return score;
}

std::vector<Money> MotionSpend(const Model& model, const ResolvedScenario& scenario) {
  std::vector<Money> spend(model.motions.size());
  std::unordered_map<std::string, size_t> motion_index = IndexById(model.motions);
  for (const ResolvedLine& line : scenario.lines) {
    if (line.def->motions.empty()) continue;
    Money total = LineTotal(line);
    for (const std::string& motion : line.def->motions) {
      spend[motion_index.at(motion)] += total;
    }
  }
  return spend;
}

std::vector<bool> MotionsFunded(const Model& model, const ResolvedScenario& scenario) {
  std::vector<Money> spend = MotionSpend(model, scenario);
  std::vector<bool> funded(spend.size());
  for (size_t m = 0; m < spend.size(); ++m) {
    const std::optional<Money>& minimum = model.motions[m].min_spend;
    funded[m] = minimum ? spend[m] >= *minimum && !spend[m].IsZero() : !spend[m].IsZero();
  }
  return funded;
}

}  // namespace allot
