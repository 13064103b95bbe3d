#include "report/notes.hpp"

#include "render/text.hpp"

namespace allot::detail {

std::string SmaaNote(const SmaaHeader& run, const ReportLabels& l) {
  return std::string(l.smaa_note) + ": " + std::to_string(run.samples) + " \u00d7, " + l.weights +
         " " + run.weights + ", " +
         (run.effects == "fixed" ? l.effects_fixed : l.effects_uncertain) + ", seed " +
         std::to_string(run.seed) + ". \u00b1 = 95%.";
}

std::string BaseGapNote(const TornadoResult& t, Lang lang, const ReportLabels& l) {
  return std::string(l.base_gap) + " (" + t.a + " \u2212 " + t.b + ", " + t.weight_set +
         "): " + FormatScore(t.base_gap, 2, lang);
}

std::string FrontierNote(const FrontierReport& f, const std::string& base, const ReportLabels& l) {
  return std::string(l.frontier_budgets) + " '" + base + "'; " + l.weights + " " + f.weights_label +
         ".";
}

}  // namespace allot::detail
