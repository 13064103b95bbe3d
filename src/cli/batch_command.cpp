// allot batch: run the analyses listed in a RUNS.yaml into one long table.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>

#include "allot/batch.hpp"
#include "allot/render.hpp"
#include "cli/command.hpp"
#include "cli/commands.hpp"
#include "cli/messages.hpp"

namespace allot::cli {

namespace {

constexpr const char* kHelp = R"(Usage: allot batch RUNS.yaml [options]

Runs every analysis listed in RUNS.yaml and writes all their numbers as one
tidy long table: one row per run x weight set x item x metric, with the
columns run, analysis, model, scenarios, weights, seed, a, b, weight_set,
item, metric, value (a and b: the pair a what-it-takes, tornado or explain
run compared). Each entry of the file is expanded into runs over its
models x scenario sets x weights x seeds. Paths in the file are relative to
the file. docs/analyses.md describes the format; in short:

  format: allot/1
  batch:
    - analysis: sensitivity      # or compare, stability, what-it-takes,
      weights: [uniform, ckm:50] #    tornado, explain
      seeds: [1, 2, 3]
      samples: 20000
      effects: uncertain
    - analysis: what-it-takes
      a: model
      b: herverdeling-ckm
      weights: [ministry, ckm]
    - analysis: compare
      models: [../model/]
      scenarios: [../scenarios/, [../scenarios/herverdeling-ckm.yaml]]

Every file is checked before anything runs; an error anywhere stops the
batch with nothing written. Each run's rows are written as soon as it is
done: memory does not grow with the number of runs. With --output the file
appears only when every run succeeded (an error, Ctrl-C or kill leaves the
old file as it was); standard output keeps what it got before an error. A batch may ask for at most --max-runs runs
(default 100000) in all; past that the error is at the list that takes the
count over, before any run is made. When standard error is a terminal, a progress
bar shows the runs done, the rate and the time left. --format table or md
lays the same numbers out for people, one section per run, in English or
Dutch (--lang nl: Dutch labels and decimal commas).

Examples:
  allot batch runs.yaml --output results.csv
  allot batch runs.yaml --format json > results.json
  allot batch runs.yaml --format md --lang nl --output resultaten.md

)";

// The inputs of one distinct file list, loaded and resolved once. Held by
// pointer: resolved scenarios point into the model and scenarios.
struct Loaded {
  Inputs inputs;
  std::vector<ResolvedScenario> resolved;
};

std::vector<std::string> RunFiles(const BatchRun& run, const std::filesystem::path& base) {
  std::vector<std::string> files;
  auto add = [&](const std::string& p) {
    std::filesystem::path path(p);
    files.push_back(path.is_absolute() ? p : (base / path).lexically_normal().string());
  };
  if (!run.model.empty()) add(run.model);
  for (const std::string& s : run.scenarios) add(s);
  return files;
}

// "\rbatch [#######.............] 7/20 runs  2.1 runs/s  0:06 left".
class Progress {
 public:
  Progress(std::ostream& err, bool enabled, size_t total)
      : err_(err), enabled_(enabled), total_(total) {}
  void Update(size_t done) {
    if (!enabled_) return;
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0;
    int left =
        rate > 0 ? static_cast<int>(std::lround(static_cast<double>(total_ - done) / rate)) : 0;
    const int width = 30;
    int filled = static_cast<int>(width * done / std::max<size_t>(total_, 1));
    char text[160];
    std::snprintf(text, sizeof text, "\rbatch [%s%s] %zu/%zu runs  %.1f runs/s  %d:%02d left ",
                  std::string(static_cast<size_t>(filled), '#').c_str(),
                  std::string(static_cast<size_t>(width - filled), '.').c_str(), done, total_, rate,
                  left / 60, left % 60);
    err_ << text << (done == total_ ? "\n" : "") << std::flush;
  }

 private:
  std::ostream& err_;
  bool enabled_;
  size_t total_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

// Every distinct list of input files of a batch, loaded and resolved once.
using LoadedInputs = std::map<std::vector<std::string>, std::unique_ptr<Loaded>>;

// Loads every distinct input of `runs` and checks each run; false after
// printing the errors.
bool Prepare(const BatchSpec& spec, const std::filesystem::path& base, Session& s,
             LoadedInputs& loaded) {
  Diagnostics diags;
  bool all_loaded = true;
  ForEachBatchRun(spec, [&](const BatchRun& run, size_t) {
    if (!all_loaded) return;
    std::vector<std::string> files = RunFiles(run, base);
    auto& slot = loaded[files];
    if (!slot) {
      slot = std::make_unique<Loaded>();
      if (!s.LoadAndResolve(files, slot->inputs, slot->resolved)) {
        all_loaded = false;
        return;
      }
    }
    Diagnostics found;
    CheckBatchRun(spec.entries[run.entry], run, *slot->inputs.model, slot->resolved, found);
    // Runs that differ only in seed repeat the same error: report it once.
    for (Diagnostic& d : found) {
      bool seen = std::any_of(diags.begin(), diags.end(), [&](const Diagnostic& e) {
        return FormatDiagnostic(e) == FormatDiagnostic(d);
      });
      if (!seen) diags.push_back(std::move(d));
    }
  });
  if (!all_loaded) return false;
  if (diags.empty()) return true;
  PrintDiagnostics(s.command(), diags, s.err());
  return false;
}

class BatchCommand final : public Command {
 public:
  void Options(OptionList& options) override {
    options.Format("csv | json | table | md", "csv");
    options.Output();
    options.Lang(kLangHelp);
    LoadLimits& limits = options.limits();
    options.Add()(
        "max-samples",
        po::value<uint64_t>(&limits.max_batch_samples)->default_value(limits.max_batch_samples),
        "the most `samples:` a sensitivity run in RUNS.yaml may ask for (1 to 2^48)")(
        "max-runs",
        po::value<uint64_t>(&limits.max_batch_runs)->default_value(limits.max_batch_runs),
        "the most runs RUNS.yaml may ask for, all entries together, each entry running its "
        "models x scenario sets x weights x seeds (1 to 2^48)");
    options.Files("the batch file");
  }

  void Check(const po::variables_map& values, std::vector<std::string>& problems) override {
    uint64_t max_samples = values["max-samples"].as<uint64_t>();
    if (max_samples < 1 || max_samples > (uint64_t{1} << 48))
      problems.push_back("--max-samples must be from 1 to 281474976710656");
    uint64_t max_runs = values["max-runs"].as<uint64_t>();
    if (max_runs < 1 || max_runs > (uint64_t{1} << 48))
      problems.push_back("--max-runs must be from 1 to 281474976710656");
    size_t files =
        values.count("files") ? values["files"].as<std::vector<std::string>>().size() : 0;
    if (files != 1) problems.push_back("expected one batch file, got " + std::to_string(files));
  }

  int Run(Session& s) override {
    const std::string& file = s.files()[0];
    std::string text;
    std::optional<BatchSpec> spec;
    if (ReadFileText(file, text, s.diags(), s.limits()))
      spec = LoadBatch(text, file, s.diags(), s.limits());
    if (!spec) return s.Fail();
    // The runs are counted (within --max-runs) but never all made at once:
    // each is made, run and dropped in turn.
    std::filesystem::path base = std::filesystem::path(file).parent_path();
    LoadedInputs loaded;
    if (!Prepare(*spec, base, s, loaded)) return kExitBadInput;
    for (const auto& [files, inputs] : loaded) s.AddInputFiles(inputs->inputs.files);

    // Each run's rows are written as soon as it is done, and dropped: to
    // standard output, or to the temporary that replaces --output only
    // when every run succeeded. Memory does not grow with the runs.
    if (int code = s.BeginParts(); code != kExitSuccess) return code;
    BatchWriter writer(*spec, s.format(), s.lang(), s.parts());
    writer.Start();
    // The library never looks at the terminal; the driver decides.
    Progress progress(s.err(), &s.err() == &std::cerr && isatty(STDERR_FILENO),
                      CountBatchRuns(*spec));
    std::vector<BatchRow> rows;
    bool failed = false;
    ForEachBatchRun(*spec, [&](const BatchRun& run, size_t r) {
      if (failed) return;  // the first error stops the batch
      const Loaded& in = *loaded.at(RunFiles(run, base));
      rows.clear();
      failed = !RunBatchAnalysis(spec->entries[run.entry], run, r, *in.inputs.model, in.resolved,
                                 rows, s.diags());
      if (!failed) writer.Run(run, r, rows);
      failed = failed || !s.parts().flush();
      progress.Update(r + 1);
    });
    if (!s.diags().empty()) return s.Fail();
    if (failed) return kExitFailure;  // the write error is said
    writer.End();
    return kExitSuccess;
  }
};

}  // namespace

int RunBatch(const Args& args, std::ostream& out, std::ostream& err, const CliContext& context) {
  BatchCommand command;
  return RunCommand("batch", kHelp, Reads::kOwnFiles, command, args, out, err, context);
}

}  // namespace allot::cli
