// Counter-based random numbers and weight-space sampling for the analyses
// under uncertainty (sensitivity and friends).
//
// Every random number is a pure function of (seed, sample index, stream,
// counter): sample i draws the same numbers whichever thread or shard
// computes it, so results never depend on --threads or on sharding.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "allot/model.hpp"

namespace allot {

// The range of KAPPA in SET:KAPPA. Below 1e-300 a draw's largest log-Gamma
// could overflow; the extremes are far outside any meaningful spread (at
// KAPPA 0.001 nearly every draw already puts all weight on one objective).
inline constexpr double kMinKappa = 1e-300;
inline constexpr double kMaxKappa = 1e300;

// The SplitMix64 finaliser (Stafford's variant 13): a bijective 64-bit mix
// whose outputs pass BigCrush when fed a counter.
inline uint64_t Mix64(uint64_t x) {
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// A 64-bit stream key for a text, e.g. "line\x1fobjective\x1fpoints":
// FNV-1a, then Mix64. Keys by name, so a parameter's draws do not depend on
// which other lines or scenarios are loaded.
uint64_t StreamKey(std::string_view text);

// The key of sample `sample` under `seed`; every draw of that sample
// derives from it.
inline uint64_t SampleBase(uint64_t seed, uint64_t sample) {
  return Mix64(Mix64(seed ^ 0x6a09e667f3bcc909ULL) + sample * 0x9e3779b97f4a7c15ULL);
}

// A uniform double in [0, 1) from 64 random bits (the top 53).
inline double UnitInterval(uint64_t bits) { return static_cast<double>(bits >> 11) * 0x1.0p-53; }

// The single uniform draw of stream `key` in the sample with base `base`:
// the hot path for effect parameters, which need one draw each.
inline double UniformAt(uint64_t base, uint64_t key) { return UnitInterval(Mix64(base ^ key)); }

// A sequence of draws for one (sample, stream), for samplers that need a
// variable number of them (Gamma by rejection).
class SampleRng {
 public:
  SampleRng(uint64_t base, uint64_t key) : state_(Mix64(base ^ key)) {}
  uint64_t NextBits() { return Mix64(state_ += 0x9e3779b97f4a7c15ULL); }
  double NextUniform() { return UnitInterval(NextBits()); }
  double NextExp();                   // Exp(1), by inversion
  double NextNormal();                // N(0, 1), Box-Muller (one of the pair)
  double NextGamma(double shape);     // Gamma(shape, 1), shape > 0 (Marsaglia-Tsang)
  double NextLogGamma(double shape);  // log of a Gamma(shape, 1) draw, finite for any shape > 0

 private:
  uint64_t state_;
};

// How the weights of each sample are chosen (--weights).
enum class WeightMode {
  kUniform,    // "uniform": Dirichlet(1,...,1), uniform on the simplex
  kFixed,      // "SET": exactly the set's weights in every sample
  kDirichlet,  // "SET:KAPPA": Dirichlet(KAPPA * SET); zero weights stay 0
  kOrdinal,    // "SET:order": uniform on the part of the simplex that
               // respects the set's `order:` (most important first)
};

// A parsed --weights value: how each sample's weights are drawn. Weights
// are indexed like Model::objectives and sum to 1.
struct WeightSpec {
  WeightMode mode = WeightMode::kUniform;
  std::string text = "uniform";  // as given on the command line
  std::string set;               // the weight set's name (all but uniform)
  double kappa = 0;              // kDirichlet: concentration, kMinKappa..kMaxKappa
  std::vector<double> mean;      // kFixed / kDirichlet: the set's weights
  std::vector<int> order;        // kOrdinal: objective indexes, most important first
  std::vector<int> active;       // kOrdinal: objectives that get weight: those
                                 // in the order and those the set weighs > 0
};

// Parses a --weights value against `model`: "uniform", "SET", "SET:KAPPA"
// (KAPPA a positive finite number) or "SET:order" (the set must have an
// `order:`). Returns nullopt with `error` set to a sentence on failure.
std::optional<WeightSpec> ParseWeightSpec(const std::string& text, const Model& model,
                                          std::string& error);

// Writes the weights of sample `sample` to w[0 .. objectives-1] (sum 1).
// Deterministic in (spec, seed, sample).
void DrawWeights(const WeightSpec& spec, uint64_t seed, uint64_t sample, size_t objectives,
                 double* w);

}  // namespace allot
