// Small helpers of the renderers (internal).
#pragma once

#include <string>
#include <vector>

#include "allot/compare.hpp"

namespace allot::detail {

// The ids of the motions a scenario leaves unfunded, in model order.
std::vector<std::string> UnfundedMotions(const CompareResult& result, const ScenarioResult& s);

// `parts` with `separator` between them: "a, b, c".
std::string Joined(const std::vector<std::string>& parts, const std::string& separator = ", ");

}  // namespace allot::detail
