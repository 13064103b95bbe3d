#include "test_support.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace allot::testing {

std::string Render(const Diagnostics& diags) {
  std::string all;
  for (const Diagnostic& d : diags) all += FormatDiagnostic(d);
  return all;
}

std::string ReadTestData(const std::string& relative_path) {
  std::ifstream in(std::string(ALLOT_TEST_DATA_DIR) + "/" + relative_path, std::ios::binary);
  if (!in) throw std::runtime_error("missing test data: " + relative_path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string SourcePath(const std::string& relative_path) {
  return std::string(ALLOT_SOURCE_DIR) + "/" + relative_path;
}

CliRun RunAllot(const std::vector<std::string>& args, const CliContext& context) {
  std::ostringstream out, err;
  int code = RunCli(args, out, err, context);
  return CliRun{code, out.str(), err.str()};
}

}  // namespace allot::testing

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>

#include "allot/load.hpp"

namespace allot::testing {

const char* const kSmallModel = R"(format: allot/1
title: Small
years: [2024, 2025, 2026]
objectives:
  - {id: a, name: Objective A}
  - {id: b, name: Objective B}
weights:
  even: {a: 1, b: 1}
  a_only: {a: 1}
motions:
  - {id: m1, ref: Kamerstuk 1, date: 2023-10-03, asks: fund x}
lines:
  - id: x
    name: Line X
    budget: {2024: 100, 2025: 200, 2026: 300}
    motions: [m1]
    effects:
      a: {curve: linear, points: 1, per: 100}
  - id: y
    name: Line Y
    budget: {2024: 0, 2025: 0, 2026: 0}
    effects:
      b: {curve: saturating, max: 50, half: 100}
)";

const char* const kMarksModel = R"(format: allot/1
title: T
years: [2024]
objectives: [{id: a, name: A}, {id: b, name: B}]
weights: {w: {b: 1}}
provenance:
  year_totals: {level: sourced, ref: K}
  amounts: {level: sourced, ref: K}
  effects: {level: sourced, ref: K}
  weights: {level: sourced, ref: K}
lines:
  - {id: x, name: X, budget: {2024: 100}, amounts: assumed,
     effects: {a: {curve: linear, points: 1, per: 100}}}
  - {id: y, name: Y, budget: {2024: 100},
     effects: {b: {curve: linear, points: 1, per: 100}}}
)";

const char* const kStepModel = R"(format: allot/1
title: t
years: [2024]
objectives: [{id: a, name: A}]
weights: {w: {a: 1}, v: {a: 2}}
lines:
  - {id: lin, name: Lin, budget: {2024: 400}, effects: {a: {curve: linear, points: 1, per: 100}}}
  - id: lev
    name: Lev
    budget: {2024: 0}
    levels: [{name: only, budget: {2024: 500}}]
    effects: {a: {curve: linear, points: 4, per: 100}}
)";

Model ModelFrom(const std::string& yaml) {
  Diagnostics diags;
  std::optional<Model> model = LoadModel(yaml, "model.yaml", diags);
  INFO(Render(diags));
  REQUIRE(diags.empty());
  REQUIRE(model);
  return *model;
}

Scenario ScenarioFrom(const std::string& yaml, const std::string& name) {
  Diagnostics diags;
  std::optional<Scenario> scenario = LoadScenario(yaml, name, diags);
  INFO(Render(diags));
  REQUIRE(diags.empty());
  REQUIRE(scenario);
  return *scenario;
}

std::vector<ResolvedScenario> ResolveOk(const Model& model,
                                        const std::vector<Scenario>& scenarios) {
  Diagnostics diags;
  std::vector<ResolvedScenario> resolved = ResolveScenarios(model, scenarios, diags);
  INFO(Render(diags));
  REQUIRE(diags.empty());
  return resolved;
}

Model ShippedModel() {
  Diagnostics diags;
  std::optional<LoadedFile> loaded =
      LoadFile(SourcePath("model/samen-tegen-mensenhandel.yaml"), diags);
  INFO(Render(diags));
  REQUIRE(loaded);
  return std::get<Model>(loaded->content);
}

std::vector<Scenario> ShippedScenarios() {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(SourcePath("scenarios"))) {
    files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  std::vector<Scenario> scenarios;
  for (const std::string& file : files) {
    Diagnostics diags;
    std::optional<LoadedFile> loaded = LoadFile(file, diags);
    INFO(Render(diags));
    REQUIRE(loaded);
    scenarios.push_back(std::get<Scenario>(loaded->content));
  }
  return scenarios;
}

std::vector<int64_t> CentsOf(const ResolvedScenario& r, const std::string& id) {
  for (const ResolvedLine& line : r.lines) {
    if (line.def->id != id) continue;
    std::vector<int64_t> cents;
    for (Money m : line.by_year) cents.push_back(m.cents());
    return cents;
  }
  FAIL("no line " << id << " in scenario " << r.id);
  return {};
}

}  // namespace allot::testing

#include <cstdlib>
#include <filesystem>

namespace allot::testing {

TempDir::TempDir() {
  const char* base = std::getenv("TMPDIR");
  std::string pattern = std::string(base ? base : "/tmp") + "/allot-test-XXXXXX";
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::string TempDir::Write(const std::string& name, const std::string& contents) const {
  std::string full = path_ + "/" + name;
  std::filesystem::create_directories(std::filesystem::path(full).parent_path());
  std::ofstream out(full, std::ios::binary);
  out << contents;
  return full;
}

std::string TempDir::Read(const std::string& name) const {
  std::ifstream in(path_ + "/" + name, std::ios::binary);
  if (!in) return "<missing>";
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

size_t Count(const std::string& text, const std::string& part) {
  size_t n = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace allot::testing
