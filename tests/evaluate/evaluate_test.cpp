#include "allot/evaluate.hpp"

#include <catch2/catch.hpp>

#include "test_support.hpp"

using namespace allot;
using allot::testing::kSmallModel;
using allot::testing::ModelFrom;
using allot::testing::ResolveOk;
using Catch::Detail::Approx;

namespace {

Money Eur(int64_t euros) { return Money::FromCents(euros * 100); }

Curve Linear(double points, int64_t per) {
  Curve c;
  c.kind = CurveKind::kLinear;
  c.points = Param::Exact(points);
  c.per = Eur(per);
  return c;
}

}  // namespace

TEST_CASE("linear curves give points per amount", "[evaluate]") {
  Curve c = Linear(2, 100000);
  CHECK(CurveValue(c, Eur(0)) == 0);
  CHECK(CurveValue(c, Eur(250000)) == Approx(5.0));
  c.points = Param{1, 2, 4, true};
  CHECK(CurveValue(c, Eur(100000), ParamPick::kLow) == Approx(1.0));
  CHECK(CurveValue(c, Eur(100000), ParamPick::kHigh) == Approx(4.0));
}

TEST_CASE("saturating curves reach half their maximum at `half`", "[evaluate]") {
  Curve c;
  c.kind = CurveKind::kSaturating;
  c.max = Param::Exact(30);
  c.half = Param::Exact(250000);
  CHECK(CurveValue(c, Eur(250000)) == Approx(15.0));
  CHECK(CurveValue(c, Eur(750000)) == Approx(22.5));
  CHECK(CurveValue(c, Eur(0)) == 0);
}

TEST_CASE("tables interpolate from (0,0) and stay flat after the last point", "[evaluate]") {
  Curve c;
  c.kind = CurveKind::kTable;
  c.table = {{Eur(100), Param::Exact(10)}, {Eur(300), Param::Exact(20)}};
  CHECK(CurveValue(c, Eur(50)) == Approx(5.0));
  CHECK(CurveValue(c, Eur(100)) == Approx(10.0));
  CHECK(CurveValue(c, Eur(200)) == Approx(15.0));
  CHECK(CurveValue(c, Eur(1000)) == Approx(20.0));
}

TEST_CASE("below the threshold a curve gives nothing", "[evaluate]") {
  Curve c = Linear(1, 100);
  c.threshold = Eur(500);
  CHECK(CurveValue(c, Money::FromCents(49999)) == 0);
  CHECK(CurveValue(c, Eur(500)) == Approx(5.0));
}

TEST_CASE("objective scores add the lines' points and stop at 100", "[evaluate]") {
  Model model = ModelFrom(kSmallModel);
  // x: 600 EUR at 1 point per 100 -> 6 points on a; y spends nothing.
  auto resolved = ResolveOk(model, {});
  Evaluation e = Evaluate(model, resolved[0]);
  CHECK(e.objectives == std::vector<double>{6.0, 0.0});
  model.lines[0].effects[0].curve.points = Param::Exact(50);
  e = Evaluate(model, resolved[0]);
  CHECK(e.uncapped[0] == Approx(300.0));
  CHECK(e.objectives[0] == 100.0);
  CHECK(WeightedScore(model.weights[0], e.objectives) == Approx(50.0));  // even: 0.5 * 100
}

TEST_CASE("a motion is funded when its lines spend at least min_spend", "[evaluate]") {
  Model model = ModelFrom(kSmallModel);
  auto resolved = ResolveOk(model, {});
  CHECK(MotionSpend(model, resolved[0])[0].cents() == 60000);
  CHECK(MotionsFunded(model, resolved[0]) == std::vector<bool>{true});
  model.motions[0].min_spend = Money::FromCents(60001);
  CHECK(MotionsFunded(model, resolved[0]) == std::vector<bool>{false});
}
