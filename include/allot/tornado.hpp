// Tornado: which single uncertainty moves the gap between two scenarios
// most. One at a time, each uncertain effect parameter at the 10th and 90th
// percentile of its triangular distribution [low, likely, high] (or, on
// request, at low and high themselves), all others at likely, and each
// non-zero weight 25% lower and higher (then renormalised); the gap
// S_A - S_B under each, against the base case, sorted by the size of the
// swing. Every bar says which range it spans: effects at their extremes
// would swing far more than weights moved by a quarter, and bars of
// different ranges are not comparable without saying so.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "allot/diagnostic.hpp"
#include "allot/model.hpp"
#include "allot/resolve.hpp"

namespace allot {

// What a tornado bar varies: an uncertain effect parameter or a weight.
enum class TornadoFactorKind { kEffect, kWeight };

// The range a bar spans.
enum class TornadoRange {
  kP10P90,    // an effect parameter from its 10th to its 90th percentile (the default)
  kLowHigh,   // an effect parameter from low to high: the triangle's extremes
  kWeight25,  // a weight 25% lower and higher, then all renormalised
};

// The value below which a share `p` (0..1) of the triangular distribution
// [low, likely, high] lies: the inverse of its CDF (exact parameters give
// their value).
double TriangularQuantile(const Param& param, double p);

// One factor moved to each end, the others at likely: how the gap S_A - S_B
// (weighted points) moves.
struct TornadoBar {
  TornadoFactorKind kind = TornadoFactorKind::kEffect;
  TornadoRange range = TornadoRange::kP10P90;
  std::string factor;  // "line: objective field", e.g. "informatiepunt: information points",
                       // or the objective id for a weight
  // The parameter at the low end (its 10th percentile, or low); for a
  // weight, its value after -25% and renormalising.
  double low_value = 0;
  double high_value = 0;   // the parameter's 90th percentile or high; a weight after +25%
  double gap_low = 0;      // S_A - S_B with the factor at low
  double gap_high = 0;     // S_A - S_B with the factor at high
  double change_low = 0;   // gap_low - base_gap
  double change_high = 0;  // gap_high - base_gap
  double swing = 0;        // |gap_high - gap_low|
};

// Every factor's bar for scenarios A and B under one weight set.
struct TornadoResult {
  std::string title;
  std::string weight_set;
  std::string a, b;
  TornadoRange effect_range = TornadoRange::kP10P90;  // the range of every effect bar
  double base_gap = 0;                                // S_A - S_B with every parameter at likely
  std::vector<TornadoBar> bars;                       // largest swing first; ties by factor
};

// Tornado for scenarios `a` and `b` under `weight_set`. The uncertain
// parameters are those (uncertain = true) of every line either scenario
// has, model lines and added lines alike; a model line's parameter moves in
// both scenarios at once. `effect_range` is kP10P90 or kLowHigh. Unknown
// ids or set: diagnostics and nullopt.
std::optional<TornadoResult> Tornado(const Model& model,
                                     const std::vector<ResolvedScenario>& scenarios,
                                     const std::string& a, const std::string& b,
                                     const std::string& weight_set, Diagnostics& diags,
                                     TornadoRange effect_range = TornadoRange::kP10P90);

}  // namespace allot
