// 128-bit arithmetic on ExactSum. The public header stores the sums as two
// 64-bit words so that it needs no compiler extension; here they are read
// and written as the GCC/Clang __int128 (`__extension__` keeps -Wpedantic
// quiet). Everything inline: the per-sample loop adds to a sum per scenario.
#pragma once

#include <cmath>
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

// Adds x to the 192-bit `sum`, carrying out of the low 128 bits.
inline void Add(SquareSum& sum, UInt128 x) {
  UInt128 low = (static_cast<UInt128>(sum.middle) << 64) | sum.low;
  low += x;
  sum.high += low < x;
  sum.low = static_cast<uint64_t>(low);
  sum.middle = static_cast<uint64_t>(low >> 64);
}

inline void Add(SquareSum& sum, const SquareSum& other) {
  Add(sum, (static_cast<UInt128>(other.middle) << 64) | other.low);
  sum.high += other.high;
}

// Adds q^2 (below 2^126 for any int64 q).
inline void AddSquare(SquareSum& sum, int64_t q) {
  Add(sum, static_cast<UInt128>(static_cast<Int128>(q) * q));
}

// The value of `sum`, rounded to a long double.
inline long double Value(const SquareSum& sum) {
  return std::ldexp(static_cast<long double>(sum.high), 128) +
         std::ldexp(static_cast<long double>(sum.middle), 64) + static_cast<long double>(sum.low);
}

}  // namespace allot::detail
