// The triangular draws of one SMAA sample: the hottest loop of
// `allot sensitivity`. A portable path (SSE2 pairs on x86-64, scalar
// elsewhere) and, chosen at run time, a four-lane AVX2 path and an
// eight-lane AVX-512 (F and DQ) path. All give the same bits: the hash is integer arithmetic, and
// the floating-point steps (multiply, subtract, square root, add) are correctly rounded IEEE
// operations in the same order, never fused. So results do not depend on which path ran (tested).
#pragma once

#include <cstdint>
#include <string>

#include "sensitivity/plan_impl.hpp"

namespace allot {

// The stream-key prefix of the parameters of one of a line's effects (the
// ordinal-th effect on that objective); a parameter's key is the prefix and
// its role ("points", "max", "half", "table0", ...). The SMAA kernel and
// `--amounts uncertain` both key by it, so a seed draws a parameter alike.
std::string EffectKeyPrefix(const std::string& line_id, const std::string& objective, int ordinal);

// The slot that draws p from its triangle: low, high and the CDF terms
// every draw path reads (key and param are the caller's).
SmaaSlot TriangleSlot(const Param& p);

// One draw of a slot at the uniform u, by the same operations as every
// path of DrawSlots (so the same bits).
double DrawSlotAt(const SmaaSlot& slot, double u);

// out[k] = the draw of slot k in the sample with base `base`, for every slot.
using DrawSlotsFn = void (*)(const SmaaSlots& slots, uint64_t base, double* out);

void DrawSlotsPortable(const SmaaSlots& slots, uint64_t base, double* out);

// The AVX-512 (F and DQ) path, or null when this build or this CPU has none.
DrawSlotsFn DrawSlotsAvx512();

// The AVX2 path, or null when this build or this CPU has none.
DrawSlotsFn DrawSlotsAvx2();

// The widest path this CPU runs.
inline DrawSlotsFn ChooseDrawSlots() {
  if (DrawSlotsFn avx512 = DrawSlotsAvx512()) return avx512;
  if (DrawSlotsFn avx2 = DrawSlotsAvx2()) return avx2;
  return DrawSlotsPortable;
}

}  // namespace allot
