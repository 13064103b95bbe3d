// What the workbench page shows, as JSON (internal to src/workbench/):
// every figure both as a value and as text formatted by allot's own
// formatters in the page's language, so the page never formats or
// computes a number itself.
#pragma once

#include <string>
#include <unordered_set>
#include <vector>

#include "allot/compare.hpp"
#include "allot/model.hpp"
#include "allot/money.hpp"
#include "allot/resolve.hpp"
#include "allot/scenario.hpp"
#include "workbench/request.hpp"

namespace allot::detail {

// The draft itself: its file text, its header fields, its changes counted.
Json DraftJson(const Scenario& draft, const std::string& yaml);

// Which lines a view lists: all of them (the first view, after any edit
// that adds, drops or moves across lines), or only some (a slider step
// changes one or two lines, and a model of thousands of lines should not
// be sent again for it).
struct LineSelection {
  bool all = true;
  std::unordered_set<std::string> ids;  // when !all
  bool Has(const std::string& id) const { return all || ids.count(id) > 0; }
};

// The set compared with the draft in it. `resolved` is what `result` was
// computed from (same order); `draft_id` names the draft among them.
Json CompareView(const Model& model, const CompareResult& result,
                 const std::vector<ResolvedScenario>& resolved, const std::string& draft_id,
                 const LineSelection& lines, Lang lang);

// The model and the scenarios a draft can start from.
Json DescribeView(const Model& model, const std::vector<Scenario>& scenarios);

}  // namespace allot::detail
