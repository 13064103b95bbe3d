#include "allot/stability.hpp"

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

// The weights while objective j weighs t, as StabilityForObjective defines.
std::vector<double> WeightsAt(const std::vector<double>& w, size_t j, double t) {
  std::vector<double> out(w.size());
  for (size_t k = 0; k < w.size(); ++k) {
    if (k == j) {
      out[k] = t;
    } else if (w[j] < 1) {
      out[k] = w[k] * (1 - t) / (1 - w[j]);
    } else {
      out[k] = (1 - t) / static_cast<double>(w.size() - 1);
    }
  }
  return out;
}

// Scenario indexes best first (ties: input order), by brute force.
std::vector<size_t> RankAt(const std::vector<std::vector<double>>& scores,
                           const std::vector<double>& w) {
  std::vector<double> total;
  for (const auto& s : scores) {
    double sum = 0;
    for (size_t k = 0; k < w.size(); ++k) sum += w[k] * s[k];
    total.push_back(sum);
  }
  std::vector<size_t> order(scores.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return total[a] > total[b]; });
  return order;
}

struct Sweep {
  double top_low, top_high, rank_low, rank_high;
};

// The interval around t0 over which the top / the ranking stays, found by
// stepping t over a grid of `steps` points.
Sweep BruteForce(const std::vector<std::vector<double>>& scores, const std::vector<double>& w,
                 size_t j, int steps) {
  std::vector<size_t> now = RankAt(scores, w);
  Sweep sweep{w[j], w[j], w[j], w[j]};
  double step = 1.0 / steps;
  for (int dir : {-1, 1}) {
    bool top = true, rank = true;
    for (double t = w[j]; t >= 0 && t <= 1; t += dir * step) {
      std::vector<size_t> r = RankAt(scores, WeightsAt(w, j, t));
      top = top && r.front() == now.front();
      rank = rank && r == now;
      if (top) (dir < 0 ? sweep.top_low : sweep.top_high) = t;
      if (rank) (dir < 0 ? sweep.rank_low : sweep.rank_high) = t;
      if (!top && !rank) break;
    }
  }
  return sweep;
}

}  // namespace

TEST_CASE("stability intervals agree with a brute-force sweep of the weight", "[stability]") {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> score(0, 100), weight(0.05, 1);
  const int steps = 100000;
  for (int trial = 0; trial < 20; ++trial) {
    std::vector<std::vector<double>> scores(5, std::vector<double>(3));
    for (auto& s : scores) {
      for (double& v : s) v = score(rng);
    }
    std::vector<double> w(3);
    double sum = 0;
    for (double& v : w) sum += v = weight(rng);
    for (double& v : w) v /= sum;
    std::vector<std::string> ids{"s0", "s1", "s2", "s3", "s4"};
    for (size_t j = 0; j < 3; ++j) {
      ObjectiveStability exact = StabilityForObjective(scores, ids, w, j);
      Sweep sweep = BruteForce(scores, w, j, steps);
      INFO("trial " << trial << " objective " << j);
      // The sweep's last good grid point is within one step of the exact end.
      CHECK(exact.top_low.t == Approx(sweep.top_low).margin(1.0 / steps));
      CHECK(exact.top_high.t == Approx(sweep.top_high).margin(1.0 / steps));
      CHECK(exact.rank_low.t == Approx(sweep.rank_low).margin(1.0 / steps));
      CHECK(exact.rank_high.t == Approx(sweep.rank_high).margin(1.0 / steps));
      // Just past a boundary, the named overtaker is on top.
      if (exact.top_high.t < 1) {
        size_t top = RankAt(scores, WeightsAt(w, j, exact.top_high.t + 2.0 / steps)).front();
        CHECK(ids[top] == exact.top_high.overtaker);
      } else {
        CHECK(exact.top_high.overtaker.empty());
      }
      if (exact.top_low.t > 0) {
        size_t top = RankAt(scores, WeightsAt(w, j, exact.top_low.t - 2.0 / steps)).front();
        CHECK(ids[top] == exact.top_low.overtaker);
      } else {
        CHECK(exact.top_low.overtaker.empty());
      }
    }
  }
}

TEST_CASE("stability on the small model: the shift leads until a weighs 37.5/40.5", "[stability]") {
  Model model = ModelFrom(kSmallModel);
  // Moving EUR 300 from x to y: model scores (6, 0), shift (3, 37.5). With
  // a weighing t and b 1 - t: model 6t, shift 37.5 - 34.5t; equal at t = 37.5/40.5.
  std::vector<Scenario> scenarios{ScenarioFrom(R"(format: allot/1
scenario: shift
name: Shift
changes:
  - move: {amount: 300, from: x, to: y}
)")};
  auto resolved = ResolveOk(model, scenarios);
  Diagnostics diags;
  std::optional<StabilityResult> result = Stability(model, resolved, {"even"}, diags);
  REQUIRE(result);
  const WeightSetStability& even = result->sets.at(0);
  CHECK(even.ranking == std::vector<std::string>{"shift", "model"});
  const ObjectiveStability& a = even.objectives.at(0);
  CHECK(a.objective == "a");
  CHECK(a.weight == 0.5);
  CHECK(a.top_low.t == 0);
  CHECK(a.top_low.overtaker.empty());
  CHECK(a.top_high.t == Approx(37.5 / 40.5).epsilon(1e-12));
  CHECK(a.top_high.overtaker == "model");
  CHECK(a.top_high.overtaken == "shift");
  const ObjectiveStability& b = even.objectives.at(1);
  CHECK(b.top_low.t == Approx(3.0 / 40.5).epsilon(1e-12));
  CHECK(b.top_high.t == 1);
}

TEST_CASE("stability when one objective has all the weight: the others share equally",
          "[stability]") {
  // w = (1, 0, 0): moving objective 0 down gives the others (1 - t) / 2 each.
  std::vector<std::vector<double>> scores{{10, 0, 0}, {0, 30, 10}};
  ObjectiveStability s = StabilityForObjective(scores, {"p", "q"}, {1, 0, 0}, 0);
  // p: 10t; q: 20(1 - t); equal at t = 2/3.
  CHECK(s.top_high.t == 1);
  CHECK(s.top_low.t == Approx(2.0 / 3).epsilon(1e-12));
  CHECK(s.top_low.overtaker == "q");
}

TEST_CASE("stability: an unknown weight set is a diagnostic", "[stability]") {
  Model model = ModelFrom(kSmallModel);
  Diagnostics diags;
  CHECK_FALSE(Stability(model, ResolveOk(model, {}), {"evn"}, diags));
  CHECK(Render(diags) == "error: --weights: unknown weight set 'evn' (did you mean 'even'?)\n");
}

TEST_CASE("a tie counts the same from both sides, whatever the input order", "[stability]") {
  // With objective 0 at weight t (the other 1 - t): p scores 20t + 40(1 - t),
  // q 40t + 20(1 - t), r 10. At t = 0.5 p and q tie at 30: any move of t
  // separates them, p ahead below 0.5 and q ahead above. The top is {p, q},
  // and it changes on both sides at 0.5, naming the one that gets ahead.
  std::vector<std::vector<double>> scores{{20, 40}, {40, 20}, {10, 10}};
  std::vector<double> w{0.5, 0.5};
  for (bool swapped : {false, true}) {
    std::vector<std::vector<double>> s = scores;
    std::vector<std::string> ids{"p", "q", "r"};
    if (swapped) {
      std::swap(s[0], s[1]);
      std::swap(ids[0], ids[1]);
    }
    INFO("swapped " << swapped);
    ObjectiveStability o = StabilityForObjective(s, ids, w, 0);
    for (const StabilityEnd* end : {&o.top_low, &o.top_high, &o.rank_low, &o.rank_high})
      CHECK(end->t == Approx(0.5).epsilon(1e-12));
    CHECK(o.top_low.overtaker == "p");
    CHECK(o.top_low.overtaken == "q");
    CHECK(o.top_high.overtaker == "q");
    CHECK(o.top_high.overtaken == "p");
    CHECK(o.rank_low.overtaker == "p");
    CHECK(o.rank_high.overtaker == "q");
  }
  // Scenarios that score the same on every objective stay tied: no end.
  ObjectiveStability twins = StabilityForObjective({{20, 40}, {20, 40}}, {"a", "b"}, w, 0);
  CHECK(twins.rank_low.t == 0);
  CHECK(twins.rank_high.t == 1);
  // A tie below the top leaves the top's interval alone.
  ObjectiveStability below =
      StabilityForObjective({{90, 90}, {20, 40}, {40, 20}}, {"top", "p", "q"}, w, 0);
  CHECK(below.top_low.t == 0);
  CHECK(below.top_high.t == 1);
  CHECK(below.rank_low.t == Approx(0.5));
  CHECK(below.rank_high.t == Approx(0.5));
}

TEST_CASE("stability ranks share a rank between tied scenarios", "[stability]") {
  Model model = ModelFrom(kSmallModel);
  // Two copies of the same change: tied under every weight set.
  auto shift = [](const std::string& id) {
    return ScenarioFrom("format: allot/1\nscenario: " + id + "\nname: " + id +
                        "\nchanges:\n  - move: {amount: 300, from: x, to: y}\n");
  };
  auto resolved = ResolveOk(model, {shift("one"), shift("two")});
  Diagnostics diags;
  std::optional<StabilityResult> result = Stability(model, resolved, {"even"}, diags);
  REQUIRE(result);
  CHECK(result->sets[0].ranking == std::vector<std::string>{"one", "two", "model"});
  CHECK(result->sets[0].ranks == std::vector<int>{1, 1, 3});
}
