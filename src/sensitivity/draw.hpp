// The triangular draws of one SMAA sample: the hottest loop of
// `allot sensitivity`. A portable path (SSE2 pairs on x86-64, scalar
// elsewhere) and, chosen at run time, a four-lane AVX2 path and an
// eight-lane AVX-512 path. All give the same bits: the hash is integer
// arithmetic, and the floating-point steps
// (exact conversions, min, max, multiply, add) are correctly rounded IEEE
// operations in the same order, never fused. So results do not depend on
// which path ran (tested). The definition is in draw.cpp (DrawFromBits)
// and docs/sensitivity.md.
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

// The slot that draws p from its triangle: low, high and the two slopes
// every draw path reads (key and param are the caller's).
SmaaSlot TriangleSlot(const Param& p);

// Appends slot to the arrays.
void AddSlot(SmaaSlots& slots, const SmaaSlot& slot);

// The slot's draw in the sample with base `base`, by the same operations
// as every path of DrawSlots (so the same bits).
double DrawSlot(const SmaaSlot& slot, uint64_t base);

// out[k] = the draw of slot k in the sample with base `base`, for every slot.
using DrawSlotsFn = void (*)(const SmaaSlots& slots, uint64_t base, double* out);

void DrawSlotsPortable(const SmaaSlots& slots, uint64_t base, double* out);

// The AVX2 path, or null when this build or this CPU has none.
DrawSlotsFn DrawSlotsAvx2();

// The AVX-512 path (AVX-512F and DQ), or null when this build or this CPU
// has none.
DrawSlotsFn DrawSlotsAvx512();

// The widest path this CPU runs.
inline DrawSlotsFn ChooseDrawSlots() {
  if (DrawSlotsFn avx512 = DrawSlotsAvx512()) return avx512;
  if (DrawSlotsFn avx2 = DrawSlotsAvx2()) return avx2;
  return DrawSlotsPortable;
}

}  // namespace allot
