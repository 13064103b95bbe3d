// allot sensitivity --amounts uncertain: the amount draws keep every
// sourced total exact (conservation), the statements' shares match an
// analytic answer on a tiny model, and nothing depends on --threads.
#include "allot/uncertain_amounts.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <memory>

#include "allot/resolve.hpp"
#include "allot/sensitivity.hpp"
#include "test_support.hpp"

namespace allot {
namespace {

using testing::ModelFrom;
using testing::ScenarioFrom;
using testing::ShippedModel;
using testing::ShippedScenarios;

Money Eur(int64_t euros) { return Money::FromCents(euros * 100); }

Money AmountIn(const Line& line, int year) {
  auto it = line.budget.find(year);
  return it == line.budget.end() ? Money() : it->second;
}

TEST_CASE("ScaleIntoRanges: exact sum, within ranges, proportional where free", "[uncertain]") {
  std::vector<AmountBounds> wide(3, AmountBounds{Money(), Eur(1000)});
  auto parts = ScaleIntoRanges(Eur(600), {Eur(100), Eur(200), Eur(300)}, wide);
  REQUIRE(parts);
  CHECK((*parts)[0] == Eur(100));
  CHECK((*parts)[1] == Eur(200));
  CHECK((*parts)[2] == Eur(300));

  // Scaling 1:1:4 to 600 would give 400 to the last; its range stops at
  // 250, so it is held there and the other two share the rest equally.
  std::vector<AmountBounds> capped = {
      {Money(), Eur(1000)}, {Money(), Eur(1000)}, {Money(), Eur(250)}};
  parts = ScaleIntoRanges(Eur(600), {Eur(10), Eur(10), Eur(40)}, capped);
  REQUIRE(parts);
  CHECK((*parts)[0] == Eur(175));
  CHECK((*parts)[1] == Eur(175));
  CHECK((*parts)[2] == Eur(250));

  // Held at the low end: scaling 1:1:18 to 100 would give 5 to the first two.
  std::vector<AmountBounds> floors = {
      {Eur(20), Eur(100)}, {Eur(20), Eur(100)}, {Money(), Eur(100)}};
  parts = ScaleIntoRanges(Eur(100), {Eur(1), Eur(1), Eur(18)}, floors);
  REQUIRE(parts);
  CHECK((*parts)[0] == Eur(20));
  CHECK((*parts)[1] == Eur(20));
  CHECK((*parts)[2] == Eur(60));

  // Cents by largest remainder: 1 cent over three equal draws.
  parts = ScaleIntoRanges(Money::FromCents(100), {Eur(1), Eur(1), Eur(1)}, wide);
  REQUIRE(parts);
  CHECK((*parts)[0].cents() + (*parts)[1].cents() + (*parts)[2].cents() == 100);
  CHECK((*parts)[0].cents() == 34);

  // The ranges cannot hold the total.
  CHECK_FALSE(ScaleIntoRanges(Eur(3001), {Eur(1), Eur(1), Eur(1)}, wide));
  CHECK_FALSE(ScaleIntoRanges(Eur(30), {Eur(1), Eur(1), Eur(1)}, floors));
}

TEST_CASE("every drawn allocation of the shipped model keeps its sourced totals to the cent",
          "[uncertain]") {
  const Model model = ShippedModel();
  AmountSampler sampler(model, kDefaultAmountRange);
  // The information point's total (reported) and each year's (sourced).
  REQUIRE(sampler.kept().size() == 1 + model.years.size());
  std::map<std::pair<std::string, int>, AmountBounds> range;
  for (const DrawnAmount& a : sampler.amounts()) range[{a.line, a.year}] = a.range;
  Model drawn = model;
  bool moved = false;
  for (uint64_t i = 0; i < 2000; ++i) {
    REQUIRE(sampler.Draw(7, i, 0, drawn));
    for (int year : model.years) {
      Money total, written;
      for (size_t l = 0; l < model.lines.size(); ++l) {
        Money amount = AmountIn(drawn.lines[l], year);
        total += amount;
        written += AmountIn(model.lines[l], year);
        auto r = range.find({model.lines[l].id, year});
        if (r == range.end()) {
          CHECK(amount == AmountIn(model.lines[l], year));  // not assumed: as written
        } else {
          CHECK(r->second.low <= amount);
          CHECK(amount <= r->second.high);
          moved = moved || amount != AmountIn(model.lines[l], year);
        }
      }
      CHECK(total == written);  // EUR 2,000,000 to the cent
    }
    const Line& point = drawn.lines[static_cast<size_t>(model.LineIndex("information_point"))];
    Money point_total;
    for (int year : model.years) point_total += AmountIn(point, year);
    CHECK(point_total == Eur(650000));
  }
  CHECK(moved);
}

TEST_CASE("an amount without bounds moves within the default range, a sourced one stays",
          "[uncertain]") {
  const Model model = ModelFrom(R"(format: allot/1
title: t
years: [2024]
objectives: [{id: o, name: O}]
weights: {w: {o: 1}}
lines:
  - {id: a, name: A, budget: {2024: 1000}, amounts: assumed}
  - {id: s, name: S, budget: {2024: 500}, amounts: {level: sourced, ref: r}}
)");
  AmountSampler sampler(model, 0.25);
  REQUIRE(sampler.amounts().size() == 1);
  CHECK(sampler.amounts()[0].range.low == Eur(750));
  CHECK(sampler.amounts()[0].range.high == Eur(1250));
  CHECK_FALSE(sampler.amounts()[0].stated);
  CHECK(sampler.kept().empty());  // the year totals state nothing: they move
  Model drawn = model;
  REQUIRE(sampler.Draw(1, 3, 0, drawn));
  CHECK(AmountIn(drawn.lines[1], 2024) == Eur(500));
  CHECK(AmountIn(drawn.lines[0], 2024) >= Eur(750));
  CHECK(AmountIn(drawn.lines[0], 2024) <= Eur(1250));
}

// Two assumed lines share a sourced total of EUR 100 in one year, each
// within [0, 100]. Line a scores 1 point per euro, b nothing. With u_a, u_b
// uniform and a = 100 u_a / (u_a + u_b), P(a > x) for x = 100 p, p <= 1/2,
// is 1 - k/2 with k = p / (1 - p). Scenario `fixed` sets a to x: the model
// scores higher than it exactly when a > x.
TEST_CASE("the share of 'model scores higher' matches the analytic answer", "[uncertain]") {
  const Model model = ModelFrom(R"(format: allot/1
title: t
years: [2024]
objectives: [{id: o, name: O}]
weights: {w: {o: 1}}
provenance:
  year_totals: {level: sourced, ref: r}
lines:
  - id: a
    name: A
    budget: {2024: 50}
    amounts: assumed
    bounds: [0, 100]
    effects: {o: {curve: linear, points: 1, per: 1}}
  - {id: b, name: B, budget: {2024: 50}, amounts: assumed, bounds: [0, 100]}
)");
  struct Case {
    const char* amount;
    double p;  // x / 100
  };
  for (Case c : {Case{"4.76", 0.0476}, Case{"15", 0.15}, Case{"60", 0.6}}) {
    std::vector<Scenario> scenarios = {
        ScenarioFrom(std::string("format: allot/1\nscenario: fixed\nchanges:\n"
                                 "  - set: {line: a, budget: {2024: ") +
                     c.amount + "}}\n")};
    Diagnostics diags;
    std::vector<ResolvedScenario> resolved = ResolveScenarios(model, scenarios, diags);
    REQUIRE(resolved.size() == 2);
    UncertainOptions options;
    std::string error;
    options.weights = *ParseWeightSpec("uniform", model, error);
    options.effects = EffectsMode::kFixed;
    options.samples = 20000;
    options.seed = 3;
    UncertainResult r = RunUncertainAmounts(model, scenarios, resolved, options);
    REQUIRE(r.weightings.size() == 2);  // uniform, then w exactly (the same here)
    double p = c.p;
    double expected = p <= 0.5 ? 1 - (p / (1 - p)) / 2 : (1 - p) / (2 * p);
    for (const UncertainWeighting& w : r.weightings) {
      double share = static_cast<double>(w.beats[0 * 2 + 1]) / 20000.0;
      double se = std::sqrt(expected * (1 - expected) / 20000.0);
      INFO(c.amount << ": share " << share << ", expected " << expected);
      CHECK(std::abs(share - expected) < 4 * se);
      // Exactly one of the two scores higher in almost every sample.
      CHECK(w.beats[0 * 2 + 1] + w.beats[1 * 2 + 0] <= 20000);
      CHECK(w.first[0] + w.first[1] >= 20000);
    }
  }
}

TEST_CASE("an effect after one below its threshold draws as in the SMAA kernel", "[uncertain]") {
  // Line x has two effects on o (possible only in a model built in code:
  // a file's effects are a map): the first, saturating, starts at EUR 1,000,
  // above x's EUR 600, so the kernel skips it and numbers the second (linear,
  // points [1, 2, 3] per EUR 100) as ordinal 0. The model scores 6p, to-y
  // scores 12 exactly (y, 2 points per EUR 100): model ranks first in the
  // samples where p > 2. Same seed, same draws: the counts are equal.
  Model model = ModelFrom(R"(format: allot/1
title: t
years: [2024]
objectives: [{id: o, name: O}]
weights: {w: {o: 1}}
lines:
  - id: x
    name: X
    budget: {2024: 600}
    effects: {o: {curve: saturating, max: [10, 20, 30], half: [100, 200, 300], threshold: 1000}}
  - id: y
    name: Y
    budget: {2024: 0}
    effects: {o: {curve: linear, points: 2, per: 100}}
)");
  Effect second = model.lines[0].effects[0];
  second.curve = Curve{};
  second.curve.kind = CurveKind::kLinear;
  second.curve.points = Param{1, 2, 3, true};
  second.curve.per = Money::FromCents(10000);
  model.lines[0].effects.push_back(second);
  std::vector<Scenario> scenarios = {ScenarioFrom(R"(format: allot/1
scenario: to-y
changes:
  - move: {amount: 600, from: x, to: y}
)")};
  Diagnostics diags;
  std::vector<ResolvedScenario> resolved = ResolveScenarios(model, scenarios, diags);
  REQUIRE(resolved.size() == 2);
  std::string error;
  WeightSpec weights = *ParseWeightSpec("w", model, error);
  const uint64_t samples = 2000;
  std::unique_ptr<SmaaPlan> plan =
      CompileSmaa(model, resolved, SmaaOptions{weights, EffectsMode::kUncertain, 5});
  SmaaRun run;
  run.samples = samples;
  SmaaResult kernel = RunSmaa(*plan, run);
  REQUIRE(kernel.scenarios[0].id == "model");
  auto first = static_cast<uint64_t>(
      std::llround(kernel.scenarios[0].rank_acceptability[0] * static_cast<double>(samples)));
  CHECK(first > 800);  // p > 2 about half of the time
  CHECK(first < 1200);

  UncertainOptions options;
  options.weights = weights;
  options.effects = EffectsMode::kUncertain;
  options.samples = samples;
  options.seed = 5;
  UncertainResult r = RunUncertainAmounts(model, scenarios, resolved, options);
  REQUIRE(r.weightings.size() == 1);  // w, named exactly
  CHECK(r.weightings[0].beats[0 * 2 + 1] == first);
  CHECK(r.uncertain_effects == 3);  // max, half, points
}

TEST_CASE("uncertain amounts on the shipped data: threads change nothing", "[uncertain]") {
  const Model model = ShippedModel();
  const std::vector<Scenario> scenarios = ShippedScenarios();
  Diagnostics diags;
  std::vector<ResolvedScenario> resolved = ResolveScenarios(model, scenarios, diags);
  UncertainOptions options;
  std::string error;
  options.weights = *ParseWeightSpec("uniform", model, error);
  options.samples = 300;
  options.threads = 1;
  UncertainResult one = RunUncertainAmounts(model, scenarios, resolved, options);
  options.threads = 3;
  UncertainResult three = RunUncertainAmounts(model, scenarios, resolved, options);
  REQUIRE(one.weightings.size() == 1 + model.weights.size());
  for (size_t w = 0; w < one.weightings.size(); ++w) {
    CHECK(one.weightings[w].first == three.weightings[w].first);
    CHECK(one.weightings[w].beats == three.weightings[w].beats);
    CHECK(one.weightings[w].commonest_ranking == three.weightings[w].commonest_ranking);
    CHECK(one.weightings[w].commonest_count == three.weightings[w].commonest_count);
  }
  CHECK(one.redraws == three.redraws);
  // 13 lines x 3 years drawn; the information point's total and the three
  // year totals kept.
  CHECK(one.amounts.size() == 39);
  CHECK(one.kept.size() == 4);
}

}  // namespace
}  // namespace allot
