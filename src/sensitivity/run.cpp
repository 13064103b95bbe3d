// The per-sample loop of SMAA: draw, evaluate every scenario, rank, count.
// Flat arrays only; nothing here allocates per sample.
#include <algorithm>
#include <cmath>
#include <thread>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "sensitivity/draw.hpp"
#include "sensitivity/exact_sum.hpp"
#include "sensitivity/plan_impl.hpp"

namespace allot {

namespace {

class Worker {
 public:
  Worker(const CompiledSmaa& plan, SmaaAccumulator& acc)
      : p_(plan),
        acc_(acc),
        params_(plan.params),
        values_(plan.items.size()),
        common_(plan.objectives),
        direct_(plan.objectives),
        banks_(4 * plan.objectives),
        weights_(plan.objectives),
        capped_(plan.scenarios * plan.objectives),
        scores_(plan.scenarios),
        ranks_(plan.scenarios),
        score_scale_(std::ldexp(1.0, plan.header.score_bits)),
        draw_slots_(ChooseDrawSlots()) {}

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
    double* out = params + p_.first_slot_param;
    draw_slots_(p_.slot_arrays, base, out);
    DirectSums(out);
    ItemValues(params);
    // The common allocation's other points, summed in four interleaved
    // banks so that consecutive terms on the same objective do not wait on
    // each other's addition (a fixed order: the result is still
    // deterministic).
    const size_t J = p_.objectives;
    std::fill(banks_.begin(), banks_.end(), 0.0);
    const SmaaTerm* terms = p_.common_terms.data();
    for (size_t t = 0; t < p_.common_terms.size(); ++t)
      banks_[(t & 3) * J + terms[t].objective] += values_[terms[t].item];
    for (size_t j = 0; j < J; ++j) {
      common_[j] = p_.common_constant[j] + direct_[j] +
                   ((banks_[j] + banks_[J + j]) + (banks_[2 * J + j] + banks_[3 * J + j]));
    }
  }

  // Per objective, the sum of coefficient x draw over its direct slots: a
  // dot product over contiguous arrays, in two lanes (even and odd k) that
  // are added at the end. The scalar path adds in the same order.
  void DirectSums(const double* draws) {
    const double* coef = p_.direct_coef.data();
    for (size_t j = 0; j < p_.objectives; ++j) {
      size_t k = p_.direct_begin[j], end = p_.direct_begin[j + 1];
      double even = 0, odd = 0;
#if defined(__SSE2__)
      __m128d lanes = _mm_setzero_pd();
      for (; k + 1 < end; k += 2) {
        lanes = _mm_add_pd(lanes, _mm_mul_pd(_mm_loadu_pd(coef + k), _mm_loadu_pd(draws + k)));
      }
      even = _mm_cvtsd_f64(lanes);
      odd = _mm_cvtsd_f64(_mm_unpackhi_pd(lanes, lanes));
#else
      for (; k + 1 < end; k += 2) {
        even += coef[k] * draws[k];
        odd += coef[k + 1] * draws[k + 1];
      }
#endif
      double sum = even + odd;
      if (k < end) sum += coef[k] * draws[k];
      direct_[j] = sum;
    }
  }

  // The value of every item some term reads, one loop per kind.
  void ItemValues(const double* params) {
    const SmaaItem* items = p_.items.data();
    double* values = values_.data();
    const size_t linear_end = p_.item_kind_end[0], saturating_end = p_.item_kind_end[1];
    const size_t table_end = p_.item_kind_end[2];
    for (size_t i = 0; i < linear_end; ++i) values[i] = params[items[i].a] * items[i].k;
    for (size_t i = linear_end; i < saturating_end; ++i) {
      values[i] = params[items[i].a] * items[i].k / (items[i].k + params[items[i].b]);
    }
    for (size_t i = saturating_end; i < table_end; ++i) {
      values[i] = params[items[i].a] + (params[items[i].b] - params[items[i].a]) * items[i].k;
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
      // is below 2^-32 points. The plan chose score_bits so that |q| < 2^62.
      int64_t q = static_cast<int64_t>(scores_[s] * score_scale_);
      detail::Add(acc_.score_sum[s], q);
      detail::AddSquare(acc_.score_square_sum[s], q);
      acc_.histograms[s].Add(scores_[s]);
      if (ranks_[s] != 0) continue;
      for (size_t j = 0; j < J; ++j) {
        detail::Add(acc_.best_weight_sum[s * J + j],
                    static_cast<int64_t>(weights_[j] * kFixedPointScale));
      }
    }
    if (i < kConfidenceSamples) {
      acc_.confidence_samples.push_back(i);
      acc_.confidence_scores.insert(acc_.confidence_scores.end(), capped_.begin(), capped_.end());
    }
  }

  const CompiledSmaa& p_;
  SmaaAccumulator& acc_;
  std::vector<double> params_, values_, common_, direct_, banks_, weights_, capped_, scores_;
  std::vector<uint32_t> ranks_;
  double score_scale_;  // 2^score_bits
  DrawSlotsFn draw_slots_;
};

SmaaAccumulator RunBlock(const CompiledSmaa& plan, const SmaaHeader& header, uint64_t first,
                         uint64_t end) {
  SmaaAccumulator acc = EmptyAccumulator(header, first);
  Worker worker(plan, acc);
  for (uint64_t i = first; i < end; ++i) worker.Sample(i);
  acc.end = end;
  return acc;
}

}  // namespace

SmaaAccumulator RunCompiled(const CompiledSmaa& plan, uint64_t first, uint64_t end,
                            unsigned threads, uint64_t total_samples) {
  SmaaHeader header = plan.header;
  header.samples = total_samples;
  uint64_t n = end - first;
  uint64_t t_count = std::max<uint64_t>(1, std::min<uint64_t>(threads, n));
  if (t_count == 1) return RunBlock(plan, header, first, end);
  // Contiguous blocks, merged in block order; integer sums make the order
  // irrelevant anyway, and the confidence rows stay in sample order.
  std::vector<SmaaAccumulator> parts(t_count);
  std::vector<std::thread> pool;
  for (uint64_t t = 0; t < t_count; ++t) {
    uint64_t a = first + n * t / t_count, b = first + n * (t + 1) / t_count;
    pool.emplace_back([&, t, a, b] { parts[t] = RunBlock(plan, header, a, b); });
  }
  for (std::thread& thread : pool) thread.join();
  SmaaAccumulator total = std::move(parts[0]);
  for (uint64_t t = 1; t < t_count; ++t) MergeInto(total, parts[t]);
  return total;
}

}  // namespace allot
