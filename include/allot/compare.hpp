// Compare: scenarios side by side, the committee's table.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "allot/diagnostic.hpp"
#include "allot/model.hpp"
#include "allot/money.hpp"
#include "allot/provenance.hpp"
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
  // What its amount in each year and its total rest on (docs/format.md,
  // "Which level a figure has").
  ProvenanceLevel year_basis = ProvenanceLevel::kUnstated;
  ProvenanceLevel total_basis = ProvenanceLevel::kUnstated;
};

// What each figure of a ScenarioResult rests on: the weakest level among
// the inputs it is computed from (docs/output.md, "Marks"). Vectors are
// indexed like the figures they describe.
//  - total, by_year: the resolved totals' levels;
//  - objectives[j]: every line with an effect on j, its total (the curve's
//    x) and that effect's curve;
//  - weighted[w]: the objectives with a weight above 0 in set w, and the
//    set's weights; rank[w]: the weighted scores of every scenario compared;
//  - deltas: the figure and the baseline's; cost_per_point[w]: the total
//    and weighted[w];
//  - motions_funded[m]: the totals of the lines that name motion m, and
//    its min_spend when it has one.
struct ScenarioBasis {
  ProvenanceLevel total = ProvenanceLevel::kUnstated;
  std::vector<ProvenanceLevel> by_year;
  std::vector<ProvenanceLevel> objectives;
  std::vector<ProvenanceLevel> weighted;
  std::vector<ProvenanceLevel> rank;
  ProvenanceLevel delta_total = ProvenanceLevel::kUnstated;
  std::vector<ProvenanceLevel> delta_by_year;
  std::vector<ProvenanceLevel> delta_weighted;
  std::vector<ProvenanceLevel> cost_per_point;
  std::vector<ProvenanceLevel> motions_funded;
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
  ScenarioBasis basis;               // what each figure above rests on
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
