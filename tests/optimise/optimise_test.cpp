// Optimise against answers known exactly: brute force on small instances,
// greedy marginal analysis on concave ones, the round trip through a
// scenario file, conflicting constraints, levels.
#include "allot/optimise.hpp"

#include <catch2/catch.hpp>
#include <functional>
#include <random>
#include <sstream>

#include "allot/evaluate.hpp"
#include "allot/load.hpp"
#include "test_support.hpp"

using namespace allot;
using allot::testing::ModelFrom;
using allot::testing::Render;
using allot::testing::ResolveOk;

namespace {

Money Eur(int64_t euros) { return Money::FromCents(euros * 100); }

double Weighted(const Model& m, const std::vector<double>& w, const ResolvedScenario& r) {
  std::vector<double> s = Evaluate(m, r).objectives;
  double sum = 0;
  for (size_t j = 0; j < s.size(); ++j) sum += w[j] * s[j];
  return sum;
}

// The base with line totals `totals` (EUR), all in the first year.
ResolvedScenario WithTotals(const ResolvedScenario& base, const std::vector<int64_t>& totals) {
  ResolvedScenario r = base;
  for (size_t i = 0; i < r.lines.size(); ++i) {
    std::fill(r.lines[i].by_year.begin(), r.lines[i].by_year.end(), Money());
    r.lines[i].by_year[0] = Eur(totals[i]);
  }
  return r;
}

// Best exact score over every split of `budget` EUR into multiples of
// `step` over the lines; lines with levels take a level's total or 0.
double BruteForce(const Model& m, const ResolvedScenario& base, const std::vector<double>& w,
                  int64_t budget, int64_t step) {
  double best = -1e300;
  std::vector<int64_t> totals(base.lines.size(), 0);
  std::function<void(size_t, int64_t)> rec = [&](size_t i, int64_t left) {
    const Line& def = *base.lines[i].def;
    std::vector<int64_t> choices;
    if (i + 1 == totals.size()) {
      choices = {left};
    } else if (!def.levels.empty()) {
      choices.push_back(0);
      for (const Level& l : def.levels) choices.push_back(l.budget.begin()->second.cents() / 100);
    } else {
      for (int64_t x = 0; x <= left; x += step) choices.push_back(x);
    }
    for (int64_t x : choices) {
      if (x > left) continue;
      totals[i] = x;
      if (i + 1 == totals.size()) {
        best = std::max(best, Weighted(m, w, WithTotals(base, totals)));
      } else {
        rec(i + 1, left - x);
      }
    }
  };
  rec(0, budget);
  return best;
}

// Three or four lines on one year; the last line is always free (linear).
std::string RandomModel(std::mt19937& rng, bool smooth) {
  std::uniform_int_distribution<int> small(1, 9);
  std::ostringstream y;
  y << "format: allot/1\ntitle: t\nyears: [2024]\nobjectives:\n  - {id: a, name: A}\n"
       "  - {id: b, name: B}\nweights:\n  w: {a: "
    << small(rng) << ", b: " << small(rng) << "}\nlines:\n";
  y << "  - {id: l1, name: L1, budget: {2024: 0}, effects: {a: {curve: table, points: [[200, "
    << small(rng) << "], [400, " << small(rng) + 10 << "], [800, " << small(rng) + 12 << "]]}}}\n";
  y << "  - {id: l2, name: L2, budget: {2024: 0}, effects: {b: {curve: linear, points: "
    << small(rng) << ", per: 200, threshold: " << 100 * small(rng) << "}}}\n";
  if (smooth) {
    y << "  - {id: l3, name: L3, budget: {2024: 0}, effects: {a: {curve: saturating, max: "
      << 5 * small(rng) << ", half: " << 100 * small(rng) << "}}}\n";
  } else {
    y << "  - id: l3\n    name: L3\n    budget: {2024: 0}\n    effects: {b: {curve: linear, "
         "points: "
      << small(rng)
      << ", per: 100}}\n    levels:\n      - {name: low, budget: {2024: " << 100 * small(rng)
      << "}}\n      - {name: high, budget: {2024: " << 500 + 50 * small(rng) << "}}\n";
  }
  y << "  - {id: l4, name: L4, budget: {2024: 1000}, effects: {a: {curve: linear, points: 1, per: "
       "1000}}}\n";
  return y.str();
}

OptimiseConstraints Budget(std::vector<Money> budget) {
  OptimiseConstraints c;
  c.budget = std::move(budget);
  return c;
}

OptimiseResult Solve(const Model& m, const ResolvedScenario& base, OptimiseConstraints c,
                     int segments = 16) {
  OptimiseOptions o;
  o.weights = m.weights[0].weights;
  o.segments = segments;
  Diagnostics diags;
  std::optional<OptimiseResult> r = Optimise(m, base, c, o, diags);
  INFO(Render(diags));
  REQUIRE(r);
  return *r;
}

}  // namespace

TEST_CASE("on piecewise-linear curves the optimum equals brute force exactly", "[optimise]") {
  std::mt19937 rng(7);
  for (int instance = 0; instance < 12; ++instance) {
    Model m = ModelFrom(RandomModel(rng, false));
    ResolvedScenario base = ResolveOk(m, {})[0];
    OptimiseResult r = Solve(m, base, Budget({Eur(1000)}));
    REQUIRE(r.feasible);
    double brute = BruteForce(m, base, m.weights[0].weights, 1000, 50);
    INFO("instance " << instance);
    CHECK(r.score == Approx(brute).margin(1e-7));
    CHECK(r.upper_bound - r.score < 1e-5);
    CHECK(r.allocation.total == Eur(1000));
  }
}

TEST_CASE("with saturating curves brute force lies within the stated gap", "[optimise]") {
  std::mt19937 rng(11);
  for (int instance = 0; instance < 12; ++instance) {
    Model m = ModelFrom(RandomModel(rng, true));
    ResolvedScenario base = ResolveOk(m, {})[0];
    OptimiseResult r = Solve(m, base, Budget({Eur(1000)}));
    double brute = BruteForce(m, base, m.weights[0].weights, 1000, 25);
    INFO("instance " << instance << " score " << r.score << " bound " << r.upper_bound);
    CHECK(brute <= r.upper_bound + 1e-9);
    CHECK(r.score >= brute - (r.upper_bound - r.score) - 1e-9);
    CHECK(r.upper_bound - r.score < 0.05);
  }
}

namespace {

// Thresholds on saturating curves (two on one line, at different amounts),
// a line with levels and a free linear line; money multiplied by `scale`.
std::string ThresholdModel(std::mt19937& rng, int64_t scale) {
  std::uniform_int_distribution<int> small(1, 9);
  auto eur = [&](int64_t x) { return std::to_string(x * scale); };
  std::ostringstream y;
  y << "format: allot/1\ntitle: t\nyears: [2024]\nobjectives:\n  - {id: a, name: A}\n"
       "  - {id: b, name: B}\nweights:\n  w: {a: "
    << small(rng) << ", b: " << small(rng) << "}\nlines:\n";
  y << "  - {id: l1, name: L1, budget: {2024: 0}, effects: {a: {curve: saturating, max: "
    << 4 * small(rng) << ", half: " << eur(100 * small(rng))
    << ", threshold: " << eur(50 * small(rng))
    << "}, b: {curve: saturating, max: " << 3 * small(rng) << ", half: " << eur(100 * small(rng))
    << ", threshold: " << eur(100 * small(rng)) << "}}}\n";
  y << "  - {id: l2, name: L2, budget: {2024: 0}, effects: {b: {curve: saturating, max: "
    << 5 * small(rng) << ", half: " << eur(50 * small(rng))
    << ", threshold: " << eur(50 * small(rng)) << "}}}\n";
  y << "  - id: l3\n    name: L3\n    budget: {2024: 0}\n    effects: {a: {curve: saturating, max: "
    << 4 * small(rng) << ", half: " << eur(100 * small(rng))
    << "}}\n    levels:\n      - {name: low, budget: {2024: " << eur(50 * small(rng))
    << "}}\n      - {name: high, budget: {2024: " << eur(500 + 50 * small(rng)) << "}}\n";
  y << "  - {id: l4, name: L4, budget: {2024: " << eur(1000)
    << "}, effects: {a: {curve: linear, points: 1, per: " << eur(1000) << "}}}\n";
  return y.str();
}

}  // namespace

// The threshold is a binary in a convex-hull formulation (src/optimise/milp.cpp):
// a wrong row there shows up as a brute-force allocation beating the bound.
// Brute force may sit exactly on a threshold, the solver a margin of cents
// above it: hence the 1e-4 points of slack.
TEST_CASE("thresholds on saturating curves and levels: brute force within the stated gap",
          "[optimise]") {
  std::mt19937 rng(23);
  for (int instance = 0; instance < 12; ++instance) {
    std::string text = ThresholdModel(rng, 1);
    Model m = ModelFrom(text);
    ResolvedScenario base = ResolveOk(m, {})[0];
    OptimiseResult r = Solve(m, base, Budget({Eur(1000)}));
    REQUIRE(r.feasible);
    INFO(text);
    double brute = BruteForce(m, base, m.weights[0].weights, 1000, 25);
    INFO("instance " << instance << " score " << r.score << " bound " << r.upper_bound << " brute "
                     << brute);
    CHECK(brute <= r.upper_bound + 1e-4);
    CHECK(r.score >= brute - (r.upper_bound - r.score) - 1e-4);
    CHECK(r.upper_bound - r.score < 0.05);
    CHECK(r.allocation.total == Eur(1000));
  }
}

// Slopes in points per EUR shrink with the money: in EUR, GLPK's tolerance
// on reduced costs (1e-7) stopped the simplex early on budgets of millions.
TEST_CASE("the optimum does not change when all money is 100,000 times larger", "[optimise]") {
  std::mt19937 small_rng(29);
  std::mt19937 large_rng(29);
  for (int instance = 0; instance < 8; ++instance) {
    Model m = ModelFrom(ThresholdModel(small_rng, 1));
    Model big = ModelFrom(ThresholdModel(large_rng, 100000));
    OptimiseResult r = Solve(m, ResolveOk(m, {})[0], Budget({Eur(1000)}));
    OptimiseResult R = Solve(big, ResolveOk(big, {})[0], Budget({Eur(100000000)}));
    INFO("instance " << instance);
    CHECK(R.score == Approx(r.score).margin(1e-3));
    CHECK(R.upper_bound == Approx(r.upper_bound).margin(1e-3));
  }
}

TEST_CASE("two years: each year's budget holds to the cent", "[optimise]") {
  Model m = ModelFrom(R"(format: allot/1
title: t
years: [2024, 2025]
objectives: [{id: a, name: A}]
weights: {w: {a: 1}}
lines:
  - {id: p, name: P, budget: {2024: 0}, effects: {a: {curve: saturating, max: 60, half: 333.33}}}
  - {id: q, name: Q, budget: {2024: 0}, effects: {a: {curve: saturating, max: 40, half: 77.77}}}
  - {id: r, name: R, budget: {2024: 0}, levels: [{name: one, budget: {2024: 100, 2025: 0}}],
     effects: {a: {curve: linear, points: 5, per: 100}}}
)");
  ResolvedScenario base = ResolveOk(m, {})[0];
  OptimiseResult r = Solve(m, base, Budget({Money::FromCents(100001), Money::FromCents(55555)}));
  CHECK(r.allocation.by_year[0] == Money::FromCents(100001));
  CHECK(r.allocation.by_year[1] == Money::FromCents(55555));
  CHECK(r.score == Approx(Weighted(m, m.weights[0].weights, r.allocation)).epsilon(1e-15));
}

TEST_CASE("greedy marginal analysis equals the optimum on concave curves", "[optimise]") {
  Model m = ModelFrom(R"(format: allot/1
title: t
years: [2024]
objectives: [{id: a, name: A}, {id: b, name: B}]
weights: {w: {a: 2, b: 1}}
lines:
  - {id: p, name: P, budget: {2024: 0}, effects: {a: {curve: table, points: [[100, 6], [300, 9], [700, 10]]}}}
  - {id: q, name: Q, budget: {2024: 0}, effects: {b: {curve: table, points: [[200, 7], [500, 12]]},
                                                   a: {curve: linear, points: 1, per: 250}}}
  - {id: s, name: S, budget: {2024: 0}, effects: {b: {curve: linear, points: 1, per: 100}}}
)");
  ResolvedScenario base = ResolveOk(m, {})[0];
  const std::vector<double>& w = m.weights[0].weights;
  for (int64_t budget : {50, 100, 450, 900, 1600}) {
    OptimiseResult r = Solve(m, base, Budget({Eur(budget)}));
    std::vector<BuyStep> steps = OrderOfBuy(m, base, w, Eur(budget), 16);
    double points = 0;
    for (const BuyStep& s : steps) points += s.points;
    INFO("budget " << budget);
    CHECK(points == Approx(r.score).margin(1e-9));
  }
  // The first step is the steepest: P up to 100 gives 2/3 * 6 points.
  std::vector<BuyStep> steps = OrderOfBuy(m, base, w, Eur(1600), 16);
  REQUIRE(!steps.empty());
  CHECK(steps[0].line == "p");
  CHECK(steps[0].to == Eur(100));
  CHECK(steps[0].points_per_100k() == Approx(4.0 * 1000));
}

TEST_CASE("the order of buy stops a line where its objective reaches the cap", "[optimise]") {
  // p buys a at 1 point per EUR (0.5 weighted), q buys b at 0.5 (0.25
  // weighted). Uncapped, p would take all EUR 300 (150 points of a, shown
  // as 75 weighted points); a stops at 100, so p is worth buying up to
  // EUR 100 only (50 points), then q takes the rest: 200 EUR, b = 100, 50
  // points. 100 points in all, the optimum.
  Model m = ModelFrom(R"(format: allot/1
title: t
years: [2024]
objectives: [{id: a, name: A}, {id: b, name: B}]
weights: {w: {a: 1, b: 1}}
lines:
  - {id: p, name: P, budget: {2024: 0}, effects: {a: {curve: linear, points: 100, per: 100}}}
  - {id: q, name: Q, budget: {2024: 0}, effects: {b: {curve: linear, points: 50, per: 100}}}
)");
  ResolvedScenario base = ResolveOk(m, {})[0];
  std::vector<BuyStep> steps = OrderOfBuy(m, base, m.weights[0].weights, Eur(300), 16);
  REQUIRE(steps.size() == 2);
  CHECK(steps[0].line == "p");
  CHECK(steps[0].from == Eur(0));
  CHECK(steps[0].to == Eur(100));
  CHECK(steps[0].points == Approx(50).margin(1e-9));
  CHECK(steps[1].line == "q");
  CHECK(steps[1].from == Eur(0));
  CHECK(steps[1].to == Eur(200));
  CHECK(steps[1].points == Approx(50).margin(1e-9));
  OptimiseResult r = Solve(m, base, Budget({Eur(300)}));
  CHECK(r.score == Approx(steps[0].points + steps[1].points).margin(1e-6));
}

TEST_CASE("the written scenario reproduces the reported score", "[optimise]") {
  Diagnostics diags;
  std::optional<LoadedFile> file =
      LoadFile(allot::testing::SourcePath("model/samen-tegen-mensenhandel.yaml"), diags);
  REQUIRE(file);
  Model m = std::get<Model>(file->content);
  ResolvedScenario base = ResolveOk(m, {})[0];
  OptimiseOptions o;
  o.weights = m.weights[static_cast<size_t>(m.WeightSetIndex("ckm"))].weights;
  OptimiseConstraints c = Budget(base.by_year);
  c.lock = {"information_point"};
  c.max_change_fraction = 0.5;
  std::optional<OptimiseResult> r = Optimise(m, base, c, o, diags);
  REQUIRE(r);
  REQUIRE(r->feasible);
  std::string yaml = OptimisedScenarioYaml(m, base, *r, "best", "Best", {"a comment"});
  std::optional<Scenario> s = LoadScenario(yaml, "best.yaml", diags);
  INFO(Render(diags) << yaml);
  REQUIRE(s);
  std::vector<ResolvedScenario> all = ResolveOk(m, {*s});
  CHECK(Weighted(m, o.weights, all[1]) == r->score);
  CHECK(all[1].by_year == base.by_year);
  CHECK(all[1].lines[0].by_year == base.lines[0].by_year);  // locked
  CHECK(r->score > r->base_score);
  for (size_t i = 0; i < base.lines.size(); ++i) {
    int64_t before = 0, after = 0;
    for (Money x : base.lines[i].by_year) before += x.cents();
    for (Money x : all[1].lines[i].by_year) after += x.cents();
    CHECK(std::llabs(after - before) <= before / 2);
  }
}

TEST_CASE("infeasible constraints name those that conflict", "[optimise]") {
  Model m = ModelFrom(allot::testing::kSmallModel);
  ResolvedScenario base = ResolveOk(m, {})[0];
  OptimiseConstraints c = Budget(base.by_year);  // 100, 200, 300
  c.min = {{"y", Eur(500)}};
  c.lock = {"x"};
  OptimiseResult r = Solve(m, base, c);
  CHECK_FALSE(r.feasible);
  CHECK(r.conflicts ==
        std::vector<std::string>{"the yearly budgets", "--min y=500.00", "--lock x"});

  OptimiseConstraints ok = Budget(base.by_year);
  ok.min = {{"y", Eur(500)}};
  OptimiseResult fine = Solve(m, base, ok);
  CHECK(fine.feasible);
  Diagnostics diags;
  OptimiseOptions o;
  o.weights = m.weights[0].weights;
  ok.min = {{"yy", Eur(1)}};
  CHECK_FALSE(Optimise(m, base, ok, o, diags));
  CHECK(Render(diags) == "error: --min: unknown line 'yy' (did you mean 'y'?)\n");
}

TEST_CASE("motions that must be funded get their min_spend", "[optimise]") {
  Model m = ModelFrom(R"(format: allot/1
title: t
years: [2024]
objectives: [{id: a, name: A}]
weights: {w: {a: 1}}
motions: [{id: m1, ref: r, asks: fund z, min_spend: 300}]
lines:
  - {id: p, name: P, budget: {2024: 1000}, effects: {a: {curve: linear, points: 1, per: 100}}}
  - {id: z, name: Z, budget: {2024: 0}, motions: [m1]}
)");
  ResolvedScenario base = ResolveOk(m, {})[0];
  OptimiseConstraints c = Budget({Eur(1000)});
  CHECK(Solve(m, base, c).allocation.lines[1].by_year[0].IsZero());
  c.fund_motions = {"m1"};
  OptimiseResult r = Solve(m, base, c);
  CHECK(r.allocation.lines[1].by_year[0] >= Eur(300));
  CHECK(r.allocation.lines[1].by_year[0] < Eur(301));
  CHECK(MotionsFunded(m, r.allocation) == std::vector<bool>{true});
}

TEST_CASE("levels: exactly one level or none, never a mix", "[optimise]") {
  // Both levels together would be best (300 + 200 points for 1000 EUR), but
  // at most one may be chosen; the rest goes to the weak line w.
  Model m = ModelFrom(R"(format: allot/1
title: t
years: [2024, 2025]
objectives: [{id: a, name: A}]
weights: {w: {a: 1}}
lines:
  - id: v
    name: V
    budget: {2024: 0}
    effects: {a: {curve: table, points: [[500, 30], [1000, 40]]}}
    levels:
      - {name: small, budget: {2024: 500}}
      - {name: big, budget: {2024: 500, 2025: 500}}
  - {id: w, name: W, budget: {2024: 0}, effects: {a: {curve: linear, points: 1, per: 1000}}}
)");
  ResolvedScenario base = ResolveOk(m, {})[0];
  OptimiseResult r = Solve(m, base, Budget({Eur(600), Eur(600)}));
  REQUIRE(r.feasible);
  CHECK(r.level[0] == "big");
  CHECK(r.allocation.lines[0].by_year == std::vector<Money>{Eur(500), Eur(500)});
  CHECK(r.score == Approx(40 + 0.2));
  OptimiseResult none = Solve(m, base, Budget({Eur(400), Eur(0)}));
  CHECK(none.level[0] == "(none)");
  CHECK(none.allocation.lines[0].by_year == std::vector<Money>{Eur(0), Eur(0)});
}

TEST_CASE("the model hash is FNV-1a 64", "[optimise]") {
  CHECK(Fnv1a64Hex("") == "cbf29ce484222325");
  CHECK(Fnv1a64Hex("a") == "af63dc4c8601ec8c");
}

// Issue 11: the failures seen with GLPK's presolver and the old checks,
// each rebuilt as a small model.

TEST_CASE("a --max of 0 on a line whose optimum is 0 is not infeasible", "[optimise]") {
  // A threshold on a table that bends upwards: with --max 0 its curve had
  // no pieces, and "choose one piece" had nothing to choose.
  Model m = ModelFrom(R"(format: allot/1
title: t
years: [2024]
objectives: [{id: a, name: A}]
weights: {w: {a: 1}}
lines:
  - {id: p, name: P, budget: {2024: 1000}, effects: {a: {curve: linear, points: 1, per: 100}}}
  - {id: q, name: Q, budget: {2024: 0},
     effects: {a: {curve: table, points: [[100, 0.1], [200, 5]], threshold: 50}}}
)");
  ResolvedScenario base = ResolveOk(m, {})[0];
  OptimiseConstraints c = Budget({Eur(1000)});
  c.max = {{"q", Eur(0)}};
  OptimiseResult r = Solve(m, base, c);
  CHECK(r.feasible);
  CHECK(r.score == Approx(10));
  CHECK(r.allocation.lines[1].by_year[0].IsZero());
}

TEST_CASE("a motion without min_spend gets the motion minimum, through any line", "[optimise]") {
  // A motion row of one cent lay below the solver's tolerance in its money
  // unit: the motion stayed unfunded while the written file claimed it.
  Model m = ModelFrom(R"(format: allot/1
title: t
years: [2024, 2025]
objectives: [{id: a, name: A}]
weights: {w: {a: 1}}
motions: [{id: bare, ref: r, asks: x}, {id: lev, ref: r, asks: y}, {id: nobody, ref: r, asks: z}]
lines:
  - {id: p, name: P, budget: {2024: 3000000}, effects: {a: {curve: linear, points: 1, per: 100000}}}
  - {id: z, name: Z, budget: {2024: 0}, motions: [bare]}
  - id: v
    name: V
    budget: {2024: 0}
    motions: [lev]
    levels: [{name: one, budget: {2024: 20000, 2025: 20000}}]
)");
  ResolvedScenario base = ResolveOk(m, {})[0];
  OptimiseConstraints c = Budget({Eur(3000000), Eur(1000000)});
  c.fund_motions = {"bare", "lev"};
  OptimiseResult r = Solve(m, base, c);
  REQUIRE(r.feasible);
  CHECK(r.allocation.lines[1].by_year[0] + r.allocation.lines[1].by_year[1] == Eur(10000));
  CHECK(r.level[2] == "one");
  CHECK(MotionsFunded(m, r.allocation) == std::vector<bool>{true, true, false});
  c.fund_motions = {"nobody"};
  OptimiseResult none = Solve(m, base, c);
  CHECK_FALSE(none.feasible);
  CHECK(none.conflicts ==
        std::vector<std::string>{"--fund-motions nobody (no line of the base names this motion)"});
}

TEST_CASE("a --min above the --max of one line is an error, not an answer", "[optimise]") {
  Model m = ModelFrom(allot::testing::kSmallModel);
  ResolvedScenario base = ResolveOk(m, {})[0];
  OptimiseConstraints c = Budget(base.by_year);
  c.min = {{"y", Eur(500)}};
  c.max = {{"y", Eur(499)}};
  OptimiseOptions o;
  o.weights = m.weights[0].weights;
  Diagnostics diags;
  CHECK_FALSE(Optimise(m, base, c, o, diags));
  CHECK(Render(diags) == "error: --min y=500.00 is above --max y=499.00\n");
}

TEST_CASE("the answer is never worse than the base when the base meets the constraints",
          "[optimise]") {
  // One segment per curve: the chords lie far below the saturating curve,
  // so the solver's own answer can score less than the base.
  Model m = ModelFrom(R"(format: allot/1
title: t
years: [2024]
objectives: [{id: a, name: A}]
weights: {w: {a: 1}}
lines:
  - {id: p, name: P, budget: {2024: 500}, effects: {a: {curve: saturating, max: 60, half: 100}}}
  - {id: q, name: Q, budget: {2024: 500}, effects: {a: {curve: saturating, max: 40, half: 100}}}
)");
  ResolvedScenario base = ResolveOk(m, {})[0];
  OptimiseResult r = Solve(m, base, Budget({Eur(1000)}), 1);
  CHECK(r.score >= r.base_score);
  CHECK(r.bounded);
  CHECK(r.upper_bound >= r.score);
  CHECK(r.upper_bound - r.score <= 0.01 + 1e-9);
}

TEST_CASE("the marginal value comes from the LP and names ties", "[optimise]") {
  // Two identical linear lines: an extra euro is worth 1 point per EUR 100
  // on either; which one the LP picks is arbitrary, so both are named.
  Model m = ModelFrom(R"(format: allot/1
title: t
years: [2024, 2025]
objectives: [{id: a, name: A}, {id: b, name: B}]
weights: {w: {a: 1, b: 1}}
lines:
  - {id: p, name: P, budget: {2024: 0}, effects: {a: {curve: linear, points: 1, per: 100}}}
  - {id: q, name: Q, budget: {2024: 0}, effects: {b: {curve: linear, points: 1, per: 100}}}
  - {id: s, name: S, budget: {2024: 0}, effects: {a: {curve: table, points: [[100, 5]]}}}
)");
  ResolvedScenario base = ResolveOk(m, {})[0];
  OptimiseOptions o;
  o.weights = m.weights[0].weights;
  o.marginal_step = Eur(100);
  Diagnostics diags;
  OptimiseConstraints c = Budget({Eur(500), Eur(500)});
  std::optional<OptimiseResult> r = Optimise(m, base, c, o, diags);
  REQUIRE(r);
  REQUIRE(r->feasible);
  std::vector<MarginalValue> mv = MarginalValues(m, base, c, o, *r, Eur(100), diags);
  REQUIRE(mv.size() == 2);
  CHECK(mv[0].points == Approx(0.5));  // one point on a or b, weight 1/2
  CHECK(mv[0].points_per_100k == Approx(0.5 * 1000));
  REQUIRE(mv[0].best_spent_on.size() == 1);
  CHECK(mv[0].best_spent_on[0].amount == Eur(100));
  CHECK(mv[0].tied == std::vector<std::string>{"p", "q"});
}

TEST_CASE("kamer on the shipped model: the tie the issue found is resolved to the optimum",
          "[optimise]") {
  // Issue 11: under `kamer` two lines tie at 0.368 points per EUR 100,000;
  // optimise funded the first and reported 45.0649, while an independent
  // MILP (pulp + CBC) found 45.0875 funding the other. The answer must lie
  // within its gap of that optimum, and the bound must not exclude it.
  Diagnostics diags;
  std::optional<LoadedFile> file =
      LoadFile(allot::testing::SourcePath("model/samen-tegen-mensenhandel.yaml"), diags);
  REQUIRE(file);
  Model m = std::get<Model>(file->content);
  ResolvedScenario base = ResolveOk(m, {})[0];
  OptimiseOptions o;
  o.weights = m.weights[static_cast<size_t>(m.WeightSetIndex("kamer"))].weights;
  std::optional<OptimiseResult> r = Optimise(m, base, Budget(base.by_year), o, diags);
  REQUIRE(r);
  REQUIRE(r->feasible);
  CHECK(r->bounded);
  CHECK(r->upper_bound >= 45.0875 - 1e-4);
  CHECK(r->score >= 45.0875 - (r->upper_bound - r->score) - 1e-4);
  CHECK(r->upper_bound - r->score <= o.tolerance);
}
