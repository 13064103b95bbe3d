// allot report: the compare result as an HTML report and/or XLSX workbook.
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "allot/compare.hpp"
#include "allot/frontier.hpp"
#include "allot/render.hpp"
#include "allot/report.hpp"
#include "allot/resolve.hpp"
#include "allot/sensitivity.hpp"
#include "allot/tornado.hpp"
#include "allot/weight_sampling.hpp"
#include "cli/commands.hpp"
#include "cli/common_options.hpp"
#include "cli/inputs.hpp"
#include "cli/optimise_cli.hpp"
#include "cli/output_file.hpp"

namespace allot::cli {

namespace {

constexpr const char* kReportHelp =
    R"(Usage: allot report [MODEL] [SCENARIO...] --html FILE [--xlsx FILE] [options]

Writes the comparison of the scenarios as a report for people:

  --html FILE  one self-contained HTML file (no scripts, no network, prints on
               A4): a summary (money per year, weighted score and rank per
               weight set, change against the baseline, motions left
               unfunded), the allocation per action line as a chart and a
               table with the changes highlighted, the objective scores as a
               chart and a table, which motions each scenario funds, and the
               provenance of every figure (sourced or illustrative, and from
               where).
  --xlsx FILE  an Excel workbook with the sheets Summary, Allocations,
               Objectives, Motions and Provenance; totals are live SUM
               formulas that equal allot's totals to the cent.

With --sensitivity WEIGHTS the HTML report also gets a section with the rank
acceptability of the scenarios (as `allot sensitivity --weights WEIGHTS`, with
the effects at their likely values and seed 1): a heatmap of how often each
scenario takes each rank, and the same as a table with 95% margins.

With --tornado A,B[,SET] it also gets a tornado chart: which single
uncertain effect or weight moves the gap between the weighted scores of A
and B most under weight set SET (default: the first weight set shown), as
`allot tornado` computes it; the 15 largest swings are drawn.

With --frontier SET it also gets the efficient frontier under weight set
SET, as `allot frontier --weights SET --base BASELINE` computes it: a chart
of the best weighted score against the total budget, with every scenario as
a point, and tables of the cheapest budget reaching each scenario's score
and the best score for its money. --frontier-points and --frontier-to are
--points and --to of `allot frontier`.

The workbook gets the same analyses as sheets: Sensitivity, Tornado (every
swing), Frontier and Frontier scenarios.

At least one of --html and --xlsx is required. Each file is written whole or
not at all, and never over one of the input files.

MODEL and SCENARIO are allot/1 files or directories of them, as for compare;
with no files, the shipped model/ and scenarios/ are used.

Examples:
  allot report --html report.html
  allot report --html rapport.html --xlsx rapport.xlsx --lang nl
  allot report model/ scenarios/ckm-tegenvoorstel.yaml --html ckm.html --weights ckm,ministry
  allot report --xlsx book.xlsx --baseline versterkt-2024
  allot report --html report.html --sensitivity uniform --samples 20000
  allot report --html report.html --tornado ckm-tegenvoorstel,model,ckm
  allot report --html report.html --xlsx book.xlsx --frontier ckm

)";

struct ReportArgs {
  std::string html;
  std::string xlsx;
  std::string weights;
  std::string baseline = kModelScenarioId;
  std::string lang = "en";
  std::string sensitivity;  // a WeightSpec text; empty = no sensitivity section
  std::string samples = "10000";
  std::string tornado;   // "A,B" or "A,B,SET"; empty = no tornado section
  std::string frontier;  // a weight set; empty = no frontier section
  int frontier_points = 20;
  std::string frontier_to;  // an amount; empty = 1.5 x the largest scenario total
  LoadLimits limits;
};

std::vector<std::string> SplitCommas(const std::string& text) {
  std::vector<std::string> parts;
  std::stringstream stream(text);
  for (std::string part; std::getline(stream, part, ',');) {
    if (!part.empty()) parts.push_back(part);
  }
  return parts;
}

po::options_description ReportOptionsDescription(ReportArgs& a) {
  po::options_description options("Options");
  options.add_options()("help,h", "show this help")("html", po::value<std::string>(&a.html),
                                                    "write the HTML report to FILE")(
      "xlsx", po::value<std::string>(&a.xlsx), "write the XLSX workbook to FILE")(
      "lang,l", po::value<std::string>(&a.lang)->default_value(a.lang),
      "en | nl: labels, number formats (€650,000 / € 650.000) and dates; "
      "names from the files stay as written")(
      "weights,w", po::value<std::string>(&a.weights),
      "weight sets to show, comma-separated (default: all, in model order)")(
      "baseline,b", po::value<std::string>(&a.baseline)->default_value(a.baseline),
      "scenario id that changes are measured against")(
      "sensitivity", po::value<std::string>(&a.sensitivity),
      "add the rank acceptability heatmap of an SMAA run over WEIGHTS: uniform, SET, SET:KAPPA "
      "or SET:order (as for allot sensitivity --weights)")(
      "samples,n", po::value<std::string>(&a.samples)->default_value(a.samples),
      "with --sensitivity: the number of samples, 1 to 10000000")(
      "tornado", po::value<std::string>(&a.tornado),
      "add a tornado chart of the gap between scenarios A and B: A,B or A,B,SET")(
      "frontier", po::value<std::string>(&a.frontier),
      "add the efficient frontier under weight set SET (as allot frontier --weights SET)")(
      "frontier-points", po::value<int>(&a.frontier_points)->default_value(a.frontier_points),
      "with --frontier: budgets on the frontier, 1 to 1000")(
      "frontier-to", po::value<std::string>(&a.frontier_to),
      "with --frontier: the largest total budget (default: 1.5 x the largest scenario total)")(
      "files", po::value<std::vector<std::string>>(), "model and scenario files");
  AddLimitOptions(options, a.limits);
  return options;
}

// --samples: digits only, 1 to 10^7 (a report is for reading, not for a
// cluster run; `allot sensitivity` takes more).
std::optional<uint64_t> ParseSamples(const std::string& text) {
  if (text.empty() || text.size() > 8 ||
      text.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  uint64_t n = std::stoull(text);
  if (n < 1 || n > 10'000'000) return std::nullopt;
  return n;
}

// Checks the options that need no input files; prints every usage error.
bool ValidOptions(const ReportArgs& a, std::optional<Lang>& lang, std::ostream& err) {
  std::vector<std::string> problems;
  lang = ParseLang(a.lang);
  if (!lang) problems.push_back("--lang must be en or nl, not '" + a.lang + "'");
  if (a.html.empty() && a.xlsx.empty()) problems.push_back("give --html FILE and/or --xlsx FILE");
  if (!a.html.empty() && a.html == a.xlsx)
    problems.push_back("--html and --xlsx name the same file");
  if (a.frontier_points < 1 || a.frontier_points > 1000) {
    problems.push_back("--frontier-points must be between 1 and 1000");
  }
  if (!a.frontier_to.empty() && !ParseMoney(a.frontier_to).value) {
    problems.push_back("--frontier-to expects an amount in euros, not '" + a.frontier_to + "'");
  }
  size_t parts = SplitCommas(a.tornado).size();
  if (!a.tornado.empty() && (parts < 2 || parts > 3)) {
    problems.push_back("--tornado must be A,B or A,B,SET, not '" + a.tornado + "'");
  }
  if (!ParseSamples(a.samples)) {
    problems.push_back("--samples must be a whole number from 1 to 10000000, not '" + a.samples +
                       "'");
  }
  for (const std::string& problem : problems) UsageError("report", problem, err);
  return problems.empty();
}

std::optional<CompareResult> Load(const std::vector<std::string>& files, const ReportArgs& a,
                                  const CliContext& context, Inputs& inputs,
                                  std::vector<ResolvedScenario>& resolved, std::ostream& err) {
  Diagnostics diags;
  std::string usage_error;
  if (!LoadInputs(files, context, a.limits, inputs, diags, usage_error)) {
    PrintDiagnostics(diags, err);
    UsageError("report", usage_error, err);
    return std::nullopt;
  }
  if (diags.empty()) resolved = ResolveScenarios(*inputs.model, inputs.scenarios, diags);
  std::optional<CompareResult> result;
  if (diags.empty()) {
    result =
        Compare(*inputs.model, resolved, CompareOptions{SplitCommas(a.weights), a.baseline}, diags);
  }
  if (!diags.empty()) {
    PrintDiagnostics(diags, err);
    return std::nullopt;
  }
  return result;
}

// libxlsxwriter writes only to a named file: let it write a temporary file
// next to the target, then take the bytes so that the target itself is
// written by WriteFileAtomically like every other output.
bool XlsxBytes(const CompareResult& result, const Inputs& inputs, const ReportOptions& options,
               const std::string& target, std::string& bytes, std::string& error) {
  std::filesystem::path path(target);
  std::filesystem::path dir = path.has_parent_path() ? path.parent_path() : ".";
  std::string temp = (dir / ("." + path.filename().string() + ".xlsx-XXXXXX")).string();
  int fd = ::mkstemp(temp.data());
  if (fd < 0) {
    error = "cannot create a file in '" + dir.string() + "': " + std::strerror(errno);
    return false;
  }
  ::close(fd);
  bool ok = WriteReportXlsx(result, *inputs.model, inputs.scenarios, options, temp, error);
  if (ok) {
    std::ifstream in(temp, std::ios::binary);
    std::ostringstream contents;
    contents << in.rdbuf();
    bytes = contents.str();
    ok = in.good() || in.eof();
    if (!ok) error = "cannot read back '" + temp + "'";
  }
  ::unlink(temp.c_str());
  return ok;
}

// One SMAA run on this thread: the effects at their likely values, seed 1,
// so the section is the same on every run.
SmaaResult Sensitivity(const Model& model, const std::vector<ResolvedScenario>& resolved,
                       const WeightSpec& weights, uint64_t samples) {
  std::unique_ptr<SmaaPlan> plan =
      CompileSmaa(model, resolved, SmaaOptions{weights, EffectsMode::kFixed, 1});
  return Finish(plan->Run(0, samples, 1, samples));
}

// The frontier under weight set `a.frontier`, based on the baseline; as
// `allot frontier` computes it with no constraints.
bool FrontierOf(const ReportArgs& a, const Model& model,
                const std::vector<ResolvedScenario>& resolved,
                std::optional<FrontierReport>& report, std::ostream& err) {
  int index = model.WeightSetIndex(a.frontier);
  if (index < 0) {
    std::vector<std::string> names;
    for (const WeightSet& w : model.weights) names.push_back(w.name);
    UsageError("report",
               "--frontier: unknown weight set '" + a.frontier + "'" +
                   DidYouMean(ClosestMatch(a.frontier, names)),
               err);
    return false;
  }
  const ResolvedScenario* base = nullptr;
  for (const ResolvedScenario& r : resolved) {
    if (r.id == a.baseline) base = &r;
  }
  OptimiseOptions options;
  options.weights = model.weights[static_cast<size_t>(index)].weights;
  FrontierOptions frontier;
  frontier.points = a.frontier_points;
  if (!a.frontier_to.empty()) {
    frontier.to = *ParseMoney(a.frontier_to).value;
  } else {  // the default of `allot frontier --to`
    for (const ResolvedScenario& r : resolved) frontier.to = std::max(frontier.to, r.total);
    frontier.to = Money::FromCents(frontier.to.cents() / 2 * 3);
  }
  Diagnostics diags;
  std::optional<FrontierResult> result;
  if (base)
    result = Frontier(model, *base, resolved, OptimiseConstraints{}, options, frontier, diags);
  if (!result || !diags.empty()) {
    PrintOptionDiagnostics("report", diags, err);
    return false;
  }
  report = FrontierReport{a.frontier, "", *result, {}};
  return true;
}

bool RefusesInput(const std::string& output, const char* flag, const Inputs& inputs,
                  std::ostream& err) {
  if (output.empty() || !IsOneOf(output, inputs.files)) return false;
  UsageError(
      "report",
      std::string(flag) + " '" + output + "' is one of the input files; refusing to overwrite it",
      err);
  return true;
}

}  // namespace

int RunReport(const Args& args, std::ostream& out, std::ostream& err, const CliContext& context) {
  ReportArgs a;
  po::options_description options = ReportOptionsDescription(a);
  po::variables_map values;
  if (!ParseArgs("report", args, options, values, err)) return kExitBadInput;
  if (values.count("help")) {
    out << kReportHelp << options << '\n';
    return kExitSuccess;
  }
  std::optional<Lang> lang;
  if (!ValidOptions(a, lang, err)) return kExitBadInput;
  std::vector<std::string> files;
  if (values.count("files")) files = values["files"].as<std::vector<std::string>>();
  Inputs inputs;
  std::vector<ResolvedScenario> resolved;
  std::optional<CompareResult> result = Load(files, a, context, inputs, resolved, err);
  if (!result) return kExitBadInput;
  ReportOptions report{*lang, std::nullopt, std::nullopt, std::nullopt};
  if (!a.sensitivity.empty()) {
    std::string problem;
    std::optional<WeightSpec> weights = ParseWeightSpec(a.sensitivity, *inputs.model, problem);
    if (!weights) {
      UsageError("report", "--sensitivity: " + problem, err);
      return kExitBadInput;
    }
    report.sensitivity = Sensitivity(*inputs.model, resolved, *weights, *ParseSamples(a.samples));
  }
  if (!a.tornado.empty()) {
    std::vector<std::string> ids = SplitCommas(a.tornado);
    std::string set = ids.size() == 3               ? ids[2]
                      : result->weight_sets.empty() ? ""
                                                    : result->weight_sets[0].name;
    Diagnostics diags;
    report.tornado = Tornado(*inputs.model, resolved, ids[0], ids[1], set, diags);
    if (!report.tornado) {
      PrintDiagnostics(diags, err);
      return kExitBadInput;
    }
  }
  if (!a.frontier.empty() && !FrontierOf(a, *inputs.model, resolved, report.frontier, err))
    return kExitBadInput;
  bool refused = RefusesInput(a.html, "--html", inputs, err);
  if (RefusesInput(a.xlsx, "--xlsx", inputs, err) || refused) return kExitBadInput;

  // Everything is rendered before anything is written, so a failure leaves
  // no half of the report behind.
  std::string html =
      a.html.empty() ? "" : RenderReportHtml(*result, *inputs.model, inputs.scenarios, report);
  std::string xlsx, error;
  if (!a.xlsx.empty() && !XlsxBytes(*result, inputs, report, a.xlsx, xlsx, error)) {
    err << "allot report: error: " << error << '\n';
    return kExitFailure;
  }
  if ((!a.html.empty() && !WriteFileAtomically(a.html, html, error)) ||
      (!a.xlsx.empty() && !WriteFileAtomically(a.xlsx, xlsx, error))) {
    err << "allot report: error: " << error << '\n';
    return kExitFailure;
  }
  return kExitSuccess;
}

}  // namespace allot::cli
