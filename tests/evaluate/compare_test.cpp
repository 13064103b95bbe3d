#include "allot/compare.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>

#include "test_support.hpp"

using namespace allot;
using allot::testing::kSmallModel;
using allot::testing::ModelFrom;
using allot::testing::Render;
using allot::testing::ResolveOk;
using allot::testing::ScenarioFrom;
using Catch::Detail::Approx;

namespace {

CompareResult CompareOk(const Model& model, const std::vector<ResolvedScenario>& resolved,
                        CompareOptions options = {}) {
  Diagnostics diags;
  std::optional<CompareResult> result = Compare(model, resolved, options, diags);
  INFO(Render(diags));
  REQUIRE(result);
  return *result;
}

const char* const kShift = R"(format: allot/1
scenario: shift
name: Shift to y
budget: neutral
changes:
  - move: {amount: 300, from: x, to: y}
)";

}  // namespace

TEST_CASE("ranks: 1 is best and equal scores share the better rank", "[compare]") {
  CHECK(RankDescending({3, 1, 2}) == std::vector<int>{1, 3, 2});
  CHECK(RankDescending({5, 5, 1, 5}) == std::vector<int>{1, 1, 4, 1});
  CHECK(RankDescending({}).empty());
}

TEST_CASE("compare scores, ranks and measures against the baseline", "[compare]") {
  Model model = ModelFrom(kSmallModel);
  std::vector<Scenario> scenarios = {ScenarioFrom(kShift)};
  CompareResult r = CompareOk(model, ResolveOk(model, scenarios));
  REQUIRE(r.scenarios.size() == 2);
  const ScenarioResult& base = r.scenarios[0];
  const ScenarioResult& shift = r.scenarios[1];
  // model: a = 6, b = 0. shift: x keeps 300 EUR -> a = 3; y gets 300 -> b = 50*300/400.
  CHECK(base.objectives == std::vector<double>{6, 0});
  CHECK(shift.objectives[0] == Approx(3));
  CHECK(shift.objectives[1] == Approx(37.5));
  CHECK(base.weighted[0] == Approx(3));  // even
  CHECK(shift.weighted[0] == Approx(20.25));
  CHECK(base.weighted[1] == Approx(6));  // a_only
  CHECK(shift.rank == std::vector<int>{1, 2});
  CHECK(base.rank == std::vector<int>{2, 1});
  CHECK(shift.delta_total.cents() == 0);
  CHECK(shift.delta_weighted[0] == Approx(17.25));
  CHECK(shift.cost_per_point[0]->cents() == 2963);  // 60000 cents / 20.25 points
  CHECK(shift.motions_funded == std::vector<bool>{true});
}

TEST_CASE("compare selects weight sets and baselines by name", "[compare]") {
  Model model = ModelFrom(kSmallModel);
  std::vector<Scenario> scenarios = {ScenarioFrom(kShift)};
  auto resolved = ResolveOk(model, scenarios);
  CompareResult r = CompareOk(model, resolved, CompareOptions{{"a_only"}, "shift"});
  REQUIRE(r.weight_sets.size() == 1);
  CHECK(r.scenarios[0].delta_weighted[0] == Approx(3));
  Diagnostics diags;
  CHECK_FALSE(Compare(model, resolved, CompareOptions{{"evn"}, "nope"}, diags));
  CHECK(Render(diags) ==
        "error: --weights: unknown weight set 'evn' (did you mean 'even'?)\n"
        "error: --baseline: unknown scenario 'nope'\n");
}

TEST_CASE("property: results do not depend on the order of lines", "[compare][property]") {
  Model model = ModelFrom(kSmallModel);
  for (int i = 0; i < 6; ++i) {
    Line extra = model.lines[0];
    extra.id = "extra" + std::to_string(i);
    extra.effects[0].curve.points = Param::Exact(0.1 * (i + 1));
    model.lines.push_back(extra);
  }
  std::vector<Scenario> scenarios = {ScenarioFrom(kShift)};
  CompareResult reference = CompareOk(model, ResolveOk(model, scenarios));
  std::mt19937 random(7);
  for (int trial = 0; trial < 10; ++trial) {
    Model shuffled = model;
    std::shuffle(shuffled.lines.begin(), shuffled.lines.end(), random);
    CompareResult r = CompareOk(shuffled, ResolveOk(shuffled, scenarios));
    for (size_t s = 0; s < r.scenarios.size(); ++s) {
      // Exact equality: the evaluator sums in a canonical order.
      CHECK(r.scenarios[s].objectives == reference.scenarios[s].objectives);
      CHECK(r.scenarios[s].weighted == reference.scenarios[s].weighted);
      CHECK(r.scenarios[s].by_year == reference.scenarios[s].by_year);
    }
  }
}

TEST_CASE("property: results do not depend on the order of scenario files", "[compare][property]") {
  Model model = ModelFrom(kSmallModel);
  Scenario shift = ScenarioFrom(kShift);
  Scenario on_top = ScenarioFrom(R"(format: allot/1
scenario: on-top
base: shift
changes:
  - scale: {line: y, by: 2}
)");
  Scenario other = ScenarioFrom(R"(format: allot/1
scenario: other
changes:
  - move: {amount: 100, from: x, to: y, year: 2024}
)");
  std::vector<Scenario> forward = {shift, on_top, other};
  std::vector<Scenario> backward = {other, on_top, shift};
  CompareResult a = CompareOk(model, ResolveOk(model, forward));
  CompareResult b = CompareOk(model, ResolveOk(model, backward));
  for (const ScenarioResult& s : a.scenarios) {
    auto same = std::find_if(b.scenarios.begin(), b.scenarios.end(),
                             [&](const ScenarioResult& t) { return t.id == s.id; });
    REQUIRE(same != b.scenarios.end());
    CHECK(same->objectives == s.objectives);
    CHECK(same->weighted == s.weighted);
    CHECK(same->rank == s.rank);
    CHECK(same->by_year == s.by_year);
  }
}
