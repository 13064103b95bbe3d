// allot batch: run the analyses listed in a RUNS.yaml into one long table.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>

#include "allot/batch.hpp"
#include "cli/analysis_cli.hpp"
#include "cli/commands.hpp"
#include "cli/common_options.hpp"

namespace allot::cli {

namespace {

constexpr const char* kHelp = R"(Usage: allot batch RUNS.yaml [options]

Runs every analysis listed in RUNS.yaml and writes all their numbers as one
tidy long table: one row per run x weight set x item x metric, with the
columns run, analysis, model, scenarios, weights, seed, weight_set, item,
metric, value. Each entry of the file is expanded into runs over its
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
      b: ckm-tegenvoorstel
      weights: [ministry, ckm]
    - analysis: compare
      models: [../model/]
      scenarios: [../scenarios/, [../scenarios/ckm-tegenvoorstel.yaml]]

Every file is checked before anything runs; an error anywhere stops the
batch with nothing written. When standard error is a terminal, a progress
bar shows the runs done, the rate and the time left. --format table or md
lays the same numbers out for people, one section per run, in English or
Dutch (--lang nl: Dutch labels and decimal commas).

Examples:
  allot batch runs.yaml --output results.csv
  allot batch runs.yaml --format json > results.json
  allot batch runs.yaml --format md --lang nl --output resultaten.md

)";

struct BatchArgs {
  std::string format = "csv";
  std::string output;
  std::string lang = "en";
  LoadLimits limits;
};

po::options_description Options(BatchArgs& a) {
  po::options_description options("Options");
  options.add_options()("help,h", "show this help")(
      "format,f", po::value<std::string>(&a.format)->default_value(a.format),
      "csv | json | table | md")("output,o", po::value<std::string>(&a.output),
                                 "write to FILE (whole or not at all) instead of standard output")(
      "lang,l", po::value<std::string>(&a.lang)->default_value(a.lang), kLangHelp)(
      "max-samples",
      po::value<uint64_t>(&a.limits.max_batch_samples)->default_value(a.limits.max_batch_samples),
      "the most `samples:` a sensitivity run in RUNS.yaml may ask for (1 to 2^48)")(
      "files", po::value<std::vector<std::string>>(), "the batch file");
  AddLimitOptions(options, a.limits);
  return options;
}

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
    int left = rate > 0 ? static_cast<int>(static_cast<double>(total_ - done) / rate + 0.5) : 0;
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

// Loads every distinct input of `runs` and checks each run; false after
// printing the errors.
bool Prepare(const BatchSpec& spec, const std::vector<BatchRun>& runs,
             const std::filesystem::path& base, const CliContext& context, const LoadLimits& limits,
             std::map<std::vector<std::string>, std::unique_ptr<Loaded>>& loaded,
             std::ostream& err) {
  Diagnostics diags;
  for (const BatchRun& run : runs) {
    std::vector<std::string> files = RunFiles(run, base);
    auto& slot = loaded[files];
    if (!slot) {
      slot = std::make_unique<Loaded>();
      if (!LoadResolved("batch", files, context, limits, slot->inputs, slot->resolved, err))
        return false;
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
  }
  if (diags.empty()) return true;
  PrintDiagnostics(diags, err);
  return false;
}

}  // namespace

int RunBatch(const Args& args, std::ostream& out, std::ostream& err, const CliContext& context) {
  BatchArgs a;
  po::options_description options = Options(a);
  po::variables_map values;
  if (!ParseArgs("batch", args, options, values, err)) return kExitBadInput;
  if (values.count("help")) {
    out << kHelp << options << '\n';
    return kExitSuccess;
  }
  OutputFormat format;
  if (!ParseFormatOption("batch", a.format, format, err)) return kExitBadInput;
  Lang lang;
  if (!ParseLangOption("batch", a.lang, lang, err)) return kExitBadInput;
  if (a.limits.max_batch_samples < 1 || a.limits.max_batch_samples > (uint64_t{1} << 48)) {
    UsageError("batch", "--max-samples must be from 1 to 281474976710656", err);
    return kExitBadInput;
  }
  std::vector<std::string> files;
  if (values.count("files")) files = values["files"].as<std::vector<std::string>>();
  if (files.size() != 1) {
    UsageError("batch", "expected one batch file, got " + std::to_string(files.size()), err);
    return kExitBadInput;
  }
  Diagnostics diags;
  std::string text;
  std::optional<BatchSpec> spec;
  if (ReadFileText(files[0], text, diags, a.limits))
    spec = LoadBatch(text, files[0], diags, a.limits);
  if (!spec) {
    PrintDiagnostics(diags, err);
    return kExitBadInput;
  }
  std::vector<BatchRun> runs = ExpandBatch(*spec);
  std::filesystem::path base = std::filesystem::path(files[0]).parent_path();
  std::map<std::vector<std::string>, std::unique_ptr<Loaded>> loaded;
  if (!Prepare(*spec, runs, base, context, a.limits, loaded, err)) return kExitBadInput;

  // The library never looks at the terminal; the driver decides.
  Progress progress(err, &err == &std::cerr && isatty(STDERR_FILENO), runs.size());
  std::vector<BatchRow> rows;
  for (size_t r = 0; r < runs.size(); ++r) {
    const Loaded& in = *loaded.at(RunFiles(runs[r], base));
    RunBatchAnalysis(spec->entries[runs[r].entry], runs[r], r, *in.inputs.model, in.resolved, rows,
                     diags);
    progress.Update(r + 1);
  }
  if (!diags.empty()) {
    PrintDiagnostics(diags, err);
    return kExitBadInput;
  }
  std::ostringstream rendered;
  RenderBatch(*spec, runs, rows, format, lang, rendered);
  Inputs all;
  all.files.push_back(files[0]);
  for (const auto& [key, value] : loaded)
    all.files.insert(all.files.end(), value->inputs.files.begin(), value->inputs.files.end());
  return EmitResult("batch", a.output, all, rendered.str(), out, err);
}

}  // namespace allot::cli
