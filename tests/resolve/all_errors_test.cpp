// A scenario with several resolution errors reports every one, each with
// "did you mean", and no error that only follows from another.
#include <catch2/catch.hpp>

#include "allot/resolve.hpp"
#include "test_support.hpp"

using namespace allot;
using allot::testing::kSmallModel;
using allot::testing::ModelFrom;
using allot::testing::Render;
using allot::testing::ScenarioFrom;

TEST_CASE("every failing change of a scenario is reported, each with a suggestion",
          "[resolve][errors]") {
  Diagnostics diags;
  ResolveScenarios(ModelFrom(kSmallModel), {ScenarioFrom(R"(format: allot/1
scenario: s
changes:
  - move: {amount: 1, from: xx, to: y}
  - increase: {line: yy, amount: 5, year: 2024}
  - scale: {line: x, by: 2}
  - add: {id: z, name: Z, budget: {}, motions: [m2]}
  - decrease: {line: x, amount: 1, year: 2031}
)")},
                   diags);
  CHECK(Render(diags) ==
        "s.yaml:4:5: error: changes[0].move.from: unknown line 'xx' (did you mean 'x'?) in "
        "scenario 's'\n"
        "    - move: {amount: 1, from: xx, to: y}\n"
        "      ^\n"
        "s.yaml:5:5: error: changes[1].increase.line: unknown line 'yy' (did you mean 'y'?) in "
        "scenario 's'\n"
        "    - increase: {line: yy, amount: 5, year: 2024}\n"
        "      ^\n"
        "s.yaml:7:5: error: changes[3].add.motions: unknown motion 'm2' (did you mean 'm1'?)\n"
        "    - add: {id: z, name: Z, budget: {}, motions: [m2]}\n"
        "      ^\n"
        "s.yaml:8:5: error: changes[4].decrease.year: year 2031 is not a model year "
        "(2024-2026)\n"
        "    - decrease: {line: x, amount: 1, year: 2031}\n"
        "      ^\n");
}

TEST_CASE("a change about a line that an earlier change failed on is not reported",
          "[resolve][errors]") {
  // The add fails (unknown objective); the move into its line would fail
  // only because of that, and leaves x not as its author meant it, so the
  // later move of x (to y) is not reported either. The scale of an unknown
  // line fails on its own: two errors.
  Diagnostics diags;
  ResolveScenarios(ModelFrom(kSmallModel), {ScenarioFrom(R"(format: allot/1
scenario: s
budget: neutral
changes:
  - add: {id: z, name: Z, budget: {}, effects: {c: {curve: linear, points: 1, per: 1}}}
  - move: {amount: 50, from: x, to: z}
  - move: {amount: 5000, from: x, to: y}
  - scale: {line: nope, by: 2}
)")},
                   diags);
  std::string errors = Render(diags);
  CHECK(diags.size() == 2);
  CHECK(errors.find("changes[0].add.effects.c: unknown objective 'c'") != std::string::npos);
  CHECK(errors.find("changes[1]") == std::string::npos);
  CHECK(errors.find("changes[2]") == std::string::npos);
  CHECK(errors.find("changes[3].scale.line: unknown line 'nope'") != std::string::npos);
  CHECK(errors.find("budget-neutral") ==
        std::string::npos);  // no rule checked on a broken scenario
}
