#include "allot/explain.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "test_support.hpp"

using namespace allot;
using allot::testing::kSmallModel;
using allot::testing::ModelFrom;
using allot::testing::Render;
using allot::testing::ResolveOk;
using allot::testing::ScenarioFrom;
using Catch::Detail::Approx;

namespace {

ExplainResult ExplainOk(const Model& model, const std::vector<ResolvedScenario>& resolved,
                        const std::string& a, const std::string& b, ExplainOptions options = {}) {
  Diagnostics diags;
  std::optional<ExplainResult> r = Explain(model, resolved, a, b, options, diags);
  INFO(Render(diags));
  REQUIRE(r);
  return *r;
}

double LinesSum(const ExplainResult& r, size_t set) {
  double sum = 0;
  for (const LineAttribution& l : r.lines) sum += l.by_set[set];
  return sum;
}

// n lines, each 10 points on objective a (capped at 100) and 1 point on b
// (never capped) per EUR 100; the model funds none, scenario `all` funds
// each with EUR 100.
void ManyLines(int n, Model& model, Scenario& all) {
  std::string yaml =
      "format: allot/1\ntitle: Many\nyears: [2024]\nobjectives:\n"
      "  - {id: a, name: A}\n  - {id: b, name: B}\n"
      "weights:\n  a_only: {a: 1}\n  b_only: {b: 1}\nlines:\n";
  std::string scenario = "format: allot/1\nscenario: all\nname: All\nchanges:\n";
  for (int i = 0; i < n; ++i) {
    std::string id = "l" + std::string(i < 10 ? "0" : "") + std::to_string(i);
    yaml += "  - id: " + id + "\n    name: " + id +
            "\n    budget: {2024: 0}\n    effects:\n"
            "      a: {curve: linear, points: 10, per: 100}\n      b: {curve: linear, points: 1, "
            "per: 100}\n";
    scenario += "  - set: {line: " + id + ", budget: {2024: 100}}\n";
  }
  model = ModelFrom(yaml);
  all = ScenarioFrom(scenario);
}

}  // namespace

TEST_CASE("explain: one changed line gets the whole difference", "[explain]") {
  Model model = ModelFrom(kSmallModel);
  std::vector<Scenario> scenarios{ScenarioFrom(R"(format: allot/1
scenario: double
name: Double x
changes:
  - scale: {line: x, by: 2}
)")};
  auto resolved = ResolveOk(model, scenarios);
  ExplainResult r = ExplainOk(model, resolved, "model", "double");
  REQUIRE(r.lines.size() == 1);
  CHECK(r.lines[0].line == "x");
  CHECK(r.exact);
  for (size_t w = 0; w < r.weight_sets.size(); ++w) {
    CHECK(r.lines[0].by_set[w] == Approx(r.score_b[w] - r.score_a[w]).margin(1e-12));
  }
}

TEST_CASE("explain: line and objective attributions add up to the difference", "[explain]") {
  Model model = ModelFrom(kSmallModel);
  std::vector<Scenario> scenarios{ScenarioFrom(R"(format: allot/1
scenario: shift
name: Shift
changes:
  - move: {amount: 300, from: x, to: y}
  - add:
      id: z
      name: Line Z
      budget: {2025: 5000}
      effects:
        a: {curve: linear, points: 1, per: 50}
)")};
  auto resolved = ResolveOk(model, scenarios);
  ExplainResult r = ExplainOk(model, resolved, "model", "shift");
  CHECK(r.lines.size() == 3);
  for (size_t w = 0; w < r.weight_sets.size(); ++w) {
    double diff = r.score_b[w] - r.score_a[w];
    CHECK(std::fabs(LinesSum(r, w) - diff) < 1e-9);
    double by_objective = 0;
    for (double v : r.by_objective[w]) by_objective += v;
    CHECK(std::fabs(by_objective - diff) < 1e-9);
  }
}

TEST_CASE("explain: Shapley values of a capped game, by hand", "[explain]") {
  // One objective, lines adding 80 and 40 to a cap of 100: orders (1,2)
  // and (2,1) give 1 80 or 60, and 2 20 or 40: Shapley 70 and 30.
  auto phi = ExactShapley({0}, {{80}, {40}});
  CHECK(phi[0][0] == Approx(70));
  CHECK(phi[1][0] == Approx(30));
  // Symmetric lines get equal shares.
  auto same = ExactShapley({10}, {{60}, {60}, {60}});
  CHECK(same[0][0] == Approx(30));
  CHECK(same[1][0] == Approx(30));
  CHECK(same[2][0] == Approx(30));
  // A line lowering the score where the others reach the cap.
  auto mixed = ExactShapley({90}, {{30}, {-20}});
  // v: {} 90, {1} 100, {2} 70, {1,2} 100: phi1 = (10 + 30)/2, phi2 = (-20 + 0)/2.
  CHECK(mixed[0][0] == Approx(20));
  CHECK(mixed[1][0] == Approx(-10));
}

TEST_CASE("explain: sampled Shapley beyond 12 lines is within its stated error", "[explain]") {
  Model model;
  Scenario all;
  ManyLines(13, model, all);
  auto resolved = ResolveOk(model, {all});
  ExplainOptions options;
  options.permutations = 4000;
  options.seed = 42;
  ExplainResult sampled = ExplainOk(model, resolved, "model", "all", options);
  CHECK_FALSE(sampled.exact);
  options.exact_max_lines = 13;
  ExplainResult exact = ExplainOk(model, resolved, "model", "all", options);
  CHECK(exact.exact);
  REQUIRE(sampled.lines.size() == 13);
  for (size_t i = 0; i < 13; ++i) {
    // a_only: 13 symmetric lines share the capped 100 points.
    CHECK(exact.lines[i].by_set[0] == Approx(100.0 / 13));
    CHECK(sampled.lines[i].error_by_set[0] > 0);
    CHECK(std::fabs(sampled.lines[i].by_set[0] - 100.0 / 13) <
          4 * sampled.lines[i].error_by_set[0]);
    // b_only: additive, every order gives each line exactly its own 1 point.
    CHECK(sampled.lines[i].by_set[1] == Approx(1));
    CHECK(sampled.lines[i].error_by_set[1] == Approx(0).margin(1e-12));
  }
  CHECK(std::fabs(LinesSum(sampled, 0) - 100) < 1e-9);
  CHECK(std::fabs(LinesSum(sampled, 1) - 13) < 1e-9);
}

TEST_CASE("explain: the same seed gives the same estimate", "[explain]") {
  Model model;
  Scenario all;
  ManyLines(14, model, all);
  auto resolved = ResolveOk(model, {all});
  ExplainOptions options;
  options.permutations = 500;
  ExplainResult one = ExplainOk(model, resolved, "model", "all", options);
  ExplainResult two = ExplainOk(model, resolved, "model", "all", options);
  for (size_t i = 0; i < one.lines.size(); ++i)
    CHECK(one.lines[i].by_set[0] == two.lines[i].by_set[0]);
}
