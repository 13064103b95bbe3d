// The sentences under the analysis tables of the reports (internal): how a
// result was computed, worded the same in the HTML report and the workbook.
#pragma once

#include <string>

#include "allot/frontier.hpp"
#include "allot/sensitivity.hpp"
#include "allot/tornado.hpp"
#include "report/labels.hpp"

namespace allot::detail {

// "SMAA over random weights: 2000 ×, weights uniform, effects at their
// likely values, seed 1. ± = 95%."
std::string SmaaNote(const SmaaHeader& run, const Words& l);

// "gap with every parameter at its likely value (A − B, SET): +9.47"
std::string BaseGapNote(const TornadoResult& t, Lang lang, const Words& l);

// "Optimal allocations (...) at budgets split over the years like those of
// 'BASE'; weights SET."
std::string FrontierNote(const FrontierReport& f, const std::string& base, const Words& l);

}  // namespace allot::detail
