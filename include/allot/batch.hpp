// Batch runs: a RUNS.yaml file lists analyses over models x scenario sets x
// weight specs x seeds; each combination is one run, and every run's
// numbers become rows of one tidy long table (docs/analyses.md, "Batch").
//
//   format: allot/1
//   batch:
//     - analysis: sensitivity          # compare | stability | what-it-takes |
//                                      # tornado | explain | sensitivity
//       models: [model/]               # optional; default: the shipped model
//       scenarios: [scenarios/, [scenarios/herverdeling-ckm.yaml]]
//                                      # optional; scenario sets, each a path
//                                      # or a list of paths
//       weights: [uniform, ckm:50]     # optional; see below
//       seeds: [1, 2]                  # sensitivity and explain only
//       samples: 20000                 # sensitivity only (default 10000)
//       effects: uncertain             # sensitivity only (default fixed)
//       a: model                       # what-it-takes, tornado, explain
//       b: herverdeling-ckm
//
// Loading the model and scenario files is the caller's job (paths are
// relative to the batch file); this header parses the batch file, expands
// it into runs and runs one analysis on loaded inputs.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "allot/diagnostic.hpp"
#include "allot/load.hpp"
#include "allot/model.hpp"
#include "allot/resolve.hpp"

namespace allot {

// The analysis an entry of a batch file runs (its `analysis:` key).
enum class BatchAnalysis { kCompare, kStability, kWhatItTakes, kTornado, kExplain, kSensitivity };

// "compare", "stability", "what-it-takes", "tornado", "explain", "sensitivity".
const char* BatchAnalysisName(BatchAnalysis analysis);

// One entry of a batch file: an analysis and the lists it is run over, as
// written (paths relative to the batch file are resolved by the caller).
// Every combination of models, scenario sets, weights and seeds is a run.
struct BatchEntry {
  BatchAnalysis analysis = BatchAnalysis::kCompare;
  std::vector<std::string> models;                      // paths; empty = the shipped model
  std::vector<std::vector<std::string>> scenario_sets;  // empty = one set: the default
  // Weight sets (compare, stability, explain: empty = all in one run;
  // what-it-takes, tornado: required) or sensitivity weight specs
  // ("uniform", "SET", "SET:KAPPA", "SET:order"; empty = uniform).
  std::vector<std::string> weights;
  std::vector<uint64_t> seeds{1};
  uint64_t samples = 10000;  // sensitivity
  bool uncertain = false;    // sensitivity: effects uncertain
  std::string a, b;          // what-it-takes, tornado, explain
  SourceLocation where;      // the entry's list item
  SourceLocation a_where, b_where, weights_where;
};

// A batch file: its entries in file order.
struct BatchSpec {
  std::vector<BatchEntry> entries;
};

// One run: an entry with one model, one scenario set, one weight spec and
// one seed. Empty strings mean the defaults.
struct BatchRun {
  size_t entry = 0;
  std::string model;                   // "" = shipped
  std::vector<std::string> scenarios;  // paths
  std::string weights;                 // "" = all sets (or uniform)
  uint64_t seed = 1;
};

// One number of one run.
struct BatchRow {
  size_t run = 0;          // index into the expanded runs
  std::string weight_set;  // the set (or sensitivity spec) the number is for
  std::string item;        // scenario, objective, line or factor; "" for the run as a whole
  std::string metric;      // e.g. "score", "rank", "top_high", "swing", "attribution"
  double value = 0;
};

// Parses and validates a batch file; every error is a diagnostic at its
// FILE:LINE:COL. Returns nullopt on any error.
std::optional<BatchSpec> LoadBatch(const std::string& text, const std::string& source_name,
                                   Diagnostics& diags, const LoadLimits& limits = {});

// Calls `visit(run, index)` for every run of every entry: models x scenario
// sets x weights x seeds, in that nesting order (seeds innermost), index
// counting from 0. One run at a time: a batch's runs are never all held in
// memory (their number is bounded by LoadLimits::max_batch_runs).
void ForEachBatchRun(const BatchSpec& spec,
                     const std::function<void(const BatchRun& run, size_t index)>& visit);

// How many runs ForEachBatchRun visits.
uint64_t CountBatchRuns(const BatchSpec& spec);

// Checks, without running anything, what RunBatchAnalysis would refuse:
// unknown scenario ids a / b, unknown weight sets, bad sensitivity weight
// specs. Diagnostics at the entry's position; false on any.
bool CheckBatchRun(const BatchEntry& entry, const BatchRun& run, const Model& model,
                   const std::vector<ResolvedScenario>& scenarios, Diagnostics& diags);

// Runs `run` (of `entry`) on loaded, resolved inputs, appending its rows.
// Unknown scenario ids or weight sets are diagnostics at the entry's
// position; returns false then.
bool RunBatchAnalysis(const BatchEntry& entry, const BatchRun& run, size_t run_index,
                      const Model& model, const std::vector<ResolvedScenario>& scenarios,
                      std::vector<BatchRow>& rows, Diagnostics& diags);

}  // namespace allot
