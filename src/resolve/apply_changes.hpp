// Applying one scenario's changes to its base allocation (internal).
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "allot/diagnostic.hpp"
#include "allot/model.hpp"
#include "allot/resolve.hpp"
#include "allot/scenario.hpp"

namespace allot::detail {

// An allocation being built: lines plus an index by id. Removed lines keep
// their slot (def == nullptr) until Compact(), so indexes stay valid.
struct WorkingAllocation {
  std::vector<ResolvedLine> lines;
  std::unordered_map<std::string, size_t> index;

  static WorkingAllocation FromLines(const std::vector<ResolvedLine>& lines);
  ResolvedLine* Find(const std::string& id);
  std::vector<ResolvedLine> Compact() &&;
};

// "Did you mean" costs a search over every candidate id; past this many
// diagnostics in a run it is left out, so that 10,000 scenarios each naming
// an unknown line in a model of 100,000 lines stay linear, not 10^9 steps.
inline constexpr size_t kMaxHintedErrors = 100;

// Applies `scenario.changes` in order. Appends a diagnostic per failed
// change and returns false if any failed.
bool ApplyChanges(const Model& model, const Scenario& scenario, WorkingAllocation& work,
                  Diagnostics& diags);

}  // namespace allot::detail
