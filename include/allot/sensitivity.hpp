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

// The confidence factor is computed over the first this-many samples' effect
// draws (or all samples, when fewer), whose objective scores the accumulator
// keeps: memory stays bounded whatever the sample count.
inline constexpr uint64_t kConfidenceSamples = 1000;

enum class EffectsMode {
  kFixed,      // every parameter at its likely value
  kUncertain,  // [low, likely, high] parameters drawn from triangular
               // distributions, the same draw in every scenario
};

struct SmaaOptions {
  WeightSpec weights;  // --weights
  EffectsMode effects = EffectsMode::kFixed;
  uint64_t seed = 1;
};

// What identifies a run: parts can be merged only when all of this agrees.
struct SmaaHeader {
  std::string inputs_hash;          // 16 hex digits over the compiled inputs
  std::string weights = "uniform";  // WeightSpec::text
  std::string effects = "fixed";    // "fixed" | "uncertain"
  uint64_t seed = 1;
  uint64_t samples = 0;                   // N of the whole run
  int score_bits = kScoreBits;            // scores are summed as trunc(score * 2^score_bits)
  std::vector<std::string> objectives;    // objective ids, model order
  std::vector<std::string> scenario_ids;  // "model" first, then as given
  std::vector<std::string> scenario_names;
};

// Exact, mergeable sums over a range of samples. S = scenarios, J = objectives.
struct SmaaAccumulator {
  SmaaHeader header;
  uint64_t first = 0, end = 0;        // the sample range covered, [first, end)
  std::vector<uint64_t> rank_counts;  // S x S: [s * S + r] samples where s had rank r + 1
  std::vector<uint64_t> beats;        // S x S: [a * S + b] samples where a scored strictly above b
  std::vector<ExactSum> score_sum;    // S: sum of q = trunc(score * 2^score_bits)
  std::vector<SquareSum> score_square_sum;  // S: sum of q^2
  std::vector<ExactSum>
      best_weight_sum;  // S x J: sum of trunc(w_j * 2^32) over samples where s is best
  std::vector<ScoreHistogram> histograms;  // S: weighted scores, for percentiles
  // Objective scores (capped, S x J per sample) of samples i < kConfidenceSamples
  // in the range, in sample order, with their sample indexes.
  std::vector<uint64_t> confidence_samples;
  std::vector<double> confidence_scores;

  uint64_t count() const { return end - first; }
};

// An empty accumulator for `header`, covering [first, first).
SmaaAccumulator EmptyAccumulator(const SmaaHeader& header, uint64_t first);

// Adds `part` to `into`. Precondition: same header, and part.first == into.end
// or part.end == into.first is NOT required: ranges must only be disjoint
// (confidence rows are kept in sample order).
void MergeInto(SmaaAccumulator& into, const SmaaAccumulator& part);

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
};

// Compiles `scenarios` (ResolveScenarios' output: "model" first) for
// `options`. Precondition: validated inputs.
std::unique_ptr<SmaaPlan> CompileSmaa(const Model& model,
                                      const std::vector<ResolvedScenario>& scenarios,
                                      const SmaaOptions& options);

struct SmaaScenarioResult {
  std::string id;
  std::string name;
  std::vector<double> rank_acceptability;     // b_r, r = 1..S: fraction of samples at rank r
  std::vector<double> rank_acceptability_se;  // sqrt(b_r (1 - b_r) / N)
  double mean_score = 0, sd_score = 0;        // weighted score, points
  double p5_score = 0, p95_score = 0;         // nearest rank on ScoreHistogram's bins
  // Mean weights over the samples where the scenario is best; none when it
  // never is.
  std::optional<std::vector<double>> central_weights;
  // Fraction of the confidence samples' effect draws in which the scenario is
  // best at its central weights; none when it has none.
  std::optional<double> confidence_factor;
};

struct SmaaResult {
  SmaaHeader header;
  std::optional<double> precision;            // --precision target, when used
  uint64_t confidence_samples = 0;            // samples behind confidence factors
  std::vector<SmaaScenarioResult> scenarios;  // header order
  std::vector<double> beats;                  // S x S: P(a scores strictly above b)

  double max_half_width() const;  // max over all b_r of 1.96 SE
};

// Turns a complete accumulator (covering [0, header.samples)) into results.
SmaaResult Finish(const SmaaAccumulator& accumulator);

// The largest 95% half-width 1.96 * sqrt(p (1 - p) / N) over all rank
// acceptability indexes of `accumulator`.
double MaxHalfWidth(const SmaaAccumulator& accumulator);

// --precision: runs 1000, 2000, 4000, ... samples (each step adds samples
// to the ones already drawn) until every index's 95% half-width is below
// `target`, or `max_samples` is reached. Returns the complete accumulator.
SmaaAccumulator RunToPrecision(const SmaaPlan& plan, double target, uint64_t max_samples,
                               unsigned threads);

}  // namespace allot
