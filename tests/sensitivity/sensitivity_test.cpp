// SMAA against answers known exactly: interval lengths, fixed weights,
// triangular moments, common random numbers, and the evaluator itself.
#include "allot/sensitivity.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <sstream>

#include "allot/evaluate.hpp"
#include "allot/load.hpp"
#include "allot/render.hpp"
#include "allot/weight_sampling.hpp"
#include "test_support.hpp"

namespace allot {
namespace {

using testing::ModelFrom;
using testing::ResolveOk;
using testing::ScenarioFrom;
using testing::ShippedModel;
using testing::ShippedScenarios;

// Two objectives; line la gives 1 point on a per EUR 1000, lb likewise on b.
// The model spends nothing (scores 0, 0).
const char* const kTwoObjectives = R"(format: allot/1
title: Two
years: [2024]
objectives:
  - {id: a, name: A}
  - {id: b, name: B}
weights:
  even: {a: 1, b: 1}
lines:
  - id: la
    name: LA
    budget: {2024: 0}
    effects:
      a: {curve: linear, points: 1, per: 1000}
  - id: lb
    name: LB
    budget: {2024: 0}
    effects:
      b: {curve: linear, points: 1, per: 1000}
)";

Scenario Spending(const std::string& id, int a_points, int b_points) {
  return ScenarioFrom(
      "format: allot/1\nscenario: " + id + "\nname: " + id +
      "\nchanges:\n  - set: {line: la, budget: {2024: " + std::to_string(a_points * 1000) +
      "}}\n  - set: {line: lb, budget: {2024: " + std::to_string(b_points * 1000) + "}}\n");
}

SmaaResult RunSmaa(const Model& model, const std::vector<Scenario>& scenarios,
                   const std::string& weights, EffectsMode effects, uint64_t samples,
                   unsigned threads = 1) {
  std::string error;
  std::optional<WeightSpec> spec = ParseWeightSpec(weights, model, error);
  REQUIRE(spec);
  std::unique_ptr<SmaaPlan> plan =
      CompileSmaa(model, ResolveOk(model, scenarios), SmaaOptions{*spec, effects, 42});
  SmaaRun run;
  run.samples = samples;
  run.threads = threads;
  return RunSmaa(*plan, run);
}

// |estimate - exact| within `k` standard errors of a proportion.
void CheckProportion(double estimate, double exact, uint64_t n, double k = 4.5) {
  double se = std::sqrt(std::max(exact * (1 - exact), 1e-12) / static_cast<double>(n));
  INFO("estimate " << estimate << ", exact " << exact);
  CHECK(std::abs(estimate - exact) <= k * se + 1e-12);
}

TEST_CASE("uniform weights on two objectives give acceptabilities equal to interval lengths",
          "[sensitivity]") {
  // With w = weight of a (uniform on [0, 1]): A = 20 + 40w, B = 60 - 40w,
  // C = 45. A is best for w > 0.625, C on [0.375, 0.625], B below 0.375.
  Model model = ModelFrom(kTwoObjectives);
  const uint64_t n = 200000;
  SmaaResult r =
      RunSmaa(model, {Spending("A", 60, 20), Spending("B", 20, 60), Spending("C", 45, 45)},
              "uniform", EffectsMode::kFixed, n);
  REQUIRE(r.scenarios.size() == 4);
  const std::vector<std::vector<double>> exact = {
      {0, 0, 0, 1}, {0.375, 0.125, 0.5, 0}, {0.375, 0.125, 0.5, 0}, {0.25, 0.75, 0, 0}};
  for (size_t s = 0; s < 4; ++s) {
    for (size_t k = 0; k < 4; ++k)
      CheckProportion(r.scenarios[s].rank_acceptability[k], exact[s][k], n);
  }
  // P(A beats B) = P(w > 0.5).
  CheckProportion(r.beats[1 * 4 + 2], 0.5, n);
  // Score of A: 20 + 40w, mean 40, sd 40/sqrt(12), p5 22, p95 58.
  const SmaaScenarioResult& a = r.scenarios[1];
  CHECK(a.mean_score == Approx(40).margin(0.15));
  CHECK(a.sd_score == Approx(40 / std::sqrt(12.0)).margin(0.1));
  CHECK(a.p5_score == Approx(22).margin(0.2));
  CHECK(a.p95_score == Approx(58).margin(0.2));
  // Central weights: the mean of w over each scenario's interval.
  REQUIRE(a.central_weights);
  CHECK((*a.central_weights)[0] == Approx(0.8125).margin(0.003));
  REQUIRE(r.scenarios[3].central_weights);
  CHECK((*r.scenarios[3].central_weights)[0] == Approx(0.5).margin(0.003));
  // Effects are fixed: at its central weights each winner wins every time.
  CHECK(*a.confidence_factor == 1.0);
  CHECK(*r.scenarios[3].confidence_factor == 1.0);
  CHECK_FALSE(r.scenarios[0].central_weights);
}

TEST_CASE("fixed weights give acceptabilities of 0 or 1, ties sharing the better rank",
          "[sensitivity]") {
  // even: A = B = 40, C = 45, model 0.
  Model model = ModelFrom(kTwoObjectives);
  SmaaResult r =
      RunSmaa(model, {Spending("A", 60, 20), Spending("B", 20, 60), Spending("C", 45, 45)}, "even",
              EffectsMode::kFixed, 1000);
  CHECK(r.scenarios[3].rank_acceptability == std::vector<double>{1, 0, 0, 0});
  CHECK(r.scenarios[1].rank_acceptability == std::vector<double>{0, 1, 0, 0});
  CHECK(r.scenarios[2].rank_acceptability == std::vector<double>{0, 1, 0, 0});
  CHECK(r.scenarios[0].rank_acceptability == std::vector<double>{0, 0, 0, 1});
  CHECK(r.scenarios[1].rank_acceptability_se == std::vector<double>{0, 0, 0, 0});
  CHECK(r.beats[1 * 4 + 2] == 0);  // a tie counts for neither
  CHECK(r.beats[2 * 4 + 1] == 0);
  CHECK(r.scenarios[3].mean_score == Approx(45).margin(1e-9));
  CHECK(r.scenarios[3].sd_score == Approx(0).margin(1e-6));
  CHECK(r.scenarios[3].p5_score == 45);
  CHECK(r.scenarios[3].p95_score == 45);
}

const char* const kTriangular = R"(format: allot/1
title: Triangular
years: [2024]
objectives:
  - {id: a, name: A}
weights:
  all: {a: 1}
lines:
  - id: l
    name: L
    budget: {2024: 1000}
    effects:
      a: {curve: linear, points: [1, 2, 6], per: 1000}
)";

TEST_CASE("uncertain effects are triangular with mean (low + likely + high) / 3", "[sensitivity]") {
  // Score = points ~ Triangular(1, 2, 6): mean 3, sd sqrt(21/18),
  // 5th percentile 1.5 (F(x) = (x-1)^2/5 below 2), 95th percentile 5.
  Model model = ModelFrom(kTriangular);
  const uint64_t n = 200000;
  SmaaResult r = RunSmaa(model, {}, "all", EffectsMode::kUncertain, n);
  const SmaaScenarioResult& m = r.scenarios[0];
  double sd = std::sqrt(21.0 / 18.0);
  CHECK(m.mean_score == Approx(3).margin(4.5 * sd / std::sqrt(double(n))));
  CHECK(m.sd_score == Approx(sd).margin(0.01));
  CHECK(m.p5_score == Approx(1.5).margin(0.02));
  CHECK(m.p95_score == Approx(5).margin(0.03));
  // Fixed effects use the likely value.
  CHECK(RunSmaa(model, {}, "all", EffectsMode::kFixed, 10).scenarios[0].mean_score ==
        Approx(2).margin(1e-9));
}

// One objective, weight set `all`, one line spending `budget` EUR with a
// linear effect of `points` per `per` EUR.
Model OneLinearEffect(int budget, const std::string& points, int per) {
  return ModelFrom(
      "format: allot/1\ntitle: One\nyears: [2024]\nobjectives:\n  - {id: a, name: A}\n"
      "weights:\n  all: {a: 1}\nlines:\n  - id: l\n    name: L\n    budget: {2024: " +
      std::to_string(budget) + "}\n    effects:\n      a: {curve: linear, points: " + points +
      ", per: " + std::to_string(per) + "}\n");
}

TEST_CASE("negative weighted scores have their true 5th and 95th percentiles", "[sensitivity]") {
  // Points ~ Triangular(-4, -3, -2) per EUR 100 at EUR 1000: the score is
  // Triangular(-40, -30, -20), p5 = -40 + sqrt(10), p95 = -20 - sqrt(10);
  // the percentile histogram used to stop at 0 and showed 0.00 for both.
  Model model = OneLinearEffect(1000, "[-4, -3, -2]", 100);
  const uint64_t n = 100000;
  SmaaResult r = RunSmaa(model, {}, "all", EffectsMode::kUncertain, n);
  const SmaaScenarioResult& m = r.scenarios[0];
  CHECK(m.mean_score == Approx(-30).margin(0.05));
  CHECK(m.p5_score == Approx(-40 + std::sqrt(10.0)).margin(0.1));
  CHECK(m.p95_score == Approx(-20 - std::sqrt(10.0)).margin(0.1));
}

TEST_CASE("scores far below zero keep exact means, sds and percentiles", "[sensitivity]") {
  // Points ~ Triangular(-1e6, -5e5, 0) per EUR 1 at EUR 100,000: the score
  // is Triangular(-1e11, -5e10, 0), mean -5e10, sd 1e11 / sqrt(24); summed
  // in fewer fixed-point bits, so that trunc(score * 2^bits) cannot
  // overflow (at 2^32 it would).
  Model model = OneLinearEffect(100000, "[-1000000, -500000, 0]", 1);
  const uint64_t n = 20000;
  SmaaResult r = RunSmaa(model, {}, "all", EffectsMode::kUncertain, n);
  const SmaaScenarioResult& m = r.scenarios[0];
  CHECK(r.header.score_bits < kScoreBits);
  double sd = 1e11 / std::sqrt(24.0);
  CHECK(m.mean_score == Approx(-5e10).margin(4.5 * sd / std::sqrt(double(n))));
  CHECK(m.sd_score == Approx(sd).epsilon(0.02));
  // p5: F(x) = (x + 1e11)^2 / (1e11 * 5e10) = 0.05.
  CHECK(m.p5_score == Approx(-1e11 + std::sqrt(0.05 * 5e21)).epsilon(0.01));
  // Fixed effects: every sample the same score, so sd 0 exactly.
  SmaaResult fixed = RunSmaa(model, {}, "all", EffectsMode::kFixed, 100);
  CHECK(fixed.scenarios[0].mean_score == Approx(-5e10).epsilon(1e-12));
  CHECK(fixed.scenarios[0].sd_score == 0);
  CHECK(fixed.scenarios[0].p5_score == Approx(-5e10).epsilon(4e-6));
}

TEST_CASE("scenarios that are the same tie in every sample: common random numbers",
          "[sensitivity]") {
  Model model = ModelFrom(R"(format: allot/1
title: CRN
years: [2024]
objectives:
  - {id: a, name: A}
  - {id: b, name: B}
weights:
  even: {a: 1, b: 1}
lines:
  - id: l
    name: L
    budget: {2024: 1000}
    effects:
      a: {curve: saturating, max: [10, 40, 90], half: [500, 1000, 3000]}
  - id: m
    name: M
    budget: {2024: 1000}
    effects:
      b: {curve: linear, points: [0, 30, 50], per: 1000}
)");
  auto shift = [](const std::string& id) {
    return ScenarioFrom("format: allot/1\nscenario: " + id + "\nname: " + id +
                        "\nchanges:\n  - move: {amount: 400, from: m, to: l}\n");
  };
  const uint64_t n = 20000;
  SmaaResult r =
      RunSmaa(model, {shift("one"), shift("two")}, "uniform", EffectsMode::kUncertain, n);
  CHECK(r.scenarios[1].rank_acceptability == r.scenarios[2].rank_acceptability);
  CHECK(r.beats[1 * 3 + 2] == 0);
  CHECK(r.beats[2 * 3 + 1] == 0);
  CHECK(r.scenarios[1].sd_score > 1);  // the effects did vary
  // The twins share a rank, so they are never third and the model is never
  // second: it is either above both (rank 1) or below both (rank 3).
  CHECK(r.scenarios[1].rank_acceptability[2] == 0);
  CHECK(r.scenarios[0].rank_acceptability[1] == 0);
  CHECK(r.scenarios[0].rank_acceptability[0] > 0);
}

// The value a sample draws for an uncertain parameter, computed here from
// its definition (stream key "line, objective, ordinal, role"; the two
// 32-bit halves u, v of the key's hash; low + (high - likely) * min(u, v)
// * 2^-32 + (likely - low) * max(u, v) * 2^-32) independently of the SMAA
// compiler.
double DrawnValue(const Param& p, const std::string& key, uint64_t base) {
  if (!p.uncertain || !(p.high > p.low)) return p.likely;
  uint64_t h = Mix64(base ^ StreamKey(key));
  double u = static_cast<double>(h >> 32), v = static_cast<double>(h & 0xffffffffULL);
  return (p.low + (p.high - p.likely) * 0x1.0p-32 * std::min(u, v)) +
         (p.likely - p.low) * 0x1.0p-32 * std::max(u, v);
}

// `line` with every uncertain parameter replaced by its draw in the sample.
Line DrawnLine(const Line& line, uint64_t base) {
  Line drawn = line;
  std::map<std::string, int> ordinal;
  for (Effect& e : drawn.effects) {
    std::string prefix =
        line.id + '\x1f' + e.objective + '\x1f' + std::to_string(ordinal[e.objective]++) + '\x1f';
    Curve& c = e.curve;
    c.points = Param::Exact(DrawnValue(c.points, prefix + "points", base));
    c.max = Param::Exact(DrawnValue(c.max, prefix + "max", base));
    c.half = Param::Exact(DrawnValue(c.half, prefix + "half", base));
    for (size_t i = 0; i < c.table.size(); ++i) {
      c.table[i].value =
          Param::Exact(DrawnValue(c.table[i].value, prefix + "table" + std::to_string(i), base));
    }
  }
  return drawn;
}

TEST_CASE("with uncertain effects every sample's scores are the evaluator's at the drawn values",
          "[sensitivity]") {
  // The compiled plan (common allocation, direct slots, items, per-scenario
  // differences) against a plain evaluation of every shipped scenario with
  // each uncertain parameter set to the value drawn for it.
  Model model = ShippedModel();
  std::vector<Scenario> scenarios = ShippedScenarios();
  std::vector<ResolvedScenario> resolved = ResolveOk(model, scenarios);
  std::string error;
  const uint64_t seed = 42, samples = 40;
  std::unique_ptr<SmaaPlan> plan = CompileSmaa(
      model, resolved,
      SmaaOptions{*ParseWeightSpec("uniform", model, error), EffectsMode::kUncertain, seed});
  const size_t S = resolved.size(), J = model.objectives.size();
  bool varied = false;
  for (uint64_t i = 0; i < samples; ++i) {
    uint64_t base = SampleBase(seed, i);
    std::vector<double> scores = plan->ObjectiveScores(i);
    REQUIRE(scores.size() == S * J);
    std::map<const Line*, Line> drawn;  // each line definition at this sample's draws
    for (size_t s = 0; s < S; ++s) {
      ResolvedScenario at_draws = resolved[s];
      for (ResolvedLine& line : at_draws.lines) {
        auto it = drawn.find(line.def);
        if (it == drawn.end()) it = drawn.emplace(line.def, DrawnLine(*line.def, base)).first;
        line.def = &it->second;
      }
      std::vector<double> expected = Evaluate(model, at_draws).objectives;
      for (size_t j = 0; j < J; ++j) {
        INFO("sample " << i << ", " << resolved[s].id << ", objective " << model.objectives[j].id);
        double got = scores[s * J + j];
        CHECK(got == Approx(expected[j]).margin(1e-9));
        varied = varied || std::abs(got - Evaluate(model, resolved[s]).objectives[j]) > 1e-6;
      }
    }
  }
  CHECK(varied);  // the draws did move the scores away from the likely values
}

TEST_CASE("with fixed weights and effects the mean score is the evaluator's weighted score",
          "[sensitivity]") {
  // The common-allocation compilation must add up to what Evaluate says,
  // for the shipped model and every shipped scenario.
  Model model = ShippedModel();
  std::vector<Scenario> scenarios = ShippedScenarios();
  std::vector<ResolvedScenario> resolved = ResolveOk(model, scenarios);
  for (const WeightSet& set : model.weights) {
    SmaaResult r = RunSmaa(model, scenarios, set.name, EffectsMode::kFixed, 3);
    for (size_t s = 0; s < resolved.size(); ++s) {
      INFO(set.name << " " << resolved[s].id);
      CHECK(r.scenarios[s].mean_score ==
            Approx(WeightedScore(set, Evaluate(model, resolved[s]).objectives)).margin(1e-6));
    }
  }
}

}  // namespace
}  // namespace allot

namespace allot {
namespace {

TEST_CASE("Wilson intervals: known values, and no collapse at 0 or 1", "[sensitivity]") {
  // 10 of 100: the textbook Wilson interval [0.0552, 0.1744].
  ProportionInterval i = Wilson(10, 100);
  CHECK(i.low == Approx(0.0552).margin(5e-5));
  CHECK(i.high == Approx(0.1744).margin(5e-5));
  // 0 of 20,000: [0, 1.96^2 / (20,000 + 1.96^2)], not the Wald "±0".
  ProportionInterval none = Wilson(0, 20000);
  CHECK(none.low == 0);
  CHECK(none.high == Approx(3.8416 / 20003.8416).epsilon(1e-12));
  CHECK(none.HalfWidth(0) == none.high);
  ProportionInterval all = Wilson(20000, 20000);
  CHECK(all.high == 1);
  CHECK(1 - all.low == Approx(none.high).epsilon(1e-9));
}

// kTwoObjectives with uncertain effects (la: [0.5, 1, 2], lb: [0.2, 1, 1.5]
// points per EUR 1000) and a second weight set `tilted` (a: 3, b: 1).
Model Uncertain2() {
  std::string yaml = kTwoObjectives;
  auto replace = [&](const std::string& from, const std::string& to) {
    size_t at = yaml.find(from);
    REQUIRE(at != std::string::npos);
    yaml.replace(at, from.size(), to);
  };
  replace("  even: {a: 1, b: 1}\n", "  even: {a: 1, b: 1}\n  tilted: {a: 3, b: 1}\n");
  replace("points: 1,", "points: [0.5, 1, 2],");
  replace("points: 1,", "points: [0.2, 1, 1.5],");
  return ModelFrom(yaml);
}

TEST_CASE("with fixed weights the confidence factor is the rank-1 acceptability, from every draw",
          "[sensitivity]") {
  // The central weights of a set are the set itself, so each confidence
  // draw asks what each sample asked: at the same draws (all of them, not
  // the first 1,000) the counts agree exactly.
  Model model = Uncertain2();
  const uint64_t n = 5000;
  SmaaResult r = RunSmaa(model, {Spending("A", 30, 10), Spending("B", 25, 20)}, "tilted",
                         EffectsMode::kUncertain, n);
  CHECK(r.confidence_samples == n);
  for (const SmaaScenarioResult& s : r.scenarios) {
    INFO(s.id);
    if (!s.central_weights) continue;
    REQUIRE(s.confidence_factor);
    CHECK(*s.confidence_factor == s.rank_acceptability[0]);
    CHECK(*s.confidence_factor_se ==
          Approx(std::sqrt(s.rank_acceptability[0] * (1 - s.rank_acceptability[0]) / n)));
    CHECK(s.confidence_factor_interval->low <= *s.confidence_factor);
    CHECK(s.confidence_factor_interval->high >= *s.confidence_factor);
  }
  CHECK(r.scenarios[1].rank_acceptability[0] > 0.5);
  CHECK(r.scenarios[2].rank_acceptability[0] > 0.01);  // both win sometimes
}

TEST_CASE(
    "the confidence draws are as many as asked, and central weights from few samples are marked",
    "[sensitivity]") {
  Model model = Uncertain2();
  std::string error;
  std::optional<WeightSpec> spec = ParseWeightSpec("uniform", model, error);
  // B wins only where b weighs nearly everything: in a few of 3,000 samples.
  std::unique_ptr<SmaaPlan> plan =
      CompileSmaa(model, ResolveOk(model, {Spending("A", 80, 20), Spending("B", 2, 21)}),
                  SmaaOptions{*spec, EffectsMode::kUncertain, 9});
  SmaaRun run;
  run.samples = 3000;
  run.confidence_draws = 700;
  SmaaResult r = RunSmaa(*plan, run);
  CHECK(r.confidence_samples == 700);
  const SmaaScenarioResult& a = r.scenarios[1];
  const SmaaScenarioResult& b = r.scenarios[2];
  CHECK_FALSE(a.too_few_samples());
  REQUIRE(b.central_weights);
  CHECK(b.best_samples > 0);
  CHECK(b.best_samples < kMinCentralSamples);
  CHECK(b.too_few_samples());
  std::ostringstream table;
  RenderSensitivity(r, OutputFormat::kTable, Lang::kEn, table);
  CHECK(table.str().find("too few samples") != std::string::npos);
  run.confidence_draws = 0;
  CHECK_FALSE(RunSmaa(*plan, run).scenarios[1].confidence_factor);
}

TEST_CASE("a precision target stops on the Wilson interval, which is never 0 wide",
          "[sensitivity]") {
  // Fixed weights and effects: every share is 0 or 1. The Wald half-width
  // is 0 after 1,000 samples; the Wilson interval of 0 out of n reaches
  // 3.84 / (n + 3.84), below 0.001 only from n = 3,838: 4,000 samples.
  Model model = ModelFrom(kTwoObjectives);
  std::string error;
  std::unique_ptr<SmaaPlan> plan =
      CompileSmaa(model, ResolveOk(model, {Spending("A", 60, 20)}),
                  SmaaOptions{*ParseWeightSpec("even", model, error), EffectsMode::kFixed, 1});
  SmaaAccumulator acc = RunToPrecision(*plan, 0.001, 1000000, 2);
  CHECK(acc.count() == 4000);
  CHECK(MaxHalfWidth(acc) < 0.001);
}

TEST_CASE(
    "ranks by sorting equal ranks from every pair (ties too) and beats only up to "
    "max_pairwise",
    "[sensitivity][robust]") {
  Model model = ModelFrom(kTwoObjectives);
  // t1 and t2 tie in every sample; with the model (0, 0) five scenarios.
  std::vector<Scenario> scenarios = {Spending("t1", 30, 30), Spending("t2", 30, 30),
                                     Spending("a", 60, 0), Spending("b", 0, 45)};
  std::vector<ResolvedScenario> resolved = ResolveOk(model, scenarios);
  std::string error;
  std::optional<WeightSpec> spec = ParseWeightSpec("uniform", model, error);
  REQUIRE(spec);
  auto run = [&](size_t max_pairwise) {
    return CompileSmaa(model, resolved, SmaaOptions{*spec, EffectsMode::kFixed, 9, max_pairwise})
        ->Run(0, 4000, 2, 4000);
  };
  SmaaAccumulator pairwise = run(5), sorted = run(4);
  CHECK(pairwise.header.pairwise);
  CHECK(pairwise.beats.size() == 25);
  CHECK_FALSE(sorted.header.pairwise);
  CHECK(sorted.beats.empty());
  CHECK(sorted.rank_counts == pairwise.rank_counts);
  CHECK(sorted.score_sum == pairwise.score_sum);
  CHECK(sorted.best_weight_sum == pairwise.best_weight_sum);
  // The tie: t1 and t2 share their rank in every sample (best for weights
  // of a between 1/3 and 1/2); the model is last in every sample.
  for (size_t r = 0; r < 5; ++r)
    CHECK(sorted.rank_counts[1 * 5 + r] == sorted.rank_counts[2 * 5 + r]);
  CHECK(sorted.rank_counts[1 * 5 + 0] > 0);
  CHECK(sorted.rank_counts[0 * 5 + 4] == 4000);
  SmaaResult result =
      Finish(sorted, ConfidencePass(*CompileSmaa(model, resolved, {*spec}), sorted, 1));
  CHECK(result.beats.empty());
}

}  // namespace
}  // namespace allot
