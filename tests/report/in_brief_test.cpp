// The report's plain-language summary on a model whose answers are known
// exactly: objective a is 1 point per EUR 100 of line x, b 1 point per
// EUR 100 of line y. The model puts EUR 600 on x (a = 6, b = 0); all-y
// moves it to y (a = 0, b = 6). Weights a_heavy (4:1 -> 0.8, 0.2): model
// 4.8, all-y 1.2; even: 3 and 3, a shared first place. The biggest gap is
// 3.6 under a_heavy, of which a gives 0.8 x 6 = 4.8 (b takes 1.2 back).
#include "report/in_brief.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "allot/compare.hpp"
#include "allot/provenance_summary.hpp"
#include "allot/report.hpp"
#include "allot/sensitivity.hpp"
#include "allot/weight_sampling.hpp"
#include "test_support.hpp"

using allot::testing::ModelFrom;
using allot::testing::ResolveOk;
using allot::testing::ScenarioFrom;

namespace {

const char* const kModel = R"(format: allot/1
title: Brief
years: [2024]
objectives:
  - {id: a, name: Objective A}
  - {id: b, name: Objective B}
weights:
  a_heavy:
    weights: {a: 4, b: 1}
    order: [a, b]
  even: {a: 1, b: 1}
motions:
  - {id: mx, ref: Kamerstuk 1, date: 2023-10-03, asks: fund x, status: in-law}
  - {id: my, ref: Kamerstuk 2, date: 2023-10-03, asks: fund y, status: adopted}
lines:
  - id: x
    name: Line X
    budget: {2024: 600}
    motions: [mx]
    effects: {a: {curve: linear, points: 1, per: 100}}
  - id: y
    name: Line Y
    budget: {2024: 0}
    motions: [my]
    effects: {b: {curve: linear, points: 1, per: 100}}
)";

const char* const kAllY = R"(format: allot/1
scenario: all-y
budget: neutral
changes:
  - move: {amount: 600, from: x, to: y}
)";

struct Brief {
  Brief() : model(ModelFrom(kModel)) {
    scenarios.push_back(ScenarioFrom(kAllY));
    resolved = ResolveOk(model, scenarios);
    allot::Diagnostics diags;
    std::optional<allot::CompareResult> compared =
        allot::Compare(model, resolved, allot::CompareOptions{}, diags);
    REQUIRE(compared);
    result = *compared;
    rests_on = allot::CountProvenance(model, resolved);
  }
  std::vector<std::string> Paragraphs(allot::Lang lang) const {
    return allot::detail::InBriefParagraphs({result, sensitivity, amounts, rests_on, lang});
  }
  allot::Model model;
  std::vector<allot::Scenario> scenarios;
  std::vector<allot::ResolvedScenario> resolved;
  allot::CompareResult result;
  std::optional<allot::SmaaResult> sensitivity;
  std::optional<allot::UncertainResult> amounts;
  std::optional<allot::ProvenanceCounts> rests_on;
};

}  // namespace

TEST_CASE("the summary says who is first, the gap, the unfunded motions, in words",
          "[report][brief]") {
  Brief b;
  std::vector<std::string> en = b.Paragraphs(allot::Lang::kEn);
  REQUIRE(en.size() == 5);
  CHECK(en[0] ==
        "Under the weights a_heavy, model ranks first with 4.80 points, 3.60 points ahead of "
        "all-y. Under the weights even, model and all-y share the first place with 3.00 points.");
  CHECK(en[1] ==
        "How robust these first places are under other weights was not measured for this report "
        "(allot report --sensitivity adds it).");
  CHECK(en[2] ==
        "The biggest gap, 3.60 points between model and all-y under the weights a_heavy, comes "
        "most from Objective A: 4.80 points of it.");
  CHECK(en[3] ==
        "model leaves unfunded: my (adopted). all-y leaves unfunded: mx (in law). Unfunded means "
        "that the scenario sets no money aside for what the motion asks; it does not mean that it "
        "is not done (the status is in brackets: in law, in a bill, adopted, promised, "
        "rejected).");
  CHECK(en[4] ==
        "What this rests on: not stated in the files (no provenance given). In the tables each "
        "figure is marked with the weakest input it rests on (no mark: sourced). Money: the total "
        "or a year's total of 2 of 2 scenarios rests on figures that are not sourced (? not "
        "stated). Scores: the weighted scores of 2 of 2 scenarios rest on figures that are not "
        "sourced (? not stated).");
  std::vector<std::string> nl = b.Paragraphs(allot::Lang::kNl);
  REQUIRE(nl.size() == 5);
  CHECK(nl[0] ==
        "Met de weging a_heavy staat model eerst met 4,80 punten, 3,60 punten voor all-y. Met de "
        "weging even delen model en all-y de eerste plaats met 3,00 punten.");
  CHECK(nl[2] ==
        "Het grootste verschil, 3,60 punten tussen model en all-y met de weging a_heavy, komt "
        "vooral van Objective A: 4,80 punten ervan.");
  CHECK(nl[3].rfind("model financiert niet: my (aangenomen). all-y financiert niet: mx (in de "
                    "wet). Niet gefinancierd betekent",
                    0) == 0);
}

TEST_CASE("the summary says how robust the first place is from the sensitivity run",
          "[report][brief]") {
  Brief b;
  // Weights sampled around a_heavy: the model keeps the first place in
  // every sample as long as a weighs more than b, which a_heavy:order
  // (a before b) guarantees: 100.0%.
  std::string problem;
  std::optional<allot::WeightSpec> spec = allot::ParseWeightSpec("a_heavy:order", b.model, problem);
  REQUIRE(spec);
  std::unique_ptr<allot::SmaaPlan> plan = allot::CompileSmaa(
      b.model, b.resolved, allot::SmaaOptions{*spec, allot::EffectsMode::kFixed, 1});
  allot::SmaaRun run;
  run.samples = 200;
  b.sensitivity = allot::RunSmaa(*plan, run);
  // Whole percents like the rest of the summary, with the 95% interval
  // that 200 samples support (Wilson: 200/203.84 = 98.1% to 100%), and
  // what was varied and what kept.
  CHECK(b.Paragraphs(allot::Lang::kEn)[1] ==
        "In the sensitivity run, the weights (a_heavy:order) vary over 200 samples, with the "
        "effects at their likely values and the amounts as the files state them: model ranks "
        "first in 100% of them (95% interval 98–100%).");
  CHECK(b.Paragraphs(allot::Lang::kNl)[1] ==
        "In de gevoeligheidsanalyse variëren de gewichten (a_heavy:order) over 200 "
        "trekkingen, met de effecten op hun waarschijnlijke waarde en de bedragen zoals de "
        "bestanden ze noemen: model staat eerst in 100% daarvan (95%-interval 98–100%).");
  // Uniform weights: b weighs more than a in about half the samples, and
  // then all-y (all money on b) is first; the share is rounded down and
  // its interval is as wide as 200 samples make it.
  spec = allot::ParseWeightSpec("uniform", b.model, problem);
  REQUIRE(spec);
  plan = allot::CompileSmaa(b.model, b.resolved,
                            allot::SmaaOptions{*spec, allot::EffectsMode::kUncertain, 1});
  b.sensitivity = allot::RunSmaa(*plan, run);
  const allot::SmaaScenarioResult& top =
      b.sensitivity->scenarios[0].best_samples >= b.sensitivity->scenarios[1].best_samples
          ? b.sensitivity->scenarios[0]
          : b.sensitivity->scenarios[1];
  allot::ProportionInterval wilson = allot::Wilson(top.best_samples, 200);
  CHECK(b.Paragraphs(allot::Lang::kEn)[1] ==
        "In the sensitivity run, the weights (uniform) and the effects (between their low and "
        "high values) vary over 200 samples, with the amounts as the files state them: " +
            top.id + " ranks first in " + std::to_string(top.best_samples / 2) +
            "% of them (95% interval " +
            std::to_string(static_cast<int>(std::floor(100 * wilson.low))) + "–" +
            std::to_string(static_cast<int>(std::ceil(100 * wilson.high))) + "%).");
  CHECK(std::ceil(100 * wilson.high) - std::floor(100 * wilson.low) >= 10);
  // Exact weights, effects drawn: the effects vary, the weights are kept.
  spec = allot::ParseWeightSpec("even", b.model, problem);
  REQUIRE(spec);
  plan = allot::CompileSmaa(b.model, b.resolved,
                            allot::SmaaOptions{*spec, allot::EffectsMode::kUncertain, 1});
  b.sensitivity = allot::RunSmaa(*plan, run);
  CHECK(b.Paragraphs(allot::Lang::kEn)[1].rfind(
            "In the sensitivity run, the effects (between their low and high values) vary over 200 "
            "samples, with the weights exactly even and the amounts as the files state them: ",
            0) == 0);
  // Exact weights and fixed effects: nothing was sampled, and it says so.
  spec = allot::ParseWeightSpec("a_heavy", b.model, problem);
  REQUIRE(spec);
  plan = allot::CompileSmaa(b.model, b.resolved,
                            allot::SmaaOptions{*spec, allot::EffectsMode::kFixed, 1});
  b.sensitivity = allot::RunSmaa(*plan, run);
  CHECK(b.Paragraphs(allot::Lang::kEn)[1] ==
        "The sensitivity run sampled nothing (the weights are exactly a_heavy and the effects "
        "fixed), so it says nothing about how robust these first places are.");
}

TEST_CASE("the report opens with the summary", "[report][brief]") {
  Brief b;
  allot::ReportOptions options;
  options.rests_on = b.rests_on;
  std::string html = allot::RenderReportHtml(b.result, b.model, b.scenarios, options);
  size_t brief = html.find("<section id=\"in-brief\"><h2>In brief</h2><p>Under the weights");
  CHECK(brief != std::string::npos);
  CHECK(brief < html.find("<nav>"));
  CHECK(brief < html.find("<section id=\"summary\">"));
}
