#include "report/notes.hpp"

#include "render/number.hpp"
#include "render/text.hpp"

namespace allot::detail {

std::string SmaaNote(const SmaaHeader& run, const Words& l) {
  return std::string(l(Key::kReportSmaaNote)) + ": " + std::to_string(run.samples) + " \u00d7, " +
         l(Key::kReportWeights) + " " + run.weights + ", " +
         (run.effects == "fixed" ? l(Key::kReportEffectsFixed) : l(Key::kReportEffectsUncertain)) +
         ", seed " + std::to_string(run.seed) + ". \u00b1 = 95%.";
}

std::string BaseGapNote(const TornadoResult& t, Lang lang, const Words& l) {
  return std::string(l(Key::kReportBaseGap)) + " (" + t.a + " \u2212 " + t.b + ", " + t.weight_set +
         "): " + Decimal(t.base_gap, 2, lang);
}

std::string FrontierNote(const FrontierReport& f, const std::string& base, const Words& l) {
  return std::string(l(Key::kReportFrontierBudgets)) + " '" + base + "'; " +
         l(Key::kReportWeights) + " " + f.weights_label + ".";
}

}  // namespace allot::detail
