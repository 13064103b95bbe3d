// Times `allot report` on the shipped model and prints the sizes.
//
// Loads model/ and scenarios/ from the source tree (or DIR), compares, and
// times RenderReportHtml and WriteReportXlsx, best of --reps runs (default
// 9), in both languages: first the core sections, then with every optional
// section as `allot report --sensitivity uniform --tornado
// herverdeling-ckm,model,ckm --frontier ckm` computes them (10000 samples;
// the frontier at 20 budgets up to 1.5 x the largest total), whose
// computation is timed once on its own. The bar: the HTML of the
// shipped model under 1 MB and generated in under a second.
//
//   allot_bench_report                 the shipped model of the source tree
//   allot_bench_report DIR --reps 20   model/ and scenarios/ under DIR
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <variant>
#include <vector>

#include "allot/compare.hpp"
#include "allot/frontier.hpp"
#include "allot/load.hpp"
#include "allot/report.hpp"
#include "allot/resolve.hpp"
#include "allot/sensitivity.hpp"
#include "allot/tornado.hpp"
#include "allot/weight_sampling.hpp"

namespace {

namespace fs = std::filesystem;

// Loads every *.yaml under DIR/model and DIR/scenarios; exits on an error.
void LoadShipped(const std::string& dir, allot::Model& model,
                 std::vector<allot::Scenario>& scenarios) {
  std::vector<std::string> files;
  for (const char* sub : {"model", "scenarios"}) {
    std::vector<std::string> found;
    for (const auto& entry : fs::directory_iterator(fs::path(dir) / sub)) {
      if (entry.path().extension() == ".yaml") found.push_back(entry.path().string());
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  for (const std::string& file : files) {
    allot::Diagnostics diags;
    std::optional<allot::LoadedFile> loaded = allot::LoadFile(file, diags);
    if (!loaded) {
      std::fprintf(stderr, "cannot load %s\n", file.c_str());
      std::exit(1);
    }
    if (loaded->kind() == allot::FileKind::kModel)
      model = std::get<allot::Model>(loaded->content);
    else
      scenarios.push_back(std::get<allot::Scenario>(loaded->content));
  }
}

// The best of `reps` runs of `work`, in milliseconds.
double BestMs(int reps, const std::function<void()>& work) {
  double best = 1e300;
  for (int i = 0; i < reps; ++i) {
    auto start = std::chrono::steady_clock::now();
    work();
    std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - start;
    best = std::min(best, took.count());
  }
  return best;
}

// The optional sections as the CLI computes them for the shipped model;
// exits when the model lacks the weight set or scenarios they name.
allot::ReportOptions Analyses(const allot::Model& model,
                              const std::vector<allot::ResolvedScenario>& resolved) {
  allot::ReportOptions options;
  std::string error;
  std::optional<allot::WeightSpec> uniform = allot::ParseWeightSpec("uniform", model, error);
  int ckm = model.WeightSetIndex("ckm");
  if (!uniform || ckm < 0) {
    std::fprintf(stderr, "the model has no weight set ckm\n");
    std::exit(1);
  }
  std::unique_ptr<allot::SmaaPlan> plan = allot::CompileSmaa(
      model, resolved, allot::SmaaOptions{*uniform, allot::EffectsMode::kFixed, 1});
  options.sensitivity = allot::RunSmaa(*plan, allot::SmaaRun{});
  allot::Diagnostics diags;
  options.tornado = allot::Tornado(model, resolved, "herverdeling-ckm", "model", "ckm", diags);
  allot::OptimiseOptions optimise;
  optimise.weights = model.weights[static_cast<size_t>(ckm)].weights;
  allot::FrontierOptions frontier;
  for (const allot::ResolvedScenario& r : resolved) frontier.to = std::max(frontier.to, r.total);
  frontier.to = allot::Money::FromCents(frontier.to.cents() / 2 * 3);
  std::optional<allot::FrontierResult> result = allot::Frontier(
      model, resolved.front(), resolved, allot::OptimiseConstraints{}, optimise, frontier, diags);
  if (!options.tornado || !result) {
    std::fprintf(stderr, "tornado or frontier failed\n");
    std::exit(1);
  }
  options.frontier = allot::FrontierReport{"ckm", "", *result, {}};
  return options;
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir = ALLOT_BENCH_SOURCE_DIR;
  int reps = 9;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--reps" && i + 1 < argc)
      reps = std::atoi(argv[++i]);
    else
      dir = arg;
  }
  allot::Model model;
  std::vector<allot::Scenario> scenarios;
  LoadShipped(dir, model, scenarios);
  allot::Diagnostics diags;
  std::vector<allot::ResolvedScenario> resolved = allot::ResolveScenarios(model, scenarios, diags);
  std::optional<allot::CompareResult> result =
      allot::Compare(model, resolved, allot::CompareOptions{}, diags);
  if (!result) return 1;
  std::string xlsx = (fs::temp_directory_path() / "allot_bench_report.xlsx").string();
  std::printf("shipped model: %zu lines, %zu scenarios, best of %d runs\n", model.lines.size(),
              result->scenarios.size(), reps);
  allot::ReportOptions analyses;
  double analyses_ms = BestMs(1, [&] { analyses = Analyses(model, resolved); });
  std::printf("sensitivity (10000 samples) + tornado + frontier (%zu budgets): %.1f ms\n",
              analyses.frontier->frontier.points.size(), analyses_ms);
  std::printf("%-6s %-9s %12s %12s %12s %12s\n", "lang", "sections", "html_ms", "html_bytes",
              "xlsx_ms", "xlsx_bytes");
  for (bool all : {false, true}) {
    for (allot::Lang lang : {allot::Lang::kEn, allot::Lang::kNl}) {
      allot::ReportOptions options = all ? analyses : allot::ReportOptions{};
      options.lang = lang;
      std::string html;
      double html_ms =
          BestMs(reps, [&] { html = allot::RenderReportHtml(*result, model, scenarios, options); });
      std::string error;
      double xlsx_ms = BestMs(
          reps, [&] { allot::WriteReportXlsx(*result, model, scenarios, options, xlsx, error); });
      std::printf("%-6s %-9s %12.2f %12zu %12.2f %12ju\n", lang == allot::Lang::kEn ? "en" : "nl",
                  all ? "all" : "core", html_ms, html.size(), xlsx_ms,
                  static_cast<uintmax_t>(fs::file_size(xlsx)));
    }
  }
  fs::remove(xlsx);
  return 0;
}
