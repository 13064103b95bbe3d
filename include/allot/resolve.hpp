// Resolution: a scenario (base + changes) becomes an exact allocation per
// line and year.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "allot/diagnostic.hpp"
#include "allot/model.hpp"
#include "allot/money.hpp"
#include "allot/scenario.hpp"

namespace allot {

// One line of an allocation. `def` points into the Model or into an
// AddChange of a Scenario: both must outlive the ResolvedScenario.
struct ResolvedLine {
  const Line* def = nullptr;
  std::vector<Money> by_year;  // indexed like Model::years
  bool illustrative = false;   // the line's amounts are estimates, or were
                               // changed by an illustrative scenario
  // What the line's total and its amount in each year rest on: the line's
  // own provenance, weakened by every scenario (this one or a base) that
  // changed it. Point into the Model or a Scenario, like `def`.
  const Provenance* total_provenance = nullptr;
  const Provenance* year_provenance = nullptr;
};

// A scenario as exact money per line and year: the model itself, or a
// scenario with its base chain and changes applied. Invariant: by_year and
// total are the sums of the lines, computed with overflow checks.
struct ResolvedScenario {
  std::string id;  // "model" for the model itself
  std::string name;
  const Scenario* scenario = nullptr;  // null for the model
  bool illustrative = false;           // any line with spend is illustrative,
                                       // or a scenario in its base chain is
  std::vector<ResolvedLine> lines;     // model lines in model order (removed
                                       // ones dropped), then added lines in order
  std::vector<Money> by_year;          // per-year totals over all lines
  Money total;                         // grand total; fits int64 (checked)
  // What each year's total and the grand total rest on (docs/format.md,
  // "Which level a figure has"); they point into the Model or a Scenario.
  std::vector<const Provenance*> year_provenance;
  const Provenance* total_provenance = nullptr;
};

// The id of the scenario that `--baseline REQUESTED` names. Empty: "model"
// (DESIGN.md's baseline; a file's `current: true` does not change it).
// "current", when no loaded scenario has that id: the scenario whose file says
// `current: true` (the plan as it stands now), or nullopt when none does.
// Any other text is returned as it is (Compare checks that it is known).
std::optional<std::string> BaselineId(const std::string& requested,
                                      const std::vector<ResolvedScenario>& resolved);

// The id under which the model itself appears among resolved scenarios.
inline constexpr const char* kModelScenarioId = "model";

// What `--baseline` takes for the scenario whose file says `current: true`.
inline constexpr const char* kCurrentPlanWord = "current";

// Resolves the model itself (as scenario "model") followed by every scenario
// in the order given. Bases may be given in any order. Appends a diagnostic
// for every error: duplicate or reserved id, unknown base, cycle of bases,
// unknown line or year, taking more than a line has, adding an existing
// line, an added line naming an unknown objective or motion, a broken budget
// rule (with the amount by which it is broken), an overflow. Returns only
// the scenarios that resolved without error (the model always resolves).
std::vector<ResolvedScenario> ResolveScenarios(const Model& model,
                                               const std::vector<Scenario>& scenarios,
                                               Diagnostics& diags);

// Spreads `amount` over the years of `source` in proportion to each year's
// amount, in cents, by largest remainder; ties go to the earlier year. The
// result sums to `amount` exactly. Precondition: sum(source) > 0. With
// amount <= sum(source) no part exceeds its year's amount (what `move` and
// `decrease` take); a larger amount is fine for `increase`.
std::vector<Money> SplitProportionally(Money amount, const std::vector<Money>& source);

// amount * by, rounded to the cent with halves away from zero; nullopt on
// overflow.
std::optional<Money> ScaleMoney(Money amount, Decimal by);

}  // namespace allot
