// Tornado: which single uncertainty moves the gap between two scenarios
// most. One at a time, each uncertain effect parameter at its low and its
// high value (all others at likely), and each non-zero weight 25% lower and
// higher (then renormalised); the gap S_A - S_B under each, against the base
// case, sorted by the size of the swing.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "allot/diagnostic.hpp"
#include "allot/model.hpp"
#include "allot/render.hpp"
#include "allot/resolve.hpp"

namespace allot {

enum class TornadoFactorKind { kEffect, kWeight };

struct TornadoBar {
  TornadoFactorKind kind = TornadoFactorKind::kEffect;
  std::string factor;  // "line: objective field", e.g. "informatiepunt: information points",
                       // or the objective id for a weight
  double low_value =
      0;  // the parameter's low; for a weight, its value after -25% and renormalising
  double high_value = 0;   // the parameter's high; for a weight, after +25%
  double gap_low = 0;      // S_A - S_B with the factor at low
  double gap_high = 0;     // S_A - S_B with the factor at high
  double change_low = 0;   // gap_low - base_gap
  double change_high = 0;  // gap_high - base_gap
  double swing = 0;        // |gap_high - gap_low|
};

struct TornadoResult {
  std::string title;
  std::string weight_set;
  std::string a, b;
  double base_gap = 0;           // S_A - S_B with every parameter at likely
  std::vector<TornadoBar> bars;  // largest swing first; ties by factor
};

// Tornado for scenarios `a` and `b` under `weight_set`. The uncertain
// parameters are those (uncertain = true) of every line either scenario
// has, model lines and added lines alike; a model line's parameter moves in
// both scenarios at once. Unknown ids or set: diagnostics and nullopt.
std::optional<TornadoResult> Tornado(const Model& model,
                                     const std::vector<ResolvedScenario>& scenarios,
                                     const std::string& a, const std::string& b,
                                     const std::string& weight_set, Diagnostics& diags);

// Writes the result as table, csv, json or md; `lang` sets the labels and
// number formats of table and md (csv and json are for programs).
void RenderTornado(const TornadoResult& result, OutputFormat format, Lang lang, std::ostream& out);

}  // namespace allot
