// Scenarios: alternative spending plans written as changes against a base.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "allot/diagnostic.hpp"
#include "allot/model.hpp"
#include "allot/money.hpp"

namespace allot {

// An exact decimal factor, numerator / 10^scale, read from the text of a
// YAML number: "1.333" is 1333 / 10^3, never the nearest double.
struct Decimal {
  int64_t numerator = 1;
  int scale = 0;  // 0..18
};

// Move `amount` from one line to another; with `year`, within that year,
// otherwise spread over the source's years in proportion to its budget.
struct MoveChange {
  Money amount;
  std::string from;
  std::string to;
  std::optional<int> year;
};

// Replace a line's whole budget map (years not named become 0).
struct SetChange {
  std::string line;
  std::map<int, Money> budget;
};

// Multiply each year's amount by an exact decimal, rounding halves away
// from zero to the cent.
struct ScaleChange {
  std::string line;
  Decimal by;
};

// A new line with a full definition.
struct AddChange {
  Line line;
};

// Drop a line.
struct RemoveChange {
  std::string line;
};

// Add `amount` to one line; with `year`, in that year, otherwise spread over
// the line's years in proportion to its budget there (the rule of `move`).
// The line must then have money in some year.
struct IncreaseChange {
  std::string line;
  Money amount;
  std::optional<int> year;
};

// Take `amount` from one line, like IncreaseChange; taking more than the
// line has (in that year, or in all years) is an error.
struct DecreaseChange {
  std::string line;
  Money amount;
  std::optional<int> year;
};

// One change of a scenario, applied in file order.
struct Change {
  std::variant<MoveChange, SetChange, ScaleChange, AddChange, RemoveChange, IncreaseChange,
               DecreaseChange>
      what;
  SourceLocation where;  // the change's list item in the file
};

// A rule on the scenario's money, checked after all changes are applied.
enum class BudgetRuleKind {
  kNone,            // no rule
  kNeutral,         // grand total equals the base's
  kNeutralPerYear,  // every year's total equals the base's
  kCap,             // grand total at most `cap`
};

// The scenario's budget rule and where it is written.
struct BudgetRule {
  BudgetRuleKind kind = BudgetRuleKind::kNone;
  Money cap;  // kCap only
  SourceLocation where;
};

// A scenario file as loaded: a diff against its base (another scenario, or
// the model). Its line ids and years are checked against the model when it
// is resolved.
struct Scenario {
  std::string id;
  std::string name;
  std::optional<std::string> base;  // another scenario's id; none = the model
  BudgetRule budget;
  std::vector<Change> changes;      // applied in order
  std::string source;               // optional
  std::string note;                 // optional
  bool illustrative = false;        // the amounts are estimates: written so, or from `amounts`
  Provenance amounts;               // of the amounts its changes set, move or add
  std::optional<Provenance> total;  // of its change to the grand total, when stated
  std::optional<Provenance> year_totals;  // of its change to each year's total, when stated
  bool current = false;                   // the plan as it stands now: the default baseline
  SourceLocation where;                   // the `scenario:` key
  SourceLocation base_where;              // the `base:` value, when present
};

}  // namespace allot
