// Formula injection (issue 13, item 7): every CSV allot writes goes through
// one guard (render/layout.hpp WriteCsv, render/spreadsheet_text.hpp). This
// test runs every command that writes CSV on inputs whose ids, names and
// file paths start the way a spreadsheet formula does, and checks every
// cell of every output.
#include <catch2/catch.hpp>
#include <regex>
#include <string>
#include <vector>

#include "allot/cli.hpp"
#include "test_support.hpp"

namespace {

using Args = std::vector<std::string>;

// Ids may start with '-' (a spreadsheet reads "-A1-B1" as a formula);
// names and titles may hold anything.
const char* const kHostileModel = R"yaml(format: allot/1
title: "=cmd|' /C calc'!A0"
years: [2024]
objectives:
  - {id: -A1-B1, name: "=1+1"}
  - {id: b, name: "@SUM(1+1)"}
weights:
  -w: {-A1-B1: 1, b: 1}
  -v: {-A1-B1: 2, b: 1}
lines:
  - id: -x
    name: "=HYPERLINK(\"http://e\")"
    budget: {2024: 100}
    effects:
      -A1-B1: {curve: linear, points: 1, per: 100}
  - id: -y
    name: "+31 6"
    budget: {2024: 50}
    effects:
      b: {curve: saturating, max: 50, half: 100}
)yaml";

const char* const kHostileScenario = R"yaml(format: allot/1
scenario: -s
name: "=HYPERLINK(\"x\")"
changes:
  - move: {from: -x, to: -y, amount: 50}
)yaml";

// The batch file names its inputs by paths that start with '=' and '@'.
const char* const kHostileBatch = R"yaml(format: allot/1
batch:
  - analysis: compare
    models: ["@model.yaml"]
    scenarios: [["=HYPERLINK(1).yaml"]]
  - analysis: sensitivity
    models: ["@model.yaml"]
    scenarios: [["=HYPERLINK(1).yaml"]]
    weights: [-w]
    samples: 100
)yaml";

// RFC 4180 fields of a CSV text (quotes undone).
std::vector<std::string> Fields(const std::string& csv) {
  std::vector<std::string> fields;
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < csv.size(); ++i) {
    char c = csv[i];
    if (quoted) {
      if (c == '"' && i + 1 < csv.size() && csv[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',' || c == '\n') {
      fields.push_back(field);
      field.clear();
    } else if (c != '\r') {
      field += c;
    }
  }
  if (!field.empty()) fields.push_back(field);
  return fields;
}

// A field a spreadsheet would run as a formula: it starts with = + - @ tab
// or CR and is not a plain number ("-0.25" is a number, "-A1-B1" is not).
bool RunsAsFormula(const std::string& field) {
  static const std::regex number(R"([-+]?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?)");
  if (field.empty() || std::string("=+-@\t\r").find(field[0]) == std::string::npos) return false;
  return !std::regex_match(field, number);
}

}  // namespace

TEST_CASE("no CSV cell of any command runs as a spreadsheet formula", "[csv][robustness]") {
  allot::testing::TempDir dir;
  std::string model = dir.Write("@model.yaml", kHostileModel);
  std::string scenario = dir.Write("=HYPERLINK(1).yaml", kHostileScenario);
  std::string batch = dir.Write("runs.yaml", kHostileBatch);
  // Options before "--": ids that start with '-' follow it as positionals.
  const std::vector<Args> commands = {
      {"compare", "--format", "csv", "--", model, scenario},
      {"stability", "--format", "csv", "--", model, scenario},
      {"what-it-takes", "--format", "csv", "--weights=-w", "--", "model", "-s", model, scenario},
      {"tornado", "--format", "csv", "--weights=-w", "--", "model", "-s", model, scenario},
      {"explain", "--format", "csv", "--", "model", "-s", model, scenario},
      {"sensitivity", "--format", "csv", "--samples", "200", "--", model, scenario},
      {"optimise", "--format", "csv", "--weights=-w", "--", model, scenario},
      {"frontier", "--format", "csv", "--weights=-w", "--points", "3", "--", model, scenario},
      {"batch", "--format", "csv", batch},
  };
  for (const Args& args : commands) {
    INFO("allot " << args[0]);
    allot::testing::CliRun run = allot::testing::RunAllot(args);
    INFO("stderr: " << run.err);
    REQUIRE(run.code == 0);
    size_t guarded = 0;
    for (const std::string& field : Fields(run.out)) {
      INFO("cell: " << field);
      CHECK_FALSE(RunsAsFormula(field));
      if (field.rfind("'", 0) == 0) ++guarded;
    }
    CHECK(guarded > 0);  // the hostile text reached the output, with its quote mark
  }
}
