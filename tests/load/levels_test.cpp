// `levels:` on a line: read, checked, every error with FILE:LINE:COL.
#include <catch2/catch.hpp>

#include "allot/load.hpp"
#include "test_support.hpp"

using namespace allot;

namespace {

std::string ModelWithLevels(const std::string& levels) {
  return "format: allot/1\ntitle: t\nyears: [2024, 2025]\nobjectives: [{id: a, name: A}]\n"
         "weights: {w: {a: 1}}\nlines:\n  - id: x\n    name: X\n    budget: {2024: 1}\n"
         "    levels:\n" +
         levels;
}

}  // namespace

TEST_CASE("levels are read in file order with their budgets", "[optimise][load]") {
  Model m = allot::testing::ModelFrom(
      ModelWithLevels("      - {name: basic, budget: {2024: 100}}\n      - {name: full, budget: "
                      "{2024: 100, 2025: 250.50}}\n"));
  REQUIRE(m.lines[0].levels.size() == 2);
  CHECK(m.lines[0].levels[0].name == "basic");
  CHECK(m.lines[0].levels[1].budget.at(2025) == Money::FromCents(25050));
  CHECK(m.lines[0].levels[1].where.line == 12);
}

TEST_CASE("bad levels are reported with their position", "[optimise][load]") {
  Diagnostics diags;
  LoadModel(ModelWithLevels("      - {name: basic, budget: {2024: 100}}\n"
                            "      - {name: basic, budget: {2030: 1}, size: 3}\n"),
            "m.yaml", diags);
  CHECK(allot::testing::Render(diags) ==
        "m.yaml:12:16: error: lines[0].levels[1].name: duplicate level id 'basic' (first defined "
        "at line 11)\n"
        "        - {name: basic, budget: {2030: 1}, size: 3}\n"
        "                 ^\n"
        "m.yaml:12:32: error: lines[0].levels[1].budget.2030: year 2030 is not one of the model's "
        "years (2024, 2025)\n"
        "        - {name: basic, budget: {2030: 1}, size: 3}\n"
        "                                 ^\n"
        "m.yaml:12:42: error: lines[0].levels[1].size: unknown key (expected 'name', 'budget' or "
        "'note')\n"
        "        - {name: basic, budget: {2030: 1}, size: 3}\n"
        "                                           ^\n");
  Diagnostics empty;
  LoadModel(ModelWithLevels("      []\n"), "m.yaml", empty);
  CHECK(allot::testing::Render(empty).find("expected at least one level") != std::string::npos);
}
