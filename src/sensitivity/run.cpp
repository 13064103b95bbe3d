// The per-sample loop of SMAA: draw, evaluate every scenario, rank, count.
// Flat arrays only; nothing here allocates per sample.
#include <algorithm>
#include <cmath>
#include <numeric>

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
  // compared anyway (S^2 / 2 per sample); without it a sort ranks them in
  // S log S, so that thousands of scenarios stay affordable. Both give the
  // same ranks.
  void Rank() {
    if (acc_.beats.empty()) return RankBySorting();
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
      ranks_[s] = tied ? ranks_[order_[k - 1]] : static_cast<uint32_t>(k);
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
  std::vector<uint32_t> ranks_;
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
