// What each figure of a compared scenario rests on (internal): the rules
// of ScenarioBasis (allot/compare.hpp), for Compare.
#pragma once

#include <vector>

#include "allot/compare.hpp"

namespace allot::detail {

// The levels of the figures that depend on this scenario alone: totals,
// objective and weighted scores, cost per point, motions. `sets` are the
// selected weight sets, as in CompareResult::weight_sets.
ScenarioBasis OwnBasis(const Model& model, const ResolvedScenario& scenario,
                       const std::vector<WeightSet>& sets);

// The levels of the figures that depend on other scenarios too: each rank
// (on every scenario's weighted score) and each change against
// `scenarios[baseline]`. Precondition: every OwnBasis is filled in.
void FillComparedBasis(std::vector<ScenarioResult>& scenarios, size_t baseline);

}  // namespace allot::detail
