#include "sensitivity/draw.hpp"

#include <cmath>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define ALLOT_HAVE_VECTOR_PATHS 1
#endif

#include "allot/weight_sampling.hpp"

namespace allot {

namespace {

// Triangular(low, likely, high) by inversion of its CDF at u, without
// branches: u is random, so a branch between the two sides would be
// mispredicted half the time, and std::sqrt's errno check serialises the
// loop on the sqrt's latency. Both paths give the same bits.
inline double Triangular(double u, double split, double low, double high, double left,
                         double right) {
#if defined(__SSE2__)
  __m128d mask = _mm_cmplt_sd(_mm_set_sd(u), _mm_set_sd(split));
  __m128d below = _mm_set_sd(u * left), above = _mm_set_sd((1.0 - u) * right);
  __m128d t = _mm_or_pd(_mm_and_pd(mask, below), _mm_andnot_pd(mask, above));
  __m128d r = _mm_sqrt_sd(t, t);
  __m128d from_low = _mm_add_sd(_mm_set_sd(low), r), from_high = _mm_sub_sd(_mm_set_sd(high), r);
  return _mm_cvtsd_f64(_mm_or_pd(_mm_and_pd(mask, from_low), _mm_andnot_pd(mask, from_high)));
#else
  return u < split ? low + std::sqrt(u * left) : high - std::sqrt((1.0 - u) * right);
#endif
}

#if defined(__SSE2__)
// Two triangular draws at once (slots k and k + 1, uniforms read from
// out[k], out[k + 1]): the same operations as Triangular in each lane, so
// the same bits, with half the sqrt latency.
inline void TriangularPair(const SmaaSlots& s, size_t k, double* out) {
  __m128d u = _mm_loadu_pd(out + k);
  __m128d mask = _mm_cmplt_pd(u, _mm_loadu_pd(&s.split[k]));
  __m128d below = _mm_mul_pd(u, _mm_loadu_pd(&s.left[k]));
  __m128d above = _mm_mul_pd(_mm_sub_pd(_mm_set1_pd(1.0), u), _mm_loadu_pd(&s.right[k]));
  __m128d r = _mm_sqrt_pd(_mm_or_pd(_mm_and_pd(mask, below), _mm_andnot_pd(mask, above)));
  __m128d from_low = _mm_add_pd(_mm_loadu_pd(&s.low[k]), r);
  __m128d from_high = _mm_sub_pd(_mm_loadu_pd(&s.high[k]), r);
  _mm_storeu_pd(out + k, _mm_or_pd(_mm_and_pd(mask, from_low), _mm_andnot_pd(mask, from_high)));
}
#endif

#if defined(ALLOT_HAVE_VECTOR_PATHS)
// Eight slots at once: Mix64 of base ^ key in 64-bit lanes (vpmullq is
// AVX-512DQ), the top 53 bits to [0, 1) as UnitInterval does (exact: they
// fit a double), then Triangular's operations with mask blends. Shifts and
// the square root use the zero-masked forms with a full mask: the same
// instructions, but GCC 12 warns that the plain forms' "undefined" source
// may be used uninitialized (a false positive, GCC bug 105593).
constexpr __mmask8 kAll = 0xFF;

template <unsigned kBits>
__attribute__((target("avx512f,avx512dq"))) inline __m512i ShiftRight(__m512i x) {
  return _mm512_maskz_srli_epi64(kAll, x, kBits);  // an immediate: unoptimised builds need one
}

__attribute__((target("avx512f,avx512dq"))) void DrawAvx512(const SmaaSlots& s, uint64_t base,
                                                            double* out) {
  const __m512i b = _mm512_set1_epi64(static_cast<long long>(base));
  const __m512i m1 = _mm512_set1_epi64(static_cast<long long>(0xbf58476d1ce4e5b9ULL));
  const __m512i m2 = _mm512_set1_epi64(static_cast<long long>(0x94d049bb133111ebULL));
  const __m512d scale = _mm512_set1_pd(0x1.0p-53), one = _mm512_set1_pd(1.0);
  size_t k = 0;
  for (; k + 8 <= s.size(); k += 8) {
    __m512i x = _mm512_xor_si512(b, _mm512_loadu_si512(&s.key[k]));
    x = _mm512_mullo_epi64(_mm512_xor_si512(x, ShiftRight<30>(x)), m1);
    x = _mm512_mullo_epi64(_mm512_xor_si512(x, ShiftRight<27>(x)), m2);
    x = _mm512_xor_si512(x, ShiftRight<31>(x));
    __m512d u = _mm512_mul_pd(_mm512_cvtepu64_pd(ShiftRight<11>(x)), scale);
    __mmask8 below = _mm512_cmp_pd_mask(u, _mm512_loadu_pd(&s.split[k]), _CMP_LT_OQ);
    __m512d t = _mm512_mask_blend_pd(
        below, _mm512_mul_pd(_mm512_sub_pd(one, u), _mm512_loadu_pd(&s.right[k])),
        _mm512_mul_pd(u, _mm512_loadu_pd(&s.left[k])));
    __m512d r = _mm512_maskz_sqrt_pd(kAll, t);
    _mm512_storeu_pd(out + k,
                     _mm512_mask_blend_pd(below, _mm512_sub_pd(_mm512_loadu_pd(&s.high[k]), r),
                                          _mm512_add_pd(_mm512_loadu_pd(&s.low[k]), r)));
  }
  for (; k < s.size(); ++k) {
    out[k] = Triangular(UniformAt(base, s.key[k]), s.split[k], s.low[k], s.high[k], s.left[k],
                        s.right[k]);
  }
}

// Four slots at once in AVX2, eight per step: the eight uniforms are hashed
// in scalar registers (AVX2 has no 64-bit multiply; emulating it in vector
// lanes was slower on the EPYC) and put into two vectors directly, then
// Triangular's operations with blendv. Storing the uniforms to memory and
// loading them back as vectors, as the portable path does, stalls: a
// 32-byte load cannot take its value from four 8-byte stores still in
// flight. The same operations in the same order as the portable path, so
// the same bits (tested); "avx2" without "fma", so nothing is fused.
__attribute__((target("avx2"))) inline __m256d UniformsAvx2(const uint64_t* key, uint64_t base) {
  return _mm256_set_pd(UniformAt(base, key[3]), UniformAt(base, key[2]), UniformAt(base, key[1]),
                       UniformAt(base, key[0]));
}

__attribute__((target("avx2"))) inline __m256d TriangularAvx2(const SmaaSlots& s, size_t k,
                                                              __m256d u) {
  const __m256d one = _mm256_set1_pd(1.0);
  __m256d below = _mm256_cmp_pd(u, _mm256_loadu_pd(&s.split[k]), _CMP_LT_OQ);
  __m256d t = _mm256_blendv_pd(_mm256_mul_pd(_mm256_sub_pd(one, u), _mm256_loadu_pd(&s.right[k])),
                               _mm256_mul_pd(u, _mm256_loadu_pd(&s.left[k])), below);
  __m256d r = _mm256_sqrt_pd(t);
  return _mm256_blendv_pd(_mm256_sub_pd(_mm256_loadu_pd(&s.high[k]), r),
                          _mm256_add_pd(_mm256_loadu_pd(&s.low[k]), r), below);
}

__attribute__((target("avx2"))) void DrawAvx2(const SmaaSlots& s, uint64_t base, double* out) {
  const size_t n = s.size();
  const uint64_t* key = s.key.data();
  size_t k = 0;
  for (; k + 8 <= n; k += 8) {  // of 4, 8 and 16 slots per step, the fastest on the EPYC
    __m256d first = UniformsAvx2(key + k, base), second = UniformsAvx2(key + k + 4, base);
    _mm256_storeu_pd(out + k, TriangularAvx2(s, k, first));
    _mm256_storeu_pd(out + k + 4, TriangularAvx2(s, k + 4, second));
  }
  for (; k < n; ++k) {
    out[k] =
        Triangular(UniformAt(base, key[k]), s.split[k], s.low[k], s.high[k], s.left[k], s.right[k]);
  }
}
#endif

}  // namespace

// In blocks of 16 slots: first the block's uniforms (the integer hash),
// then its triangular inversions. In one loop per slot, the hash, the
// conversion and the square root made one long dependency chain per slot,
// and the out-of-order window held too few slots to keep the square-root
// unit busy; block by block, each pass overlaps many slots (measured in
// docs/sensitivity.md, section Speed).
std::string EffectKeyPrefix(const std::string& line_id, const std::string& objective, int ordinal) {
  return line_id + '\x1f' + objective + '\x1f' + std::to_string(ordinal) + '\x1f';
}

SmaaSlot TriangleSlot(const Param& p) {
  SmaaSlot slot;
  slot.low = p.low;
  slot.high = p.high;
  slot.split = (p.likely - p.low) / (p.high - p.low);
  slot.left = (p.high - p.low) * (p.likely - p.low);
  slot.right = (p.high - p.low) * (p.high - p.likely);
  return slot;
}

double DrawSlotAt(const SmaaSlot& slot, double u) {
  return Triangular(u, slot.split, slot.low, slot.high, slot.left, slot.right);
}

void DrawSlotsPortable(const SmaaSlots& s, uint64_t base, double* out) {
  const size_t n = s.size();
  const uint64_t* key = s.key.data();
  size_t k = 0;
#if defined(__SSE2__)
  constexpr size_t kBlock = 16;  // of 8, 16 and 32 slots, the fastest on the EPYC
  for (; k + kBlock <= n; k += kBlock) {
    for (size_t i = k; i < k + kBlock; ++i) out[i] = UniformAt(base, key[i]);
    for (size_t i = k; i < k + kBlock; i += 2) TriangularPair(s, i, out);
  }
  for (size_t i = k; i < n; ++i) out[i] = UniformAt(base, key[i]);
  for (; k + 1 < n; k += 2) TriangularPair(s, k, out);
#else
  for (size_t i = 0; i < n; ++i) out[i] = UniformAt(base, key[i]);
#endif
  for (; k < n; ++k) {
    out[k] = Triangular(out[k], s.split[k], s.low[k], s.high[k], s.left[k], s.right[k]);
  }
}

DrawSlotsFn DrawSlotsAvx512() {
#if defined(ALLOT_HAVE_VECTOR_PATHS)
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq")) return DrawAvx512;
#endif
  return nullptr;
}

DrawSlotsFn DrawSlotsAvx2() {
#if defined(ALLOT_HAVE_VECTOR_PATHS)
  if (__builtin_cpu_supports("avx2")) return DrawAvx2;
#endif
  return nullptr;
}

}  // namespace allot
