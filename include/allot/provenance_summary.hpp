// How much of what an output shows rests on estimates: the counts behind
// the one-line caveat every command's output carries (docs/output.md,
// "What the figures rest on").
#pragma once

#include <vector>

#include "allot/model.hpp"
#include "allot/resolve.hpp"

namespace allot {

struct ProvenanceCounts {
  // Lines shown (by id, over every scenario given; the model's and added
  // ones), and how many of them have amounts that rest on an estimate
  // (assumed or a judgement) in at least one scenario, or state nothing.
  int lines = 0;
  int lines_estimated = 0;
  int lines_unstated = 0;
  // Effect curves of those lines, and weight sets of the model: how many
  // are estimates (judgement or assumed), and how many state nothing.
  int effects = 0;
  int effects_estimated = 0;
  int effects_unstated = 0;
  int weight_sets = 0;
  int weight_sets_estimated = 0;
  int weight_sets_unstated = 0;
};

ProvenanceCounts CountProvenance(const Model& model, const std::vector<ResolvedScenario>& resolved);

}  // namespace allot
