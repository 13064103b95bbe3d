// The effect draws of one sample and every scenario's capped objective
// scores under them: the part of a sample that the SMAA loop (run.cpp) and
// the confidence factor's pass (confidence.cpp) share. Flat arrays only;
// nothing here allocates per sample.
#pragma once

#include <algorithm>
#include <vector>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "allot/weight_sampling.hpp"
#include "sensitivity/draw.hpp"
#include "sensitivity/plan_impl.hpp"

namespace allot {

class SampleEvaluator {
 public:
  explicit SampleEvaluator(const CompiledSmaa& plan)
      : p_(plan),
        params_(plan.params),
        values_(plan.items.size()),
        common_(plan.objectives),
        direct_(plan.objectives),
        banks_(4 * plan.objectives),
        capped_(plan.scenarios * plan.objectives),
        draw_slots_(ChooseDrawSlots()) {}

  // Draws sample `sample`'s effects and caps every scenario's objective
  // scores: capped()[s * J + j] = min(100, points of scenario s on j).
  void Objectives(uint64_t sample) {
    DrawEffects(SampleBase(p_.options.seed, sample));
    const size_t J = p_.objectives;
    for (size_t s = 0; s < p_.scenarios; ++s) {
      double* u = &capped_[s * J];
      const double* offset = &p_.offsets[s * J];
      for (size_t j = 0; j < J; ++j) u[j] = common_[j] + offset[j];
      // Linear differences, sorted by objective: each objective's run is
      // summed in a register, so consecutive terms do not wait on a store
      // and reload of u[j].
      const SmaaLinearTerm* t = p_.linear_terms.data() + p_.linear_begin[s];
      const SmaaLinearTerm* end = p_.linear_terms.data() + p_.linear_begin[s + 1];
      const double* params = params_.data();
      while (t < end) {
        uint32_t j = t->objective;
        double sum = 0;
        do {
          sum += t->coef * params[t->param];
          ++t;
        } while (t < end && t->objective == j);
        u[j] += sum;
      }
      for (uint32_t k = p_.term_begin[s]; k < p_.term_begin[s + 1]; ++k) {
        const SmaaTerm& term = p_.terms[k];
        u[term.objective] += term.sign * values_[term.item];
      }
    }
    // The cap, for all scenarios at once after the sums: the compiler does
    // it in vector lanes, and a vector load of values just stored one by
    // one stalls until the stores complete (a wide load cannot take its
    // value from narrower stores still in flight); capping each scenario
    // right after its sums stalled on every one (8% of a sample on the
    // EPYC), now at most on the last.
    for (double& v : capped_) v = std::min(100.0, v);
  }

  const std::vector<double>& capped() const { return capped_; }

 private:
  // The triangular draws (draw.cpp); then every item that depends on a draw.
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
  // dot product over contiguous arrays, in four lanes (k mod 4) that are
  // added at the end, so that four additions are in flight instead of one
  // waiting on the last. The scalar path adds in the same order.
  void DirectSums(const double* draws) {
    const double* coef = p_.direct_coef.data();
    for (size_t j = 0; j < p_.objectives; ++j) {
      size_t k = p_.direct_begin[j], end = p_.direct_begin[j + 1];
      double lane[4] = {0, 0, 0, 0};
#if defined(__SSE2__)
      __m128d low = _mm_setzero_pd(), high = _mm_setzero_pd();
      for (; k + 3 < end; k += 4) {
        low = _mm_add_pd(low, _mm_mul_pd(_mm_loadu_pd(coef + k), _mm_loadu_pd(draws + k)));
        high =
            _mm_add_pd(high, _mm_mul_pd(_mm_loadu_pd(coef + k + 2), _mm_loadu_pd(draws + k + 2)));
      }
      _mm_storeu_pd(lane, low);
      _mm_storeu_pd(lane + 2, high);
#else
      for (; k + 3 < end; k += 4) {
        for (int l = 0; l < 4; ++l) lane[l] += coef[k + l] * draws[k + l];
      }
#endif
      double sum = (lane[0] + lane[2]) + (lane[1] + lane[3]);
      for (; k < end; ++k) sum += coef[k] * draws[k];
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

  const CompiledSmaa& p_;
  std::vector<double> params_, values_, common_, direct_, banks_, capped_;
  DrawSlotsFn draw_slots_;
};

}  // namespace allot
