// `increase` and `decrease`: one line up or down, in one year or spread like
// `move`, exact to the cent.
#include <catch2/catch.hpp>

#include "allot/load.hpp"
#include "allot/resolve.hpp"
#include "test_support.hpp"

using namespace allot;
using allot::testing::CentsOf;
using allot::testing::kSmallModel;
using allot::testing::ModelFrom;
using allot::testing::Render;
using allot::testing::ResolveOk;
using allot::testing::ScenarioFrom;

namespace {

// kSmallModel: x has 100 / 200 / 300, y has 0 / 0 / 0.
std::vector<Scenario> One(const std::string& changes) {
  return {ScenarioFrom("format: allot/1\nscenario: s\nchanges:\n" + changes)};
}

std::string Errors(const std::string& changes) {
  Diagnostics diags;
  ResolveScenarios(ModelFrom(kSmallModel), One(changes), diags);
  return Render(diags);
}

}  // namespace

TEST_CASE("increase and decrease with a year change only that year", "[resolve][adjust]") {
  Model model = ModelFrom(kSmallModel);
  auto r = ResolveOk(model, One("  - increase: {line: y, amount: 500000, year: 2025}\n"
                                "  - decrease: {line: x, amount: 0.01, year: 2026}\n"));
  CHECK(CentsOf(r[1], "y") == std::vector<int64_t>{0, 50000000, 0});
  CHECK(CentsOf(r[1], "x") == std::vector<int64_t>{10000, 20000, 29999});
  CHECK(r[1].total.cents() == 60000 + 50000000 - 1);
}

TEST_CASE("without a year they follow the line's proportions by the rule of move",
          "[resolve][adjust]") {
  Model model = ModelFrom(kSmallModel);
  // 60 over 100:200:300 is exactly 10 / 20 / 30.
  auto r = ResolveOk(model, One("  - increase: {line: x, amount: 60}\n"));
  CHECK(CentsOf(r[1], "x") == std::vector<int64_t>{11000, 22000, 33000});
  // 0.05 over 1:2:3: 0.8333, 1.6667, 2.5 cents -> floors 0/1/2, two cents left
  // by largest remainder (0.8333 then 0.6667): 1 / 2 / 2.
  r = ResolveOk(model, One("  - decrease: {line: x, amount: 0.05}\n"));
  CHECK(CentsOf(r[1], "x") == std::vector<int64_t>{10000 - 1, 20000 - 2, 30000 - 2});
  // An increase larger than the line's total still follows its proportions.
  r = ResolveOk(model, One("  - increase: {line: x, amount: 1200}\n"));
  CHECK(CentsOf(r[1], "x") == std::vector<int64_t>{30000, 60000, 90000});
}

TEST_CASE("property: a decrease then a move of the same amount keep every total exact",
          "[resolve][adjust][property]") {
  Model model = ModelFrom(kSmallModel);
  for (int64_t cents : {1, 7, 99, 12345, 29999, 30000}) {
    std::string amount = std::to_string(cents / 100) + "." + std::to_string(cents % 100 / 10) +
                         std::to_string(cents % 10);
    auto r = ResolveOk(model, One("  - decrease: {line: x, amount: " + amount +
                                  "}\n  - move: {amount: " + amount + ", from: x, to: y}\n"));
    // Whatever the rounding, totals are exact.
    int64_t x = 0;
    for (int64_t c : CentsOf(r[1], "x")) x += c;
    CHECK(x == 60000 - 2 * cents);
    CHECK(r[1].total.cents() == 60000 - cents);
  }
}

TEST_CASE("property: a decrease takes from each year what a move of the same amount takes",
          "[resolve][adjust][property]") {
  Model model = ModelFrom(kSmallModel);
  auto moved = ResolveOk(model, One("  - move: {amount: 123.45, from: x, to: y}\n"));
  auto decreased = ResolveOk(model, One("  - decrease: {line: x, amount: 123.45}\n"
                                        "  - increase: {line: y, amount: 123.45, year: 2024}\n"));
  CHECK(CentsOf(moved[1], "x") == CentsOf(decreased[1], "x"));
}

TEST_CASE("decreasing below zero says by how much", "[resolve][adjust]") {
  CHECK(Errors("  - decrease: {line: x, amount: 250, year: 2025}\n") ==
        "s.yaml:4:5: error: changes[0].decrease.amount: takes €250 from 'x' in 2025, which has "
        "only €200 (below zero by €50)\n"
        "    - decrease: {line: x, amount: 250, year: 2025}\n"
        "      ^\n");
  CHECK(Errors("  - decrease: {line: x, amount: 600.01}\n") ==
        "s.yaml:4:5: error: changes[0].decrease.amount: takes €600.01 from 'x', which has only "
        "€600 in all years (below zero by €0.01)\n"
        "    - decrease: {line: x, amount: 600.01}\n"
        "      ^\n");
}

TEST_CASE("an increase without a year needs a line with money", "[resolve][adjust]") {
  CHECK(Errors("  - increase: {line: y, amount: 10}\n") ==
        "s.yaml:4:5: error: changes[0].increase.year: line 'y' has nothing in any year, so there "
        "is no proportion to spread €10 by; give a year (or use set)\n"
        "    - increase: {line: y, amount: 10}\n"
        "      ^\n");
}

TEST_CASE("increase and decrease name unknown lines and years", "[resolve][adjust]") {
  CHECK(
      Errors("  - increase: {line: xx, amount: 1}\n")
          .find(
              "changes[0].increase.line: unknown line 'xx' (did you mean 'x'?) in scenario 's'") !=
      std::string::npos);
  CHECK(Errors("  - decrease: {line: x, amount: 1, year: 2030}\n")
            .find("changes[0].decrease.year: year 2030 is not a model year (2024-2026)") !=
        std::string::npos);
}

TEST_CASE("increase and decrease are read with their keys checked", "[load][adjust]") {
  Diagnostics diags;
  LoadScenario(
      "format: allot/1\nscenario: s\nchanges:\n"
      "  - increase: {line: x, amount: 0, yaer: 2025}\n"
      "  - decrease: {amount: 1.005}\n",
      "s.yaml", diags);
  CHECK(Render(diags) ==
        "s.yaml:4:33: error: changes[0].increase.amount: amount must be greater than 0: 0\n"
        "    - increase: {line: x, amount: 0, yaer: 2025}\n"
        "                                  ^\n"
        "s.yaml:4:36: error: changes[0].increase.yaer: unknown key (did you mean 'year'?)\n"
        "    - increase: {line: x, amount: 0, yaer: 2025}\n"
        "                                     ^\n"
        "s.yaml:5:15: error: changes[1].decrease: missing required key 'line'\n"
        "    - decrease: {amount: 1.005}\n"
        "                ^\n"
        "s.yaml:5:24: error: changes[1].decrease.amount: amount has more than two decimals: "
        "1.005\n"
        "    - decrease: {amount: 1.005}\n"
        "                         ^\n");
}
