#include "allot/resolve.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>

#include "test_support.hpp"

using namespace allot;
using allot::testing::CentsOf;
using allot::testing::kSmallModel;
using allot::testing::ModelFrom;
using allot::testing::Render;
using allot::testing::ResolveOk;
using allot::testing::ScenarioFrom;

namespace {

std::vector<Money> Amounts(std::initializer_list<int64_t> cents) {
  std::vector<Money> amounts;
  for (int64_t c : cents) amounts.push_back(Money::FromCents(c));
  return amounts;
}

std::vector<int64_t> CentsVector(const std::vector<Money>& amounts) {
  std::vector<int64_t> cents;
  for (Money m : amounts) cents.push_back(m.cents());
  return cents;
}

std::string Scenario1(const std::string& body) {
  return "format: allot/1\nscenario: s\nname: S\n" + body;
}

// Resolves and returns the rendered diagnostics (expected non-empty).
std::string ResolveErrors(const Model& model, const std::vector<Scenario>& scenarios) {
  Diagnostics diags;
  ResolveScenarios(model, scenarios, diags);
  return Render(diags);
}

}  // namespace

TEST_CASE("a proportional split uses the largest remainder, ties to the earlier year",
          "[resolve]") {
  // 100 cents over 1:1:1 -> 33.33 each; the leftover cent goes to the first.
  CHECK(CentsVector(SplitProportionally(Money::FromCents(100), Amounts({1, 1, 1}))) ==
        std::vector<int64_t>{34, 33, 33});
  // 200 over 1:1:1 -> 66.67 each; two leftover cents to the first two.
  CHECK(CentsVector(SplitProportionally(Money::FromCents(200), Amounts({5, 5, 5}))) ==
        std::vector<int64_t>{67, 67, 66});
  // Remainders decide before position: 10 over 1:2:4 -> 1.43, 2.86, 5.71.
  CHECK(CentsVector(SplitProportionally(Money::FromCents(10), Amounts({1, 2, 4}))) ==
        std::vector<int64_t>{1, 3, 6});
  CHECK(CentsVector(SplitProportionally(Money::FromCents(7), Amounts({0, 9, 0}))) ==
        std::vector<int64_t>{0, 7, 0});
}

TEST_CASE("scaling reads the factor exactly and rounds halves away from zero", "[resolve]") {
  CHECK(ScaleMoney(Money::FromCents(300), Decimal{1333, 3})->cents() == 400);  // 399.9
  CHECK(ScaleMoney(Money::FromCents(1), Decimal{5, 1})->cents() == 1);         // 0.5 -> 1
  CHECK(ScaleMoney(Money::FromCents(3), Decimal{5, 1})->cents() == 2);         // 1.5 -> 2
  CHECK(ScaleMoney(Money::FromCents(5), Decimal{1, 1})->cents() == 1);         // 0.5 -> 1
  CHECK(ScaleMoney(Money::FromCents(4), Decimal{1, 1})->cents() == 0);         // 0.4 -> 0
  CHECK(ScaleMoney(Money::FromCents(100), Decimal{0, 0})->cents() == 0);
  CHECK_FALSE(ScaleMoney(Money::FromCents(INT64_MAX), Decimal{2, 0}));
}

TEST_CASE("the model resolves as scenario 'model' with its own totals", "[resolve]") {
  Model model = ModelFrom(kSmallModel);
  auto resolved = ResolveOk(model, {});
  REQUIRE(resolved.size() == 1);
  CHECK(resolved[0].id == "model");
  CHECK(resolved[0].total.cents() == 60000);
  CHECK(CentsVector(resolved[0].by_year) == std::vector<int64_t>{10000, 20000, 30000});
}

TEST_CASE("a move without a year spreads like the source's budget", "[resolve]") {
  Model model = ModelFrom(kSmallModel);
  std::vector<Scenario> s = {ScenarioFrom(Scenario1(R"(budget: neutral
changes:
  - move: {amount: 300, from: x, to: y}
)"))};
  auto resolved = ResolveOk(model, s);
  CHECK(CentsOf(resolved[1], "x") == std::vector<int64_t>{5000, 10000, 15000});
  CHECK(CentsOf(resolved[1], "y") == std::vector<int64_t>{5000, 10000, 15000});
  CHECK(resolved[1].total == resolved[0].total);
}

TEST_CASE("move with a year, set, scale, add and remove", "[resolve]") {
  Model model = ModelFrom(kSmallModel);
  std::vector<Scenario> s = {ScenarioFrom(Scenario1(R"(changes:
  - move: {amount: 50, from: x, to: y, year: 2025}
  - set: {line: x, budget: {2024: 10.50}}
  - scale: {line: y, by: 1.5}
  - add: {id: z, name: Z, budget: {2026: 1}}
  - remove: x
)"))};
  auto resolved = ResolveOk(model, s);
  const ResolvedScenario& r = resolved[1];
  CHECK(CentsOf(r, "y") == std::vector<int64_t>{0, 7500, 0});
  CHECK(CentsOf(r, "z") == std::vector<int64_t>{0, 0, 100});
  CHECK(r.lines.size() == 2);
  CHECK(r.total.cents() == 7600);
}

TEST_CASE("resolution errors name the scenario, the change and the amount", "[resolve]") {
  Model model = ModelFrom(kSmallModel);
  SECTION("taking more than a line has") {
    std::vector<Scenario> s = {ScenarioFrom(Scenario1(R"(changes:
  - move: {amount: 250, from: x, to: y, year: 2025}
)"))};
    CHECK(ResolveErrors(model, s) ==
          "s.yaml:5:5: error: changes[0].move.amount: takes €250 from 'x' in 2025, which has "
          "only €200 (short by €50)\n"
          "    - move: {amount: 250, from: x, to: y, year: 2025}\n"
          "      ^\n");
  }
  SECTION("an unknown line with a suggestion") {
    std::vector<Scenario> s = {ScenarioFrom(Scenario1("changes:\n  - scale: {line: xx, by: 2}\n"))};
    CHECK(ResolveErrors(model, s) ==
          "s.yaml:5:5: error: changes[0].scale.line: unknown line 'xx' (did you mean 'x'?) in "
          "scenario 's'\n"
          "    - scale: {line: xx, by: 2}\n"
          "      ^\n");
  }
  SECTION("a year outside the model") {
    std::vector<Scenario> s = {
        ScenarioFrom(Scenario1("changes:\n  - move: {amount: 1, from: x, to: y, year: 2030}\n"))};
    CHECK(ResolveErrors(model, s).find("changes[0].move.year: year 2030 is not a model year "
                                       "(2024-2026)") != std::string::npos);
  }
  SECTION("a broken neutral rule says by how much") {
    std::vector<Scenario> s = {
        ScenarioFrom(Scenario1("budget: neutral\nchanges:\n  - scale: {line: x, by: 1.1}\n"))};
    CHECK(ResolveErrors(model, s) ==
          "s.yaml:4:9: error: budget: scenario 's' is not budget-neutral: total €660 against "
          "€600 in base 'model' (+€60)\n"
          "  budget: neutral\n"
          "          ^\n");
  }
  SECTION("a broken per-year rule names each year") {
    std::vector<Scenario> s = {ScenarioFrom(Scenario1(
        "budget: neutral-per-year\nchanges:\n  - set: {line: x, budget: {2024: 200, 2025: 100, "
        "2026: 300}}\n"))};
    std::string errors = ResolveErrors(model, s);
    CHECK(errors.find("budget: scenario 's' is not budget-neutral in 2024: €200 against €100 in "
                      "base 'model' (+€100)") != std::string::npos);
    CHECK(errors.find("budget: scenario 's' is not budget-neutral in 2025: €100 against €200 in "
                      "base 'model' (-€100)") != std::string::npos);
  }
  SECTION("a cap") {
    std::vector<Scenario> s = {ScenarioFrom(Scenario1("budget: {cap: 500}\n"))};
    CHECK(ResolveErrors(model, s).find("budget: scenario 's' exceeds its cap of €500: total €600 "
                                       "(over by €100)") != std::string::npos);
  }
  SECTION("adding a line that exists") {
    std::vector<Scenario> s = {
        ScenarioFrom(Scenario1("changes:\n  - add: {id: x, name: X2, budget: {}}\n"))};
    CHECK(ResolveErrors(model, s).find("changes[0].add.id: line 'x' already exists in scenario "
                                       "'s'; use set or move to change it") != std::string::npos);
  }
  SECTION("an added line with an unknown objective") {
    std::vector<Scenario> s = {
        ScenarioFrom(Scenario1("changes:\n  - add: {id: z, name: Z, budget: {}, effects: {aa: "
                               "{curve: linear, points: 1, per: 1}}}\n"))};
    CHECK(ResolveErrors(model, s).find("changes[0].add.effects.aa: unknown objective 'aa' (did "
                                       "you mean 'a'?)") != std::string::npos);
  }
}

TEST_CASE("bases: unknown, cycles and failures are reported", "[resolve]") {
  Model model = ModelFrom(kSmallModel);
  auto scenario = [](const std::string& id, const std::string& base) {
    return ScenarioFrom("format: allot/1\nscenario: " + id + "\nbase: " + base + "\n",
                        id + ".yaml");
  };
  SECTION("unknown base") {
    CHECK(ResolveErrors(model, {scenario("a", "modle")}) ==
          "a.yaml:3:7: error: base: unknown scenario 'modle' (did you mean 'model'?)\n"
          "  base: modle\n"
          "        ^\n");
  }
  SECTION("a cycle names every scenario in it") {
    std::string errors = ResolveErrors(
        model, {scenario("a", "b"), scenario("b", "c"), scenario("c", "a"), scenario("d", "a")});
    CHECK(errors.find("error: base: cycle of bases: a -> b -> c -> a") != std::string::npos);
    CHECK(errors.find("d.yaml:3:7: error: base: scenario 'd' cannot be resolved: its base 'a' has "
                      "errors") != std::string::npos);
  }
  SECTION("duplicate and reserved ids") {
    std::string errors = ResolveErrors(
        model, {scenario("a", "model"), scenario("a", "model"), scenario("model", "model")});
    CHECK(errors.find("scenario: duplicate scenario id 'a' (first defined at a.yaml:2)") !=
          std::string::npos);
    CHECK(errors.find("scenario: id 'model' is reserved for the model itself") !=
          std::string::npos);
  }
}

TEST_CASE("a chain of 10,000 bases resolves without deep recursion", "[resolve][limits]") {
  Model model = ModelFrom(kSmallModel);
  std::vector<Scenario> chain;
  for (int i = 0; i < 10000; ++i) {
    Scenario s;
    s.id = "s" + std::to_string(i);
    if (i > 0) s.base = "s" + std::to_string(i - 1);
    MoveChange move{Money::FromCents(1), "x", "y", 2026};
    s.changes.push_back(Change{move, {}});
    chain.push_back(std::move(s));
  }
  std::reverse(chain.begin(), chain.end());  // bases after their users
  auto resolved = ResolveOk(model, chain);
  REQUIRE(resolved.size() == 10001);
  CHECK(CentsOf(resolved[1], "y") == std::vector<int64_t>{0, 0, 10000});
}

TEST_CASE("property: budget-neutral moves conserve every cent", "[resolve][property]") {
  Model model = ModelFrom(kSmallModel);
  std::mt19937_64 random(20240101);
  for (int trial = 0; trial < 200; ++trial) {
    Scenario s;
    s.id = "t";
    s.budget.kind = BudgetRuleKind::kNeutralPerYear;
    for (int k = 0; k < 5; ++k) {
      bool spread = random() % 2 == 0;
      // Move between x and y; with a year, at most what that year has.
      int64_t amount = static_cast<int64_t>(random() % 1000);
      if (spread)
        s.changes.push_back(Change{MoveChange{Money::FromCents(amount), "x", "y", {}}, {}});
      else
        s.changes.push_back(Change{MoveChange{Money::FromCents(amount), "x", "y", 2026}, {}});
    }
    auto resolved = ResolveOk(model, {s});
    CHECK(resolved[1].total == resolved[0].total);
    CHECK(resolved[1].by_year == resolved[0].by_year);
  }
}

TEST_CASE("property: a base chain equals its changes applied in one file", "[resolve][property]") {
  Model model = ModelFrom(kSmallModel);
  Scenario first = ScenarioFrom(Scenario1(R"(changes:
  - move: {amount: 123.45, from: x, to: y}
  - scale: {line: x, by: 0.97}
)"));
  Scenario second = ScenarioFrom(R"(format: allot/1
scenario: s2
base: s
changes:
  - move: {amount: 10.01, from: y, to: x, year: 2026}
  - add: {id: z, name: Z, budget: {2025: 5}}
)");
  Scenario combined = ScenarioFrom(R"(format: allot/1
scenario: one
changes:
  - move: {amount: 123.45, from: x, to: y}
  - scale: {line: x, by: 0.97}
  - move: {amount: 10.01, from: y, to: x, year: 2026}
  - add: {id: z, name: Z, budget: {2025: 5}}
)");
  // Resolved lines point into the scenarios: keep them alive.
  std::vector<Scenario> scenarios = {second, first, combined};
  auto resolved = ResolveOk(model, scenarios);
  const ResolvedScenario& chained = resolved[1];
  const ResolvedScenario& flat = resolved[3];
  REQUIRE(chained.id == "s2");
  for (const char* id : {"x", "y", "z"}) CHECK(CentsOf(chained, id) == CentsOf(flat, id));
  CHECK(chained.total == flat.total);
}
