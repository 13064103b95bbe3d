#include "analyse/analysis_common.hpp"

#include <algorithm>
#include <cstdio>

#include "allot/evaluate.hpp"
#include "core/finite_output.hpp"
#include "render/analysis_output.hpp"

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

std::string Fixed(double value, int decimals) {
  CheckFinite(value);
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  std::string text = buffer;
  if (text.find_first_not_of("-0.") == std::string::npos && text[0] == '-') text.erase(0, 1);
  return text;
}

namespace {

// Dutch writes a decimal comma; the numbers here have no thousands separator.
std::string InNotation(std::string text, Lang lang) {
  if (lang == Lang::kNl) std::replace(text.begin(), text.end(), '.', ',');
  return text;
}

}  // namespace

std::string Fixed(double value, int decimals, Lang lang, bool sign) {
  std::string text = Fixed(value, decimals);
  if (sign && value > 0) text.insert(0, "+");  // as before --lang: "+0.000" for tiny gains
  return InNotation(text, lang);
}

std::string Number(double value, Lang lang) { return InNotation(CsvNumber(value), lang); }

}  // namespace allot::detail
