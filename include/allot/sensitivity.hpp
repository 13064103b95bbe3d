// SMAA-2 over whole scenarios (allot sensitivity): how often each scenario
// takes each rank when the weights and the effect estimates are uncertain.
//
// The run is split in three stages so that it can be spread over threads and
// machines with results that do not depend on how it was split:
//   CompileSmaa       the scenarios compiled to flat arrays (once)
//   SmaaPlan::Run     samples [first, end) into an SmaaAccumulator of exact
//                     integer sums (any range, any thread count)
//   MergeInto/Finish  accumulators of disjoint ranges added up exactly, then
//                     turned into an SmaaResult
// Sample i draws the same numbers wherever it is computed (counter-based
// random numbers, weight_sampling.hpp), and every accumulator is an integer,
// so a single run, any --threads and any sharding give identical results.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "allot/model.hpp"
#include "allot/resolve.hpp"
#include "allot/score_histogram.hpp"
#include "allot/weight_sampling.hpp"

namespace allot {

// An exact signed 128-bit integer, for sums that must merge without
// rounding: the value is high * 2^64 + low in two's complement (a high word
// of 2^63 or more is negative). Two plain words keep this header standard
// C++; the sensitivity code adds and reads them as 128-bit integers.
struct ExactSum {
  uint64_t low = 0;
  uint64_t high = 0;

  bool operator==(const ExactSum& other) const { return low == other.low && high == other.high; }
  bool operator!=(const ExactSum& other) const { return !(*this == other); }
};

// An exact unsigned 192-bit integer, for sums of squares: up to 2^48
// samples of squares below 2^124 need more than 128 bits. The value is
// high * 2^128 + middle * 2^64 + low.
struct SquareSum {
  uint64_t low = 0;
  uint64_t middle = 0;
  uint64_t high = 0;

  bool operator==(const SquareSum& o) const {
    return low == o.low && middle == o.middle && high == o.high;
  }
  bool operator!=(const SquareSum& other) const { return !(*this == other); }
};

// Fixed-point scale of the exact weight sums: a weight w is accumulated as
// trunc(w * 2^32).
inline constexpr double kFixedPointScale = 4294967296.0;  // 2^32

// A score s is accumulated as q = trunc(s * 2^bits), with bits = 32 unless
// the model's scores could reach 2^30 points (effects near the +-10^6 bound
// on hundreds of lines): then fewer, so that |q| < 2^62 always.
inline constexpr int kScoreBits = 32;

// Central weights averaged over fewer samples than this (a scenario best
// in fewer samples), and the confidence factors computed at them, are
// marked "too few samples": with weights drawn uniformly over 6 to 9
// objectives a central weight's standard error is then above about 0.01 to
// 0.02, enough to move a confidence factor by many points.
inline constexpr uint64_t kMinCentralSamples = 100;

// The pairwise table, P(A scores above B), is counted only for runs of at
// most this many scenarios (the model included): it has S x S cells and
// costs S^2 comparisons per sample, where ranking alone costs S log S.
// Without it a run's time and memory grow with S log S per sample and the
// S x S rank counts only (docs/limits.md). allot sensitivity --max-pairwise.
inline constexpr size_t kDefaultMaxPairwise = 100;

// Whether effect estimates are uncertain in the samples (--effects).
enum class EffectsMode {
  kFixed,      // every parameter at its likely value
  kUncertain,  // [low, likely, high] parameters drawn from triangular
               // distributions, the same draw in every scenario
};

// What a run draws: the weights (--weights), whether effects vary
// (--effects), and the seed that makes every draw reproducible.
struct SmaaOptions {
  WeightSpec weights;  // --weights
  EffectsMode effects = EffectsMode::kFixed;
  uint64_t seed = 1;
  // Count the pairwise table when the run has at most this many scenarios
  // (the model included); 0: never.
  size_t max_pairwise = kDefaultMaxPairwise;
};

// What identifies a run: parts can be merged only when all of this agrees.
struct SmaaHeader {
  std::string inputs_hash;          // 16 hex digits over the compiled inputs
  std::string weights = "uniform";  // WeightSpec::text
  std::string effects = "fixed";    // "fixed" | "uncertain"
  uint64_t seed = 1;
  uint64_t samples = 0;         // N of the whole run
  int score_bits = kScoreBits;  // scores are summed as trunc(score * 2^score_bits)
  // Whether the pairwise counts (beats) are kept: scenarios <= max_pairwise.
  bool pairwise = true;
  // --cf-samples: the effect draws (those of samples 0, 1, ...) behind the
  // confidence factors; none: as many as the run has samples. Not part of
  // the plan: the caller sets it (RunSmaa does, from SmaaRun).
  std::optional<uint64_t> confidence_draws;
  std::vector<std::string> objectives;    // objective ids, model order
  std::vector<std::string> scenario_ids;  // "model" first, then as given
  std::vector<std::string> scenario_names;
};

// Exact, mergeable sums over a range of samples. S = scenarios, J = objectives.
struct SmaaAccumulator {
  SmaaHeader header;
  uint64_t first = 0, end = 0;        // the sample range covered, [first, end)
  std::vector<uint64_t> rank_counts;  // S x S: [s * S + r] samples where s had rank r + 1
  // S x S when header.pairwise, else empty: [a * S + b] samples where a
  // scored strictly above b.
  std::vector<uint64_t> beats;
  std::vector<ExactSum> score_sum;          // S: sum of q = trunc(score * 2^score_bits)
  std::vector<SquareSum> score_square_sum;  // S: sum of q^2
  std::vector<ExactSum>
      best_weight_sum;  // S x J: sum of trunc(w_j * 2^32) over samples where s is best
  std::vector<ScoreHistogram> histograms;  // S: weighted scores, for percentiles

  uint64_t count() const { return end - first; }
};

// An empty accumulator for `header`, covering [first, first).
SmaaAccumulator EmptyAccumulator(const SmaaHeader& header, uint64_t first);

// Adds `part` to `into`. Precondition: same header; the ranges must be
// disjoint, not adjacent.
void MergeInto(SmaaAccumulator& into, const SmaaAccumulator& part);

// Per scenario, its central weights (J, model order: the mean weights over
// the samples where it is best), or none when it is never best.
using CentralWeights = std::vector<std::optional<std::vector<double>>>;

// The central weights of a complete accumulator.
CentralWeights CentralWeightsOf(const SmaaAccumulator& accumulator);

// The scenarios of a run compiled to flat arrays, ready to evaluate any
// range of samples. Build one with CompileSmaa; it is immutable, so Run may
// be called from several threads at once.
class SmaaPlan {
 public:
  virtual ~SmaaPlan() = default;

  // The run's identity with header().samples == 0 (set by the caller).
  virtual const SmaaHeader& header() const = 0;

  // Evaluates samples [first, end) on `threads` threads (contiguous blocks,
  // merged in order). The result depends only on the plan and the range.
  virtual SmaaAccumulator Run(uint64_t first, uint64_t end, unsigned threads,
                              uint64_t total_samples) const = 0;

  // The confidence factors' counts: for each scenario s with central[s],
  // the effect draws of samples [first, end) in which s scores at least as
  // much as every other scenario when all are scored with central[s]
  // (0 for the others). Threads as Run; the counts do not depend on them.
  virtual std::vector<uint64_t> ConfidenceHits(const CentralWeights& central, uint64_t first,
                                               uint64_t end, unsigned threads) const = 0;

  // Every scenario's capped objective scores under sample `sample`'s effect
  // draws (S x J, scenario by scenario): what Run weighs and ranks.
  virtual std::vector<double> ObjectiveScores(uint64_t sample) const = 0;
};

// Compiles `scenarios` (ResolveScenarios' output: "model" first) for
// `options`. Precondition: validated inputs.
std::unique_ptr<SmaaPlan> CompileSmaa(const Model& model,
                                      const std::vector<ResolvedScenario>& scenarios,
                                      const SmaaOptions& options);

// A 95% interval for a proportion.
struct ProportionInterval {
  double low = 0, high = 0;
  // The larger distance from `p` to an end: the "±" of a display.
  double HalfWidth(double p) const;
};

// The Wilson score interval for k successes in n trials (z = 1.96): unlike
// the Wald interval p ± 1.96 sqrt(p (1 - p) / n) it does not collapse to a
// point for k = 0 or k = n (for k = 0 it is [0, 3.84 / (n + 3.84)]), and
// it covers about 95% for any p. Precondition: n > 0, k <= n.
ProportionInterval Wilson(uint64_t k, uint64_t n);

// One scenario's results over all samples (S = scenarios, N = samples).
struct SmaaScenarioResult {
  std::string id;
  std::string name;
  std::vector<double> rank_acceptability;     // b_r, r = 1..S: fraction of samples at rank r
  std::vector<double> rank_acceptability_se;  // sqrt(b_r (1 - b_r) / N)
  std::vector<ProportionInterval> rank_acceptability_interval;  // Wilson 95% of each b_r
  double mean_score = 0, sd_score = 0;                          // weighted score, points
  double p5_score = 0, p95_score = 0;  // nearest rank on ScoreHistogram's bins
  // Samples in which the scenario is best (b_1 * N): what its central
  // weights average over.
  uint64_t best_samples = 0;
  // Mean weights over the samples where the scenario is best; none when it
  // never is.
  std::optional<std::vector<double>> central_weights;
  // Fraction of the confidence draws in which the scenario is best when
  // every scenario is scored at its central weights; none when it has none.
  std::optional<double> confidence_factor;
  std::optional<double> confidence_factor_se;                    // sqrt(cf (1 - cf) / draws)
  std::optional<ProportionInterval> confidence_factor_interval;  // Wilson 95%
  // best_samples < kMinCentralSamples: the central weights and the
  // confidence factor rest on too few samples to be read as figures.
  bool too_few_samples() const { return best_samples < kMinCentralSamples; }
};

// The result of a whole run (or of merged shards, which is the same).
struct SmaaResult {
  SmaaHeader header;
  std::optional<double> precision;            // --precision target, when used
  uint64_t confidence_samples = 0;            // effect draws behind the confidence factors
  std::vector<SmaaScenarioResult> scenarios;  // header order
  // S x S when header.pairwise, else empty: P(a scores strictly above b).
  std::vector<double> beats;

  // The largest Wilson half-width (ProportionInterval::HalfWidth) over all b_r.
  double max_half_width() const;
};

// The confidence factors' pass over a complete accumulator: its central
// weights, and for each the count of effect draws (header.confidence_draws,
// or as many as header.samples) in which the scenario is best at them.
struct SmaaConfidence {
  uint64_t draws = 0;
  std::vector<uint64_t> hits;  // S
};
SmaaConfidence ConfidencePass(const SmaaPlan& plan, const SmaaAccumulator& accumulator,
                              unsigned threads);

// Turns a complete accumulator (covering [0, header.samples)) and its
// confidence pass into results.
SmaaResult Finish(const SmaaAccumulator& accumulator, const SmaaConfidence& confidence);

// The largest Wilson half-width over all rank acceptability indexes of
// `accumulator`.
double MaxHalfWidth(const SmaaAccumulator& accumulator);

// --precision: runs 1000, 2000, 4000, ... samples (each step adds samples
// to the ones already drawn) until every index's 95% Wilson interval lies
// within `target` of its estimate, or `max_samples` is reached. Returns the
// complete accumulator.
SmaaAccumulator RunToPrecision(const SmaaPlan& plan, double target, uint64_t max_samples,
                               unsigned threads);

// A whole run, as `allot sensitivity` does it: `samples` samples (or with
// `precision`, as many as RunToPrecision needs), the confidence pass, and
// the results.
struct SmaaRun {
  uint64_t samples = 10000;
  std::optional<double> precision;  // instead of `samples`
  uint64_t max_samples = 10000000;  // with `precision`
  unsigned threads = 1;
  std::optional<uint64_t> confidence_draws;  // SmaaHeader::confidence_draws
};
SmaaResult RunSmaa(const SmaaPlan& plan, const SmaaRun& run);

}  // namespace allot
