// What the caveat counts (docs/output.md, "What the figures rest on"), on
// a small model whose answer is worked out by hand: a sourced, a reported,
// a reported-as-zero, an assumed and an unstated line; a scenario that funds
// the reported zero with assumed amounts; a scenario that adds a line.
#include "allot/provenance_summary.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "render/provenance_text.hpp"
#include "test_support.hpp"

using namespace allot;
using allot::testing::ModelFrom;
using allot::testing::ResolveOk;
using allot::testing::ScenarioFrom;

namespace {

// No default for amounts: `quiet` states nothing.
const char* const kModel = R"(format: allot/1
title: t
years: [2024]
objectives: [{id: a, name: A}]
weights: {w: {a: 1}}
provenance:
  year_totals: {level: sourced, ref: K1}
  effects: judgement
  weights: judgement
lines:
  - {id: src, name: S, budget: {2024: 100}, amounts: {level: sourced, ref: K2}}
  - {id: rep, name: R, budget: {2024: 100}, amounts: {level: reported, by: CKM}}
  - {id: zero, name: Z, budget: {}, amounts: {level: reported, by: CKM}}
  - {id: guess, name: G, budget: {2024: 100}, amounts: assumed}
  - {id: quiet, name: Q, budget: {2024: 100}}
)";

// Funds the line CKM reports at zero, by our estimate.
const char* const kFund = R"(format: allot/1
scenario: fund
amounts: assumed
changes:
  - move: {amount: 50, from: guess, to: zero}
)";

// A line the model does not have.
const char* const kExtra = R"(format: allot/1
scenario: extra
amounts: assumed
changes:
  - add: {id: new, name: N, budget: {2024: 10}}
)";

struct Fixture {
  Model model = ModelFrom(kModel);
  std::vector<Scenario> scenarios = {ScenarioFrom(kFund, "fund.yaml"),
                                     ScenarioFrom(kExtra, "extra.yaml")};
  std::vector<ResolvedScenario> resolved = ResolveOk(model, scenarios);
};

}  // namespace

TEST_CASE("the caveat counts lines over the scenarios shown and in the model apart",
          "[provenance][caveat]") {
  Fixture f;
  ProvenanceCounts c = CountProvenance(f.model, f.resolved);
  // Shown: the model's five and `new`. Assumed in some scenario: guess,
  // zero (funded by `fund`), new; quiet states nothing anywhere.
  CHECK(c.lines == 6);
  CHECK(c.lines_estimated == 3);
  CHECK(c.lines_unstated == 1);
  // The model as written: only guess is assumed, quiet unstated.
  CHECK(c.model_lines == 5);
  CHECK(c.model_lines_estimated == 1);
  CHECK(c.model_lines_unstated == 1);
  CHECK(c.scenarios == 3);
  CHECK_FALSE(c.only_model);
  CHECK(detail::ProvenanceCaveat(c, Lang::kEn) ==
        "What this rests on: 3 of 6 lines have an assumed amount in some scenario shown, 1 not "
        "stated (1 of 5 in the model, 1 not stated); all effects and weights are judgements.");
  CHECK(detail::ProvenanceCaveat(c, Lang::kNl) ==
        "Waar dit op rust: 3 van 6 actielijnen hebben een aangenomen bedrag in een of meer "
        "getoonde scenario's, 1 niet vermeld (1 van 5 in het model, 1 niet vermeld); alle "
        "effecten en wegingen zijn oordelen.");
}

TEST_CASE("the caveat counts only the scenarios an output shows", "[provenance][caveat]") {
  Fixture f;
  ProvenanceCounts model = CountProvenance(f.model, f.resolved, {"model"});
  CHECK(model.lines == 5);
  CHECK(model.lines_estimated == 1);
  CHECK(model.only_model);
  CHECK(detail::ProvenanceCaveat(model, Lang::kEn) ==
        "What this rests on: 1 of 5 lines have an assumed amount in the model, 1 not stated; all "
        "effects and weights are judgements.");
  // One scenario, not the model: the reported zero it funds is assumed there.
  ProvenanceCounts fund = CountProvenance(f.model, f.resolved, {"fund"});
  CHECK(fund.lines == 5);
  CHECK(fund.lines_estimated == 2);
  CHECK(detail::ProvenanceCaveat(fund, Lang::kEn) ==
        "What this rests on: 2 of 5 lines have an assumed amount in the scenario shown, 1 not "
        "stated (1 of 5 in the model, 1 not stated); all effects and weights are judgements.");
  // A pair, named twice or in any order, counts each scenario once.
  ProvenanceCounts pair = CountProvenance(f.model, f.resolved, {"extra", "model", "extra"});
  CHECK(pair.scenarios == 2);
  CHECK(pair.lines == 6);
  CHECK(pair.lines_estimated == 2);  // guess, new: zero is funded only in `fund`
}
