// Weight stability intervals: how far one objective's weight can move
// (the others rescaled in proportion) before the top scenario, or the whole
// ranking, changes. Exact: a weighted score is linear in the weights, so
// every boundary is the solution of a linear equation.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "allot/diagnostic.hpp"
#include "allot/model.hpp"
#include "allot/resolve.hpp"

namespace allot {

// One end of an interval of the weight t of objective j, in [0, 1].
// Scores within 1e-9 points count as tied, and a tie is an order of its
// own: two scenarios tied at the set's weights separate as soon as t moves
// (unless they score the same on every objective), so both ends of the
// interval are at the current weight, and each end names the scenario that
// gets ahead on that side. The rule does not depend on the input order.
struct StabilityEnd {
  double t = 0;  // the weight at which the interval ends
  std::string
      overtaker;  // the scenario that gets strictly ahead beyond it; "" = none (t is 0 or 1)
  std::string overtaken;  // the scenario it gets ahead of, having scored more or the same
};

// For one objective of one weight set. While objective j weighs t, every
// other objective k weighs w_k (1 - t) / (1 - w_j); when w_j = 1 the others
// share 1 - t equally.
struct ObjectiveStability {
  std::string objective;             // Objective::id
  double weight = 0;                 // the set's current w_j
  StabilityEnd top_low, top_high;    // the top scenario stays on top in [low, high]
  StabilityEnd rank_low, rank_high;  // the whole ranking stays the same in [low, high]
};

// The ranking under one weight set, and how far each objective's weight can
// move before it changes.
struct WeightSetStability {
  std::string weight_set;
  std::vector<std::string> ranking;  // scenario ids, best first (ties: input order)
  std::vector<double> scores;        // weighted score, in `ranking` order
  std::vector<int> ranks;  // in `ranking` order: 1 + the number scoring more; ties share a rank
  std::vector<ObjectiveStability> objectives;  // Model::objectives order
};

// Weight stability of every objective under every weight set asked for.
struct StabilityResult {
  std::string title;
  std::vector<WeightSetStability> sets;  // in the order asked
};

// The pure core: scores[i][k] is scenario i's score on objective k, w the
// weights (sum 1). Boundaries for objective j; ids names the scenarios.
ObjectiveStability StabilityForObjective(const std::vector<std::vector<double>>& scores,
                                         const std::vector<std::string>& ids,
                                         const std::vector<double>& w, size_t j);

// Stability of every objective under each named weight set (empty = all,
// model order). An unknown weight set is a diagnostic and yields nullopt.
std::optional<StabilityResult> Stability(const Model& model,
                                         const std::vector<ResolvedScenario>& scenarios,
                                         const std::vector<std::string>& weight_sets,
                                         Diagnostics& diags);

}  // namespace allot
