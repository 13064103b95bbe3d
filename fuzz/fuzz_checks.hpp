// Invariants every fuzz target checks beyond "no crash" (internal to fuzz/).
#pragma once

#include <cmath>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "allot/compare.hpp"
#include "allot/diagnostic.hpp"
#include "allot/load.hpp"
#include "allot/render.hpp"
#include "allot/resolve.hpp"
#include "allot/write_scenario.hpp"

namespace allot::fuzz {

// Thrown when a check fails. Under libFuzzer nothing catches it, so the run
// stops as on a crash and the input is kept; the replay test reports it.
struct InvariantBroken : std::logic_error {
  using std::logic_error::logic_error;
};

[[noreturn]] inline void Fail(const std::string& what) {
  throw InvariantBroken("fuzz invariant broken: " + what);
}

// A load either succeeds with no diagnostics or fails with at least one,
// and every diagnostic has a message.
inline void CheckDiagnostics(const Diagnostics& diags, bool loaded) {
  if (loaded && !diags.empty()) Fail("loaded with diagnostics");
  if (!loaded && diags.empty()) Fail("failed without a diagnostic");
  for (const Diagnostic& d : diags) {
    if (d.message.empty()) Fail("empty diagnostic");
  }
}

// A loaded scenario written back as YAML (allot serve saves drafts so)
// loads again, and writing that gives the same text.
inline void CheckWriteRoundTrip(const Scenario& scenario) {
  std::string text = WriteScenarioYaml(scenario);
  // YAML aliases in the input are written out in full: a small file of
  // aliases can make a file over the size limit, which then rightly does
  // not load.
  if (text.size() > static_cast<size_t>(LoadLimits{}.max_file_bytes)) return;
  Diagnostics diags;
  std::optional<Scenario> back = LoadScenario(text, "written.yaml", diags);
  if (!back) Fail("a written scenario does not load:\n" + text);
  if (WriteScenarioYaml(*back) != text) Fail("a written scenario reads back differently:\n" + text);
}

// No NaN or infinity in any number compare hands to the renderers.
inline void CheckFinite(const CompareResult& result) {
  for (const ScenarioResult& s : result.scenarios) {
    for (const std::vector<double>* v : {&s.objectives, &s.weighted, &s.delta_weighted}) {
      for (double x : *v) {
        if (!std::isfinite(x)) Fail("non-finite score in scenario " + s.id);
      }
    }
  }
  for (const WeightSet& set : result.weight_sets) {
    for (double w : set.weights) {
      if (!std::isfinite(w)) Fail("non-finite weight in set " + set.name);
    }
  }
}

// Resolves `scenarios` against `model`, compares them and renders every
// format; checks that output has no "nan"/"inf" and resolution errors are
// reported, never silent.
inline void CompareAndRender(const Model& model, const std::vector<Scenario>& scenarios) {
  Diagnostics diags;
  std::vector<ResolvedScenario> resolved = ResolveScenarios(model, scenarios, diags);
  if (resolved.size() != scenarios.size() + 1 && diags.empty()) Fail("scenario dropped silently");
  if (!diags.empty()) return;
  std::optional<CompareResult> result = Compare(model, resolved, CompareOptions{}, diags);
  if (!result) {
    if (diags.empty()) Fail("compare failed without a diagnostic");
    return;
  }
  CheckFinite(*result);
  for (OutputFormat format :
       {OutputFormat::kTable, OutputFormat::kCsv, OutputFormat::kJson, OutputFormat::kMarkdown}) {
    std::ostringstream out;
    RenderCompare(*result, format, Lang::kEn, out);
  }
}

}  // namespace allot::fuzz
