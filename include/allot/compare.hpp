// Compare: scenarios side by side, the committee's table.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "allot/diagnostic.hpp"
#include "allot/model.hpp"
#include "allot/money.hpp"
#include "allot/resolve.hpp"

namespace allot {

// Which weight sets to show and what changes are measured against.
struct CompareOptions {
  std::vector<std::string> weight_sets;     // names; empty = all, model order
  std::string baseline = kModelScenarioId;  // scenario id to compare against
};

// One line of a compared scenario: its money per year, in cents.
struct LineAllocation {
  std::string id;
  std::vector<Money> by_year;  // indexed like CompareResult::years
  bool illustrative = false;
};

// One scenario in a comparison: money (cents, exact), scores (points,
// 0 to 100), ranks and changes against the baseline. Vectors marked "per
// selected weight set" are indexed like CompareResult::weight_sets.
struct ScenarioResult {
  std::string id;
  std::string name;
  bool illustrative = false;
  Money total;
  std::vector<Money> by_year;
  std::vector<LineAllocation> lines;  // every line the scenario has
  std::vector<double> objectives;     // capped score, per objective
  std::vector<double> weighted;       // per selected weight set
  std::vector<int> rank;              // per selected weight set; 1 = best, ties share
  Money delta_total;                  // against the baseline
  std::vector<Money> delta_by_year;
  std::vector<double> delta_weighted;  // per selected weight set
  // Total money per weighted point, per selected weight set; nullopt where
  // the weighted score is 0. Rounded to the cent (a ratio, not an amount).
  std::vector<std::optional<Money>> cost_per_point;
  std::vector<bool> motions_funded;  // per model motion
};

// The comparison of resolved scenarios: what `allot compare` shows, in every
// format. Money in cents, scores in points; years, objectives and motions
// in model order.
struct CompareResult {
  std::string title;
  std::string currency;
  std::vector<int> years;
  std::vector<Objective> objectives;
  std::vector<WeightSet> weight_sets;  // the selected sets, normalised
  std::vector<Motion> motions;
  std::string baseline;
  std::vector<ScenarioResult> scenarios;  // the model first, then as given
};

// Scores and ranks resolved scenarios. Errors (an unknown weight set or
// baseline) are appended to `diags` and yield nullopt.
std::optional<CompareResult> Compare(const Model& model,
                                     const std::vector<ResolvedScenario>& scenarios,
                                     const CompareOptions& options, Diagnostics& diags);

// Ranks for `scores`: 1 = highest; equal scores share the better rank.
std::vector<int> RankDescending(const std::vector<double>& scores);

}  // namespace allot
