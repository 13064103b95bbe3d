// Loading model files: what a valid file turns into.
#include <catch2/catch.hpp>
#include <string>

#include "allot/load.hpp"
#include "test_support.hpp"

namespace {

using allot::Money;
using allot::testing::Render;

// The model example of DESIGN.md, verbatim.
const std::string kDesignExample = R"(format: allot/1
title: Samen tegen Mensenhandel 2024-2026
currency: EUR
years: [2024, 2025, 2026]

objectives:                       # 100 points = the objective fully met
  - id: criminal_exploitation
    name: Criminele uitbuiting aanpakken
  - id: information
    name: Informatievoorziening professionals

weights:                          # named perspectives; normalised to sum 1
  ministry: {information: 3, criminal_exploitation: 2}
  ckm:      {information: 1, criminal_exploitation: 4}

motions:                          # adopted motions and commitments
  - id: kuik-mutluer
    ref: Kamerstuk 28638 nr. 229
    date: 2023-09-27
    asks: Non-punishment principle anchored in law
    min_spend: 100000             # optional; default: any spend > 0

lines:                            # action lines (actielijnen) / measures
  - id: information_point
    name: Centraal informatiepunt
    owner: Ministerie van JenV
    budget: {2024: 200000, 2025: 225000, 2026: 225000}
    source: "CKM inbreng oktober 2023: EUR 650.000 binnen drie jaar"
    illustrative: false           # true where a figure is an estimate
    note: Why this line exists    # optional free text (lines and effects)
    motions: []
    effects:                      # points on objectives, as a function of
      information:                # the line's total spend x over all years
        curve: saturating         # v = max * x / (x + half)
        max: 30
        half: 250000
      criminal_exploitation:
        curve: linear             # v = points * x / per
        points: [1, 2, 4]         # [low, likely, high]: triangular uncertainty
        per: 100000
)";

// A model that must load; fails the test with the diagnostics otherwise.
allot::Model Load(const std::string& text) {
  allot::Diagnostics diags;
  std::optional<allot::Model> model = allot::LoadModel(text, "model.yaml", diags);
  INFO(Render(diags));
  REQUIRE(model.has_value());
  REQUIRE(diags.empty());
  return *model;
}

Money Euros(int64_t euros) { return Money::FromCents(euros * 100); }

// Six lines: text appended starts on line 7.
const std::string kHead = R"(format: allot/1
title: T
years: [2024, 2025]
objectives: [{id: a, name: A}, {id: b, name: B}, {id: c, name: C}]
weights:
  even: {a: 1, b: 1, c: 2}
)";

}  // namespace

TEST_CASE("the DESIGN.md example model loads with every field", "[load][model]") {
  allot::Model model = Load(kDesignExample);
  CHECK(model.title == "Samen tegen Mensenhandel 2024-2026");
  CHECK(model.currency == "EUR");
  CHECK(model.years == std::vector<int>{2024, 2025, 2026});
  REQUIRE(model.objectives.size() == 2);
  CHECK(model.objectives[0].id == "criminal_exploitation");
  CHECK(model.objectives[1].name == "Informatievoorziening professionals");

  REQUIRE(model.motions.size() == 1);
  const allot::Motion& motion = model.motions[0];
  CHECK(motion.id == "kuik-mutluer");
  CHECK(motion.ref == "Kamerstuk 28638 nr. 229");
  CHECK(motion.date == "2023-09-27");
  CHECK(motion.asks == "Non-punishment principle anchored in law");
  CHECK(motion.min_spend == Euros(100000));

  REQUIRE(model.lines.size() == 1);
  const allot::Line& line = model.lines[0];
  CHECK(line.id == "information_point");
  CHECK(line.owner == "Ministerie van JenV");
  CHECK(line.budget ==
        std::map<int, Money>{{2024, Euros(200000)}, {2025, Euros(225000)}, {2026, Euros(225000)}});
  CHECK(line.source == "CKM inbreng oktober 2023: EUR 650.000 binnen drie jaar");
  CHECK_FALSE(line.illustrative);
  CHECK(line.note == "Why this line exists");
  CHECK(line.motions.empty());
}

TEST_CASE("the DESIGN.md example's curves keep their parameters", "[load][model]") {
  allot::Model model = Load(kDesignExample);
  const std::vector<allot::Effect>& effects = model.lines.at(0).effects;
  REQUIRE(effects.size() == 2);
  CHECK(effects[0].objective == "information");
  CHECK(effects[0].curve.kind == allot::CurveKind::kSaturating);
  CHECK(effects[0].curve.max.likely == 30);
  CHECK_FALSE(effects[0].curve.max.uncertain);
  CHECK(effects[0].curve.half.likely == 250000.0);  // EUR
  CHECK_FALSE(effects[0].curve.threshold.has_value());

  CHECK(effects[1].objective == "criminal_exploitation");
  CHECK(effects[1].curve.kind == allot::CurveKind::kLinear);
  const allot::Param& points = effects[1].curve.points;
  CHECK(points.uncertain);
  CHECK((points.low == 1 && points.likely == 2 && points.high == 4));
  CHECK(effects[1].curve.per == Euros(100000));
}

TEST_CASE("weight sets are normalised to sum 1 in objective order", "[load][model]") {
  allot::Model model = Load(kDesignExample);
  REQUIRE(model.weights.size() == 2);
  CHECK(model.weights[0].name == "ministry");
  // Objectives are [criminal_exploitation, information]; ministry is 2 : 3.
  CHECK(model.weights[0].weights[0] == Approx(0.4));
  CHECK(model.weights[0].weights[1] == Approx(0.6));
  CHECK(model.weights[1].weights[0] == Approx(0.8));
  CHECK(model.weights[1].weights[1] == Approx(0.2));
  CHECK(model.weights[1].order.empty());
}

TEST_CASE("a weight set may leave objectives out and give their order", "[load][model]") {
  allot::Model model = Load(kHead + R"(  ranked:
    weights: {c: 1}
    order: [c, a, b]
lines: []
)");
  REQUIRE(model.weights.size() == 2);
  CHECK(model.weights[0].weights == std::vector<double>{0.25, 0.25, 0.5});
  const allot::WeightSet& ranked = model.weights[1];
  CHECK(ranked.weights == std::vector<double>{0, 0, 1});
  CHECK(ranked.order == std::vector<std::string>{"c", "a", "b"});
}

TEST_CASE("amounts are exact cents read from the text, never via double", "[load][model]") {
  allot::Model model = Load(kHead + R"(lines:
  - id: x
    name: X
    budget: {2024: 162500.50, 2025: 0.1}
  - id: y
    name: Y
    budget: {2024: 1e6, 2025: 9999999999999.99}
)");
  CHECK(model.lines[0].budget.at(2024) == Money::FromCents(16250050));
  CHECK(model.lines[0].budget.at(2025) == Money::FromCents(10));
  CHECK(model.lines[1].budget.at(2024) == Euros(1000000));
  CHECK(model.lines[1].budget.at(2025) == Money::FromCents(999999999999999));
}

TEST_CASE("a table curve keeps its points, uncertain values and threshold", "[load][model]") {
  allot::Model model = Load(kHead + R"(lines:
  - id: x
    name: X
    budget: {2024: 1}
    effects:
      a:
        curve: table
        points: [[50000, 5], [150000.25, [8, 10, 12]]]
        threshold: 25000
        source: Evaluatie 2022
        note: Flat after 150k
)");
  const allot::Effect& effect = model.lines.at(0).effects.at(0);
  CHECK(effect.curve.kind == allot::CurveKind::kTable);
  REQUIRE(effect.curve.table.size() == 2);
  CHECK(effect.curve.table[0].x == Euros(50000));
  CHECK(effect.curve.table[0].value.likely == 5);
  CHECK(effect.curve.table[1].x == Money::FromCents(15000025));
  CHECK(effect.curve.table[1].value.uncertain);
  CHECK(effect.curve.table[1].value.high == 12);
  CHECK(effect.curve.threshold == Euros(25000));
  CHECK(effect.source == "Evaluatie 2022");
  CHECK(effect.note == "Flat after 150k");
}

TEST_CASE("a saturating curve's half may be an uncertain amount", "[load][model]") {
  allot::Model model = Load(kHead + R"(lines:
  - id: x
    name: X
    budget: {}
    effects:
      b: {curve: saturating, max: [10, 20, 30], half: [100000, 250000.50, 400000]}
)");
  const allot::Curve& curve = model.lines.at(0).effects.at(0).curve;
  CHECK(curve.max.uncertain);
  CHECK(curve.half.low == 100000.0);
  CHECK(curve.half.likely == 250000.5);
  CHECK(curve.half.high == 400000.0);
}

TEST_CASE("optional model keys take their documented defaults", "[load][model]") {
  allot::Model model = Load(R"(format: allot/1
title: Minimal
years: [2030]
objectives: [{id: a, name: A}]
weights: {only: {a: 5}}
lines:
  - {id: x, name: X, budget: {2030: 5}}
)");
  CHECK(model.currency == "EUR");
  CHECK(model.motions.empty());
  CHECK(model.source.empty());
  const allot::Line& line = model.lines.at(0);
  CHECK(line.owner.empty());
  CHECK_FALSE(line.illustrative);
  CHECK(line.effects.empty());
  CHECK(model.weights.at(0).weights == std::vector<double>{1});
}

TEST_CASE("a model remembers where each item is defined", "[load][model]") {
  allot::Model model = Load(kDesignExample);
  CHECK(model.where.line == 1);
  CHECK(model.objectives[1].where.line == 9);
  CHECK(model.weights[1].where.line == 14);
  CHECK(model.motions[0].where.line == 17);
  CHECK(model.lines[0].where.line == 24);
  CHECK(model.lines[0].where.column == 5);
  CHECK(model.lines[0].effects[1].where.line == 37);
  REQUIRE(model.lines[0].where.source);
  CHECK(model.lines[0].where.source->name == "model.yaml");
}

TEST_CASE("text fields accept quoted, plain and block strings", "[load][model]") {
  allot::Model model = Load(kHead + R"(note: |
  Two lines
  of note.
source: 'Kamerstuk 28638, nr. 233'
lines:
  - id: "2024.plan-b_1"
    name: 2024
    budget: {"2024": 5}
    illustrative: true
)");
  CHECK(model.note == "Two lines\nof note.\n");
  CHECK(model.source == "Kamerstuk 28638, nr. 233");
  CHECK(model.lines[0].id == "2024.plan-b_1");
  CHECK(model.lines[0].name == "2024");
  CHECK(model.lines[0].budget.at(2024) == Euros(5));
  CHECK(model.lines[0].illustrative);
}

TEST_CASE("a line lists the motions it funds", "[load][model]") {
  allot::Model model = Load(kHead + R"(motions:
  - {id: m1, ref: r, date: d, asks: x}
  - {id: m2, ref: r, date: d, asks: y, note: n}
lines:
  - {id: x, name: X, budget: {}, motions: [m2, m1]}
)");
  CHECK(model.lines[0].motions == std::vector<std::string>{"m2", "m1"});
  CHECK_FALSE(model.motions[1].min_spend.has_value());
  CHECK(model.motions[1].note == "n");
}

TEST_CASE("LoadAny tells a model from a scenario by the scenario key", "[load][model]") {
  allot::Diagnostics diags;
  auto model = allot::LoadAny(kDesignExample, "model.yaml", diags);
  REQUIRE(model.has_value());
  CHECK(model->kind() == allot::FileKind::kModel);
  auto scenario = allot::LoadAny("format: allot/1\nscenario: s\n", "s.yaml", diags);
  REQUIRE(scenario.has_value());
  CHECK(scenario->kind() == allot::FileKind::kScenario);
  CHECK(std::get<allot::Scenario>(scenario->content).id == "s");
  CHECK(diags.empty());
}
