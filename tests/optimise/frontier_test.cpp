// The frontier and core index against answers known exactly.
#include "allot/frontier.hpp"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>

#include "test_support.hpp"

using namespace allot;
using allot::testing::ModelFrom;
using allot::testing::ResolveOk;
using allot::testing::ScenarioFrom;

namespace {

Money Eur(int64_t euros) { return Money::FromCents(euros * 100); }

// One linear line (1 point per EUR 100) and one line with a single level
// (EUR 500 for 20 points): the frontier has a step where the level fits.
const char* const kModel = allot::testing::kStepModel;

}  // namespace

TEST_CASE("the frontier steps where a level fits and places scenarios exactly",
          "[optimise][frontier]") {
  Model m = ModelFrom(kModel);
  Scenario s = ScenarioFrom(
      "format: allot/1\nscenario: half\nchanges:\n  - set: {line: lin, budget: {2024: 200}}\n");
  std::vector<ResolvedScenario> all = ResolveOk(m, {s});
  OptimiseOptions o;
  o.weights = m.weights[0].weights;
  FrontierOptions f;
  f.points = 10;
  f.to = Eur(1000);
  f.refine = 30;
  Diagnostics diags;
  std::optional<FrontierResult> r = Frontier(m, all[0], all, OptimiseConstraints{}, o, f, diags);
  REQUIRE(r);
  REQUIRE(r->points.size() == 10);
  // Below 500 only the linear line: x/100; from 500 on: 20 + (x-500)/100.
  for (const FrontierPoint& p : r->points) {
    double x = static_cast<double>(p.budget.cents()) / 100;
    double expected = x < 500 ? x / 100 : 20 + (x - 500) / 100;
    INFO("budget " << x);
    CHECK(p.score == Approx(expected).margin(1e-9));
    CHECK(p.upper_bound >= p.score);
  }
  CHECK(r->points[4].levels == std::vector<std::string>{"lev=only"});
  // The model spends 400 on `lin` (4 points): 4 points cost EUR 400 on the
  // frontier; its money could buy 4 points too (the level does not fit).
  REQUIRE(r->scenarios.size() == 2);
  CHECK(r->scenarios[0].score == Approx(4));
  REQUIRE(r->scenarios[0].cheapest);
  CHECK(*r->scenarios[0].cheapest == Eur(400));
  CHECK(r->scenarios[0].best_for_money == Approx(4));
  CHECK(*r->scenarios[1].cheapest == Eur(200));
}

TEST_CASE("the core index: funded under every, some or no weight vector", "[optimise][frontier]") {
  Model m = ModelFrom(R"(format: allot/1
title: t
years: [2024]
objectives: [{id: a, name: A}, {id: b, name: B}]
weights: {w: {a: 1}}
lines:
  - {id: pa, name: PA, budget: {2024: 100}, effects: {a: {curve: linear, points: 1, per: 100}}}
  - {id: pb, name: PB, budget: {2024: 0}, effects: {b: {curve: linear, points: 1, per: 100}}}
  - {id: both, name: Both, budget: {2024: 0}, effects: {a: {curve: table, points: [[50, 10]]},
                                                        b: {curve: table, points: [[50, 10]]}}}
  - {id: none, name: None, budget: {2024: 0}}
)");
  ResolvedScenario base = ResolveOk(m, {})[0];
  OptimiseOptions o;
  OptimiseConstraints c;
  c.budget = {Eur(1000)};
  Diagnostics diags;
  std::optional<std::vector<CoreLine>> core =
      CoreIndex(m, base, c, o, {{1, 0}, {0, 1}, {0.5, 0.5}}, diags);
  REQUIRE(core);
  CHECK(std::string((*core)[0].kind()) == "borderline");
  CHECK(std::string((*core)[2].kind()) == "core");
  CHECK(std::string((*core)[3].kind()) == "exterior");
  CHECK((*core)[2].funded == 3);
  CHECK((*core)[2].every == 3);
  // Under (0.5, 0.5) pa and pb tie exactly (0.005 points per EUR each):
  // the rest of the money may go to either, so some optimum funds each and
  // not every optimum funds either. Under (1, 0) every optimum funds pa
  // (without it the best is 10 points, not 19.5), none funds pb.
  CHECK((*core)[0].funded == 2);
  CHECK((*core)[0].every == 1);
  CHECK((*core)[1].funded == 2);
  CHECK((*core)[1].every == 1);
  CHECK((*core)[3].funded == 0);
  CHECK((*core)[3].every == 0);
}

TEST_CASE("the core index counts every optimum under exact ties", "[optimise][frontier]") {
  // t1 and t2 buy the same objective at the same rate; the solver returns
  // one optimum, which funds one of them. Both are funded by some optimum,
  // neither by every one; `keep` is needed by every optimum (its table
  // pays 10 points for the first EUR 100,000, more than any other use).
  Model m = ModelFrom(R"(format: allot/1
title: t
years: [2024]
objectives: [{id: a, name: A}]
weights: {w: {a: 1}}
lines:
  - {id: t1, name: T1, budget: {2024: 0}, effects: {a: {curve: linear, points: 2, per: 100000}}}
  - {id: t2, name: T2, budget: {2024: 0}, effects: {a: {curve: linear, points: 2, per: 100000}}}
  - {id: keep, name: K, budget: {2024: 0}, effects: {a: {curve: table, points: [[100000, 10]]}}}
  - {id: idle, name: I, budget: {2024: 500000}, effects: {}}
)");
  ResolvedScenario base = ResolveOk(m, {})[0];
  OptimiseOptions o;
  OptimiseConstraints c;
  c.budget = {Eur(500000)};
  Diagnostics diags;
  std::optional<std::vector<CoreLine>> core = CoreIndex(m, base, c, o, {{1}}, diags);
  REQUIRE(core);
  CHECK((*core)[0].funded == 1);
  CHECK((*core)[0].every == 0);
  CHECK((*core)[1].funded == 1);
  CHECK((*core)[1].every == 0);
  CHECK(std::string((*core)[0].kind()) == "borderline");
  CHECK(std::string((*core)[1].kind()) == "borderline");
  CHECK((*core)[2].every == 1);
  CHECK(std::string((*core)[2].kind()) == "core");
  CHECK(std::string((*core)[3].kind()) == "exterior");
}

TEST_CASE("GLPK writes nothing to standard output", "[optimise][frontier]") {
  // `frontier --format json` began with "Constructing initial basis...":
  // GLPK prints through its own terminal hook, past std::cout.
  Model m = ModelFrom(kModel);
  std::vector<ResolvedScenario> all = ResolveOk(m, {});
  OptimiseOptions o;
  o.weights = m.weights[0].weights;
  FrontierOptions f;
  f.points = 4;
  f.to = Eur(1000);
  std::fflush(stdout);
  int saved = dup(1);
  std::FILE* capture = std::tmpfile();
  REQUIRE(capture);
  dup2(fileno(capture), 1);
  Diagnostics diags;
  std::optional<FrontierResult> r = Frontier(m, all[0], all, OptimiseConstraints{}, o, f, diags);
  std::fflush(stdout);
  dup2(saved, 1);
  close(saved);
  std::fseek(capture, 0, SEEK_END);
  long written = std::ftell(capture);
  std::fclose(capture);
  REQUIRE(r);
  CHECK(written == 0);
}

TEST_CASE("a frontier point that fails is reported and the others are computed",
          "[optimise][frontier]") {
  Model m = ModelFrom(kModel);
  std::vector<ResolvedScenario> all = ResolveOk(m, {});
  OptimiseOptions o;
  o.weights = m.weights[0].weights;
  o.deadline = std::chrono::steady_clock::now() - std::chrono::seconds(1);  // already past
  FrontierOptions f;
  f.points = 3;
  f.to = Eur(900);
  Diagnostics diags;
  std::optional<FrontierResult> r = Frontier(m, all[0], all, OptimiseConstraints{}, o, f, diags);
  REQUIRE(r);
  REQUIRE(r->points.size() == 3);
  for (const FrontierPoint& p : r->points) {
    CHECK(p.score == -1);
    CHECK(p.status ==
          "the solver found no allocation: the solver returned nothing within the time limit");
  }
}
