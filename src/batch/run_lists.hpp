// The lists an entry of a batch file is run over, as its runs count them
// (internal to src/batch/): the one place that says an empty list of
// models, scenario sets or weights is one run with the default.
#pragma once

#include <array>
#include <cstdint>

#include "allot/batch.hpp"

namespace allot::detail {

// One list of an entry: its key in RUNS.yaml and how many runs it makes.
struct RunList {
  const char* key;
  uint64_t runs;
};

// models, scenarios, weights and seeds, in ForEachBatchRun's nesting order
// (seeds innermost). An empty models, scenarios or weights list counts as 1:
// its run uses the default (the shipped model, the default scenarios, all
// weight sets or uniform); `seeds: []` counts as 0 and runs nothing. An
// entry makes the product of the four.
std::array<RunList, 4> RunLists(const BatchEntry& entry);

}  // namespace allot::detail
