// Loading allot/1 files: text in, value types plus diagnostics out.
//
// Loaders take the file's text and the name to report it under; the file
// variants read the file and call them. A loader reports every error it
// finds in a file, with FILE:LINE:COL, and never throws.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "allot/diagnostic.hpp"
#include "allot/model.hpp"
#include "allot/scenario.hpp"

namespace allot {

// Bounds on what a loader accepts; each has a command-line flag. A file over
// a bound is rejected with a clear error instead of exhausting memory or
// time.
struct LoadLimits {
  int64_t max_file_bytes = int64_t{16} * 1024 * 1024;  // --max-file-size
  int max_depth = 64;                                  // YAML nesting depth
  int64_t max_nodes = 20'000'000;  // YAML nodes visited, aliases counted each time
  // Bytes of scalar text (keys and values) in a file, every alias counted
  // as all the text it stands for: an alias to a megabyte string is a
  // megabyte at each use, in memory and in every report that prints it.
  // A file without aliases holds less text than its own size, so with the
  // default --max-file-size only aliases can reach it.
  int64_t max_expanded_bytes = int64_t{32} * 1024 * 1024;  // --max-expanded-size
  int max_lines = 100'000;                                 // action lines in a model
  int max_years = 200;                                     // years in a model
  int max_changes = 1'000'000;                             // changes in one scenario
  // Points of one `table` curve: each is a piece of the optimiser's model,
  // so a 400,000-point table would keep `optimise` busy for minutes.
  int max_table_points = 1'000;  // --max-table-points
  // Errors reported per file before the loader stops reading it: a file of
  // 100,000 bad lines gets 100 errors and "too many errors", not 100,000
  // lines of output (nor 100,000 "did you mean" searches).
  int max_errors = 100;  // --max-errors
  // Scenario files in one run (checked by the command line, which gathers
  // the files): memory and time grow with scenarios x lines x years.
  int max_scenarios = 10'000;  // --max-scenarios
  // Samples of one sensitivity run in a batch file (`samples:`), so that a
  // RUNS.yaml from someone else cannot ask for a run of years. Only
  // `allot batch` reads it (its --max-samples).
  uint64_t max_batch_samples = 10'000'000;
  // Runs of a batch file, all entries together (each entry runs models x
  // scenario sets x weights x seeds), counted before any is made: a small
  // RUNS.yaml of 1,000 weights x 200,000 seeds asks for 200 million runs.
  // Only `allot batch` reads it (its --max-runs).
  uint64_t max_batch_runs = 100'000;
};

// What one file turned out to be.
enum class FileKind { kModel, kScenario };

// A loaded file of either kind.
struct LoadedFile {
  std::variant<Model, Scenario> content;
  FileKind kind() const { return content.index() == 0 ? FileKind::kModel : FileKind::kScenario; }
};

// Parses a model file. On any error, appends diagnostics and returns nullopt.
// The loaders throw nothing but std::bad_alloc, when memory runs out.
std::optional<Model> LoadModel(const std::string& text, const std::string& source_name,
                               Diagnostics& diags, const LoadLimits& limits = {});

// Parses a scenario file. Checks everything that needs no model (syntax,
// keys, amounts, scales); line ids and years are checked by ResolveScenarios.
std::optional<Scenario> LoadScenario(const std::string& text, const std::string& source_name,
                                     Diagnostics& diags, const LoadLimits& limits = {});

// Parses either kind: a file with a top-level `scenario:` key is a scenario,
// any other a model.
std::optional<LoadedFile> LoadAny(const std::string& text, const std::string& source_name,
                                  Diagnostics& diags, const LoadLimits& limits = {});

// Reads a whole file into `text`, refusing files over limits.max_file_bytes.
// Returns false and appends a diagnostic (naming `path`) when it cannot.
bool ReadFileText(const std::string& path, std::string& text, Diagnostics& diags,
                  const LoadLimits& limits = {});

// ReadFileText + LoadAny.
std::optional<LoadedFile> LoadFile(const std::string& path, Diagnostics& diags,
                                   const LoadLimits& limits = {});

}  // namespace allot
