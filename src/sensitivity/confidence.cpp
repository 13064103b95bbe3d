// The confidence factor's pass (Lahdelma & Salminen's SMAA-2): after the
// run, each scenario that was ever best is scored, with every other
// scenario, at its central weights over the effect draws of samples
// [first, end). A second pass because the central weights are known only
// once every sample has been counted; it redraws the effects (a pure
// function of the seed and the sample index) instead of keeping them.
#include "sensitivity/blocks.hpp"
#include "sensitivity/evaluator.hpp"

namespace allot {

namespace {

// For each scenario with central weights, the draws of [first, end) in
// which it scores at least as much as every other scenario at its weights.
std::vector<uint64_t> HitsInBlock(const CompiledSmaa& plan, const CentralWeights& central,
                                  uint64_t first, uint64_t end) {
  const size_t S = plan.scenarios, J = plan.objectives;
  std::vector<uint64_t> hits(S, 0);
  SampleEvaluator evaluator(plan);
  std::vector<double> score(S);
  // Without uncertain effects every draw is the same: count one, times all.
  uint64_t stop = plan.slots.empty() ? std::min(end, first + 1) : end;
  for (uint64_t i = first; i < stop; ++i) {
    evaluator.Objectives(i);
    const double* u = evaluator.capped().data();
    for (size_t c = 0; c < S; ++c) {
      if (!central[c]) continue;
      const double* w = central[c]->data();
      for (size_t t = 0; t < S; ++t) {
        double sum = 0;
        for (size_t j = 0; j < J; ++j) sum += w[j] * u[t * J + j];
        score[t] = sum;
      }
      // Ties count as best, as in the ranks.
      hits[c] += std::none_of(score.begin(), score.end(), [&](double v) { return v > score[c]; });
    }
  }
  if (stop < end) {
    for (uint64_t& h : hits) h *= end - first;
  }
  return hits;
}

}  // namespace

std::vector<uint64_t> ConfidenceHitsCompiled(const CompiledSmaa& plan,
                                             const CentralWeights& central, uint64_t first,
                                             uint64_t end, unsigned threads) {
  std::vector<std::vector<uint64_t>> parts(std::max(1u, threads));
  uint64_t blocks = ForBlocks(first, end, threads, [&](uint64_t t, uint64_t a, uint64_t b) {
    parts[t] = HitsInBlock(plan, central, a, b);
  });
  std::vector<uint64_t> hits(plan.scenarios, 0);
  for (uint64_t t = 0; t < blocks; ++t) {
    for (size_t s = 0; s < hits.size(); ++s) hits[s] += parts[t][s];
  }
  return hits;
}

}  // namespace allot
