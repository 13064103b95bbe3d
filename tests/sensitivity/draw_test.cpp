// The vector (AVX2, AVX-512) and portable draw paths of SMAA must give the
// same bits, or `allot sensitivity` would answer differently on another CPU.
#include "sensitivity/draw.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>
#include <vector>

#include "allot/weight_sampling.hpp"

namespace allot {
namespace {

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
    s.key.push_back(Mix64(state ^ 0x1234));
    s.low.push_back(low);
    s.high.push_back(high);
    s.split.push_back((likely - low) / (high - low));
    s.left.push_back((high - low) * (likely - low));
    s.right.push_back((high - low) * (high - likely));
  }
  return s;
}

// Every vector path this CPU runs against the portable path, over slot
// counts around their steps (eight for both) and 203 slots (25 full steps
// and a tail of three).
void RequireSameBits(DrawSlotsFn path) {
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

TEST_CASE("SMAA draws: every vector path gives the portable path's bits", "[sensitivity][smaa]") {
  struct Path {
    const char* name;
    DrawSlotsFn draw;
  };
  for (const Path& path :
       {Path{"AVX-512 (F and DQ)", DrawSlotsAvx512()}, Path{"AVX2", DrawSlotsAvx2()}}) {
    INFO(path.name);
    if (path.draw == nullptr) {
      WARN("this CPU has no " << path.name << ": that path is not checked here");
      continue;
    }
    RequireSameBits(path.draw);
  }
}

TEST_CASE("SMAA draws: the portable path gives a per-slot inversion's bits",
          "[sensitivity][smaa]") {
  // The portable path works in blocks of 16 slots (hashes, then inversions)
  // and pairs of lanes; each slot must still get exactly the textbook
  // inversion of its own uniform. Sizes around the block and pair edges.
  for (size_t n : {1, 2, 15, 16, 17, 31, 32, 33, 203}) {
    SmaaSlots slots = VariedSlots(n);
    std::vector<double> draws(n);
    for (uint64_t sample = 0; sample < 200; ++sample) {
      uint64_t base = SampleBase(3, sample);
      DrawSlotsPortable(slots, base, draws.data());
      for (size_t k = 0; k < n; ++k) {
        double u = UniformAt(base, slots.key[k]);
        double expected = u < slots.split[k]
                              ? slots.low[k] + std::sqrt(u * slots.left[k])
                              : slots.high[k] - std::sqrt((1.0 - u) * slots.right[k]);
        REQUIRE(std::memcmp(&draws[k], &expected, sizeof(double)) == 0);
      }
    }
  }
}

TEST_CASE("SMAA draws: the portable path inverts the triangular CDF", "[sensitivity][smaa]") {
  // One slot, triangular(0, 0, 1): F(x) = 1 - (1 - x)^2, so the draw at u
  // is 1 - sqrt(1 - u). Check the draw against UniformAt's u directly.
  SmaaSlots s;
  s.key = {
      StreamKey("line\x1fo\x1f"
                "0\x1fpoints")};
  s.low = {0};
  s.high = {1};
  s.split = {0};
  s.left = {0};
  s.right = {1};
  for (uint64_t sample = 0; sample < 100; ++sample) {
    uint64_t base = SampleBase(1, sample);
    double draw = 0;
    DrawSlotsPortable(s, base, &draw);
    double u = UniformAt(base, s.key[0]);
    REQUIRE(draw == Approx(1 - std::sqrt(1 - u)).epsilon(1e-15));
  }
}

}  // namespace
}  // namespace allot
