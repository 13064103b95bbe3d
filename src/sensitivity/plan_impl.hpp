// The compiled form of an SMAA run: flat arrays, no strings or maps, so the
// per-sample loop (src/sensitivity/run.cpp) touches only numbers. Built by
// src/sensitivity/plan.cpp, behind the public SmaaPlan interface.
#pragma once

#include <cstdint>
#include <vector>

#include "allot/sensitivity.hpp"

namespace allot {

// One uncertain parameter: triangular(low, likely, high), drawn once per
// sample from stream `key` (a hash of line id, objective, effect ordinal and
// role, so the same parameter gets the same draw in every scenario) as
// low + down * min(u, v) + up * max(u, v), u and v the hash's two 32-bit
// halves (src/sensitivity/draw.cpp).
struct SmaaSlot {
  uint64_t key = 0;
  double low = 0, high = 0;
  double down = 0;     // (high - likely) * 2^-32
  double up = 0;       // (likely - low) * 2^-32
  uint32_t param = 0;  // where the draw goes in the parameter array
};

enum class SmaaItemKind : uint8_t {
  kLinear,      // P[a] * k
  kSaturating,  // P[a] * k / (k + P[b])      (k = spend in EUR)
  kTable,       // P[a] + (P[b] - P[a]) * k   (k = fraction of the segment)
};

// The points one effect of one line gives at one total spend.
struct SmaaItem {
  SmaaItemKind kind = SmaaItemKind::kLinear;
  uint32_t a = 0, b = 0;  // indexes into the parameter array
  double k = 0;
};

// A term added to an objective: item value times sign (+1 or -1).
struct SmaaTerm {
  uint32_t item = 0;
  uint32_t objective = 0;
  double sign = 1;
};

// A scenario's linear difference to the common allocation: coef times a
// drawn parameter, added to an objective. One per (parameter, objective):
// a line that a scenario funds differently from the common allocation has
// two linear terms on the same draw (its amount there, minus the common
// amount), merged into one coefficient.
struct SmaaLinearTerm {
  uint32_t param = 0;
  uint32_t objective = 0;
  double coef = 0;
};

// The value of an item given the parameter array (inline: the sample loop
// calls it for every uncertain item).
inline double ItemValue(const SmaaItem& item, const double* params) {
  switch (item.kind) {
    case SmaaItemKind::kLinear:
      return params[item.a] * item.k;
    case SmaaItemKind::kSaturating:
      return params[item.a] * item.k / (item.k + params[item.b]);
    case SmaaItemKind::kTable:
      return params[item.a] + (params[item.b] - params[item.a]) * item.k;
  }
  return 0;
}

// The uncertain parameters as parallel arrays (structure of arrays), so the
// per-sample draw is one branch-free pass; slot k's draw goes to
// params[first_slot_param + k].
struct SmaaSlots {
  std::vector<uint64_t> key;
  std::vector<uint64_t> spread;  // key ^ (key >> 30): Mix64's first step, done once (draw.cpp)
  std::vector<double> low, high, down, up;
  size_t size() const { return key.size(); }
};

// Everything a sample needs, as laid out by Finalise in plan.cpp.
struct CompiledSmaa {
  SmaaHeader header;
  SmaaOptions options;
  size_t objectives = 0;        // J
  size_t scenarios = 0;         // S
  std::vector<double> params;   // constants, then one entry per slot (overwritten per sample)
  std::vector<SmaaSlot> slots;  // the uncertain parameters
  SmaaSlots slot_arrays;        // `slots` as arrays, built by Finalise
  size_t first_slot_param = 0;  // params index of slot 0 after Finalise
  std::vector<SmaaItem> items;  // items whose value depends on a slot, grouped by kind
  size_t item_kind_end[3] = {0, 0, 0};  // items of kind k end at item_kind_end[k] (after Finalise)
  std::vector<double> common_constant;  // J: the common allocation's fixed points
  std::vector<SmaaTerm> common_terms;   // the common allocation's uncertain items (sign +1)
  // Direct terms (after Finalise): slot k < direct_begin[J] is read by just
  // one common term, a linear one, adding direct_coef[k] * draw to the
  // objective j with direct_begin[j] <= k < direct_begin[j + 1]. Most
  // uncertain parameters are such, and summing them straight from the draws
  // skips the item and term arrays. `common_terms` keeps the others.
  std::vector<uint32_t> direct_begin;  // J + 1
  std::vector<double> direct_coef;     // direct_begin[J]
  std::vector<double> offsets;         // S x J: each scenario's fixed difference to common
  std::vector<uint32_t> term_begin;    // S + 1: each scenario's slice of `terms`
  std::vector<SmaaTerm> terms;         // each scenario's uncertain differences to common
  // After Finalise, `terms` keeps only the saturating and table ones; the
  // linear ones are here, sorted by objective within each scenario (so a
  // run of them is summed in a register before touching the objective).
  std::vector<uint32_t> linear_begin;  // S + 1: each scenario's slice of `linear_terms`
  std::vector<SmaaLinearTerm> linear_terms;
};

// SmaaPlan::Run on the compiled arrays (src/sensitivity/run.cpp).
SmaaAccumulator RunCompiled(const CompiledSmaa& plan, uint64_t first, uint64_t end,
                            unsigned threads, uint64_t total_samples);

// SmaaPlan::ConfidenceHits on the compiled arrays (src/sensitivity/confidence.cpp).
std::vector<uint64_t> ConfidenceHitsCompiled(const CompiledSmaa& plan,
                                             const CentralWeights& central, uint64_t first,
                                             uint64_t end, unsigned threads);

}  // namespace allot
