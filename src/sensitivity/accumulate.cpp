// SMAA accumulators: exact merging, and turning sums into results.
#include <algorithm>
#include <cmath>

#include "allot/sensitivity.hpp"
#include "sensitivity/exact_sum.hpp"

namespace allot {

namespace {

constexpr int kWeightBits = 32;  // kFixedPointScale = 2^32

double FromFixed(ExactSum sum, uint64_t n, int bits) {
  return static_cast<double>(
      std::ldexp(static_cast<long double>(detail::Wide(sum)) / static_cast<long double>(n), -bits));
}

// Standard deviation (n - 1 denominator) from fixed-point sums.
double StdDev(ExactSum sum, const SquareSum& squares, uint64_t n, int bits) {
  if (n < 2) return 0;
  long double ln = static_cast<long double>(n);
  long double mean = static_cast<long double>(detail::Wide(sum)) / ln;
  long double var = (detail::Value(squares) / ln - mean * mean) * ln / (ln - 1);
  return static_cast<double>(std::ldexp(std::sqrt(std::max(var, 0.0L)), -bits));
}

double Share(uint64_t k, uint64_t n) { return static_cast<double>(k) / static_cast<double>(n); }

SmaaScenarioResult ScenarioResult(const SmaaAccumulator& acc, const SmaaConfidence& confidence,
                                  const CentralWeights& central, size_t s) {
  size_t S = acc.header.scenario_ids.size();
  uint64_t n = acc.count();
  SmaaScenarioResult r;
  r.id = acc.header.scenario_ids[s];
  r.name = acc.header.scenario_names[s];
  for (size_t k = 0; k < S; ++k) {
    double p = Share(acc.rank_counts[s * S + k], n);
    r.rank_acceptability.push_back(p);
    r.rank_acceptability_se.push_back(std::sqrt(p * (1 - p) / static_cast<double>(n)));
    r.rank_acceptability_interval.push_back(Wilson(acc.rank_counts[s * S + k], n));
  }
  int bits = acc.header.score_bits;
  r.mean_score = FromFixed(acc.score_sum[s], n, bits);
  r.sd_score = StdDev(acc.score_sum[s], acc.score_square_sum[s], n, bits);
  r.p5_score = acc.histograms[s].Percentile(5);
  r.p95_score = acc.histograms[s].Percentile(95);
  r.best_samples = acc.rank_counts[s * S];
  r.central_weights = central[s];
  if (central[s] && confidence.draws > 0) {
    double cf = Share(confidence.hits[s], confidence.draws);
    r.confidence_factor = cf;
    r.confidence_factor_se = std::sqrt(cf * (1 - cf) / static_cast<double>(confidence.draws));
    r.confidence_factor_interval = Wilson(confidence.hits[s], confidence.draws);
  }
  return r;
}

}  // namespace

double ProportionInterval::HalfWidth(double p) const { return std::max(p - low, high - p); }

ProportionInterval Wilson(uint64_t k, uint64_t n) {
  const double z = 1.96, z2 = z * z, nn = static_cast<double>(n), p = Share(k, n);
  double centre = (p + z2 / (2 * nn)) / (1 + z2 / nn);
  double half = z * std::sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn)) / (1 + z2 / nn);
  // At k = 0 and k = n one end is exactly 0 or 1 on paper; keep it so.
  return {k == 0 ? 0.0 : std::max(0.0, centre - half), k == n ? 1.0 : std::min(1.0, centre + half)};
}

CentralWeights CentralWeightsOf(const SmaaAccumulator& acc) {
  size_t S = acc.header.scenario_ids.size(), J = acc.header.objectives.size();
  CentralWeights central(S);
  for (size_t s = 0; s < S; ++s) {
    uint64_t best = acc.rank_counts[s * S];
    if (best == 0) continue;
    std::vector<double> w(J);
    for (size_t j = 0; j < J; ++j)
      w[j] = FromFixed(acc.best_weight_sum[s * J + j], best, kWeightBits);
    central[s] = std::move(w);
  }
  return central;
}

SmaaConfidence ConfidencePass(const SmaaPlan& plan, const SmaaAccumulator& acc, unsigned threads) {
  SmaaConfidence confidence;
  confidence.draws = acc.header.confidence_draws.value_or(acc.count());
  confidence.hits = plan.ConfidenceHits(CentralWeightsOf(acc), 0, confidence.draws, threads);
  return confidence;
}

SmaaAccumulator EmptyAccumulator(const SmaaHeader& header, uint64_t first) {
  size_t S = header.scenario_ids.size(), J = header.objectives.size();
  SmaaAccumulator acc;
  acc.header = header;
  acc.first = acc.end = first;
  acc.rank_counts.assign(S * S, 0);
  acc.beats.assign(header.pairwise ? S * S : 0, 0);
  acc.score_sum.assign(S, ExactSum{});
  acc.score_square_sum.assign(S, SquareSum{});
  acc.best_weight_sum.assign(S * J, ExactSum{});
  acc.histograms.assign(S, ScoreHistogram());
  return acc;
}

void MergeInto(SmaaAccumulator& into, const SmaaAccumulator& part) {
  if (into.count() == 0)
    into.first = part.first, into.end = part.end;
  else if (part.count() > 0)
    into.first = std::min(into.first, part.first), into.end = std::max(into.end, part.end);
  auto add = [](auto& a, const auto& b) {
    for (size_t k = 0; k < a.size(); ++k) a[k] += b[k];
  };
  auto add_exact = [](std::vector<ExactSum>& a, const std::vector<ExactSum>& b) {
    for (size_t k = 0; k < a.size(); ++k) detail::Add(a[k], detail::Wide(b[k]));
  };
  add(into.rank_counts, part.rank_counts);
  add(into.beats, part.beats);
  add_exact(into.score_sum, part.score_sum);
  for (size_t s = 0; s < into.score_square_sum.size(); ++s)
    detail::Add(into.score_square_sum[s], part.score_square_sum[s]);
  add_exact(into.best_weight_sum, part.best_weight_sum);
  for (size_t s = 0; s < into.histograms.size(); ++s) into.histograms[s].Merge(part.histograms[s]);
}

double MaxHalfWidth(const SmaaAccumulator& acc) {
  double widest = 0;
  for (uint64_t count : acc.rank_counts) {
    widest = std::max(widest, Wilson(count, acc.count()).HalfWidth(Share(count, acc.count())));
  }
  return widest;
}

double SmaaResult::max_half_width() const {
  double widest = 0;
  for (const SmaaScenarioResult& s : scenarios) {
    for (size_t k = 0; k < s.rank_acceptability.size(); ++k) {
      widest =
          std::max(widest, s.rank_acceptability_interval[k].HalfWidth(s.rank_acceptability[k]));
    }
  }
  return widest;
}

SmaaResult Finish(const SmaaAccumulator& acc, const SmaaConfidence& confidence) {
  SmaaResult result;
  result.header = acc.header;
  result.header.samples = acc.count();
  result.confidence_samples = confidence.draws;
  size_t S = acc.header.scenario_ids.size();
  CentralWeights central = CentralWeightsOf(acc);
  for (size_t s = 0; s < S; ++s)
    result.scenarios.push_back(ScenarioResult(acc, confidence, central, s));
  for (uint64_t count : acc.beats) {
    result.beats.push_back(static_cast<double>(count) / static_cast<double>(acc.count()));
  }
  return result;
}

SmaaAccumulator RunToPrecision(const SmaaPlan& plan, double target, uint64_t max_samples,
                               unsigned threads) {
  uint64_t n = std::min<uint64_t>(1000, max_samples);
  SmaaAccumulator acc = plan.Run(0, n, threads, n);
  // Doubling reuses every sample drawn so far: sample i is the same draw
  // whatever the total.
  while (MaxHalfWidth(acc) >= target && n < max_samples) {
    uint64_t next = std::min(2 * n, max_samples);
    MergeInto(acc, plan.Run(n, next, threads, next));
    n = next;
  }
  acc.header.samples = n;
  return acc;
}

SmaaResult RunSmaa(const SmaaPlan& plan, const SmaaRun& run) {
  SmaaAccumulator acc = run.precision
                            ? RunToPrecision(plan, *run.precision, run.max_samples, run.threads)
                            : plan.Run(0, run.samples, run.threads, run.samples);
  acc.header.confidence_draws = run.confidence_draws;
  SmaaResult result = Finish(acc, ConfidencePass(plan, acc, run.threads));
  result.precision = run.precision;
  return result;
}

}  // namespace allot
