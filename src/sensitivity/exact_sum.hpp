// 128-bit arithmetic on ExactSum. The public header stores the sums as two
// 64-bit words so that it needs no compiler extension; here they are read
// and written as the GCC/Clang __int128 (`__extension__` keeps -Wpedantic
// quiet). Everything inline: the per-sample loop adds to a sum per scenario.
#pragma once

#include <cstdint>

#include "allot/sensitivity.hpp"

namespace allot::detail {

__extension__ typedef __int128 Int128;
__extension__ typedef unsigned __int128 UInt128;

// The value of `sum` (two's complement: a high word >= 2^63 is negative).
inline Int128 Wide(ExactSum sum) {
  return static_cast<Int128>((static_cast<UInt128>(sum.high) << 64) | sum.low);
}

// `value` as two words.
inline ExactSum Narrow(Int128 value) {
  UInt128 bits = static_cast<UInt128>(value);
  return ExactSum{static_cast<uint64_t>(bits), static_cast<uint64_t>(bits >> 64)};
}

inline void Add(ExactSum& sum, Int128 value) { sum = Narrow(Wide(sum) + value); }

}  // namespace allot::detail
