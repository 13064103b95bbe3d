#include "allot/what_it_takes.hpp"

#include <catch2/catch.hpp>
#include <sstream>

#include "allot/render.hpp"
#include "test_support.hpp"

using namespace allot;
using allot::testing::kSmallModel;
using allot::testing::ModelFrom;
using allot::testing::Render;
using allot::testing::ResolveOk;
using allot::testing::ScenarioFrom;
using Catch::Detail::Approx;

TEST_CASE("what-it-takes: two objectives, solved by hand", "[whatittakes]") {
  // B - A = (-40, 40): B catches up once w2 >= w1, nearest at (0.5, 0.5).
  OvertakeResult r = NearestOvertake({60, 20}, {20, 60}, {0.8, 0.2});
  REQUIRE(r.status == OvertakeStatus::kFound);
  CHECK(r.weights[0].to == Approx(0.5).margin(1e-12));
  CHECK(r.weights[1].to == Approx(0.5).margin(1e-12));
  CHECK(r.distance == Approx(0.6).margin(1e-12));
  CHECK(r.new_score_b == Approx(r.new_score_a).margin(1e-9));
}

TEST_CASE("what-it-takes: three objectives, weight leaves the one B loses on", "[whatittakes]") {
  // B - A = (-30, 10, 10); at w0 the gap is -10. Moving d from objective 1
  // to either other gains 40d: d = 0.25, distance 0.5.
  OvertakeResult r = NearestOvertake({50, 50, 50}, {20, 60, 60}, {0.5, 0.3, 0.2});
  REQUIRE(r.status == OvertakeStatus::kFound);
  CHECK(r.distance == Approx(0.5).margin(1e-12));
  CHECK(r.weights[0].to == Approx(0.25).margin(1e-12));
  CHECK(r.weights[1].to + r.weights[2].to == Approx(0.75).margin(1e-12));
  CHECK(r.weights[1].to >= 0.3 - 1e-12);
  CHECK(r.weights[2].to >= 0.2 - 1e-12);
  CHECK(r.new_score_b >= r.new_score_a - 1e-9);
  // Not unique: the 0.25 may go to objective 2, to objective 3, or be
  // split; both ends are reported, each at the same distance.
  REQUIRE_FALSE(r.unique());
  REQUIRE(r.other_weights.size() == 3);
  CHECK(r.other_weights[0].to == Approx(0.25).margin(1e-12));
  CHECK(std::max(r.weights[1].to, r.other_weights[1].to) == Approx(0.55).margin(1e-12));
  CHECK(std::min(r.weights[1].to, r.other_weights[1].to) == Approx(0.3).margin(1e-12));
  CHECK(r.other_weights[1].to + r.other_weights[2].to == Approx(0.75).margin(1e-12));
  CHECK(r.other_score_b == Approx(r.other_score_a).margin(1e-9));
}

TEST_CASE("what-it-takes: a unique nearest weighting has no other end", "[whatittakes]") {
  OvertakeResult r = NearestOvertake({60, 20}, {20, 60}, {0.8, 0.2});
  CHECK(r.unique());
  CHECK(r.other_weights.empty());
}

TEST_CASE("what-it-takes: the shipped model's model vs amendement-bikker under ckm is a segment",
          "[whatittakes]") {
  // model scores the same as the amendment on awareness (47.3) and labour
  // exploitation (24.2) and less on everything else: it can only draw
  // level, with all weight on those two, in any split that keeps each at
  // least at its 0.04. Both ends are 1.84 away.
  Model model = allot::testing::ShippedModel();
  std::vector<Scenario> scenarios = allot::testing::ShippedScenarios();  // lines point into them
  auto resolved = ResolveOk(model, scenarios);
  Diagnostics diags;
  std::optional<OvertakeResult> r =
      WhatItTakes(model, resolved, "amendement-bikker", "model", "ckm", diags);
  REQUIRE(r);
  REQUIRE(r->status == OvertakeStatus::kFound);
  REQUIRE_FALSE(r->unique());
  CHECK(r->distance == Approx(1.84).margin(1e-9));
  auto weight = [&](const std::vector<WeightChange>& w, const std::string& id) {
    for (const WeightChange& c : w) {
      if (c.objective == id) return c.to;
    }
    FAIL("no objective " << id);
    return 0.0;
  };
  CHECK(weight(r->weights, "awareness") == Approx(0.96).margin(1e-9));
  CHECK(weight(r->weights, "labour_exploitation") == Approx(0.04).margin(1e-9));
  CHECK(weight(r->other_weights, "awareness") == Approx(0.04).margin(1e-9));
  CHECK(weight(r->other_weights, "labour_exploitation") == Approx(0.96).margin(1e-9));
  CHECK(r->other_score_a == Approx(r->other_score_b).margin(1e-9));
}

TEST_CASE("what-it-takes: B already winning is distance 0, B behind everywhere is impossible",
          "[whatittakes]") {
  OvertakeResult wins = NearestOvertake({50, 50}, {40, 70}, {0.5, 0.5});
  CHECK(wins.status == OvertakeStatus::kAlreadyWins);
  CHECK(wins.distance == 0);
  OvertakeResult tie = NearestOvertake({50, 50}, {50, 50}, {0.5, 0.5});
  CHECK(tie.status == OvertakeStatus::kAlreadyWins);
  OvertakeResult never = NearestOvertake({50, 50, 50}, {49, 10, 0}, {0.2, 0.3, 0.5});
  CHECK(never.status == OvertakeStatus::kImpossible);
  // Behind everywhere but level on one objective: all weight there ties.
  OvertakeResult level = NearestOvertake({50, 50}, {50, 10}, {0.5, 0.5});
  REQUIRE(level.status == OvertakeStatus::kFound);
  CHECK(level.weights[0].to == Approx(1).margin(1e-12));
  CHECK(level.distance == Approx(1).margin(1e-12));
}

TEST_CASE("what-it-takes on the small model says it in words", "[whatittakes]") {
  Model model = ModelFrom(kSmallModel);
  // model scores (6, 0), shift (3, 37.5): the model catches up once a
  // weighs 37.5 / 40.5 = 0.926.
  std::vector<Scenario> scenarios{ScenarioFrom(R"(format: allot/1
scenario: shift
name: Shift
changes:
  - move: {amount: 300, from: x, to: y}
)")};
  auto resolved = ResolveOk(model, scenarios);
  Diagnostics diags;
  std::optional<OvertakeResult> r = WhatItTakes(model, resolved, "shift", "model", "even", diags);
  REQUIRE(r);
  CHECK(r->status == OvertakeStatus::kFound);
  CHECK(r->weights[0].to == Approx(37.5 / 40.5).margin(1e-12));
  CHECK(OvertakeSummary(*r, Lang::kEn) ==
        "model catches up with shift once a weighs 0.926 instead of 0.500 and b weighs 0.074 "
        "instead of 0.500 (L1 distance 0.852)");
  std::optional<OvertakeResult> already =
      WhatItTakes(model, resolved, "model", "shift", "even", diags);
  REQUIRE(already);
  CHECK(
      OvertakeSummary(*already, Lang::kEn) ==
      "shift already scores at least as much as model under even (20.25 against 3.00): distance 0");
  CHECK(diags.empty());
}

TEST_CASE("what-it-takes: unknown scenarios and weight set are diagnostics", "[whatittakes]") {
  Model model = ModelFrom(kSmallModel);
  Diagnostics diags;
  CHECK_FALSE(WhatItTakes(model, ResolveOk(model, {}), "modl", "nope", "evn", diags));
  CHECK(Render(diags) ==
        "error: A: unknown scenario 'modl' (did you mean 'model'?)\n"
        "error: B: unknown scenario 'nope'\n"
        "error: --weights: unknown weight set 'evn' (did you mean 'even'?)\n");
}
