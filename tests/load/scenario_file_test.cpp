// Loading scenario files: what a valid file turns into.
#include <catch2/catch.hpp>
#include <string>

#include "allot/load.hpp"
#include "test_support.hpp"

namespace {

using allot::Money;
using allot::testing::Render;

// The scenario example of DESIGN.md, with its elided parts filled in.
const std::string kDesignExample = R"(format: allot/1
scenario: ckm-counter             # id, unique across loaded scenarios
name: CKM tegenvoorstel
base: ministry-plan               # another scenario's id; omitted: the model as is
budget: neutral                   # neutral | neutral-per-year | {cap: 5000000}
changes:                          # applied in order
  - move: {amount: 400000, from: information_point, to: criminal_exploitation_investigation}
  - move: {amount: 50000, from: a, to: b, year: 2025}
  - set: {line: demand_campaign, budget: {2025: 150000, 2026: 150000}}
  - scale: {line: awareness, by: 0.5}
  - add: {id: chat_met_fier, name: Chat met Fier, budget: {2025: 80000},
          effects: {clients: {curve: linear, points: 2, per: 40000}}}
  - remove: some_line
)";

allot::Scenario Load(const std::string& text) {
  allot::Diagnostics diags;
  std::optional<allot::Scenario> scenario = allot::LoadScenario(text, "s.yaml", diags);
  INFO(Render(diags));
  REQUIRE(scenario.has_value());
  REQUIRE(diags.empty());
  return *scenario;
}

Money Euros(int64_t euros) { return Money::FromCents(euros * 100); }

template <typename T>
const T& As(const allot::Change& change) {
  REQUIRE(std::holds_alternative<T>(change.what));
  return std::get<T>(change.what);
}

allot::Decimal ScaleBy(const std::string& by) {
  allot::Scenario s =
      Load("format: allot/1\nscenario: s\nchanges:\n  - scale: {line: x, by: " + by + "}\n");
  return As<allot::ScaleChange>(s.changes.at(0)).by;
}

}  // namespace

TEST_CASE("the DESIGN.md example scenario loads with every change", "[load][scenario]") {
  allot::Scenario s = Load(kDesignExample);
  CHECK(s.id == "ckm-counter");
  CHECK(s.name == "CKM tegenvoorstel");
  CHECK(s.base == std::optional<std::string>("ministry-plan"));
  CHECK(s.budget.kind == allot::BudgetRuleKind::kNeutral);
  REQUIRE(s.changes.size() == 6);

  const auto& move = As<allot::MoveChange>(s.changes[0]);
  CHECK(move.amount == Euros(400000));
  CHECK(move.from == "information_point");
  CHECK(move.to == "criminal_exploitation_investigation");
  CHECK_FALSE(move.year.has_value());
  CHECK(As<allot::MoveChange>(s.changes[1]).year == std::optional<int>(2025));

  const auto& set = As<allot::SetChange>(s.changes[2]);
  CHECK(set.line == "demand_campaign");
  CHECK(set.budget == std::map<int, Money>{{2025, Euros(150000)}, {2026, Euros(150000)}});

  const auto& scale = As<allot::ScaleChange>(s.changes[3]);
  CHECK(scale.line == "awareness");
  CHECK((scale.by.numerator == 5 && scale.by.scale == 1));

  const allot::Line& added = As<allot::AddChange>(s.changes[4]).line;
  CHECK(added.id == "chat_met_fier");
  CHECK(added.budget.at(2025) == Euros(80000));
  REQUIRE(added.effects.size() == 1);
  CHECK(added.effects[0].curve.per == Euros(40000));

  CHECK(As<allot::RemoveChange>(s.changes[5]).line == "some_line");
}

TEST_CASE("a scenario remembers where it, its base and its changes are", "[load][scenario]") {
  allot::Scenario s = Load(kDesignExample);
  CHECK(s.where.line == 2);
  CHECK(s.where.column == 1);
  CHECK(s.base_where.line == 4);
  CHECK(s.base_where.column == 7);
  CHECK(s.budget.where.line == 5);
  CHECK(s.changes[2].where.line == 9);
  CHECK(s.changes[2].where.column == 5);
  REQUIRE(s.where.source);
  CHECK(s.where.source->name == "s.yaml");
}

TEST_CASE("scale factors are exact decimals read from their text", "[load][scenario]") {
  auto check = [](const std::string& text, int64_t numerator, int scale) {
    INFO(text);
    allot::Decimal by = ScaleBy(text);
    CHECK(by.numerator == numerator);
    CHECK(by.scale == scale);
  };
  check("1.333", 1333, 3);
  check("2", 2, 0);
  check("1.50", 15, 1);  // trailing zeros carry no precision
  check("0", 0, 0);
  check("+0.25", 25, 2);
  check("0.000000000000000001", 1, 18);
  check("999999999999999999", 999999999999999999, 0);
  check("123456789.123456789", 123456789123456789, 9);
}

TEST_CASE("budget rules: neutral, neutral per year, a cap or none", "[load][scenario]") {
  const std::string head = "format: allot/1\nscenario: s\n";
  CHECK(Load(head).budget.kind == allot::BudgetRuleKind::kNone);
  CHECK(Load(head + "budget: neutral-per-year\n").budget.kind ==
        allot::BudgetRuleKind::kNeutralPerYear);
  allot::Scenario capped = Load(head + "budget: {cap: 5000000.50}\n");
  CHECK(capped.budget.kind == allot::BudgetRuleKind::kCap);
  CHECK(capped.budget.cap == Money::FromCents(500000050));
}

TEST_CASE("a minimal scenario needs only its format and id", "[load][scenario]") {
  allot::Scenario s = Load("format: allot/1\nscenario: bare\n");
  CHECK(s.id == "bare");
  CHECK(s.name.empty());
  CHECK_FALSE(s.base.has_value());
  CHECK(s.changes.empty());
  CHECK_FALSE(s.illustrative);
}

TEST_CASE("scenario years, lines and added references wait for the model", "[load][scenario]") {
  // None of these exist in any model; ResolveScenarios reports them.
  allot::Scenario s = Load(R"(format: allot/1
scenario: s
illustrative: true
source: NGO estimate
note: Checked against nothing yet
changes:
  - move: {amount: 1, from: nowhere, to: elsewhere, year: 1999}
  - set: {line: ghost, budget: {3000: 5}}
  - add: {id: new, name: New, budget: {1800: 1}, motions: [unknown],
          effects: {no_such_objective: {curve: linear, points: 1, per: 1}}}
)");
  CHECK(s.illustrative);
  CHECK(s.source == "NGO estimate");
  CHECK(s.note == "Checked against nothing yet");
  CHECK(As<allot::MoveChange>(s.changes[0]).year == std::optional<int>(1999));
  CHECK(As<allot::SetChange>(s.changes[1]).budget.count(3000) == 1);
  const allot::Line& added = As<allot::AddChange>(s.changes[2]).line;
  CHECK(added.motions == std::vector<std::string>{"unknown"});
  CHECK(added.effects.at(0).objective == "no_such_objective");
}

TEST_CASE("a set change may empty a line's budget", "[load][scenario]") {
  allot::Scenario s =
      Load("format: allot/1\nscenario: s\nchanges:\n  - set: {line: x, budget: {}}\n");
  CHECK(As<allot::SetChange>(s.changes.at(0)).budget.empty());
}
