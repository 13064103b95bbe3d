#include "allot/tornado.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>

#include "test_support.hpp"

using namespace allot;
using allot::testing::ModelFrom;
using allot::testing::ResolveOk;
using allot::testing::ScenarioFrom;
using Catch::Detail::Approx;

namespace {

// kSmallModel with x's points and y's max uncertain.
const char* const kUncertainModel = R"(format: allot/1
title: Small
years: [2024, 2025, 2026]
objectives:
  - {id: a, name: Objective A}
  - {id: b, name: Objective B}
weights:
  even: {a: 1, b: 1}
lines:
  - id: x
    name: Line X
    budget: {2024: 100, 2025: 200, 2026: 300}
    effects:
      a: {curve: linear, points: [0.5, 1, 2], per: 100}
  - id: y
    name: Line Y
    budget: {2024: 0, 2025: 0, 2026: 0}
    effects:
      b: {curve: saturating, max: [40, 50, 60], half: 100}
)";

// model (x 600 -> a 6) against shift (x 300 -> a 3, y 300 -> b 0.75 max)
// under even weights, with effects over `range`.
TornadoResult ShiftTornado(TornadoRange range) {
  Model model = ModelFrom(kUncertainModel);
  std::vector<Scenario> scenarios{ScenarioFrom(R"(format: allot/1
scenario: shift
name: Shift
changes:
  - move: {amount: 300, from: x, to: y}
)")};
  auto resolved = ResolveOk(model, scenarios);
  Diagnostics diags;
  std::optional<TornadoResult> r = Tornado(model, resolved, "model", "shift", "even", diags, range);
  REQUIRE(r);
  return *r;
}

// The bar of `factor`, which must be there.
TornadoBar BarOf(const TornadoResult& r, const std::string& factor) {
  auto bar = std::find_if(r.bars.begin(), r.bars.end(),
                          [&](const TornadoBar& b) { return b.factor == factor; });
  REQUIRE(bar != r.bars.end());
  return *bar;
}

}  // namespace

TEST_CASE("tornado swings computed by hand at the triangles' extremes, largest first",
          "[tornado]") {
  std::optional<TornadoResult> r = ShiftTornado(TornadoRange::kLowHigh);
  CHECK(r->effect_range == TornadoRange::kLowHigh);
  CHECK(r->base_gap == Approx(3 - 20.25));
  REQUIRE(r->bars.size() == 4);
  // y's max 40 / 60: shift's b is 30 / 45.
  CHECK(r->bars[0].factor == "y: b max");
  CHECK(r->bars[0].gap_low == Approx(3 - 0.5 * (3 + 30)));
  CHECK(r->bars[0].gap_high == Approx(3 - 0.5 * (3 + 45)));
  CHECK(r->bars[0].swing == Approx(7.5));
  CHECK(r->bars[0].range == TornadoRange::kLowHigh);
  // a's weight 0.5 * 0.75 and * 1.25, renormalised: 3/7 and 5/9.
  CHECK(r->bars[1].factor == "a");
  CHECK(r->bars[1].kind == TornadoFactorKind::kWeight);
  CHECK(r->bars[1].range == TornadoRange::kWeight25);
  CHECK(r->bars[1].low_value == Approx(3.0 / 7));
  CHECK(r->bars[1].gap_low == Approx(3.0 / 7 * 3 - 4.0 / 7 * 37.5));
  CHECK(r->bars[1].gap_high == Approx(5.0 / 9 * 3 - 4.0 / 9 * 37.5));
  CHECK(r->bars[2].factor == "b");
  CHECK(r->bars[2].swing == Approx(r->bars[1].swing));
  // x's points 0.5 / 2 move both scenarios: a = 3 / 1.5 and 12 / 6.
  CHECK(r->bars[3].factor == "x: a points");
  CHECK(r->bars[3].gap_low == Approx(0.5 * 3 - 0.5 * (1.5 + 37.5)));
  CHECK(r->bars[3].gap_high == Approx(0.5 * 12 - 0.5 * (6 + 37.5)));
  CHECK(r->bars[3].swing == Approx(2.25));
}

TEST_CASE("triangular quantiles by the closed form", "[tornado]") {
  // Symmetric [40, 50, 60]: F(x) = (x - 40)^2 / 200 below 50, so P10 = 40 + sqrt(20).
  CHECK(TriangularQuantile(Param{40, 50, 60, true}, 0.1) == Approx(40 + std::sqrt(20.0)));
  CHECK(TriangularQuantile(Param{40, 50, 60, true}, 0.9) == Approx(60 - std::sqrt(20.0)));
  CHECK(TriangularQuantile(Param{40, 50, 60, true}, 0.5) == Approx(50));
  // Skewed [0.5, 1, 2]: F(1) = 1/3; P10 = 0.5 + sqrt(0.1 * 1.5 * 0.5), P90 = 2 - sqrt(0.1 * 1.5).
  CHECK(TriangularQuantile(Param{0.5, 1, 2, true}, 0.1) == Approx(0.5 + std::sqrt(0.075)));
  CHECK(TriangularQuantile(Param{0.5, 1, 2, true}, 0.9) == Approx(2 - std::sqrt(0.15)));
  // Likely at an end: [0, 0, 1] has F(x) = 1 - (1 - x)^2.
  CHECK(TriangularQuantile(Param{0, 0, 1, true}, 0.1) == Approx(1 - std::sqrt(0.9)));
  CHECK(TriangularQuantile(Param{0, 1, 1, true}, 0.9) == Approx(std::sqrt(0.9)));
  CHECK(TriangularQuantile(Param::Exact(7), 0.1) == 7);
  CHECK(TriangularQuantile(Param{3, 3, 3, true}, 0.9) == 3);
}

TEST_CASE("tornado moves effects from P10 to P90 by default", "[tornado]") {
  TornadoResult r = ShiftTornado(TornadoRange::kP10P90);
  CHECK(r.effect_range == TornadoRange::kP10P90);
  // y's max [40, 50, 60] at 40 + sqrt(20) and 60 - sqrt(20); shift's b is 0.75 max.
  TornadoBar y = BarOf(r, "y: b max");
  CHECK(y.range == TornadoRange::kP10P90);
  CHECK(y.low_value == Approx(40 + std::sqrt(20.0)));
  CHECK(y.high_value == Approx(60 - std::sqrt(20.0)));
  CHECK(y.gap_low == Approx(3 - 0.5 * (3 + 0.75 * (40 + std::sqrt(20.0)))));
  CHECK(y.swing == Approx(0.5 * 0.75 * (20 - 2 * std::sqrt(20.0))));
  // x's points [0.5, 1, 2]: a = 6 p in model and 3 p in shift, gap 0.5 * 3 p - 0.5 * 37.5.
  TornadoBar x = BarOf(r, "x: a points");
  double p10 = 0.5 + std::sqrt(0.075), p90 = 2 - std::sqrt(0.15);
  CHECK(x.gap_low == Approx(0.5 * 3 * p10 - 0.5 * 37.5));
  CHECK(x.gap_high == Approx(0.5 * 3 * p90 - 0.5 * 37.5));
  // Weights still move by 25%: the same bars as at the extremes.
  TornadoBar a = BarOf(r, "a");
  CHECK(a.range == TornadoRange::kWeight25);
  CHECK(a.low_value == Approx(3.0 / 7));
}

TEST_CASE("tornado leaves the model untouched and covers added lines", "[tornado]") {
  Model model = ModelFrom(kUncertainModel);
  std::vector<Scenario> scenarios{ScenarioFrom(R"(format: allot/1
scenario: plus
name: Plus
changes:
  - add:
      id: z
      name: Line Z
      budget: {2024: 100}
      effects:
        a: {curve: linear, points: [1, 2, 4], per: 100}
)")};
  auto resolved = ResolveOk(model, scenarios);
  Diagnostics diags;
  std::optional<TornadoResult> r =
      Tornado(model, resolved, "plus", "model", "even", diags, TornadoRange::kLowHigh);
  REQUIRE(r);
  // z adds 2 points on a to plus only: gap 0.5 * 2; at low 0.5, at high 2.
  CHECK(r->base_gap == Approx(1));
  auto z = std::find_if(r->bars.begin(), r->bars.end(),
                        [](const TornadoBar& b) { return b.factor == "z: a points"; });
  REQUIRE(z != r->bars.end());
  CHECK(z->gap_low == Approx(0.5));
  CHECK(z->gap_high == Approx(2));
  // x moves both scenarios equally (no cap reached): no swing.
  auto x = std::find_if(r->bars.begin(), r->bars.end(),
                        [](const TornadoBar& b) { return b.factor == "x: a points"; });
  REQUIRE(x != r->bars.end());
  CHECK(x->swing == Approx(0).margin(1e-12));
  CHECK(model.lines[0].effects[0].curve.points.likely == 1);
}
