// Provenance in the files: levels, the model's defaults, bounds, the old
// `illustrative` flag, motion status and texts in two languages.
#include <catch2/catch.hpp>

#include "allot/load.hpp"
#include "test_support.hpp"

using namespace allot;
using allot::testing::ModelFrom;
using allot::testing::Render;
using allot::testing::ScenarioFrom;

namespace {

const std::string kHead = R"(format: allot/1
title: t
years: [2024, 2025]
objectives: [{id: a, name: A}]
weights: {w: {a: 1}}
)";

std::string ModelErrors(const std::string& rest) {
  Diagnostics diags;
  LoadModel(kHead + rest, "m.yaml", diags);
  return Render(diags);
}

}  // namespace

TEST_CASE("a line's amounts, split and bounds are read with the model's defaults",
          "[load][provenance]") {
  Model m = ModelFrom(kHead + R"(provenance:
  year_totals: {level: sourced, ref: "Kamerstuk 1 nr. 2"}
  amounts: assumed
  effects: judgement
lines:
  - id: known
    name: Known
    budget: {2024: 100, 2025: 200}
    amounts: {level: reported, by: CKM, ref: letter}
    split: {level: assumed, note: ours}
    bounds: {2024: [50, 150]}
    effects: {a: {curve: linear, points: 1, per: 1, provenance: {level: sourced, ref: study}}}
  - id: guessed
    name: Guessed
    budget: {2024: 10, 2025: 10}
    bounds: [0, 20]
    effects: {a: {curve: linear, points: 1, per: 1}}
)");
  const Line& known = m.lines[0];
  CHECK(known.amounts.level == ProvenanceLevel::kReported);
  CHECK(known.amounts.by == "CKM");
  CHECK(known.amounts.ref == "letter");
  REQUIRE(known.split);
  CHECK(known.YearAmounts().level == ProvenanceLevel::kAssumed);
  CHECK(known.illustrative);
  REQUIRE(known.bounds.In(2024) != nullptr);
  CHECK(known.bounds.In(2024)->high.cents() == 15000);
  CHECK(known.bounds.In(2025) == nullptr);
  CHECK(known.effects[0].provenance.level == ProvenanceLevel::kSourced);
  const Line& guessed = m.lines[1];
  CHECK(guessed.amounts.level == ProvenanceLevel::kAssumed);  // the model's default
  CHECK(guessed.bounds.In(2025) != nullptr);
  CHECK(guessed.effects[0].provenance.level == ProvenanceLevel::kJudgement);
  CHECK(m.provenance.year_totals.level == ProvenanceLevel::kSourced);
  CHECK(m.provenance.total.level == ProvenanceLevel::kSourced);  // as year_totals
}

TEST_CASE("files written before provenance read as before", "[load][provenance]") {
  Model m = ModelFrom(kHead + R"(lines:
  - {id: old, name: Old, budget: {2024: 1}, illustrative: true}
  - {id: plain, name: Plain, budget: {2024: 1}, illustrative: false}
  - {id: silent, name: Silent, budget: {2024: 1}}
)");
  CHECK(m.lines[0].amounts.level == ProvenanceLevel::kAssumed);
  CHECK(m.lines[0].illustrative);
  CHECK(m.lines[1].amounts.level == ProvenanceLevel::kUnstated);
  CHECK_FALSE(m.lines[1].illustrative);
  CHECK(m.lines[2].amounts.level == ProvenanceLevel::kUnstated);
  Scenario s = ScenarioFrom("format: allot/1\nscenario: s\nillustrative: true\n");
  CHECK(s.amounts.level == ProvenanceLevel::kAssumed);
  CHECK(s.illustrative);
}

TEST_CASE("bad provenance is an error with its place", "[load][provenance]") {
  CHECK(ModelErrors(R"(lines:
  - {id: x, name: X, budget: {2024: 1}, amounts: sourced}
)") == "m.yaml:7:50: error: lines[0].amounts: 'sourced' needs a reference: write {level: "
       "sourced, ref: ...}\n"
       "    - {id: x, name: X, budget: {2024: 1}, amounts: sourced}\n"
       "                                                   ^\n");
  CHECK(ModelErrors(R"(lines:
  - {id: x, name: X, budget: {2024: 1}, amounts: {level: reported}}
)")
            .find("lines[0].amounts: 'reported' needs who reports it") != std::string::npos);
  CHECK(ModelErrors(R"(lines:
  - {id: x, name: X, budget: {2024: 1}, amounts: asumed}
)")
            .find("lines[0].amounts: unknown provenance level 'asumed' (did you mean "
                  "'assumed'?)") != std::string::npos);
  CHECK(ModelErrors(R"(lines:
  - {id: x, name: X, budget: {2024: 1}, amounts: {level: assumed, by: me}}
)")
            .find("'by' belongs to 'reported', not to 'assumed'") != std::string::npos);
  CHECK(ModelErrors(R"(lines:
  - {id: x, name: X, budget: {2024: 1}, amounts: {level: assumed, ref: r, sorce: s}}
)")
            .find("lines[0].amounts.sorce: unknown key (expected 'level', 'ref', 'by' or "
                  "'note')") != std::string::npos);
}

TEST_CASE("bounds belong to assumed amounts, which lie within them", "[load][provenance]") {
  CHECK(ModelErrors(R"(lines:
  - {id: x, name: X, budget: {2024: 200000}, amounts: assumed, bounds: [250000, 300000]}
)")
            .find("lines[0].bounds: the amount in 2024, €200,000, is outside its bounds "
                  "[€250,000, €300,000]") != std::string::npos);
  // 2025 is 0 and the list form bounds every year.
  CHECK(ModelErrors(R"(lines:
  - {id: x, name: X, budget: {2024: 1}, amounts: assumed, bounds: [1, 2]}
)")
            .find("the amount in 2025, €0, is outside its bounds") != std::string::npos);
  CHECK(ModelErrors(R"(lines:
  - {id: x, name: X, budget: {2024: 1}, amounts: {level: sourced, ref: r}, bounds: [0, 2]}
)")
            .find("lines[0].bounds: bounds are for assumed amounts, and these are 'sourced'") !=
        std::string::npos);
  CHECK(ModelErrors(R"(lines:
  - {id: x, name: X, budget: {2024: 1}, amounts: assumed, bounds: [3, 2]}
)")
            .find("lines[0].bounds: low must not be above high: [3, 2]") != std::string::npos);
  CHECK(ModelErrors(R"(lines:
  - {id: x, name: X, budget: {2024: 1}, amounts: assumed, bounds: {2030: [0, 2]}}
)")
            .find("year 2030 is not one of the model's years") != std::string::npos);
}

TEST_CASE("illustrative and amounts must agree", "[load][provenance]") {
  CHECK(ModelErrors(R"(lines:
  - {id: x, name: X, budget: {2024: 1}, illustrative: true, amounts: {level: sourced, ref: r}}
)")
            .find("lines[0].illustrative: true contradicts amounts: 'sourced'") !=
        std::string::npos);
  Diagnostics diags;
  LoadScenario("format: allot/1\nscenario: s\nillustrative: false\namounts: assumed\n", "s.yaml",
               diags);
  CHECK(Render(diags).find("illustrative: false contradicts amounts: 'assumed'") !=
        std::string::npos);
}

TEST_CASE("motions carry a status, a verified flag and texts in two languages",
          "[load][provenance]") {
  Model m = ModelFrom(kHead + R"(motions:
  - id: m1
    ref: Kamerstuk 1
    verified: false
    asks: {en: Do it, nl: Doe het}
    status: in-bill
    status_note: {en: passed the Tweede Kamer, nl: aangenomen door de Tweede Kamer}
    min_spend: {amount: 150000, provenance: assumed}
  - {id: m2, ref: K2, asks: One text, status: adopted, min_spend: 5}
lines: [{id: x, name: X, budget: {2024: 1}, motions: [m1, m2]}]
)");
  const Motion& m1 = m.motions[0];
  CHECK(m1.verified == std::optional<bool>(false));
  CHECK(m1.Asks(Lang::kEn) == "Do it");
  CHECK(m1.Asks(Lang::kNl) == "Doe het");
  CHECK(m1.status == MotionStatus::kInBill);
  CHECK(m1.StatusNote(Lang::kNl) == "aangenomen door de Tweede Kamer");
  CHECK(m1.min_spend->cents() == 15000000);
  CHECK(m1.min_spend_provenance.level == ProvenanceLevel::kAssumed);
  const Motion& m2 = m.motions[1];
  CHECK(m2.Asks(Lang::kNl) == "One text");
  CHECK_FALSE(m2.verified.has_value());
  CHECK(m2.min_spend->cents() == 500);
  CHECK(ModelErrors(R"(motions:
  - {id: m, ref: r, asks: {en: a, de: b}, status: pending}
lines: []
)")
            .find("motions[0].status: unknown status 'pending'") != std::string::npos);
  CHECK(ModelErrors(R"(motions:
  - {id: m, ref: r, asks: {nl: b}}
lines: []
)")
            .find("motions[0].asks: missing required key 'en'") != std::string::npos);
}
