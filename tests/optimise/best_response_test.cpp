// BestResponse (src/optimise/best_response.cpp) is the part of every dual
// bound that optimise and frontier report: its `bound` must be at least
// the line's gain at every total. Checked against brute force on a fine
// grid of whole cents, with CurveValue (as Evaluate) and not the formulas
// BestResponse uses, on generated lines mixing tables (with convex kinks),
// saturating curves of both signs, straight lines and thresholds.
#include <catch2/catch.hpp>
#include <random>
#include <sstream>

#include "allot/evaluate.hpp"
#include "optimise/problem.hpp"
#include "test_support.hpp"

using namespace allot;
using allot::testing::ModelFrom;

namespace {

struct Rng {
  std::mt19937 engine;
  int Between(int lo, int hi) {
    return lo + static_cast<int>(engine() % static_cast<uint32_t>(hi - lo + 1));
  }
};

std::string CurveYaml(Rng& rng) {
  std::ostringstream y;
  switch (rng.Between(0, 3)) {
    case 0:
      y << "{curve: linear, points: " << rng.Between(1, 8) << ", per: 100000";
      break;
    case 1: {
      y << "{curve: table, points: [";
      int64_t x = 0;
      int value = 0;
      int n = rng.Between(1, 4);
      for (int k = 0; k < n; ++k) {
        x += 50000 * rng.Between(1, 4);
        value += rng.Between(0, 12);
        y << (k ? ", " : "") << "[" << x << ", " << value << "]";
      }
      y << "]";
      break;
    }
    case 2:
      y << "{curve: saturating, max: " << rng.Between(5, 40)
        << ", half: " << 50000 * rng.Between(1, 8);
      break;
    default:
      y << "{curve: saturating, max: -" << rng.Between(1, 10)
        << ", half: " << 50000 * rng.Between(1, 8);
      break;
  }
  if (rng.Between(0, 2) == 0) y << ", threshold: " << 50000 * rng.Between(1, 5);
  y << "}";
  return y.str();
}

// The line's gain at `cents` by Evaluate's own CurveValue.
double Gain(const Model& m, const Line& line, const std::vector<double>& worth, double cost,
            int64_t cents) {
  double g = -cost * static_cast<double>(cents) / 100.0;
  for (const Effect& e : line.effects) {
    g += worth[static_cast<size_t>(m.ObjectiveIndex(e.objective))] *
         CurveValue(e.curve, Money::FromCents(cents));
  }
  return g;
}

}  // namespace

TEST_CASE("BestResponse bounds a line's gain at every total (brute force)", "[optimise]") {
  for (uint32_t seed = 1; seed <= 300; ++seed) {
    Rng rng{std::mt19937(seed)};
    std::ostringstream y;
    y << "format: allot/1\ntitle: t\nyears: [2024]\nobjectives:\n"
         "  - {id: a, name: a}\n  - {id: b, name: b}\n  - {id: c, name: c}\n"
         "weights:\n  w: {a: 1, b: 1, c: 1}\nlines:\n  - id: l\n    name: L\n"
         "    budget: {2024: 0}\n    effects:\n";
    int effects = rng.Between(1, 3);
    for (int e = 0; e < effects; ++e)
      y << "      " << static_cast<char>('a' + e) << ": " << CurveYaml(rng) << "\n";
    Model m = ModelFrom(y.str());
    const Line& line = m.lines[0];
    std::vector<double> worth = {rng.Between(0, 10) / 10.0, rng.Between(0, 10) / 10.0,
                                 rng.Between(0, 10) / 10.0};
    double cost = rng.Between(0, 40) * 1e-6;  // points per EUR
    int64_t lo = 25000 * rng.Between(0, 4);
    int64_t hi = lo + 25000 * rng.Between(0, 40);
    detail::LineGain best = detail::BestResponse(m, line, worth, cost, static_cast<double>(lo),
                                                 static_cast<double>(hi));
    double most = -1e300;
    int64_t at = lo;
    for (int64_t cents = lo * 100; cents <= hi * 100; cents += 5000) {  // every EUR 50
      double g = Gain(m, line, worth, cost, cents);
      if (g > most) most = g, at = cents;
    }
    INFO("seed " << seed << "\n"
                 << y.str() << "worth " << worth[0] << " " << worth[1] << " " << worth[2]
                 << " cost " << cost << " on [" << lo << ", " << hi << "]; grid best " << most
                 << " at " << at / 100 << " EUR; bound " << best.bound << " at " << best.total);
    CHECK(best.bound >= most - 1e-9 * (1 + std::fabs(most)));
    CHECK(best.total >= static_cast<double>(lo));
    CHECK(best.total <= static_cast<double>(hi));
  }
}

TEST_CASE("BestResponse at a table's convex kink: the slope inside the stretch", "[optimise]") {
  // Gain on [0, 200000]: 2e-5 x (table) + 10 x / (x + 20000) - 1e-4 x,
  // concave there with its peak inside; past the table point at 200000 the
  // table's slope jumps to 2.2e-4. A tangent with the slope from the right
  // at 200000 (the bug this guards against) bounds the stretch by its
  // value at 200000, below the peak.
  Model m = ModelFrom(R"(format: allot/1
title: t
years: [2024]
objectives: [{id: a, name: a}, {id: b, name: b}]
weights: {w: {a: 1, b: 1}}
lines:
  - id: l
    name: L
    budget: {2024: 0}
    effects:
      a: {curve: table, points: [[200000, 4], [250000, 15]]}
      b: {curve: saturating, max: 10, half: 20000}
)");
  std::vector<double> worth = {1, 1};
  double cost = 1e-4;
  double most = -1e300;
  for (int64_t cents = 0; cents <= 20000000; cents += 100)
    most = std::max(most, Gain(m, m.lines[0], worth, cost, cents));
  // The peak: 10 * 20000 / (x + 20000)^2 = 8e-5, x = 30000; gain
  // 0.6 + 6 - 3 = 3.6 (at 200000: 4 + 9.09 - 20 < 0; at 0: 0).
  CHECK(most == Approx(3.6).epsilon(1e-9));
  detail::LineGain best = detail::BestResponse(m, m.lines[0], worth, cost, 0, 200000);
  CHECK(best.bound >= most);
  CHECK(best.bound <= most + 1e-6);
  CHECK(best.total == Approx(30000).epsilon(1e-6));
}
