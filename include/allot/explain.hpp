// Explain: why scenario B scores differently from scenario A. The weighted
// score difference S_B - S_A is attributed
//  - to the action lines whose allocation differs (Shapley values: each
//    line's average contribution when the lines switch from A's amounts to
//    B's one by one in every possible order; exact up to `exact_max_lines`
//    changed lines, estimated from random orders beyond that), and
//  - to the objectives, w_j (s_Bj - s_Aj).
// Both add up to the difference. Line attributions are not additive per
// objective when a score hits its cap of 100; Shapley values share the
// interaction fairly.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "allot/diagnostic.hpp"
#include "allot/model.hpp"
#include "allot/money.hpp"
#include "allot/resolve.hpp"

namespace allot {

// Below this many replicates a sampled explain warns that its standard
// errors are rough: with 30 replicates a 95% interval of ±1.96 SE covers
// about 94% (Student's t with 29 degrees of freedom), with 10 about 92%,
// and with fewer it gets worse quickly.
inline constexpr size_t kMinReplicates = 30;

// Which weight sets to explain, and when to estimate instead of computing
// the Shapley values exactly.
struct ExplainOptions {
  std::vector<std::string> weight_sets;  // names; empty = all, model order
  size_t exact_max_lines = 12;  // exact Shapley up to this many changed lines (2^n evaluations)
  size_t permutations = 10000;  // random orders beyond that (rounded up to whole replicates)
  uint64_t seed = 1;            // of the random orders (std::mt19937_64)
};

// How a line differs between A and B: its amounts; it exists in only one of
// them; or (kDefinition) they have it from different definitions (a
// scenario's own `add` under an id the other has from elsewhere).
enum class LineChange { kAmount, kAdded, kRemoved, kDefinition };

// One changed line's share of S_B - S_A, in points.
struct LineAttribution {
  std::string line;  // line id
  LineChange change = LineChange::kAmount;
  Money total_a, total_b;            // the line's total spend in A and in B (0 when absent)
  std::vector<double> by_objective;  // Shapley value of the capped score of each objective (points)
  std::vector<double> by_set;        // Shapley value of the weighted score, per weight set
  // Standard error of by_set: 0 when exact, and when sampled with fewer
  // than 2 replicates (ExplainResult::replicates), when there is none.
  std::vector<double> error_by_set;
};

// Why B scores differently from A, per weight set: the difference split
// over the changed lines and over the objectives; each split adds up to
// score_b - score_a (points, weighted).
struct ExplainResult {
  std::string title;
  std::string a, b;
  std::vector<std::string> objectives;             // Objective ids
  std::vector<WeightSet> weight_sets;              // the selected sets
  std::vector<double> score_a, score_b;            // weighted, per set
  std::vector<double> difference;                  // score_b - score_a, per set
  std::vector<double> objectives_a, objectives_b;  // capped objective scores
  std::vector<std::vector<double>> by_objective;   // [set][objective]: w_j (s_Bj - s_Aj)
  std::vector<LineAttribution> lines;              // changed lines, in order of line id
  bool exact = true;                               // false: sampled permutations
  size_t permutations = 0;                         // orders used when sampled
  size_t replicates = 0;                           // independent replicates when sampled
  uint64_t seed = 0;                               // used when sampled

  // Sampled with fewer than 2 replicates: no standard error at all.
  bool errors_unknown() const { return !exact && replicates < 2; }
  // Sampled with fewer than kMinReplicates: the standard errors are
  // themselves too uncertain for ±1.96 SE to cover about 95%.
  bool few_replicates() const { return !exact && replicates < kMinReplicates; }
};

// The game behind the line attributions, exposed for testing: base[j] is
// A's uncapped score on objective j, delta[i][j] what changed line i adds to
// it when it switches from A's amount to B's (lines add up before the cap).
// A coalition's value on objective j is min(100, base_j + its deltas).
// Returns the exact Shapley values, [player][objective]; 2^n evaluations.
std::vector<std::vector<double>> ExactShapley(const std::vector<double>& base,
                                              const std::vector<std::vector<double>>& delta);

// Shapley values of the same game estimated from random orders, as explain
// does beyond exact_max_lines. The orders come in independent replicates:
// a uniformly random order (from std::mt19937_64 seeded with `seed`) and
// its n rotations, so that in each replicate every player comes at every
// position exactly once (stratified by position, where caps make marginal
// contributions differ most) while each rotation alone is a uniformly
// random order (so the estimate is unbiased). The standard error is that of
// the mean of the replicates' means: sound because the replicates are
// independent, which the orders within one are not.
struct ShapleyEstimate {
  size_t replicates = 0;                           // ceil(permutations / n), at least 1
  size_t orders = 0;                               // replicates * n
  std::vector<std::vector<double>> value;          // [player][objective]
  std::vector<std::vector<double>> by_set;         // [player][set]: weights[set] . value
  std::vector<std::vector<std::optional<double>>>  // [player][set]: none below 2 replicates
      error_by_set;
};
ShapleyEstimate SampledShapley(const std::vector<double>& base,
                               const std::vector<std::vector<double>>& delta,
                               const std::vector<std::vector<double>>& weights, size_t permutations,
                               uint64_t seed);

// Attribution of S_B - S_A for scenarios `a` and `b`. Unknown ids or sets:
// diagnostics and nullopt.
std::optional<ExplainResult> Explain(const Model& model,
                                     const std::vector<ResolvedScenario>& scenarios,
                                     const std::string& a, const std::string& b,
                                     const ExplainOptions& options, Diagnostics& diags);

}  // namespace allot
