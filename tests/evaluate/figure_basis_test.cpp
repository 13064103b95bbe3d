// What each compared figure rests on (ScenarioBasis): worked out by hand on
// small models whose lines, effects and weights have known levels.
#include <catch2/catch.hpp>

#include "allot/compare.hpp"
#include "test_support.hpp"

using namespace allot;
using allot::testing::ModelFrom;
using allot::testing::Render;
using allot::testing::ResolveOk;
using allot::testing::ScenarioFrom;

namespace {

using L = ProvenanceLevel;

CompareResult CompareAll(const Model& model, const std::vector<Scenario>& scenarios) {
  Diagnostics diags;
  std::optional<CompareResult> result =
      Compare(model, ResolveOk(model, scenarios), CompareOptions{}, diags);
  INFO(Render(diags));
  REQUIRE(result);
  return *result;
}

// Everything sourced: no figure rests on anything weaker.
const char* const kSourcedOnly = R"(format: allot/1
title: T
years: [2024, 2025]
objectives: [{id: a, name: A}]
weights: {w: {a: 1}}
motions: [{id: m, ref: K, asks: M, min_spend: {amount: 10, provenance: {level: sourced, ref: K}}}]
provenance:
  year_totals: {level: sourced, ref: K}
  amounts: {level: sourced, ref: K}
  effects: {level: sourced, ref: K}
  weights: {level: sourced, ref: K}
lines:
  - {id: x, name: X, budget: {2024: 100, 2025: 100}, motions: [m],
     effects: {a: {curve: linear, points: 1, per: 100}}}
)";

// x's amounts are assumed and only x affects a and funds n; y (sourced)
// alone affects b and funds m. Year totals are sourced.
const char* const kOneAssumedLine = R"(format: allot/1
title: T
years: [2024, 2025]
objectives: [{id: a, name: A}, {id: b, name: B}]
weights:
  a_only: {a: 1}
  b_only: {b: 1}
  both: {a: 1, b: 1}
motions:
  - {id: m, ref: K, asks: M}
  - {id: n, ref: K, asks: N}
provenance:
  year_totals: {level: sourced, ref: K}
  amounts: {level: sourced, ref: K}
  effects: {level: sourced, ref: K}
  weights: {level: sourced, ref: K}
lines:
  - {id: x, name: X, budget: {2024: 100, 2025: 100}, amounts: assumed, motions: [n],
     effects: {a: {curve: linear, points: 1, per: 100}}}
  - {id: y, name: Y, budget: {2024: 100, 2025: 100}, motions: [m],
     effects: {b: {curve: linear, points: 1, per: 100}}}
)";

}  // namespace

TEST_CASE("a sourced-only model: every figure is sourced", "[compare][basis]") {
  CompareResult r = CompareAll(ModelFrom(kSourcedOnly), {});
  const ScenarioBasis& b = r.scenarios.at(0).basis;
  CHECK(b.total == L::kSourced);
  CHECK(b.by_year == std::vector<L>{L::kSourced, L::kSourced});
  CHECK(b.objectives == std::vector<L>{L::kSourced});
  CHECK(b.weighted == std::vector<L>{L::kSourced});
  CHECK(b.rank == std::vector<L>{L::kSourced});
  CHECK(b.cost_per_point == std::vector<L>{L::kSourced});
  CHECK(b.motions_funded == std::vector<L>{L::kSourced});
  CHECK(b.delta_total == L::kSourced);
}

TEST_CASE("an assumed line amount marks exactly the figures that depend on it",
          "[compare][basis]") {
  CompareResult r = CompareAll(ModelFrom(kOneAssumedLine), {});
  const ScenarioResult& s = r.scenarios.at(0);
  const ScenarioBasis& b = s.basis;
  // The year totals and the grand total are sourced in their own right.
  CHECK(b.total == L::kSourced);
  CHECK(b.by_year == std::vector<L>{L::kSourced, L::kSourced});
  // x's amounts are assumed, y's are not.
  REQUIRE(s.lines.size() == 2);
  CHECK(s.lines[0].year_basis == L::kAssumed);
  CHECK(s.lines[0].total_basis == L::kAssumed);
  CHECK(s.lines[1].year_basis == L::kSourced);
  // Only a rests on x.
  CHECK(b.objectives == std::vector<L>{L::kAssumed, L::kSourced});
  CHECK(b.weighted == std::vector<L>{L::kAssumed, L::kSourced, L::kAssumed});
  CHECK(b.rank == std::vector<L>{L::kAssumed, L::kSourced, L::kAssumed});
  CHECK(b.delta_weighted == std::vector<L>{L::kAssumed, L::kSourced, L::kAssumed});
  // Cost per point: a sourced total over the weighted score.
  CHECK(b.cost_per_point == std::vector<L>{L::kAssumed, L::kSourced, L::kAssumed});
  // m is funded by y, n by x.
  CHECK(b.motions_funded == std::vector<L>{L::kSourced, L::kAssumed});
}

TEST_CASE("judged effects and weights mark the scores, not the money", "[compare][basis]") {
  std::string yaml = kSourcedOnly;
  yaml.replace(yaml.find("effects: {level: sourced, ref: K}"),
               std::string("effects: {level: sourced, ref: K}").size(), "effects: judgement");
  CompareResult r = CompareAll(ModelFrom(yaml), {});
  const ScenarioBasis& b = r.scenarios.at(0).basis;
  CHECK(b.total == L::kSourced);
  CHECK(b.by_year == std::vector<L>{L::kSourced, L::kSourced});
  CHECK(b.objectives == std::vector<L>{L::kJudgement});
  CHECK(b.weighted == std::vector<L>{L::kJudgement});
  CHECK(b.cost_per_point == std::vector<L>{L::kJudgement});
  CHECK(b.motions_funded == std::vector<L>{L::kSourced});
}

TEST_CASE("a scenario's changes weaken its own figures and its changes, not the baseline's",
          "[compare][basis]") {
  Model model = ModelFrom(kOneAssumedLine);
  // An assumed move from x to y within each year: y's amounts become assumed.
  std::vector<Scenario> scenarios = {
      ScenarioFrom("format: allot/1\nscenario: s\nbudget: neutral-per-year\namounts: assumed\n"
                   "changes:\n  - move: {amount: 50, from: x, to: y}\n")};
  CompareResult r = CompareAll(model, scenarios);
  const ScenarioBasis& base = r.scenarios.at(0).basis;
  const ScenarioBasis& s = r.scenarios.at(1).basis;
  CHECK(base.objectives == std::vector<L>{L::kAssumed, L::kSourced});
  CHECK(s.objectives == std::vector<L>{L::kAssumed, L::kAssumed});
  CHECK(s.total == L::kSourced);  // unchanged totals keep the model's level
  CHECK(s.delta_total == L::kSourced);
  CHECK(s.delta_weighted == std::vector<L>{L::kAssumed, L::kAssumed, L::kAssumed});
  // b_only now compares an assumed score with a sourced one.
  CHECK(base.rank == std::vector<L>{L::kAssumed, L::kAssumed, L::kAssumed});
  CHECK(s.motions_funded == std::vector<L>{L::kAssumed, L::kAssumed});
}
