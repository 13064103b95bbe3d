#include "analyse/analysis_common.hpp"

#include "allot/evaluate.hpp"

namespace allot::detail {

std::optional<std::vector<WeightSet>> PickWeightSets(const Model& model,
                                                     const std::vector<std::string>& names,
                                                     Diagnostics& diags) {
  if (names.empty()) return model.weights;
  std::vector<std::string> known;
  for (const WeightSet& w : model.weights) known.push_back(w.name);
  std::vector<WeightSet> picked;
  bool ok = true;
  for (const std::string& name : names) {
    int index = model.WeightSetIndex(name);
    if (index >= 0) {
      picked.push_back(model.weights[static_cast<size_t>(index)]);
      continue;
    }
    AddError(
        diags, {},
        "--weights: unknown weight set '" + name + "'" + DidYouMean(ClosestMatch(name, known)));
    ok = false;
  }
  if (!ok) return std::nullopt;
  return picked;
}

const ResolvedScenario* FindScenario(const std::vector<ResolvedScenario>& scenarios,
                                     const std::string& id, const std::string& what,
                                     Diagnostics& diags) {
  for (const ResolvedScenario& r : scenarios) {
    if (r.id == id) return &r;
  }
  std::vector<std::string> known;
  for (const ResolvedScenario& r : scenarios) known.push_back(r.id);
  AddError(diags, {},
           what + ": unknown scenario '" + id + "'" + DidYouMean(ClosestMatch(id, known)));
  return nullptr;
}

std::vector<std::vector<double>> ObjectiveScores(const Model& model,
                                                 const std::vector<ResolvedScenario>& scenarios) {
  std::vector<std::vector<double>> scores;
  scores.reserve(scenarios.size());
  for (const ResolvedScenario& r : scenarios) scores.push_back(Evaluate(model, r).objectives);
  return scores;
}

double Dot(const std::vector<double>& w, const std::vector<double>& s) {
  double sum = 0;
  for (size_t k = 0; k < w.size(); ++k) sum += w[k] * s[k];
  return sum;
}

}  // namespace allot::detail
