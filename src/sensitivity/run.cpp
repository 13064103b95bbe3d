// The per-sample loop of SMAA: draw, evaluate every scenario, rank, count.
// Flat arrays only; nothing here allocates per sample.
#include <algorithm>
#include <cmath>
#include <numeric>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "sensitivity/blocks.hpp"
#include "sensitivity/evaluator.hpp"
#include "sensitivity/exact_sum.hpp"

namespace allot {

namespace {

class Worker {
 public:
  Worker(const CompiledSmaa& plan, SmaaAccumulator& acc)
      : p_(plan),
        acc_(acc),
        evaluator_(plan),
        weights_(plan.objectives),
        scores_(plan.scenarios),
        ranks_(plan.scenarios),
        order_(plan.scenarios),
        score_scale_(std::ldexp(1.0, plan.header.score_bits)) {}

  void Sample(uint64_t i) {
    evaluator_.Objectives(i);
    DrawWeights(p_.options.weights, p_.options.seed, i, p_.objectives, weights_.data());
    Score();
    Count();
  }

 private:
  // Weighted score = sum of weight x capped objective score.
  void Score() {
    const size_t J = p_.objectives;
    const double* u = evaluator_.capped().data();
    for (size_t s = 0; s < p_.scenarios; ++s, u += J) {
      double score = 0;
      for (size_t j = 0; j < J; ++j) score += weights_[j] * u[j];
      scores_[s] = score;
    }
  }

  // Rank = 1 + the number of scenarios scoring strictly higher, so equal
  // scores share the better rank. With the pairwise table every pair is
  // compared anyway (S^2 per sample); without it a sort ranks them in
  // S log S, so that thousands of scenarios stay affordable. Both give the
  // same ranks. The pairwise path counts without branches (which scenario
  // wins is random): per scenario a, one pass over every b adds [a > b] to
  // beats[a][b] and counts [b > a] for a's rank (a against itself adds 0 to
  // both). With SSE2, two b at a time: a comparison's mask is -1 (all ones)
  // where true, so subtracting it adds 1.
  void Rank() {
    if (acc_.beats.empty()) return RankBySorting();
    const size_t S = p_.scenarios;
    const double* scores = scores_.data();
    for (size_t a = 0; a < S; ++a) {
      uint64_t* beats = &acc_.beats[a * S];
      const double score = scores[a];
      uint64_t rank = 0;
      size_t b = 0;
#if defined(__SSE2__)
      const __m128d sa = _mm_set1_pd(score);
      __m128i above = _mm_setzero_si128();
      for (; b + 1 < S; b += 2) {
        __m128d sb = _mm_loadu_pd(scores + b);
        __m128i wins = _mm_castpd_si128(_mm_cmpgt_pd(sa, sb));
        __m128i* row = reinterpret_cast<__m128i*>(beats + b);
        _mm_storeu_si128(row, _mm_sub_epi64(_mm_loadu_si128(row), wins));
        above = _mm_sub_epi64(above, _mm_castpd_si128(_mm_cmplt_pd(sa, sb)));
      }
      uint64_t lanes[2];
      _mm_storeu_si128(reinterpret_cast<__m128i*>(lanes), above);
      rank = lanes[0] + lanes[1];
#endif
      for (; b < S; ++b) {
        beats[b] += score > scores[b];
        rank += scores[b] > score;
      }
      ranks_[a] = rank;
    }
  }

  // After sorting by score, highest first, the scenarios scoring strictly
  // higher than the one at position k are those before the first position
  // with its score. Scores are finite, so the order is strict weak.
  void RankBySorting() {
    std::iota(order_.begin(), order_.end(), uint32_t{0});
    std::sort(order_.begin(), order_.end(),
              [&](uint32_t a, uint32_t b) { return scores_[a] > scores_[b]; });
    for (size_t k = 0; k < order_.size(); ++k) {
      uint32_t s = order_[k];
      bool tied = k > 0 && scores_[order_[k - 1]] == scores_[s];
      ranks_[s] = tied ? ranks_[order_[k - 1]] : k;
    }
  }

  void Count() {
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
  }

  const CompiledSmaa& p_;
  SmaaAccumulator& acc_;
  SampleEvaluator evaluator_;
  std::vector<double> weights_, scores_;
  std::vector<uint64_t> ranks_;
  std::vector<uint32_t> order_;  // scenario indexes, for RankBySorting
  double score_scale_;           // 2^score_bits
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
  std::vector<SmaaAccumulator> parts(std::max(1u, threads));
  uint64_t blocks = ForBlocks(first, end, threads, [&](uint64_t t, uint64_t a, uint64_t b) {
    parts[t] = RunBlock(plan, header, a, b);
  });
  SmaaAccumulator total = std::move(parts[0]);
  for (uint64_t t = 1; t < blocks; ++t) MergeInto(total, parts[t]);
  return total;
}

}  // namespace allot
