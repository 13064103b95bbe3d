// "What would it take": the nearest weights at which scenario B scores at
// least as much as scenario A. Nearest in L1 distance (the total weight
// moved, counted once where it leaves and once where it arrives) on the
// simplex (weights >= 0, summing to 1). Solved exactly as a linear program.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "allot/diagnostic.hpp"
#include "allot/model.hpp"
#include "allot/resolve.hpp"

namespace allot {

// Whether B can catch up with A by a change of weights.
enum class OvertakeStatus {
  kAlreadyWins,  // B scores at least as much as A at the current weights
  kFound,        // nearest weights found, distance > 0
  kImpossible,   // B scores less than A on every objective: no weights help
};

// One objective's weight before and after.
struct WeightChange {
  std::string objective;  // Objective::id
  double from = 0;        // the set's weight
  double to = 0;          // the nearest weight at which B catches up (scores the same as A)
  double change = 0;      // to - from
};

// The nearest weights (L1 distance) at which B scores at least as much as
// A, from one weight set's weights.
struct OvertakeResult {
  std::string title;
  std::string weight_set;
  std::string a, b;  // scenario ids
  OvertakeStatus status = OvertakeStatus::kImpossible;
  double score_a = 0, score_b = 0;          // at the set's weights
  double new_score_a = 0, new_score_b = 0;  // at the new weights (kFound, kAlreadyWins)
  double distance = 0;                      // L1 distance, in [0, 2]
  std::vector<WeightChange> weights;        // Model::objectives order
  std::vector<WeightChange> changes;        // the changed weights, largest |to - from| first
  // When the nearest weights are not unique (several weightings at the same
  // distance, e.g. when B ties A on two objectives and can only draw level
  // by putting all weight on them, in any split): `weights` is one end of
  // them and `other_weights` the other end (Model::objectives order), the
  // two with the most and the least of the weight that varies most; every
  // weighting in between is as near. Empty when the nearest is unique.
  std::vector<WeightChange> other_weights;
  double other_score_a = 0, other_score_b = 0;  // at other_weights
  bool unique() const { return other_weights.empty(); }
};

// The pure core: s_a, s_b are the two scenarios' objective scores, w0 the
// weights (sum 1). Returns the status, the nearest weights and the distance
// (objective names are left empty).
OvertakeResult NearestOvertake(const std::vector<double>& s_a, const std::vector<double>& s_b,
                               const std::vector<double>& w0);

// For scenarios `a` and `b` (ids among `scenarios`) and weight set
// `weight_set`. Unknown ids or set: diagnostics and nullopt.
std::optional<OvertakeResult> WhatItTakes(const Model& model,
                                          const std::vector<ResolvedScenario>& scenarios,
                                          const std::string& a, const std::string& b,
                                          const std::string& weight_set, Diagnostics& diags);

}  // namespace allot
