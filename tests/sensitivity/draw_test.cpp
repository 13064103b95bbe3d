// The draw of an uncertain parameter is a documented contract
// (docs/sensitivity.md): the vector (AVX2, AVX-512) and portable paths must give
// its exact bits, or `allot sensitivity` would answer differently on
// another CPU, and it must be triangular(low, likely, high).
#include "sensitivity/draw.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>
#include <vector>

#include "allot/weight_sampling.hpp"

namespace allot {
namespace {

Param Triangle(double low, double likely, double high) { return Param{low, likely, high, true}; }

// Slots with varied shapes: the mode at the low end, the high end and
// inside, tiny and huge ranges, negative values.
SmaaSlots VariedSlots(size_t n) {
  SmaaSlots s;
  uint64_t state = 99;
  for (size_t k = 0; k < n; ++k) {
    state = Mix64(state + k);
    double low = static_cast<double>(static_cast<int64_t>(state % 2001) - 1000) / 7.0;
    double width =
        k % 5 == 0 ? 1e-9 : (k % 7 == 0 ? 1e9 : static_cast<double>(state % 997) / 3.0 + 0.5);
    double high = low + width;
    double likely =
        k % 3 == 0 ? low
                   : (k % 3 == 1 ? high : low + width * static_cast<double>(state % 101) / 100.0);
    SmaaSlot slot = TriangleSlot(Triangle(low, likely, high));
    slot.key = Mix64(state ^ 0x1234);
    AddSlot(s, slot);
  }
  return s;
}

// The documented definition, written out here independently of draw.cpp.
double Definition(const SmaaSlots& s, size_t k, uint64_t base) {
  uint64_t h = Mix64(base ^ s.key[k]);
  double u = static_cast<double>(h >> 32), v = static_cast<double>(h & 0xffffffffULL);
  double low = s.low[k] + s.down[k] * std::min(u, v);
  return low + s.up[k] * std::max(u, v);
}

// A vector path against the portable one, at slot counts around its steps
// (eight per step) and 203 slots (25 steps and three); `path` is null when
// this build or CPU lacks `feature`.
void RequirePortableBits(DrawSlotsFn path, const char* feature) {
  if (path == nullptr) {
    WARN("this CPU has no " << feature << ": that path is not checked here");
    return;
  }
  for (size_t n : {1, 7, 8, 9, 15, 16, 17, 203}) {
    SmaaSlots slots = VariedSlots(n);
    std::vector<double> portable(n), vectorised(n);
    for (uint64_t sample = 0; sample < 2000; ++sample) {
      uint64_t base = SampleBase(7, sample);
      DrawSlotsPortable(slots, base, portable.data());
      path(slots, base, vectorised.data());
      REQUIRE(std::memcmp(portable.data(), vectorised.data(), n * sizeof(double)) == 0);
    }
  }
}

TEST_CASE("SMAA draws: the AVX2 path gives the portable path's bits", "[sensitivity][smaa]") {
  RequirePortableBits(DrawSlotsAvx2(), "AVX2");
}

TEST_CASE("SMAA draws: the AVX-512 path gives the portable path's bits", "[sensitivity][smaa]") {
  RequirePortableBits(DrawSlotsAvx512(), "AVX-512 (F and DQ)");
}

TEST_CASE("SMAA draws: the portable path gives the documented definition's bits",
          "[sensitivity][smaa]") {
  // Sizes around the pair edges; DrawSlot (used by --amounts uncertain)
  // gives the same bits.
  for (size_t n : {1, 2, 3, 16, 17, 203}) {
    SmaaSlots slots = VariedSlots(n);
    std::vector<double> draws(n);
    for (uint64_t sample = 0; sample < 200; ++sample) {
      uint64_t base = SampleBase(3, sample);
      DrawSlotsPortable(slots, base, draws.data());
      for (size_t k = 0; k < n; ++k) {
        double expected = Definition(slots, k, base);
        REQUIRE(std::memcmp(&draws[k], &expected, sizeof(double)) == 0);
        SmaaSlot slot{slots.key[k], slots.low[k], slots.high[k], slots.down[k], slots.up[k], 0};
        double single = DrawSlot(slot, base);
        REQUIRE(std::memcmp(&single, &expected, sizeof(double)) == 0);
      }
    }
  }
}

// The triangular(low, likely, high) CDF.
double TriangleCdf(double x, double low, double likely, double high) {
  if (x <= low) return 0;
  if (x >= high) return 1;
  if (x <= likely) return (x - low) * (x - low) / ((high - low) * (likely - low));
  return 1 - (high - x) * (high - x) / ((high - low) * (high - likely));
}

TEST_CASE("SMAA draws are triangular: Kolmogorov-Smirnov against the CDF", "[sensitivity][smaa]") {
  // 100,000 draws of one parameter (one key, successive samples) per shape:
  // the largest distance between their empirical CDF and the triangle's
  // must stay below 1.95 / sqrt(n), the 0.1% critical value. Swapping the
  // two slopes, or drawing with one uniform, fails this by far.
  struct Shape {
    double low, likely, high;
  };
  const size_t n = 100000;
  for (Shape t : {Shape{0, 0, 1}, Shape{0, 1, 1}, Shape{1, 2, 6}, Shape{-40, -30, -20},
                  Shape{-4, -3.9, 100}}) {
    INFO("triangular(" << t.low << ", " << t.likely << ", " << t.high << ")");
    SmaaSlot slot = TriangleSlot(Triangle(t.low, t.likely, t.high));
    slot.key = StreamKey(EffectKeyPrefix("line", "o", 0) + "points");
    std::vector<double> draws(n);
    for (uint64_t i = 0; i < n; ++i) draws[i] = DrawSlot(slot, SampleBase(11, i));
    std::sort(draws.begin(), draws.end());
    double distance = 0;
    for (size_t i = 0; i < n; ++i) {
      double f = TriangleCdf(draws[i], t.low, t.likely, t.high);
      distance =
          std::max({distance, f - static_cast<double>(i) / n, static_cast<double>(i + 1) / n - f});
    }
    CHECK(distance < 1.95 / std::sqrt(static_cast<double>(n)));
    CHECK(draws.front() >= t.low);
    CHECK(draws.back() < t.high);
    double mean = 0;
    for (double d : draws) mean += d;
    mean /= static_cast<double>(n);
    double sd = std::sqrt((t.low * t.low + t.likely * t.likely + t.high * t.high -
                           t.low * t.likely - t.low * t.high - t.likely * t.high) /
                          18);
    CHECK(mean == Approx((t.low + t.likely + t.high) / 3).margin(4.5 * sd / std::sqrt(double(n))));
  }
}

}  // namespace
}  // namespace allot
