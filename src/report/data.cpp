#include "report/data.hpp"

#include <algorithm>
#include <variant>

namespace allot::detail {

namespace {

// The scenario and line of the first `add` change that defines `id`.
ReportLine AddedLine(const std::string& id, const std::vector<Scenario>& scenarios) {
  for (const Scenario& s : scenarios) {
    for (const Change& change : s.changes) {
      const auto* add = std::get_if<AddChange>(&change.what);
      if (add && add->line.id == id) return ReportLine{id, &add->line, s.id};
    }
  }
  return ReportLine{id, nullptr, ""};
}

}  // namespace

std::vector<ReportLine> ReportLines(const CompareResult& result, const Model& model,
                                    const std::vector<Scenario>& scenarios) {
  std::vector<ReportLine> lines;
  for (const Line& line : model.lines) lines.push_back(ReportLine{line.id, &line, ""});
  auto known = [&lines](const std::string& id) {
    return std::any_of(lines.begin(), lines.end(),
                       [&id](const ReportLine& l) { return l.id == id; });
  };
  for (const ScenarioResult& s : result.scenarios) {
    for (const LineAllocation& line : s.lines) {
      if (!known(line.id)) lines.push_back(AddedLine(line.id, scenarios));
    }
  }
  return lines;
}

const LineAllocation* FindLine(const ScenarioResult& s, const std::string& id) {
  for (const LineAllocation& line : s.lines) {
    if (line.id == id) return &line;
  }
  return nullptr;
}

Money Sum(const std::vector<Money>& amounts) {
  Money total;
  for (Money m : amounts) total += m;
  return total;
}

size_t BaselineIndex(const CompareResult& result) {
  for (size_t i = 0; i < result.scenarios.size(); ++i) {
    if (result.scenarios[i].id == result.baseline) return i;
  }
  return 0;
}

const Scenario* FindScenario(const std::vector<Scenario>& scenarios, const std::string& id) {
  for (const Scenario& s : scenarios) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

AmountsBasis LineAmountsBasis(const ReportLine& r, const std::vector<Scenario>& scenarios) {
  const Line& line = *r.def;
  const Scenario* adder = r.added_by.empty() ? nullptr : FindScenario(scenarios, r.added_by);
  if (adder == nullptr) return {&line.amounts, &line.YearAmounts()};
  return {&Weaker(line.amounts, adder->amounts), &Weaker(line.YearAmounts(), adder->amounts)};
}

}  // namespace allot::detail
