// SMAA accumulators: exact merging, and turning sums into results.
#include <algorithm>
#include <cmath>

#include "allot/sensitivity.hpp"
#include "sensitivity/exact_sum.hpp"

namespace allot {

namespace {

// 95% half-width of a proportion p estimated from n samples.
double HalfWidth(double p, uint64_t n) {
  return 1.96 * std::sqrt(p * (1 - p) / static_cast<double>(n));
}

constexpr int kWeightBits = 32;  // kFixedPointScale = 2^32

double FromFixed(ExactSum sum, uint64_t n, int bits) {
  return static_cast<double>(
      std::ldexp(static_cast<long double>(detail::Wide(sum)) / static_cast<long double>(n), -bits));
}

// Merges two runs of confidence rows, each in sample order.
void MergeConfidence(SmaaAccumulator& into, const SmaaAccumulator& part) {
  size_t row = into.header.scenario_ids.size() * into.header.objectives.size();
  std::vector<uint64_t> samples;
  std::vector<double> scores;
  size_t a = 0, b = 0;
  while (a < into.confidence_samples.size() || b < part.confidence_samples.size()) {
    bool take_a = b == part.confidence_samples.size() ||
                  (a < into.confidence_samples.size() &&
                   into.confidence_samples[a] < part.confidence_samples[b]);
    const SmaaAccumulator& from = take_a ? into : part;
    size_t& k = take_a ? a : b;
    samples.push_back(from.confidence_samples[k]);
    scores.insert(scores.end(), from.confidence_scores.begin() + static_cast<long>(k * row),
                  from.confidence_scores.begin() + static_cast<long>((k + 1) * row));
    ++k;
  }
  into.confidence_samples = std::move(samples);
  into.confidence_scores = std::move(scores);
}

// Standard deviation (n - 1 denominator) from fixed-point sums.
double StdDev(ExactSum sum, const SquareSum& squares, uint64_t n, int bits) {
  if (n < 2) return 0;
  long double ln = static_cast<long double>(n);
  long double mean = static_cast<long double>(detail::Wide(sum)) / ln;
  long double var = (detail::Value(squares) / ln - mean * mean) * ln / (ln - 1);
  return static_cast<double>(std::ldexp(std::sqrt(std::max(var, 0.0L)), -bits));
}

// Fraction of the confidence rows in which scenario s is best (ties count)
// when every scenario is scored with the weights `w`.
double ConfidenceFactor(const SmaaAccumulator& acc, size_t s, const std::vector<double>& w) {
  size_t S = acc.header.scenario_ids.size(), J = w.size();
  size_t rows = acc.confidence_samples.size();
  if (rows == 0) return 0;
  uint64_t hits = 0;
  std::vector<double> score(S);
  for (size_t r = 0; r < rows; ++r) {
    const double* u = &acc.confidence_scores[r * S * J];
    for (size_t t = 0; t < S; ++t) {
      score[t] = 0;
      for (size_t j = 0; j < J; ++j) score[t] += w[j] * u[t * J + j];
    }
    hits += std::none_of(score.begin(), score.end(), [&](double v) { return v > score[s]; });
  }
  return static_cast<double>(hits) / static_cast<double>(rows);
}

SmaaScenarioResult ScenarioResult(const SmaaAccumulator& acc, size_t s) {
  size_t S = acc.header.scenario_ids.size(), J = acc.header.objectives.size();
  uint64_t n = acc.count();
  SmaaScenarioResult r;
  r.id = acc.header.scenario_ids[s];
  r.name = acc.header.scenario_names[s];
  for (size_t k = 0; k < S; ++k) {
    double p = static_cast<double>(acc.rank_counts[s * S + k]) / static_cast<double>(n);
    r.rank_acceptability.push_back(p);
    r.rank_acceptability_se.push_back(std::sqrt(p * (1 - p) / static_cast<double>(n)));
  }
  int bits = acc.header.score_bits;
  r.mean_score = FromFixed(acc.score_sum[s], n, bits);
  r.sd_score = StdDev(acc.score_sum[s], acc.score_square_sum[s], n, bits);
  r.p5_score = acc.histograms[s].Percentile(5);
  r.p95_score = acc.histograms[s].Percentile(95);
  uint64_t best = acc.rank_counts[s * S];
  if (best > 0) {
    std::vector<double> w(J);
    for (size_t j = 0; j < J; ++j)
      w[j] = FromFixed(acc.best_weight_sum[s * J + j], best, kWeightBits);
    r.confidence_factor = ConfidenceFactor(acc, s, w);
    r.central_weights = std::move(w);
  }
  return r;
}

}  // namespace

SmaaAccumulator EmptyAccumulator(const SmaaHeader& header, uint64_t first) {
  size_t S = header.scenario_ids.size(), J = header.objectives.size();
  SmaaAccumulator acc;
  acc.header = header;
  acc.first = acc.end = first;
  acc.rank_counts.assign(S * S, 0);
  acc.beats.assign(S * S, 0);
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
  MergeConfidence(into, part);
}

double MaxHalfWidth(const SmaaAccumulator& acc) {
  double widest = 0;
  for (uint64_t count : acc.rank_counts) {
    double p = static_cast<double>(count) / static_cast<double>(acc.count());
    widest = std::max(widest, HalfWidth(p, acc.count()));
  }
  return widest;
}

double SmaaResult::max_half_width() const {
  double widest = 0;
  for (const SmaaScenarioResult& s : scenarios) {
    for (double p : s.rank_acceptability) widest = std::max(widest, HalfWidth(p, header.samples));
  }
  return widest;
}

SmaaResult Finish(const SmaaAccumulator& acc) {
  SmaaResult result;
  result.header = acc.header;
  result.header.samples = acc.count();
  result.confidence_samples = acc.confidence_samples.size();
  size_t S = acc.header.scenario_ids.size();
  for (size_t s = 0; s < S; ++s) result.scenarios.push_back(ScenarioResult(acc, s));
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

}  // namespace allot
