// Views of a compare result that both report formats need (internal).
#pragma once

#include <string>
#include <vector>

#include "allot/compare.hpp"
#include "allot/model.hpp"
#include "allot/scenario.hpp"

namespace allot::detail {

// A line as the report lists it: its definition in the model, or in the
// `add` change of the first scenario that adds it.
struct ReportLine {
  std::string id;
  const Line* def = nullptr;  // null only for a line no input defines
  std::string added_by;       // the adding scenario's id; empty for model lines
  std::string Name() const { return def ? def->name : id; }
};

// Every line any scenario has: the model's lines in model order, then lines
// that only scenarios add, in order of first appearance.
std::vector<ReportLine> ReportLines(const CompareResult& result, const Model& model,
                                    const std::vector<Scenario>& scenarios);

// Line `id` of scenario `s`, or nullptr when the scenario has no such line.
const LineAllocation* FindLine(const ScenarioResult& s, const std::string& id);

// The sum of `amounts` (validated totals: cannot overflow).
Money Sum(const std::vector<Money>& amounts);

// The index of the baseline scenario in result.scenarios (compare checked
// that it exists).
size_t BaselineIndex(const CompareResult& result);

// The scenario file with id `id`, or nullptr (the model has none).
const Scenario* FindScenario(const std::vector<Scenario>& scenarios, const std::string& id);

// What a line's amounts rest on: its total and its amount in each year.
struct AmountsBasis {
  const Provenance* total;
  const Provenance* years;
};

// The line's own provenance; for a line a scenario adds, the weaker of its
// own and the scenario's `amounts`, as resolve gives it. `r.def` is set.
AmountsBasis LineAmountsBasis(const ReportLine& r, const std::vector<Scenario>& scenarios);

}  // namespace allot::detail
