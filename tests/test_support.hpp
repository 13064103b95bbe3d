// Helpers shared by the tests.
#pragma once

#include <string>
#include <vector>

#include "allot/cli.hpp"
#include "allot/diagnostic.hpp"

namespace allot::testing {

// All diagnostics rendered with FormatDiagnostic and concatenated.
std::string Render(const Diagnostics& diags);

// The contents of a file under tests/data/ (path relative to it).
std::string ReadTestData(const std::string& relative_path);

// The absolute path of a file in the source tree.
std::string SourcePath(const std::string& relative_path);

// How often `part` occurs in `text`, overlapping occurrences included.
size_t Count(const std::string& text, const std::string& part);

// Whether `part` occurs in `text`.
bool Has(const std::string& text, const std::string& part);

// What `allot ARGS...` returned and printed, run in-process through RunCli.
struct CliRun {
  int code = 0;
  std::string out;
  std::string err;
};
CliRun RunAllot(const std::vector<std::string>& args, const CliContext& context = {});

}  // namespace allot::testing

#include <vector>

#include "allot/model.hpp"
#include "allot/resolve.hpp"
#include "allot/scenario.hpp"

namespace allot::testing {

// A small model: years 2024-2026, objectives a and b, weight sets `even`
// and `a_only`, motion m1 funded by line x; line x (100/200/300 EUR) scores
// 1 point on a per EUR 100; line y (empty) saturates on b (max 50, half 100).
extern const char* const kSmallModel;

// A model with a step: year 2024, one objective a, weight sets w and v; line
// lin (EUR 400) scores 1 point per EUR 100, line lev (empty) has one level
// (EUR 500) and 4 points per EUR 100. The best score for a budget B is B/100
// below EUR 500 and 20 + (B - 500)/100 from EUR 500 on.
extern const char* const kStepModel;

// A model whose figures are all sourced except line x's amounts (assumed):
// year 2024, objectives a and b, weight set w = {b: 1}; x (EUR 100) alone
// scores on a, y (EUR 100) alone on b, 1 point per EUR 100.
extern const char* const kMarksModel;

// Loads a model / scenario that must be valid; fails the test otherwise.
Model ModelFrom(const std::string& yaml);
Scenario ScenarioFrom(const std::string& yaml, const std::string& name = "s.yaml");

// Resolves `scenarios` against `model`; the test fails on any diagnostic.
std::vector<ResolvedScenario> ResolveOk(const Model& model, const std::vector<Scenario>& scenarios);

// The shipped model (model/samen-tegen-mensenhandel.yaml) and the shipped
// scenarios (scenarios/*.yaml, sorted by file name, as `allot compare`
// reads the directory).
Model ShippedModel();
std::vector<Scenario> ShippedScenarios();

// The amounts of line `id` in a resolved scenario, in cents per year.
std::vector<int64_t> CentsOf(const ResolvedScenario& r, const std::string& id);

}  // namespace allot::testing

namespace allot::testing {

// A fresh directory under $TMPDIR, removed with everything in it at the end
// of the scope.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  // Writes `contents` to path()/name and returns the full path.
  std::string Write(const std::string& name, const std::string& contents) const;
  // The contents of path()/name, or "<missing>" when there is no such file.
  std::string Read(const std::string& name) const;

 private:
  std::string path_;
};

}  // namespace allot::testing
