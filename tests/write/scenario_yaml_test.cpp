#include <catch2/catch.hpp>
#include <cmath>
#include <tuple>
#include <type_traits>

#include "allot/load.hpp"
#include "allot/resolve.hpp"
#include "allot/write_scenario.hpp"
#include "test_support.hpp"

using namespace allot;
using allot::testing::Render;
using allot::testing::ScenarioFrom;
using allot::testing::ShippedModel;
using allot::testing::ShippedScenarios;

namespace {

// Field-by-field equality of what a scenario says (source locations aside).
bool Same(const Param& a, const Param& b) {
  return std::tie(a.low, a.likely, a.high, a.uncertain) ==
         std::tie(b.low, b.likely, b.high, b.uncertain);
}

bool Same(const Curve& a, const Curve& b) {
  if (a.kind != b.kind || a.threshold != b.threshold || a.per != b.per ||
      !Same(a.points, b.points) || !Same(a.max, b.max) || !Same(a.half, b.half) ||
      a.table.size() != b.table.size()) {
    return false;
  }
  for (size_t i = 0; i < a.table.size(); ++i) {
    if (a.table[i].x != b.table[i].x || !Same(a.table[i].value, b.table[i].value)) return false;
  }
  return true;
}

bool Same(const Line& a, const Line& b) {
  if (std::tie(a.id, a.name, a.owner, a.budget, a.source, a.illustrative, a.note, a.motions) !=
          std::tie(b.id, b.name, b.owner, b.budget, b.source, b.illustrative, b.note, b.motions) ||
      a.effects.size() != b.effects.size() || a.levels.size() != b.levels.size()) {
    return false;
  }
  for (size_t i = 0; i < a.effects.size(); ++i) {
    const Effect& x = a.effects[i];
    const Effect& y = b.effects[i];
    if (x.objective != y.objective || x.source != y.source || x.note != y.note ||
        !Same(x.curve, y.curve)) {
      return false;
    }
  }
  for (size_t i = 0; i < a.levels.size(); ++i) {
    if (a.levels[i].name != b.levels[i].name || a.levels[i].budget != b.levels[i].budget) {
      return false;
    }
  }
  return true;
}

bool Same(const Change& a, const Change& b) {
  if (a.what.index() != b.what.index()) return false;
  return std::visit(
      [&](const auto& x) {
        using T = std::decay_t<decltype(x)>;
        const T& y = std::get<T>(b.what);
        if constexpr (std::is_same_v<T, MoveChange>) {
          return std::tie(x.amount, x.from, x.to, x.year) ==
                 std::tie(y.amount, y.from, y.to, y.year);
        } else if constexpr (std::is_same_v<T, SetChange>) {
          return x.line == y.line && x.budget == y.budget;
        } else if constexpr (std::is_same_v<T, ScaleChange>) {
          return x.line == y.line && x.by.numerator == y.by.numerator && x.by.scale == y.by.scale;
        } else if constexpr (std::is_same_v<T, AddChange>) {
          return Same(x.line, y.line);
        } else if constexpr (std::is_same_v<T, IncreaseChange> ||
                             std::is_same_v<T, DecreaseChange>) {
          return std::tie(x.line, x.amount, x.year) == std::tie(y.line, y.amount, y.year);
        } else {
          return x.line == y.line;
        }
      },
      a.what);
}

bool Same(const Scenario& a, const Scenario& b) {
  if (std::tie(a.id, a.name, a.base, a.source, a.note, a.illustrative) !=
          std::tie(b.id, b.name, b.base, b.source, b.note, b.illustrative) ||
      a.budget.kind != b.budget.kind || a.budget.cap != b.budget.cap ||
      a.changes.size() != b.changes.size()) {
    return false;
  }
  for (size_t i = 0; i < a.changes.size(); ++i) {
    if (!Same(a.changes[i], b.changes[i])) return false;
  }
  return true;
}

// Writes `s`, loads the text back (it must load) and returns it.
Scenario RoundTrip(const Scenario& s) {
  std::string text = WriteScenarioYaml(s);
  Diagnostics diags;
  std::optional<Scenario> back = LoadScenario(text, "written.yaml", diags);
  INFO(text);
  INFO(Render(diags));
  REQUIRE(back);
  return *back;
}

}  // namespace

TEST_CASE("every shipped scenario reads back the same after writing", "[write]") {
  for (const Scenario& s : ShippedScenarios()) {
    INFO(s.id);
    CHECK(Same(RoundTrip(s), s));
  }
}

TEST_CASE("a written scenario resolves to the same money as the original", "[write]") {
  Diagnostics diags;
  Model model = ShippedModel();
  std::vector<Scenario> originals = ShippedScenarios();
  std::vector<Scenario> written;
  for (const Scenario& s : originals) written.push_back(RoundTrip(s));
  std::vector<ResolvedScenario> a = ResolveScenarios(model, originals, diags);
  std::vector<ResolvedScenario> b = ResolveScenarios(model, written, diags);
  REQUIRE(diags.empty());
  REQUIRE(a.size() == b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    REQUIRE(a[i].lines.size() == b[i].lines.size());
    for (size_t l = 0; l < a[i].lines.size(); ++l) {
      CHECK(a[i].lines[l].def->id == b[i].lines[l].def->id);
      CHECK(a[i].lines[l].by_year == b[i].lines[l].by_year);
    }
  }
}

TEST_CASE("changes are written in flow style, amounts as people write them", "[write]") {
  Scenario s = ScenarioFrom(R"(format: allot/1
scenario: mine
name: Mijn variant
base: versterkt-2024
budget: neutral
changes:
  - move: {amount: 400000.5, from: a, to: b}
  - move: {amount: 0.07, from: a, to: b, year: 2025}
  - set: {line: c, budget: {2025: 150000, 2024: 0}}
  - scale: {line: d, by: 0.080}
  - increase: {line: c, amount: 500000, year: 2025}
  - decrease: {line: d, amount: 95000.10}
  - remove: e
)");
  CHECK(WriteScenarioYaml(s, {"Written by a test."}) == R"(# Written by a test.
format: allot/1
scenario: mine
name: Mijn variant
base: versterkt-2024
budget: neutral
changes:
  - move: {amount: 400000.50, from: a, to: b}
  - move: {amount: 0.07, from: a, to: b, year: 2025}
  - set: {line: c, budget: {2024: 0, 2025: 150000}}
  - scale: {line: d, by: 0.08}
  - increase: {line: c, amount: 500000, year: 2025}
  - decrease: {line: d, amount: 95000.10}
  - remove: e
)");
}

TEST_CASE("an added line is written in full, in block style", "[write]") {
  Scenario s = ScenarioFrom(R"(format: allot/1
scenario: s
budget: {cap: 7500000}
illustrative: true
changes:
  - add:
      id: new_line
      name: "Nieuw: chat"
      owner: Fier
      budget: {2024: 35000}
      illustrative: true
      motions: [m1, m2]
      effects:
        minors: {curve: saturating, max: [5, 10, 15], half: 100000, threshold: 0.5}
        clients: {curve: table, points: [[150000, 8], [300000, [16, 18, 20.25]]], note: why}
        other: {curve: linear, points: 0.1, per: 100000, source: "CKM, p. 5"}
      levels: [{name: basic, budget: {2024: 100}}]
)");
  CHECK(WriteScenarioYaml(s) == R"(format: allot/1
scenario: s
budget: {cap: 7500000}
illustrative: true
changes:
  - add:
      id: new_line
      name: "Nieuw: chat"
      owner: Fier
      budget: {2024: 35000}
      illustrative: true
      motions: [m1, m2]
      effects:
        minors:
          curve: saturating
          max: [5, 10, 15]
          half: 100000
          threshold: 0.50
        clients:
          curve: table
          points: [[150000, 8], [300000, [16, 18, 20.25]]]
          note: why
        other:
          curve: linear
          points: 0.1
          per: 100000
          source: "CKM, p. 5"
      levels:
        - {name: basic, budget: {2024: 100}}
)");
  CHECK(Same(RoundTrip(s), s));
}

TEST_CASE("text that YAML would read differently is quoted and escaped", "[write]") {
  CHECK(YamlText("Centraal informatiepunt (JenV)") == "Centraal informatiepunt (JenV)");
  CHECK(YamlText("financiële steun") == "financiële steun");
  CHECK(YamlText("a: b") == "\"a: b\"");
  CHECK(YamlText("x, y") == "\"x, y\"");
  CHECK(YamlText("null") == "\"null\"");
  CHECK(YamlText("") == "\"\"");
  CHECK(YamlText("- item") == "\"- item\"");
  CHECK(YamlText(" padded") == "\" padded\"");
  CHECK(YamlText("say \"hi\"\\") == "\"say \\\"hi\\\"\\\\\"");
  CHECK(YamlText("two\nlines\ttab\x01") == "\"two\\nlines\\ttab\\x01\"");
  CHECK(YamlText("line\xE2\x80\xA8separator") == "\"line\\u2028separator\"");

  // Whatever the text, it comes back unchanged as a name, a note and an id
  // of a removed line.
  const std::vector<std::string> texts = {"a: b",
                                          "#hash",
                                          "&anchor",
                                          "*alias",
                                          "!tag",
                                          "|block",
                                          ">folded",
                                          "'single'",
                                          "%percent",
                                          "@at",
                                          "`tick`",
                                          "{braces}",
                                          "[list]",
                                          "key: [1, 2]",
                                          "trailing ",
                                          "  ",
                                          "~",
                                          "null",
                                          "true",
                                          "1e3",
                                          "0x1F",
                                          "tab\there",
                                          "two\nlines",
                                          "é à ü",
                                          "ok #1",
                                          "a\\b",
                                          "\xEF\xBB\xBF"
                                          "bom"};
  for (const std::string& text : texts) {
    INFO(text);
    Scenario s;
    s.id = "s";
    s.name = text;
    s.note = text;
    s.changes.push_back(Change{RemoveChange{text}, {}});
    Scenario back = RoundTrip(s);
    CHECK(back.name == text);
    CHECK(back.note == text);
    CHECK(std::get<RemoveChange>(back.changes[0].what).line == text);
  }
  // Control characters other than tab and line feed are written escaped,
  // and the loader refuses them in text (docs/format.md).
  for (const char* text : {"x\r\ny", "\x7f\x1b", "\xC2\x85nel"}) {
    INFO(text);
    Scenario s;
    s.id = "s";
    s.name = text;
    Diagnostics diags;
    CHECK_FALSE(LoadScenario(WriteScenarioYaml(s), "written.yaml", diags));
    REQUIRE(diags.size() == 1);
    CHECK_THAT(diags[0].message, Catch::StartsWith("name: control character U+00"));
  }
}

TEST_CASE("a scenario without changes writes an empty list", "[write]") {
  Scenario s;
  s.id = "empty";
  CHECK(WriteScenarioYaml(s) == "format: allot/1\nscenario: empty\nchanges: []\n");
  CHECK(Same(RoundTrip(s), s));
}

TEST_CASE("effect parameters come back as the same double", "[write]") {
  for (double v : {0.1, 1.0 / 3.0, 5e-324, 1e-20, 999999.99999999988, -0.0, -1e6, 1e6}) {
    INFO(v);
    Scenario s;
    s.id = "s";
    Line line;
    line.id = "l";
    line.name = "L";
    Effect effect;
    effect.objective = "a";
    effect.curve.kind = CurveKind::kLinear;
    effect.curve.points = Param::Exact(v);
    effect.curve.per = Money::FromCents(1);
    line.effects.push_back(effect);
    s.changes.push_back(Change{AddChange{line}, {}});
    Scenario back = RoundTrip(s);
    double read = std::get<AddChange>(back.changes[0].what).line.effects[0].curve.points.likely;
    CHECK(read == v);
    CHECK(std::signbit(read) == std::signbit(v));
  }
}
