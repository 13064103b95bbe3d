// Evaluation: an allocation becomes a score per objective.
#pragma once

#include <vector>

#include "allot/model.hpp"
#include "allot/money.hpp"
#include "allot/resolve.hpp"

namespace allot {

// Which value of a [low, likely, high] parameter to use.
enum class ParamPick { kLow, kLikely, kHigh };

inline double Pick(const Param& p, ParamPick pick) {
  return pick == ParamPick::kLow ? p.low : pick == ParamPick::kHigh ? p.high : p.likely;
}

// Points a curve gives at a total spend of `total` (all years together).
// Below the threshold the value is 0.
double CurveValue(const Curve& curve, Money total, ParamPick pick = ParamPick::kLikely);

// The scores of one allocation, per objective (Model::objectives order), in
// points: uncapped sums, and the capped scores (0 to 100) everything uses.
struct Evaluation {
  std::vector<double> uncapped;    // sum over lines of v_lj, per objective
  std::vector<double> objectives;  // s_j = min(100, uncapped_j)
};

// Scores an allocation. Line contributions are summed in order of line id,
// so the result does not depend on the order of lines in the files.
Evaluation Evaluate(const Model& model, const ResolvedScenario& scenario,
                    ParamPick pick = ParamPick::kLikely);

// S_w = sum_j w_j s_j, with w as stored in WeightSet (normalised).
double WeightedScore(const WeightSet& weights, const std::vector<double>& objectives);

// Per motion (Model::motions order): whether the lines naming it spend at
// least its min_spend (or anything, when it has none).
std::vector<bool> MotionsFunded(const Model& model, const ResolvedScenario& scenario);

// Spend on the lines naming each motion, Model::motions order.
std::vector<Money> MotionSpend(const Model& model, const ResolvedScenario& scenario);

}  // namespace allot
