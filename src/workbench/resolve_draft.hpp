// Resolving a draft on top of its chain of bases only (internal to
// src/workbench/): a slider step should not resolve every loaded scenario
// again.
#pragma once

#include <memory>
#include <vector>

#include "allot/diagnostic.hpp"
#include "allot/model.hpp"
#include "allot/resolve.hpp"
#include "allot/scenario.hpp"

namespace allot::detail {

// A draft resolved on top of its base chain. The resolved lines point into
// `chain` and the model, so this is kept behind a pointer and never copied.
struct ResolvedDraft {
  std::vector<Scenario> chain;        // the bases, deepest first, then the draft
  std::vector<ResolvedScenario> all;  // the model, the bases, the draft
  const ResolvedScenario& draft() const { return all.back(); }
};

// Resolves `draft` with the bases it names from `scenarios` (only those).
// nullptr with diagnostics when it does not resolve.
std::unique_ptr<ResolvedDraft> ResolveDraft(const Model& model,
                                            const std::vector<Scenario>& scenarios,
                                            const Scenario& draft, Diagnostics& diags);

}  // namespace allot::detail
