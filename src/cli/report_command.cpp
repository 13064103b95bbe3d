// allot report: the compare result as an HTML report and/or XLSX workbook.
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>

#include "allot/compare.hpp"
#include "allot/frontier.hpp"
#include "allot/report.hpp"
#include "allot/resolve.hpp"
#include "allot/sensitivity.hpp"
#include "allot/tornado.hpp"
#include "allot/uncertain_amounts.hpp"
#include "allot/weight_sampling.hpp"
#include "cli/command.hpp"
#include "cli/commands.hpp"
#include "cli/optimise_options.hpp"
#include "cli/option_values.hpp"
#include "cli/remove_on_signal.hpp"

namespace allot::cli {

namespace {

constexpr const char* kHelp =
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

With --sensitivity, the summary at the top ("In brief") also says which
conclusions survive the unknown split: the report runs `allot sensitivity
--amounts uncertain --weights WEIGHTS --samples N --seed 1` (the model's
assumed amounts drawn within their stated bounds, every sourced total kept
exact, together with the weights and the effects) and names the first
places, whole rankings and pairwise statements ("A scores higher than B")
that hold in at least 95% of the samples, the borderline ones, and the pairs
that are not settled. --amounts fixed leaves that run out (the summary then
says only how often the first is first in the heatmap's run).

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
  allot report model/ scenarios/herverdeling-ckm.yaml --html ckm.html --weights ckm,ministry
  allot report --xlsx book.xlsx --baseline versterkt-2024
  allot report --html report.html --sensitivity uniform --samples 20000
  allot report --html report.html --tornado herverdeling-ckm,model,ckm
  allot report --html report.html --xlsx book.xlsx --frontier ckm

)";

// --samples of --sensitivity: a report is for reading, not for a cluster
// run; `allot sensitivity` takes more.
constexpr uint64_t kMaxReportSamples = 10'000'000;

// libxlsxwriter writes only to a named file: let it write a temporary file
// next to the target, then take the bytes so that the target itself is
// written by WriteFileAtomically like every other output.
bool XlsxBytes(const CompareResult& result, const Inputs& inputs, const ReportOptions& options,
               const std::string& target, std::string& bytes, std::string& error) {
  std::filesystem::path path(target);
  std::filesystem::path dir = path.has_parent_path() ? path.parent_path() : ".";
  std::string temp = (dir / ("." + path.filename().string() + ".xlsx-XXXXXX")).string();
  std::optional<RemoveOnSignal> remove_on_signal;  // Ctrl-C, kill or hangup: no temporary left
  int fd = CreateTemporary(temp, remove_on_signal);
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
  SmaaRun run;
  run.samples = samples;
  return RunSmaa(*plan, run);
}

class ReportCommand final : public Command {
 public:
  void Options(OptionList& options) override {
    options.OutputFile("html", &html_, "write the HTML report to FILE");
    options.OutputFile("xlsx", &xlsx_, "write the XLSX workbook to FILE");
    options.Lang(
        "en | nl: labels, number formats (€650,000 / € 650.000) and dates; "
        "names from the files stay as written");
    options.Add()("weights,w", po::value<std::string>(&weights_),
                  "weight sets to show, comma-separated (default: all, in model order)")(
        "baseline,b", po::value<std::string>(&baseline_),
        "scenario id that changes are measured against (default: model); 'current': the "
        "scenario whose file says current: true, the plan as it stands")(
        "sensitivity", po::value<std::string>(&sensitivity_),
        "add the rank acceptability heatmap of an SMAA run over WEIGHTS: uniform, SET, SET:KAPPA "
        "or SET:order (as for allot sensitivity --weights)")(
        "samples,n", po::value<std::string>(&samples_text_)->default_value(samples_text_),
        "with --sensitivity: the number of samples, 1 to 10000000")(
        "amounts", po::value<std::string>(&amounts_)->default_value(amounts_),
        "with --sensitivity: uncertain (the summary says what holds when the assumed amounts are "
        "drawn too, as allot sensitivity --amounts uncertain) | fixed (leave that run out)")(
        "tornado", po::value<std::string>(&tornado_),
        "add a tornado chart of the gap between scenarios A and B: A,B or A,B,SET")(
        "frontier", po::value<std::string>(&frontier_),
        "add the efficient frontier under weight set SET (as allot frontier --weights SET)")(
        "frontier-points", po::value<int>(&frontier_points_)->default_value(frontier_points_),
        "with --frontier: budgets on the frontier, 1 to 1000")(
        "frontier-to", po::value<std::string>(&frontier_to_text_),
        "with --frontier: the largest total budget (default: 1.5 x the largest scenario total)");
    options.Files("model and scenario files");
  }

  void Check(const po::variables_map& values, std::vector<std::string>& problems) override {
    if (html_.empty() && xlsx_.empty()) problems.push_back("give --html FILE and/or --xlsx FILE");
    if (!html_.empty() && html_ == xlsx_)
      problems.push_back("--html and --xlsx name the same file");
    if (frontier_points_ < 1 || frontier_points_ > 1000)
      problems.push_back("--frontier-points must be between 1 and 1000");
    if (!frontier_to_text_.empty()) {
      if (MoneyParse to = ParseMoney(frontier_to_text_); to.value)
        frontier_to_ = *to.value;
      else
        problems.push_back("--frontier-to expects an amount in euros, not '" + frontier_to_text_ +
                           "'");
    }
    size_t parts = SplitList(tornado_).size();
    if (!tornado_.empty() && (parts < 2 || parts > 3))
      problems.push_back("--tornado must be A,B or A,B,SET, not '" + tornado_ + "'");
    if (amounts_ != "uncertain" && amounts_ != "fixed")
      problems.push_back("--amounts must be uncertain or fixed, not '" + amounts_ + "'");
    else if (!values["amounts"].defaulted() && sensitivity_.empty())
      problems.push_back("--amounts needs --sensitivity WEIGHTS (the weights it draws)");
    if (std::optional<uint64_t> n = ParseCount(samples_text_, 1, kMaxReportSamples))
      samples_ = *n;
    else
      problems.push_back("--samples must be a whole number from 1 to 10000000, not '" +
                         samples_text_ + "'");
  }

  int Run(Session& s) override {
    const Model& model = s.model();
    std::optional<std::string> baseline = BaselineId(baseline_, s.resolved());
    if (!baseline) return s.UsageError(kNoCurrentPlan);
    baseline_ = *baseline;
    std::optional<CompareResult> result =
        Compare(model, s.resolved(), CompareOptions{SplitList(weights_), baseline_}, s.diags());
    if (!result) return s.Fail();
    ReportOptions report{s.lang(), std::nullopt, std::nullopt, std::nullopt,
                         CountProvenance(model, s.resolved())};
    if (const std::optional<std::string>& epoch = s.context().source_date_epoch) {
      // 253402300799 is 9999-12-31 23:59:59 UTC, the last time Excel shows.
      std::optional<uint64_t> seconds = ParseCount(*epoch, 1, 253402300799);
      if (!seconds) {
        return s.UsageError(
            "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970 from 1 to "
            "253402300799, not '" +
            *epoch + "'");
      }
      report.created = static_cast<int64_t>(*seconds);
    }
    if (!sensitivity_.empty()) {
      std::string problem;
      std::optional<WeightSpec> weights = ParseWeightSpec(sensitivity_, model, problem);
      if (!weights) return s.UsageError("--sensitivity: " + problem);
      report.sensitivity = Sensitivity(model, s.resolved(), *weights, samples_);
      if (amounts_ == "uncertain") {
        try {
          report.amounts = UncertainAmounts(s, *weights);
        } catch (const std::runtime_error& e) {
          return s.UsageError(std::string("--amounts uncertain: ") + e.what());
        }
      }
    }
    if (!tornado_.empty()) {
      std::vector<std::string> ids = SplitList(tornado_);
      std::string set = ids.size() == 3               ? ids[2]
                        : result->weight_sets.empty() ? ""
                                                      : result->weight_sets[0].name;
      report.tornado = Tornado(model, s.resolved(), ids[0], ids[1], set, s.diags());
      if (!report.tornado) return s.Fail();
    }
    if (!frontier_.empty()) {
      if (int code = Frontier(s, report.frontier); code != kExitSuccess) return code;
    }
    // Everything is rendered before anything is written, so a failure
    // leaves no half of the report behind.
    if (!html_.empty())
      s.WriteFile("--html", html_, RenderReportHtml(*result, model, s.inputs().scenarios, report));
    if (!xlsx_.empty()) {
      std::string bytes, error;
      if (!XlsxBytes(*result, s.inputs(), report, xlsx_, bytes, error)) return s.Error(error);
      s.WriteFile("--xlsx", xlsx_, std::move(bytes));
    }
    return kExitSuccess;
  }

 private:
  // What survives the unknown split, for the summary: as `allot
  // sensitivity --amounts uncertain --weights W --samples N --seed 1`
  // (effects uncertain, the default range and threshold). The result does
  // not depend on the number of threads, so all of the machine's are used.
  UncertainResult UncertainAmounts(Session& s, const WeightSpec& weights) const {
    UncertainOptions options;
    options.weights = weights;
    options.effects = EffectsMode::kUncertain;
    options.seed = 1;
    options.samples = samples_;
    options.threads = MachineThreads();
    return RunUncertainAmounts(s.model(), s.inputs().scenarios, s.resolved(), options);
  }

  // The frontier under weight set --frontier, based on the baseline; as
  // `allot frontier` computes it with no constraints.
  int Frontier(Session& s, std::optional<FrontierReport>& report) const {
    const Model& model = s.model();
    int index = model.WeightSetIndex(frontier_);
    if (index < 0) {
      std::vector<std::string> names;
      for (const WeightSet& w : model.weights) names.push_back(w.name);
      return s.UsageError("--frontier: unknown weight set '" + frontier_ + "'" +
                          DidYouMean(ClosestMatch(frontier_, names)));
    }
    const ResolvedScenario* base = nullptr;
    for (const ResolvedScenario& r : s.resolved()) {
      if (r.id == baseline_) base = &r;
    }
    OptimiseOptions options;
    options.weights = model.weights[static_cast<size_t>(index)].weights;
    FrontierOptions frontier;
    frontier.points = frontier_points_;
    frontier.to = frontier_to_ ? *frontier_to_ : DefaultFrontierTo(s.resolved());
    std::optional<FrontierResult> result;
    if (base) {
      result = allot::Frontier(model, *base, s.resolved(), OptimiseConstraints{}, options, frontier,
                               s.diags());
    }
    if (!result || !s.diags().empty()) return s.Fail();
    report = FrontierReport{frontier_, "", *result, {}};
    return kExitSuccess;
  }

  std::string html_, xlsx_;
  std::string weights_;
  std::string baseline_;     // empty: the model
  std::string sensitivity_;  // a WeightSpec text; empty = no sensitivity section
  std::string samples_text_ = "10000";
  uint64_t samples_ = 10000;
  std::string amounts_ = "uncertain";  // with --sensitivity: also run --amounts uncertain
  std::string tornado_;                // "A,B" or "A,B,SET"; empty = no tornado section
  std::string frontier_;               // a weight set; empty = no frontier section
  int frontier_points_ = 20;
  std::string frontier_to_text_;
  std::optional<Money> frontier_to_;  // none: 1.5 x the largest scenario total
};

}  // namespace

int RunReport(const Args& args, std::ostream& out, std::ostream& err, const CliContext& context) {
  ReportCommand command;
  return RunCommand("report", kHelp, Reads::kModelAndScenarios, command, args, out, err, context);
}

}  // namespace allot::cli
