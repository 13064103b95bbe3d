// A line's `levels:` (internal): named alternative budget profiles that
// optimise and frontier choose between.
#pragma once

#include <vector>

#include "allot/model.hpp"
#include "load/common.hpp"

namespace allot::detail {

// `levels: [{name: basic, budget: {2024: ...}}, ...]`: at least one level,
// names unique within the line, budgets as for the line itself.
std::vector<Level> ReadLevels(LoadContext& ctx, const Item& item, const std::vector<int>* years);

}  // namespace allot::detail
