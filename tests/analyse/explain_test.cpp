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

TEST_CASE("explain: sampled Shapley beyond 12 lines, in replicates of rotated orders",
          "[explain]") {
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
  // 4000 orders: 308 replicates of the 13 rotations of a random order.
  CHECK(sampled.replicates == 308);
  CHECK(sampled.permutations == 308 * 13);
  for (size_t i = 0; i < 13; ++i) {
    // a_only: 13 symmetric lines share the capped 100 points. What a line
    // adds depends only on its position, and each replicate puts it at
    // every position once: every replicate gives the exact share.
    CHECK(exact.lines[i].by_set[0] == Approx(100.0 / 13));
    CHECK(sampled.lines[i].by_set[0] == Approx(100.0 / 13).epsilon(1e-12));
    CHECK(sampled.lines[i].error_by_set[0] == Approx(0).margin(1e-12));
    // b_only: additive, every order gives each line exactly its own 1 point.
    CHECK(sampled.lines[i].by_set[1] == Approx(1));
    CHECK(sampled.lines[i].error_by_set[1] == Approx(0).margin(1e-12));
  }
  CHECK(std::fabs(LinesSum(sampled, 0) - 100) < 1e-9);
  CHECK(std::fabs(LinesSum(sampled, 1) - 13) < 1e-9);
}

// Explain model -> all on ManyLines(n) with `permutations` random orders.
ExplainResult ExplainMany(int n, size_t permutations) {
  Model model;
  Scenario all;
  ManyLines(n, model, all);
  ExplainOptions options;
  options.permutations = permutations;
  return ExplainOk(model, ResolveOk(model, {all}), "model", "all", options);
}

TEST_CASE("explain: the same seed gives the same estimate", "[explain]") {
  ExplainResult one = ExplainMany(14, 500);
  ExplainResult two = ExplainMany(14, 500);
  for (size_t i = 0; i < one.lines.size(); ++i)
    CHECK(one.lines[i].by_set[0] == two.lines[i].by_set[0]);
}

namespace {

// 14 lines on two objectives that start at 40 and 70 points: the caps of
// 100 bind after a few lines, at a point that depends on which lines came
// first, so the lines' marginal contributions vary with the order.
struct CappedGame {
  std::vector<double> base{40, 70};
  std::vector<std::vector<double>> delta;
  std::vector<std::vector<double>> weights{{0.5, 0.5}};
  CappedGame() {
    const double a[] = {3, 20, 8, 12, 5, 15, 3, 9, 18, 4, 11, 6, 14, 7};
    const double b[] = {6, 2, 11, 1, 9, 3, 7, 12, 2, 8, 4, 10, 1, 5};
    for (size_t i = 0; i < 14; ++i) delta.push_back({a[i], b[i]});
  }
};

// The smallest count k such that a Binomial(n, p) count falls below k with
// probability at most `alpha`.
int LowestExpected(int n, double p, double alpha) {
  double below = 0;  // P(X < k)
  for (int k = 0; k <= n; ++k) {
    double pk = std::exp(std::lgamma(n + 1.0) - std::lgamma(k + 1.0) - std::lgamma(n - k + 1.0) +
                         k * std::log(p) + (n - k) * std::log1p(-p));
    if (below + pk > alpha) return k;
    below += pk;
  }
  return n;
}

}  // namespace

TEST_CASE("explain: 95% intervals of sampled shares cover the exact share about 95% of the time",
          "[explain]") {
  // Over seeds 1..100, each line's estimate +- 1.96 SE (100 replicates:
  // Student's t with 99 degrees of freedom makes that a 94.7% interval)
  // must contain the exact Shapley value about 95 times. Fixed seeds, so
  // the test is deterministic; the bound is where a well-calibrated
  // estimator falls below with probability 1e-4 per line (0.14% for any of
  // the 14), from the binomial distribution.
  CappedGame game;
  std::vector<std::vector<double>> exact = ExactShapley(game.base, game.delta);
  const int seeds = 100;
  const int lowest = LowestExpected(seeds, 0.947, 1e-4);
  CHECK(lowest == 85);
  std::vector<int> covered(14, 0);
  for (int seed = 1; seed <= seeds; ++seed) {
    ShapleyEstimate e = SampledShapley(game.base, game.delta, game.weights, 1400, seed);
    REQUIRE(e.replicates == 100);
    for (size_t i = 0; i < 14; ++i) {
      double truth = 0.5 * exact[i][0] + 0.5 * exact[i][1];
      REQUIRE(e.error_by_set[i][0]);
      covered[i] += std::fabs(e.by_set[i][0] - truth) <= 1.96 * *e.error_by_set[i][0];
    }
  }
  for (size_t i = 0; i < 14; ++i) {
    INFO("line " << i << " covered " << covered[i] << " of " << seeds);
    CHECK(covered[i] >= lowest);
  }
}

TEST_CASE("explain: one replicate has no standard error, and few are flagged", "[explain]") {
  CappedGame game;
  ShapleyEstimate one = SampledShapley(game.base, game.delta, game.weights, 1, 7);
  CHECK(one.replicates == 1);
  CHECK(one.orders == 14);
  CHECK_FALSE(one.error_by_set[0][0]);
  ShapleyEstimate two = SampledShapley(game.base, game.delta, game.weights, 15, 7);
  CHECK(two.replicates == 2);
  CHECK(two.error_by_set[0][0]);

  ExplainResult r = ExplainMany(14, 14);
  CHECK(r.errors_unknown());
  CHECK(r.few_replicates());
  r = ExplainMany(14, 14 * kMinReplicates);
  CHECK_FALSE(r.errors_unknown());
  CHECK_FALSE(r.few_replicates());
}
