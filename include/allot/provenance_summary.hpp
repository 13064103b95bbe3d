// How much of what an output shows rests on estimates: the counts behind
// the one-line caveat every command's output carries (docs/output.md,
// "What the figures rest on").
#pragma once

#include <string>
#include <vector>

#include "allot/model.hpp"
#include "allot/resolve.hpp"

namespace allot {

struct ProvenanceCounts {
  // Lines shown (by id, over every scenario given; the model's and added
  // ones), and how many of them have an amount that rests on an estimate
  // (assumed or a judgement) in at least one scenario, or, estimated in
  // none, state nothing in at least one.
  int lines = 0;
  int lines_estimated = 0;
  int lines_unstated = 0;
  // The same for the model's own lines, as the model states them (whatever
  // the scenarios do to them).
  int model_lines = 0;
  int model_lines_estimated = 0;
  int model_lines_unstated = 0;
  // How many scenarios were counted, and whether the model alone was.
  int scenarios = 0;
  bool only_model = false;
  // Effect curves of those lines, and weight sets of the model: how many
  // are estimates (judgement or assumed), and how many state nothing.
  int effects = 0;
  int effects_estimated = 0;
  int effects_unstated = 0;
  int weight_sets = 0;
  int weight_sets_estimated = 0;
  int weight_sets_unstated = 0;
};

// Counts over the scenarios in `resolved` (those whose figures an output
// shows; the model among them as the scenario `model` when it is shown), and
// over the model's own lines.
ProvenanceCounts CountProvenance(const Model& model, const std::vector<ResolvedScenario>& resolved);

// As above, over the scenarios of `resolved` whose id is in `shown` (each
// once, in the order of `resolved`); every one when `shown` is empty.
ProvenanceCounts CountProvenance(const Model& model, const std::vector<ResolvedScenario>& resolved,
                                 const std::vector<std::string>& shown);

}  // namespace allot
