#include "sensitivity/draw.hpp"

#include <algorithm>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define ALLOT_HAVE_X86_PATHS 1
#endif

#include "allot/weight_sampling.hpp"

namespace allot {

namespace {

// The draw from the slot's 64 hash bits h: u and v are the two 32-bit
// halves of h as whole numbers (exact in a double), and
//   draw = (low + down * min(u, v)) + up * max(u, v)
// with down = (high - likely) * 2^-32 and up = (likely - low) * 2^-32.
// (1 - c) * min(U, V) + c * max(U, V) of two uniforms U, V is
// triangular(0, c, 1) (Stein and Keblis 2009), so this is
// triangular(low, likely, high) on a grid of 2^-32 of its range: no
// square root, no division, no branch. Every path below does exactly these
// IEEE operations in this order, never fused (allot_lib is compiled with
// -ffp-contract=off, and the AVX2 path targets "avx2" without "fma").
inline double DrawFromBits(uint64_t h, double low, double down, double up) {
  double u = static_cast<double>(static_cast<uint32_t>(h >> 32));
  double v = static_cast<double>(static_cast<uint32_t>(h));
  return (low + down * std::min(u, v)) + up * std::max(u, v);
}

// Mix64(base ^ key) from spread = key ^ (key >> 30) and the sample's
// base ^ (base >> 30): Mix64's first step, x ^ (x >> 30), distributes over
// the XOR of base and key, so it is done once per slot and once per sample
// instead of once per draw. The same bits as Mix64(base ^ key).
inline uint64_t HashSpread(uint64_t spread_base, uint64_t spread) {
  uint64_t x = (spread_base ^ spread) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

inline uint64_t Spread(uint64_t x) { return x ^ (x >> 30); }

#if defined(__SSE2__)
// Two 32-bit halves held in 64-bit lanes as doubles, exactly: the bits of
// 2^52 + x, less 2^52 (x < 2^32 fits the mantissa).
inline __m128d HalvesToDouble(__m128i x) {
  const __m128i exponent = _mm_set1_epi64x(0x4330000000000000LL);
  const __m128d two52 = _mm_set1_pd(0x1.0p52);
  return _mm_sub_pd(_mm_castsi128_pd(_mm_or_si128(x, exponent)), two52);
}

// Slots k and k + 1: the same operations as DrawFromBits in each lane, so
// the same bits. The two hashes go straight into a vector (see DrawAvx2).
// `base` is the sample's Spread(base).
inline void DrawPair(const SmaaSlots& s, size_t k, uint64_t base, double* out) {
  __m128i h = _mm_set_epi64x(static_cast<long long>(HashSpread(base, s.spread[k + 1])),
                             static_cast<long long>(HashSpread(base, s.spread[k])));
  __m128d u = HalvesToDouble(_mm_srli_epi64(h, 32));
  __m128d v = HalvesToDouble(_mm_and_si128(h, _mm_set1_epi64x(0xffffffffLL)));
  __m128d low =
      _mm_add_pd(_mm_loadu_pd(&s.low[k]), _mm_mul_pd(_mm_loadu_pd(&s.down[k]), _mm_min_pd(u, v)));
  _mm_storeu_pd(out + k, _mm_add_pd(low, _mm_mul_pd(_mm_loadu_pd(&s.up[k]), _mm_max_pd(u, v))));
}
#endif

#if defined(ALLOT_HAVE_X86_PATHS) && !defined(ALLOT_NO_AVX2)
// Four slots at once in AVX2, eight per step: the eight hashes are computed
// in scalar registers (AVX2 has no 64-bit multiply; emulating it in vector
// lanes was slower on the EPYC) and put into two vectors directly, then
// DrawFromBits's operations in four lanes. Storing the hashes to memory and
// loading them back as vectors stalls: a 32-byte load cannot take its value
// from four 8-byte stores still in flight.
__attribute__((target("avx2"))) inline __m256d HalvesToDoubleAvx2(__m256i x) {
  const __m256i exponent = _mm256_set1_epi64x(0x4330000000000000LL);
  return _mm256_sub_pd(_mm256_castsi256_pd(_mm256_or_si256(x, exponent)), _mm256_set1_pd(0x1.0p52));
}

// Mix64 in a general-purpose register: the empty asm keeps GCC from
// vectorising four of them (it emulates the 64-bit multiply with three
// vpmuludq each, which was 7% slower in total on the EPYC).
inline long long ScalarHash(uint64_t spread_base, uint64_t spread) {
  uint64_t h = HashSpread(spread_base, spread);
  asm("" : "+r"(h));
  return static_cast<long long>(h);
}

// `base` is the sample's Spread(base).
__attribute__((target("avx2"))) inline __m256d DrawFourAvx2(const SmaaSlots& s, size_t k,
                                                            uint64_t base) {
  const uint64_t* spread = s.spread.data() + k;
  __m256i h = _mm256_set_epi64x(ScalarHash(base, spread[3]), ScalarHash(base, spread[2]),
                                ScalarHash(base, spread[1]), ScalarHash(base, spread[0]));
  __m256d u = HalvesToDoubleAvx2(_mm256_srli_epi64(h, 32));
  __m256d v = HalvesToDoubleAvx2(_mm256_and_si256(h, _mm256_set1_epi64x(0xffffffffLL)));
  __m256d low = _mm256_add_pd(_mm256_loadu_pd(&s.low[k]),
                              _mm256_mul_pd(_mm256_loadu_pd(&s.down[k]), _mm256_min_pd(u, v)));
  return _mm256_add_pd(low, _mm256_mul_pd(_mm256_loadu_pd(&s.up[k]), _mm256_max_pd(u, v)));
}

__attribute__((target("avx2"))) void DrawAvx2(const SmaaSlots& s, uint64_t sample_base,
                                              double* out) {
  const size_t n = s.size();
  const uint64_t base = Spread(sample_base);
  size_t k = 0;
  for (; k + 8 <= n; k += 8) {
    __m256d first = DrawFourAvx2(s, k, base), second = DrawFourAvx2(s, k + 4, base);
    _mm256_storeu_pd(out + k, first);
    _mm256_storeu_pd(out + k + 4, second);
  }
  for (; k < n; ++k) {
    out[k] = DrawFromBits(HashSpread(base, s.spread[k]), s.low[k], s.down[k], s.up[k]);
  }
}
#endif

#if defined(ALLOT_HAVE_X86_PATHS) && !defined(ALLOT_NO_AVX512)
// Eight slots at once in AVX-512: AVX-512DQ multiplies 64-bit lanes
// (vpmullq), so the whole hash runs in vector lanes and nothing passes
// through scalar registers; the last n mod 8 slots run masked. The same
// integer steps as HashSpread and the same IEEE operations as DrawFromBits
// in each lane, so the same bits.
#define ALLOT_AVX512 __attribute__((target("avx512f,avx512dq")))
// GCC 12's AVX-512 intrinsics start from a self-initialised "undefined"
// vector, which -Wmaybe-uninitialized reports (GCC bug 105593).
#if !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

ALLOT_AVX512 inline __m512d HalvesToDoubleAvx512(__m512i x) {
  const __m512i exponent = _mm512_set1_epi64(0x4330000000000000LL);
  return _mm512_sub_pd(_mm512_castsi512_pd(_mm512_or_si512(x, exponent)), _mm512_set1_pd(0x1.0p52));
}

// The slots' arrays, read through plain pointers: a store to `out` could
// otherwise alias the vectors' own pointers, which would be reloaded after
// every store.
struct SlotArrays {
  const uint64_t* spread;
  const double *low, *down, *up;
};

// Slots k .. k + 7; `base` holds the sample's Spread(base) in every lane;
// lanes outside `lanes` are neither read nor written.
ALLOT_AVX512 inline void DrawEightAvx512(const SlotArrays& s, size_t k, __m512i base,
                                         __mmask8 lanes, double* out) {
  const __m512i m1 = _mm512_set1_epi64(static_cast<long long>(0xbf58476d1ce4e5b9ULL));
  const __m512i m2 = _mm512_set1_epi64(static_cast<long long>(0x94d049bb133111ebULL));
  __m512i h = _mm512_xor_si512(base, _mm512_maskz_loadu_epi64(lanes, s.spread + k));
  h = _mm512_mullo_epi64(h, m1);
  h = _mm512_mullo_epi64(_mm512_xor_si512(h, _mm512_srli_epi64(h, 27)), m2);
  h = _mm512_xor_si512(h, _mm512_srli_epi64(h, 31));
  __m512d u = HalvesToDoubleAvx512(_mm512_srli_epi64(h, 32));
  __m512d v = HalvesToDoubleAvx512(_mm512_and_si512(h, _mm512_set1_epi64(0xffffffffLL)));
  __m512d low =
      _mm512_add_pd(_mm512_maskz_loadu_pd(lanes, s.low + k),
                    _mm512_mul_pd(_mm512_maskz_loadu_pd(lanes, s.down + k), _mm512_min_pd(u, v)));
  __m512d draw = _mm512_add_pd(
      low, _mm512_mul_pd(_mm512_maskz_loadu_pd(lanes, s.up + k), _mm512_max_pd(u, v)));
  _mm512_mask_storeu_pd(out + k, lanes, draw);
}

ALLOT_AVX512 void DrawAvx512(const SmaaSlots& slots, uint64_t sample_base, double* out) {
  const size_t n = slots.size();
  const SlotArrays s{slots.spread.data(), slots.low.data(), slots.down.data(), slots.up.data()};
  const __m512i base = _mm512_set1_epi64(static_cast<long long>(Spread(sample_base)));
  size_t k = 0;
  for (; k + 8 <= n; k += 8) DrawEightAvx512(s, k, base, 0xff, out);
  if (k < n) DrawEightAvx512(s, k, base, static_cast<__mmask8>((1u << (n - k)) - 1), out);
}
#if !defined(__clang__)
#pragma GCC diagnostic pop
#endif
#undef ALLOT_AVX512
#endif

}  // namespace

std::string EffectKeyPrefix(const std::string& line_id, const std::string& objective, int ordinal) {
  return line_id + '\x1f' + objective + '\x1f' + std::to_string(ordinal) + '\x1f';
}

SmaaSlot TriangleSlot(const Param& p) {
  SmaaSlot slot;
  slot.low = p.low;
  slot.high = p.high;
  slot.down = (p.high - p.likely) * 0x1.0p-32;
  slot.up = (p.likely - p.low) * 0x1.0p-32;
  return slot;
}

void AddSlot(SmaaSlots& slots, const SmaaSlot& slot) {
  slots.key.push_back(slot.key);
  slots.spread.push_back(Spread(slot.key));
  slots.low.push_back(slot.low);
  slots.high.push_back(slot.high);
  slots.down.push_back(slot.down);
  slots.up.push_back(slot.up);
}

double DrawSlot(const SmaaSlot& slot, uint64_t base) {
  return DrawFromBits(Mix64(base ^ slot.key), slot.low, slot.down, slot.up);
}

// Two slots at a time in SSE2 (x86-64 always has it), else one.
void DrawSlotsPortable(const SmaaSlots& s, uint64_t sample_base, double* out) {
  const size_t n = s.size();
  const uint64_t base = Spread(sample_base);
  size_t k = 0;
#if defined(__SSE2__)
  for (; k + 2 <= n; k += 2) DrawPair(s, k, base, out);
#endif
  for (; k < n; ++k) {
    out[k] = DrawFromBits(HashSpread(base, s.spread[k]), s.low[k], s.down[k], s.up[k]);
  }
}

DrawSlotsFn DrawSlotsAvx2() {
#if defined(ALLOT_HAVE_X86_PATHS) && !defined(ALLOT_NO_AVX2)
  if (__builtin_cpu_supports("avx2")) return DrawAvx2;
#endif
  return nullptr;
}

DrawSlotsFn DrawSlotsAvx512() {
#if defined(ALLOT_HAVE_X86_PATHS) && !defined(ALLOT_NO_AVX512)
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq")) return DrawAvx512;
#endif
  return nullptr;
}

}  // namespace allot
