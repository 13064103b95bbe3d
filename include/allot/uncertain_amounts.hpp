// Conclusions that survive the unknown split (allot sensitivity --amounts
// uncertain): the model's assumed amounts are drawn within their stated
// bounds, every sourced or reported total kept exact to the cent, together
// with the weights and the effect estimates; every scenario is resolved
// again on each drawn model, and the run counts which first places and
// which pairwise statements ("A scores higher than B") hold in at least a
// given share of the samples (docs/sensitivity.md, "Unknown amounts").
//
// A path of its own, separate from the SMAA kernel (sensitivity.hpp): each
// sample resolves and evaluates the scenarios afresh, so it is slower per
// sample, and it counts only what its statements need.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "allot/model.hpp"
#include "allot/money.hpp"
#include "allot/scenario.hpp"
#include "allot/sensitivity.hpp"
#include "allot/weight_sampling.hpp"

namespace allot {

// The default range of an assumed amount that states no `bounds`: its
// written amount plus or minus this share (--amount-range).
inline constexpr double kDefaultAmountRange = 0.5;

// One assumed amount of the model that is drawn: a line in one year.
struct DrawnAmount {
  std::string line;  // line id
  int year = 0;
  Money written;        // the amount in the file
  AmountBounds range;   // where it may lie: the line's bounds, or the default range
  bool stated = false;  // the range is the line's `bounds`, not the default
};

// A sum the draws keep exact to the cent.
struct KeptTotal {
  enum class Kind { kLine, kYear };
  Kind kind = Kind::kYear;
  std::string line;  // kLine: the line whose total is sourced or reported
  int year = 0;      // kYear: the year whose total is sourced or reported
  Money total;
};

// Draws the model's assumed amounts. Which amounts: every line-year whose
// amount is assumed or a judgement (Line::YearAmounts(), `illustrative:
// true`). How, in three steps (docs/sensitivity.md):
//   1. a line whose total is sourced or reported and whose split over the
//      years is assumed: each year's amount u is drawn uniformly (in cents)
//      within its range, then all are scaled by one factor, clamped to
//      their ranges, so that they add up to the line's total;
//   2. a year whose total is sourced or reported: the same over the other
//      assumed amounts of that year, so that the year keeps its total;
//   3. any other assumed amount: drawn uniformly within its range.
// Scaled amounts are rounded to cents by largest remainder
// (SplitProportionally, the rule of `move`), so every kept total is exact.
class AmountSampler {
 public:
  // Prepares the draws for `model`; `default_range` (>= 0) is the share by
  // which an amount without `bounds` may move either way.
  AmountSampler(const Model& model, double default_range);

  const std::vector<DrawnAmount>& amounts() const { return amounts_; }
  const std::vector<KeptTotal>& kept() const { return kept_; }

  // Writes draw `attempt` of sample `sample` (seed `seed`) into the budgets
  // of `into`, a copy of the model the sampler was made for. False when the
  // draw cannot keep a year's total within the ranges of that year's
  // amounts (then `into` is partly written; draw again).
  bool Draw(uint64_t seed, uint64_t sample, uint32_t attempt, Model& into) const;

 private:
  struct Slot {
    size_t line = 0;  // index into Model::lines
    int year = 0;
    AmountBounds range;
    uint64_t key = 0;  // stream key of its uniform draw
  };
  std::vector<DrawnAmount> amounts_;
  std::vector<std::vector<Slot>> line_groups_;  // step 1: per kept line total
  std::vector<Money> line_totals_;
  std::vector<std::vector<Slot>> year_groups_;  // step 2: per kept year total
  std::vector<int> group_years_;
  std::vector<Money> year_totals_;
  std::vector<Slot> free_;  // step 3
  std::vector<KeptTotal> kept_;
};

// Amounts a_k within range[k] adding up to `target` exactly, as near to
// proportional to `draws` as the ranges allow: a_k = clamp(f * draws[k],
// low_k, high_k) for the one factor f that makes them add up, in cents by
// largest remainder. nullopt when the ranges cannot hold `target`.
std::optional<std::vector<Money>> ScaleIntoRanges(Money target, const std::vector<Money>& draws,
                                                  const std::vector<AmountBounds>& range);

// What one run with --amounts uncertain draws and counts.
struct UncertainOptions {
  WeightSpec weights;  // --weights: the sampled weighting
  EffectsMode effects = EffectsMode::kUncertain;
  uint64_t seed = 1;
  uint64_t samples = 10000;
  double default_range = kDefaultAmountRange;  // --amount-range
  double holds_at = 0.95;                      // --holds-at
  unsigned threads = 1;
  // Draws of the amounts per sample before the run gives up: a draw is
  // made again when a scenario's changes do not fit it (a move of more
  // than the drawn amount) or a year cannot keep its total.
  uint32_t max_attempts = 1000;
};

// The counts of one weighting: the --weights distribution, or one of the
// model's weight sets exactly. S = scenarios.
struct UncertainWeighting {
  std::string name;             // "uniform", "ckm:order", ... or a weight set's name
  bool sampled = false;         // the weights are drawn in every sample (not one set)
  std::vector<uint64_t> first;  // S: samples in which the scenario is (jointly) first
  std::vector<uint64_t> beats;  // S x S: [a * S + b] samples where a scores strictly above b
  // The ranking that occurs most often (rank of each scenario, 1 = best,
  // equal scores share the better rank) and in how many samples; ties
  // between rankings go to the one first seen in sample order.
  std::vector<int> commonest_ranking;
  uint64_t commonest_count = 0;
};

// The whole result.
struct UncertainResult {
  uint64_t samples = 0, seed = 1;
  std::string weights = "uniform";    // --weights
  std::string effects = "uncertain";  // "fixed" | "uncertain"
  double default_range = kDefaultAmountRange;
  double holds_at = 0.95;
  std::vector<std::string> scenario_ids;  // "model" first, as resolved
  std::vector<std::string> scenario_names;
  std::vector<DrawnAmount> amounts;  // what was drawn
  std::vector<KeptTotal> kept;       // what stayed exact
  size_t uncertain_effects = 0;      // effect parameters drawn per sample (0 when fixed)
  // Draws of the amounts made again, in all, and because of each scenario
  // (S; the first scenario whose changes did not fit) or of a year total.
  uint64_t redraws = 0;
  std::vector<uint64_t> redraws_by_scenario;
  uint64_t redraws_for_year_totals = 0;
  std::vector<UncertainWeighting> weightings;  // the --weights one first, then the sets
};

// Runs the analysis. `resolved` is ResolveScenarios(model, scenarios)'s
// output (the scenarios shown, "model" first): its ids and order are the
// result's. Deterministic in (inputs, options) and independent of
// options.threads. Throws std::runtime_error when a sample finds no draw
// of the amounts in options.max_attempts that every scenario can be
// applied to.
UncertainResult RunUncertainAmounts(const Model& model, const std::vector<Scenario>& scenarios,
                                    const std::vector<ResolvedScenario>& resolved,
                                    const UncertainOptions& options);

}  // namespace allot
