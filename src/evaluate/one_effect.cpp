#include "evaluate/one_effect.hpp"

#include <algorithm>

#include "evaluate/line_order.hpp"

namespace allot::detail {

OneEffectEvaluator::OneEffectEvaluator(const Model& model, const ResolvedScenario& scenario)
    : terms_(model.objectives.size()),
      before_(model.objectives.size()),
      uncapped_(model.objectives.size(), 0.0) {
  std::unordered_map<std::string, size_t> objective_index = IndexById(model.objectives);
  // The same loop as Evaluate, remembering each term and where it went.
  for (size_t index : OrderById(scenario.lines)) {
    const ResolvedLine& line = scenario.lines[index];
    Money total = LineTotal(line);
    for (size_t e = 0; e < line.def->effects.size(); ++e) {
      const Effect& effect = line.def->effects[e];
      size_t j = objective_index.at(effect.objective);
      double term = CurveValue(effect.curve, total);
      EffectTerms& where = where_[EffectKey{line.def, e}];
      where.objective = j;
      where.occurrences.push_back({terms_[j].size(), total});
      before_[j].push_back(uncapped_[j]);
      terms_[j].push_back(term);
      uncapped_[j] += term;
    }
  }
  capped_.resize(uncapped_.size());
  std::transform(uncapped_.begin(), uncapped_.end(), capped_.begin(),
                 [](double v) { return std::min(100.0, v); });
}

std::vector<double> OneEffectEvaluator::ObjectivesWith(const Line* line, size_t effect,
                                                       const Curve& moved) const {
  std::vector<double> capped = capped_;
  auto found = where_.find(EffectKey{line, effect});
  if (found == where_.end()) return capped;
  const EffectTerms& where = found->second;
  const std::vector<double>& terms = terms_[where.objective];
  auto next = where.occurrences.begin();
  size_t first = next->term;
  double sum = before_[where.objective][first];
  for (size_t k = first; k < terms.size(); ++k) {
    if (next != where.occurrences.end() && next->term == k) {
      sum += CurveValue(moved, next->total);
      ++next;
    } else {
      sum += terms[k];
    }
  }
  capped[where.objective] = std::min(100.0, sum);
  return capped;
}

}  // namespace allot::detail
