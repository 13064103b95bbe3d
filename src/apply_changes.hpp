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

// Applies `scenario.changes` in order. Appends a diagnostic per failed
// change and returns false if any failed.
bool ApplyChanges(const Model& model, const Scenario& scenario, WorkingAllocation& work,
                  Diagnostics& diags);

}  // namespace allot::detail
