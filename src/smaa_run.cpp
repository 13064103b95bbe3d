// The per-sample loop of SMAA: draw, evaluate every scenario, rank, count.
// Flat arrays only; nothing here allocates per sample.
#include <algorithm>
#include <cmath>
#include <thread>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "smaa_plan_impl.hpp"

namespace allot {

namespace {

// Triangular(low, likely, high) by inversion of its CDF at u, without
// branches: u is random, so a branch between the two sides would be
// mispredicted half the time, and std::sqrt's errno check serialises the
// loop on the sqrt's latency. Both paths give the same bits.
inline double Triangular(double u, double split, double low, double high, double left, double right) {
#if defined(__SSE2__)
  __m128d mask = _mm_cmplt_sd(_mm_set_sd(u), _mm_set_sd(split));
  __m128d below = _mm_set_sd(u * left), above = _mm_set_sd((1.0 - u) * right);
  __m128d t = _mm_or_pd(_mm_and_pd(mask, below), _mm_andnot_pd(mask, above));
  __m128d r = _mm_sqrt_sd(t, t);
  __m128d from_low = _mm_add_sd(_mm_set_sd(low), r), from_high = _mm_sub_sd(_mm_set_sd(high), r);
  return _mm_cvtsd_f64(_mm_or_pd(_mm_and_pd(mask, from_low), _mm_andnot_pd(mask, from_high)));
#else
  return u < split ? low + std::sqrt(u * left) : high - std::sqrt((1.0 - u) * right);
#endif
}

#if defined(__SSE2__)
// Two triangular draws at once (slots k and k + 1): the same operations as
// Triangular in each lane, so the same bits, with half the sqrt latency.
inline void TriangularPair(const SmaaSlots& s, size_t k, double u0, double u1, double* out) {
  __m128d u = _mm_set_pd(u1, u0);
  __m128d mask = _mm_cmplt_pd(u, _mm_loadu_pd(&s.split[k]));
  __m128d below = _mm_mul_pd(u, _mm_loadu_pd(&s.left[k]));
  __m128d above = _mm_mul_pd(_mm_sub_pd(_mm_set1_pd(1.0), u), _mm_loadu_pd(&s.right[k]));
  __m128d r = _mm_sqrt_pd(_mm_or_pd(_mm_and_pd(mask, below), _mm_andnot_pd(mask, above)));
  __m128d from_low = _mm_add_pd(_mm_loadu_pd(&s.low[k]), r);
  __m128d from_high = _mm_sub_pd(_mm_loadu_pd(&s.high[k]), r);
  _mm_storeu_pd(out + k, _mm_or_pd(_mm_and_pd(mask, from_low), _mm_andnot_pd(mask, from_high)));
}
#endif

class Worker {
 public:
  Worker(const SmaaPlan::Impl& plan, SmaaAccumulator& acc)
      : p_(plan), acc_(acc), params_(plan.params), values_(plan.items.size()),
        common_(plan.objectives), banks_(4 * plan.objectives), weights_(plan.objectives),
        capped_(plan.scenarios * plan.objectives), scores_(plan.scenarios), ranks_(plan.scenarios) {}

  void Sample(uint64_t i) {
    uint64_t base = SampleBase(p_.options.seed, i);
    DrawEffects(base);
    DrawWeights(p_.options.weights, p_.options.seed, i, p_.objectives, weights_.data());
    Score();
    Count(i);
  }

 private:
  // Triangular by inversion of its CDF; then every item that depends on a draw.
  void DrawEffects(uint64_t base) {
    double* params = params_.data();
    const SmaaSlots& s = p_.slot_arrays;
    double* out = params + p_.first_slot_param;
    size_t k = 0;
#if defined(__SSE2__)
    for (; k + 1 < s.size(); k += 2) {
      TriangularPair(s, k, UniformAt(base, s.key[k]), UniformAt(base, s.key[k + 1]), out);
    }
#endif
    for (; k < s.size(); ++k) {
      out[k] = Triangular(UniformAt(base, s.key[k]), s.split[k], s.low[k], s.high[k], s.left[k], s.right[k]);
    }
    for (size_t item = 0; item < p_.items.size(); ++item) values_[item] = ItemValue(p_.items[item], params);
    // The common allocation's points, summed in four interleaved banks so
    // that consecutive terms on the same objective do not wait on each
    // other's addition (a fixed order: the result is still deterministic).
    const size_t J = p_.objectives;
    std::fill(banks_.begin(), banks_.end(), 0.0);
    const SmaaTerm* terms = p_.common_terms.data();
    for (size_t t = 0; t < p_.common_terms.size(); ++t) banks_[(t & 3) * J + terms[t].objective] += values_[terms[t].item];
    for (size_t j = 0; j < J; ++j) {
      common_[j] = p_.common_constant[j] + ((banks_[j] + banks_[J + j]) + (banks_[2 * J + j] + banks_[3 * J + j]));
    }
  }

  // Objective score = min(100, common + the scenario's differences).
  void Score() {
    const size_t J = p_.objectives;
    for (size_t s = 0; s < p_.scenarios; ++s) {
      double* u = &capped_[s * J];
      const double* offset = &p_.offsets[s * J];
      for (size_t j = 0; j < J; ++j) u[j] = common_[j] + offset[j];
      for (uint32_t t = p_.term_begin[s]; t < p_.term_begin[s + 1]; ++t) {
        const SmaaTerm& term = p_.terms[t];
        u[term.objective] += term.sign * values_[term.item];
      }
      double score = 0;
      for (size_t j = 0; j < J; ++j) {
        u[j] = std::min(100.0, u[j]);
        score += weights_[j] * u[j];
      }
      scores_[s] = score;
    }
  }

  // Rank = 1 + the number of scenarios scoring strictly higher, so equal
  // scores share the better rank.
  void Rank() {
    const size_t S = p_.scenarios;
    std::fill(ranks_.begin(), ranks_.end(), 0u);
    for (size_t a = 0; a < S; ++a) {
      for (size_t b = a + 1; b < S; ++b) {
        // Counted without branches: which scenario wins is random.
        uint32_t a_wins = scores_[a] > scores_[b], b_wins = scores_[b] > scores_[a];
        acc_.beats[a * S + b] += a_wins;
        acc_.beats[b * S + a] += b_wins;
        ranks_[b] += a_wins;
        ranks_[a] += b_wins;
      }
    }
  }

  void Count(uint64_t i) {
    Rank();
    const size_t S = p_.scenarios, J = p_.objectives;
    for (size_t s = 0; s < S; ++s) {
      ++acc_.rank_counts[s * S + ranks_[s]];
      // Truncation toward zero: any fixed rule is exact to merge; the bias
      // is below 2^-32 points.
      int64_t q = static_cast<int64_t>(scores_[s] * kFixedPointScale);
      acc_.score_sum[s] += q;
      acc_.score_square_sum[s] += static_cast<ExactSum>(q) * q;
      double bin = std::min(std::max(scores_[s] * kHistogramBinsPerPoint + 0.5, 0.0),
                            static_cast<double>(kHistogramBins - 1));
      ++acc_.histogram[s * kHistogramBins + static_cast<size_t>(bin)];
      if (ranks_[s] != 0) continue;
      for (size_t j = 0; j < J; ++j) {
        acc_.best_weight_sum[s * J + j] += static_cast<int64_t>(weights_[j] * kFixedPointScale);
      }
    }
    if (i < kConfidenceSamples) {
      acc_.confidence_samples.push_back(i);
      acc_.confidence_scores.insert(acc_.confidence_scores.end(), capped_.begin(), capped_.end());
    }
  }

  const SmaaPlan::Impl& p_;
  SmaaAccumulator& acc_;
  std::vector<double> params_, values_, common_, banks_, weights_, capped_, scores_;
  std::vector<uint32_t> ranks_;
};

SmaaAccumulator RunBlock(const SmaaPlan::Impl& plan, const SmaaHeader& header, uint64_t first,
                         uint64_t end) {
  SmaaAccumulator acc = EmptyAccumulator(header, first);
  Worker worker(plan, acc);
  for (uint64_t i = first; i < end; ++i) worker.Sample(i);
  acc.end = end;
  return acc;
}

}  // namespace

SmaaAccumulator SmaaPlan::Run(uint64_t first, uint64_t end, unsigned threads,
                              uint64_t total_samples) const {
  SmaaHeader header = impl_->header;
  header.samples = total_samples;
  uint64_t n = end - first;
  uint64_t t_count = std::max<uint64_t>(1, std::min<uint64_t>(threads, n));
  if (t_count == 1) return RunBlock(*impl_, header, first, end);
  // Contiguous blocks, merged in block order; integer sums make the order
  // irrelevant anyway, and the confidence rows stay in sample order.
  std::vector<SmaaAccumulator> parts(t_count);
  std::vector<std::thread> pool;
  for (uint64_t t = 0; t < t_count; ++t) {
    uint64_t a = first + n * t / t_count, b = first + n * (t + 1) / t_count;
    pool.emplace_back([&, t, a, b] { parts[t] = RunBlock(*impl_, header, a, b); });
  }
  for (std::thread& thread : pool) thread.join();
  SmaaAccumulator total = std::move(parts[0]);
  for (uint64_t t = 1; t < t_count; ++t) MergeInto(total, parts[t]);
  return total;
}

}  // namespace allot
