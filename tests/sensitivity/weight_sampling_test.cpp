// Weight sampling against exact answers: the simplex, Dirichlet means,
// ordinal regions, and determinism by (seed, sample).
#include "allot/weight_sampling.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <numeric>

#include "test_support.hpp"

namespace allot {
namespace {

const char* const kThree = R"(format: allot/1
title: Three
years: [2024]
objectives:
  - {id: a, name: A}
  - {id: b, name: B}
  - {id: c, name: C}
weights:
  mean: {a: 1, b: 2, c: 0}
  ranked:
    weights: {a: 1, b: 1, c: 1}
    order: [c, a, b]
  partial:
    weights: {a: 1, b: 1, c: 0}
    order: [b, a]
lines:
  - id: l
    name: L
    budget: {2024: 0}
    effects:
      a: {curve: linear, points: 1, per: 1000}
)";

WeightSpec Spec(const Model& model, const std::string& text) {
  std::string error;
  std::optional<WeightSpec> spec = ParseWeightSpec(text, model, error);
  INFO(error);
  REQUIRE(spec);
  return *spec;
}

TEST_CASE("ordinal weights respect the order in every sample and fill the region uniformly",
          "[sensitivity]") {
  // Uniform on {w_c >= w_a >= w_b}: the largest of three uniform-simplex
  // weights has mean 11/18, the middle 5/18, and P(largest > 1/2) = 3/4.
  Model model = testing::ModelFrom(kThree);
  WeightSpec spec = Spec(model, "ranked:order");
  const int n = 200000;
  double sum_c = 0, sum_a = 0, above_half = 0;
  for (int i = 0; i < n; ++i) {
    double w[3];
    DrawWeights(spec, 9, static_cast<uint64_t>(i), 3, w);
    REQUIRE(w[2] >= w[0]);
    REQUIRE(w[0] >= w[1]);
    REQUIRE(w[0] + w[1] + w[2] == Approx(1).margin(1e-12));
    sum_c += w[2], sum_a += w[0], above_half += w[2] > 0.5;
  }
  CHECK(sum_c / n == Approx(11.0 / 18).margin(0.003));
  CHECK(sum_a / n == Approx(5.0 / 18).margin(0.003));
  CHECK(above_half / n == Approx(0.75).margin(0.005));
}

TEST_CASE("ordinal weights leave out objectives the set neither orders nor weighs",
          "[sensitivity]") {
  Model model = testing::ModelFrom(kThree);
  WeightSpec spec = Spec(model, "partial:order");  // b >= a, c weighs 0
  double sum_b = 0;
  for (int i = 0; i < 20000; ++i) {
    double w[3];
    DrawWeights(spec, 1, static_cast<uint64_t>(i), 3, w);
    REQUIRE(w[2] == 0);
    REQUIRE(w[1] >= w[0]);
    sum_b += w[1];
  }
  CHECK(sum_b / 20000 == Approx(0.75).margin(0.005));  // max of U, 1-U
}

TEST_CASE("uniform weights are Dirichlet(1,1,1): mean 1/3 and P(w_a > 1/2) = 1/4",
          "[sensitivity]") {
  Model model = testing::ModelFrom(kThree);
  WeightSpec spec = Spec(model, "uniform");
  const int n = 200000;
  double sum = 0, above = 0;
  for (int i = 0; i < n; ++i) {
    double w[3];
    DrawWeights(spec, 3, static_cast<uint64_t>(i), 3, w);
    sum += w[0], above += w[0] > 0.5;
  }
  CHECK(sum / n == Approx(1.0 / 3).margin(0.003));
  CHECK(above / n == Approx(0.25).margin(0.005));
}

TEST_CASE("SET:KAPPA has mean SET, keeps zero weights at zero, and narrows as KAPPA grows",
          "[sensitivity]") {
  Model model = testing::ModelFrom(kThree);
  for (double kappa : {0.5, 5.0, 200.0}) {
    WeightSpec spec = Spec(model, "mean:" + std::to_string(kappa));
    const int n = 100000;
    double sum = 0, squares = 0;
    for (int i = 0; i < n; ++i) {
      double w[3];
      DrawWeights(spec, 5, static_cast<uint64_t>(i), 3, w);
      REQUIRE(w[2] == 0);
      sum += w[0], squares += w[0] * w[0];
    }
    double mean = sum / n, var = squares / n - mean * mean;
    // Dirichlet: Var(w_a) = m (1 - m) / (KAPPA + 1) with m = 1/3.
    CHECK(mean == Approx(1.0 / 3).margin(0.005));
    CHECK(var == Approx((1.0 / 3) * (2.0 / 3) / (kappa + 1)).epsilon(0.05));
  }
}

TEST_CASE("SET:KAPPA with a tiny KAPPA puts nearly all weight on one objective, never on none",
          "[sensitivity]") {
  // As KAPPA -> 0 the Dirichlet tends to a vertex chosen with probability
  // equal to the set's weight: w_a is 1 with probability 1/3, else 0, so its
  // variance tends to (1/3)(2/3). The Gamma draws themselves underflow to 0
  // here; the logs do not.
  Model model = testing::ModelFrom(kThree);
  for (const char* kappa : {"1e-6", "1e-300"}) {
    WeightSpec spec = Spec(model, std::string("mean:") + kappa);
    const int n = 50000;
    double sum = 0, squares = 0;
    for (int i = 0; i < n; ++i) {
      double w[3];
      DrawWeights(spec, 5, static_cast<uint64_t>(i), 3, w);
      REQUIRE(w[0] + w[1] + w[2] == Approx(1).margin(1e-12));
      REQUIRE(w[2] == 0);
      REQUIRE(std::max(w[0], w[1]) > 0.999);
      sum += w[0], squares += w[0] * w[0];
    }
    double mean = sum / n, var = squares / n - mean * mean;
    INFO("KAPPA " << kappa);
    CHECK(mean == Approx(1.0 / 3).margin(0.01));
    CHECK(var == Approx(2.0 / 9).epsilon(0.03));
  }
  std::string error;
  CHECK_FALSE(ParseWeightSpec("mean:1e-301", model, error));
  CHECK(error == "'1e-301' after 'mean:' must be a number from 1e-300 to 1e300 (KAPPA) or 'order'");
  CHECK_FALSE(ParseWeightSpec("mean:1e301", model, error));
}

TEST_CASE("a sample's weights depend only on seed and sample index", "[sensitivity]") {
  Model model = testing::ModelFrom(kThree);
  WeightSpec spec = Spec(model, "uniform");
  double w1[3], w2[3], w3[3];
  DrawWeights(spec, 7, 123, 3, w1);
  DrawWeights(spec, 7, 124, 3, w3);
  DrawWeights(spec, 7, 123, 3, w2);
  CHECK(std::equal(w1, w1 + 3, w2));
  CHECK_FALSE(std::equal(w1, w1 + 3, w3));
  WeightSpec fixed = Spec(model, "mean");
  DrawWeights(fixed, 7, 123, 3, w1);
  CHECK(w1[1] == Approx(2.0 / 3));
}

TEST_CASE("weight specs that cannot work are refused with a reason", "[sensitivity]") {
  Model model = testing::ModelFrom(kThree);
  std::string error;
  CHECK_FALSE(ParseWeightSpec("nosuch", model, error));
  CHECK(error == "unknown weight set 'nosuch' (use uniform, SET, SET:KAPPA or SET:order)");
  CHECK_FALSE(ParseWeightSpec("mean:order", model, error));
  CHECK(error == "weight set 'mean' has no order: to sample from");
  CHECK_FALSE(ParseWeightSpec("mean:-3", model, error));
  CHECK(error == "'-3' after 'mean:' must be a number from 1e-300 to 1e300 (KAPPA) or 'order'");
  CHECK_FALSE(ParseWeightSpec("mean:nan", model, error));
}

}  // namespace
}  // namespace allot
