// Inputs written to mislead or exhaust allot (issue 13): aliases to large
// text, tags, unclosed quotes, octal-looking amounts, control characters, and
// errors inside aliased values. Each message is checked in full.
#include <yaml-cpp/yaml.h>

#include <catch2/catch.hpp>
#include <string>

#include "allot/diagnostic.hpp"
#include "allot/load.hpp"
#include "test_support.hpp"

namespace {

using allot::testing::Render;

// Eight lines: text appended to it starts on line 9.
const std::string kModelHead = R"(format: allot/1
title: Test model
years: [2024]
objectives:
  - {id: a, name: A}
weights:
  even: {a: 1}
lines:
)";

std::string ModelErrors(const std::string& text, const allot::LoadLimits& limits = {}) {
  allot::Diagnostics diags;
  CHECK_FALSE(allot::LoadModel(text, "m.yaml", diags, limits).has_value());
  return Render(diags);
}

std::string ScenarioErrors(const std::string& text) {
  allot::Diagnostics diags;
  CHECK_FALSE(allot::LoadScenario(text, "s.yaml", diags).has_value());
  return Render(diags);
}

// A model whose `lines` lines all take their name from one anchored string
// of `bytes` bytes.
std::string ModelWithAliasedName(size_t bytes, int lines) {
  std::string text = "format: allot/1\ntitle: &t " + std::string(bytes, 'x') +
                     "\nyears: [2024]\nobjectives: [{id: a, name: A}]\n"
                     "weights: {even: {a: 1}}\nlines:\n";
  for (int i = 0; i < lines; ++i) {
    text += "  - {id: l" + std::to_string(i) + ", name: *t, budget: {2024: 1}}\n";
  }
  return text;
}

}  // namespace

TEST_CASE("an alias counts as every byte of text it stands for", "[load][robust]") {
  // A 1 MiB title named by 40 lines: 41 MiB of text from a 1 MiB file.
  std::string text = ModelWithAliasedName(1 << 20, 40);
  allot::Diagnostics diags;
  CHECK_FALSE(allot::LoadModel(text, "m.yaml", diags).has_value());
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].where.line == 37);  // the alias that crossed 32 MiB
  CHECK(diags[0].message ==
        "document too large: more than 33554432 bytes of text with aliases expanded (raise with "
        "--max-expanded-size)");
  // Under the budget, and with it raised, the same kind of file loads.
  allot::LoadLimits raised;
  raised.max_expanded_bytes = 64 << 20;
  diags.clear();
  CHECK(allot::LoadModel(text, "m.yaml", diags, raised).has_value());
  CHECK(allot::LoadModel(ModelWithAliasedName(1 << 20, 20), "m.yaml", diags).has_value());
  CHECK(diags.empty());
}

TEST_CASE("tags other than the YAML core schema's are refused where they are", "[load][robust]") {
  CHECK(
      ModelErrors(kModelHead + R"~(  - id: x
    name: !!python/object:os.system X
    budget: {2024: !custom 5}
)~") ==
      R"~(m.yaml:10:11: error: lines[0].name: unknown tag '!!python/object:os.system': allot files hold plain values (text, numbers, lists, mappings); remove the tag
      name: !!python/object:os.system X
            ^
m.yaml:11:20: error: lines[0].budget.2024: unknown tag '!custom': allot files hold plain values (text, numbers, lists, mappings); remove the tag
      budget: {2024: !custom 5}
                     ^
)~");
  // The core schema's own tags keep their meaning: !!str makes a string.
  CHECK(ModelErrors(kModelHead + "  - {id: x, name: X, budget: {2024: !!str 5}}\n") ==
        R"~(m.yaml:9:37: error: lines[0].budget.2024: expected a number, got a string: "5"
    - {id: x, name: X, budget: {2024: !!str 5}}
                                      ^
)~");
}

TEST_CASE("an unclosed quote that swallows the keys after it is reported at the quote",
          "[load][robust]") {
  // The name's quote is closed only by the quote at the end of the file:
  // the file parses, the changes become part of the name, and the scenario
  // would be the model itself.
  const std::string swallowed = R"~(format: allot/1
scenario: alt
name: "CKM tegenvoorstel
changes:
  - move: {amount: 400000, from: a, to: b}
source: CKM"
)~";
  CHECK(
      ScenarioErrors(swallowed) ==
      R"~(s.yaml:3:7: error: this quoted text does not end on its line and takes in 'changes:' (line 4), which looks like a key: is the closing " missing? (text that spans lines can be written as a block scalar: 'note: >' and the text indented on the lines below)
  name: "CKM tegenvoorstel
        ^
)~");
  // To YAML it is a scenario without changes.
  YAML::Node parsed = YAML::Load(swallowed);
  CHECK_FALSE(parsed["changes"]);
  CHECK(parsed["name"].Scalar().substr(0, 27) == "CKM tegenvoorstel changes: ");
  // Text that spans lines without looking like structure is still fine,
  // and so is a block scalar that does.
  allot::Diagnostics diags;
  CHECK(allot::LoadScenario("format: allot/1\nscenario: alt\nname: \"two\n  lines\"\n"
                            "note: >\n  changes: none\n",
                            "s.yaml", diags)
            .has_value());
  CHECK(diags.empty());
}

TEST_CASE("an unclosed single quote is caught the same way", "[load][robust]") {
  std::string errors =
      ScenarioErrors("format: allot/1\nscenario: alt\nname: 'it''s\nbase: x\nnote: 'y'\n");
  CHECK_THAT(errors, Catch::StartsWith("s.yaml:3:7: error: this quoted text does not end on its "
                                       "line and takes in 'base:' (line 4), which looks like a "
                                       "key: is the closing ' missing?"));
}

TEST_CASE("amounts and numbers with a leading zero are refused: YAML 1.1 reads them as octal",
          "[load][robust]") {
  CHECK(
      ModelErrors(kModelHead + "  - {id: x, name: X, budget: {2024: 00650000}}\n") ==
      R"~(m.yaml:9:37: error: lines[0].budget.2024: amount has a leading zero, which YAML 1.1 tools read as an octal number: 00650000
    - {id: x, name: X, budget: {2024: 00650000}}
                                      ^
)~");
  CHECK_THAT(ModelErrors(kModelHead + "  - {id: x, name: X, budget: {2024: 1}, effects: {a: "
                                      "{curve: linear, points: 010, per: 1}}}\n"),
             Catch::Contains("error: lines[0].effects.a.points: number has a leading zero, which "
                             "YAML 1.1 tools read as an octal number: 010\n"));
  // Zero itself, and zero before a decimal point, are fine.
  allot::Diagnostics diags;
  CHECK(allot::LoadModel(kModelHead + "  - {id: x, name: X, budget: {2024: 0}, effects: {a: "
                                      "{curve: linear, points: 0.5, per: 0.50}}}\n",
                         "m.yaml", diags)
            .has_value());
  CHECK(diags.empty());
}

TEST_CASE("control characters in text are refused, tabs and line breaks are not",
          "[load][robust]") {
  CHECK(
      ModelErrors(kModelHead + "  - {id: x, name: \"a\\0b\", budget: {2024: 1}}\n") ==
      R"~(m.yaml:9:19: error: lines[0].name: control character U+0000 in text: only printable characters, tabs and line breaks are allowed
    - {id: x, name: "a\0b", budget: {2024: 1}}
                    ^
)~");
  CHECK_THAT(ModelErrors(kModelHead + "  - {id: x, name: \"\\e[31mred\", budget: {2024: 1}}\n"),
             Catch::Contains("lines[0].name: control character U+001B in text"));
  CHECK_THAT(ModelErrors(kModelHead + "  - {id: x, name: \"\\x9b2J\", budget: {2024: 1}}\n"),
             Catch::Contains("lines[0].name: control character U+009B in text"));
  allot::Diagnostics diags;
  CHECK(allot::LoadModel(kModelHead + "  - {id: x, name: \"a\\tb\\nc\", budget: {2024: 1}}\n",
                         "m.yaml", diags)
            .has_value());
  CHECK(diags.empty());
}

TEST_CASE("an error in an aliased value is shown at the anchor and names the alias",
          "[load][robust]") {
  CHECK(ModelErrors(kModelHead + R"~(  - id: x
    name: X
    budget: &b {2024: 5x}
  - id: y
    name: Y
    budget: *b
)~") ==
        R"~(m.yaml:11:23: error: lines[0].budget.2024: expected a number, got '5x'
      budget: &b {2024: 5x}
                        ^
m.yaml:11:23: error: lines[1].budget.2024: expected a number, got '5x' (through the alias at line 14, column 13)
      budget: &b {2024: 5x}
                        ^
)~");
  // An error at the alias's own key is not in the anchored text.
  CHECK(
      ModelErrors(kModelHead + "  - &l {id: x, name: X, budget: {2024: 1}}\n  - *l\n") ==
      R"~(m.yaml:9:13: error: lines[1].id: duplicate line id 'x' (first defined at line 9) (through the alias at line 10, column 5)
    - &l {id: x, name: X, budget: {2024: 1}}
              ^
)~");
}

TEST_CASE("diagnostics show control characters escaped", "[diagnostic][robust]") {
  auto source = std::make_shared<const allot::SourceText>(
      allot::SourceText{"f\x1b[2J.yaml", "a: \x1b[31mx\tb\n"});
  allot::Diagnostic d{allot::SourceLocation{source, 1, 11}, "unknown key '\x1b[31m\x07'"};
  CHECK(allot::FormatDiagnostic(d) ==
        "f\\x1b[2J.yaml:1:11: error: unknown key '\\x1b[31m\\x07'\n"
        "  a: \\x1b[31mx\tb\n"
        "              \t^\n");
  CHECK(allot::EscapeControl("caf\xC3\xA9 \xC2\x9B \x7F \xFF\r\n") ==
        "caf\xC3\xA9 \\u009b \\x7f \\xff\\r\\n");
  CHECK(allot::EscapeControl("a\tb\nc", true) == "a\tb\nc");
}

TEST_CASE("a table curve has at most max_table_points points", "[load][robust][limits]") {
  auto model = [](int points) {
    std::string table;
    for (int i = 1; i <= points; ++i) {
      table += (i > 1 ? ", [" : "[") + std::to_string(i) + ", " + std::to_string(i % 7) + "]";
    }
    return kModelHead + "  - {id: x, name: X, budget: {2024: 1}, effects: {a: {curve: table, " +
           "points: [" + table + "]}}}\n";
  };
  allot::Diagnostics diags;
  CHECK(allot::LoadModel(model(1000), "m.yaml", diags).has_value());
  CHECK(diags.empty());
  CHECK(ModelErrors(model(1001)) ==
        "m.yaml:9:77: error: lines[0].effects.a.points: too many table points: 1001 (limit "
        "1000)\n");
  allot::LoadLimits raised;
  raised.max_table_points = 1001;
  CHECK(allot::LoadModel(model(1001), "m.yaml", diags, raised).has_value());
}

TEST_CASE("command-line errors show control characters escaped", "[cli][robust]") {
  allot::testing::CliRun run = allot::testing::RunAllot({"\x1b]0;owned\x07"});
  CHECK(run.code == 2);
  CHECK(run.err == "allot: error: unknown command '\\x1b]0;owned\\x07'\nTry 'allot --help'.\n");
  run = allot::testing::RunAllot({"check", "no\x1b[2Jsuch.yaml"});
  CHECK(run.code == 2);
  CHECK(run.err.find('\x1b') == std::string::npos);
  CHECK_THAT(run.err, Catch::Contains("no\\x1b[2Jsuch.yaml"));
}
