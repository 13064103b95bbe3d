// What the workbench page shows, as JSON (internal to src/workbench/):
// every figure both as a value and as text formatted by allot's own
// formatters in the page's language, so the page never formats or
// computes a number itself.
#pragma once

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

// The set compared with the draft in it. `resolved` is what `result` was
// computed from (same order); `draft_id` names the draft among them.
Json CompareView(const Model& model, const CompareResult& result,
                 const std::vector<ResolvedScenario>& resolved, const std::string& draft_id,
                 Lang lang);

// The model and the scenarios a draft can start from.
Json DescribeView(const Model& model, const std::vector<Scenario>& scenarios);

}  // namespace allot::detail
