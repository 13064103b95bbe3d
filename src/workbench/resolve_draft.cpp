// Resolving a draft on top of its chain of bases only.
#include "workbench/resolve_draft.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>

namespace allot::detail {

std::unique_ptr<ResolvedDraft> ResolveDraft(const Model& model,
                                            const std::vector<Scenario>& scenarios,
                                            const Scenario& draft, Diagnostics& diags) {
  std::unordered_map<std::string, const Scenario*> by_id;
  for (const Scenario& s : scenarios) by_id.emplace(s.id, &s);
  auto resolved = std::make_unique<ResolvedDraft>();
  std::set<std::string> seen;
  for (const Scenario* s = &draft; s->base && *s->base != kModelScenarioId;) {
    auto it = by_id.find(*s->base);
    // An unknown base or a cycle is reported by ResolveScenarios.
    if (it == by_id.end() || !seen.insert(it->first).second) break;
    s = it->second;
    resolved->chain.push_back(*s);
  }
  std::reverse(resolved->chain.begin(), resolved->chain.end());
  resolved->chain.push_back(draft);
  size_t errors = diags.size();
  resolved->all = ResolveScenarios(model, resolved->chain, diags);
  if (diags.size() != errors || resolved->all.back().scenario != &resolved->chain.back()) {
    return nullptr;
  }
  return resolved;
}

}  // namespace allot::detail
