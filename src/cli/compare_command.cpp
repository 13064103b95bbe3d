// allot compare: scenarios side by side.
#include <sstream>

#include "allot/compare.hpp"
#include "allot/render.hpp"
#include "allot/resolve.hpp"
#include "cli/analysis_cli.hpp"
#include "cli/commands.hpp"
#include "cli/common_options.hpp"
#include "cli/inputs.hpp"
#include "cli/output_file.hpp"

namespace allot::cli {

namespace {

constexpr const char* kCompareHelp = R"(Usage: allot compare [MODEL] [SCENARIO...] [options]

Compares spending scenarios side by side: per scenario the total and per-year
money, each objective's score (0-100), the weighted score and rank under each
weight set, the change against the baseline, the cost per weighted point, and
the motions it leaves unfunded. The model itself appears as scenario 'model'.

MODEL and SCENARIO are allot/1 files or directories of them (the kind of each
file is read from its content). With no files, compare runs on the shipped
model/ and scenarios/; scenarios given without a model are read against the
shipped model.

Figures marked * contain illustrative amounts: estimates, not sourced figures.

Examples:
  allot compare
  allot compare model/ scenarios/ckm-tegenvoorstel.yaml --weights ckm,ministry
  allot compare --format json --output result.json
  allot compare --format md --lang nl --baseline versterkt-2024

)";

struct CompareArgs {
  std::string weights;
  std::string baseline = kModelScenarioId;
  std::string format = "table";
  std::string output;
  std::string lang = "en";
  LoadLimits limits;
};

po::options_description CompareOptionsDescription(CompareArgs& a) {
  po::options_description options("Options");
  options.add_options()("help,h", "show this help")(
      "weights,w", po::value<std::string>(&a.weights),
      "weight sets to show, comma-separated (default: all, in model order)")(
      "baseline,b", po::value<std::string>(&a.baseline)->default_value(a.baseline),
      "scenario id that changes are measured against")(
      "format,f", po::value<std::string>(&a.format)->default_value(a.format),
      "table | csv | json | md")("output,o", po::value<std::string>(&a.output),
                                 "write to FILE (whole or not at all) instead of standard output")(
      "lang,l", po::value<std::string>(&a.lang)->default_value(a.lang),
      "en | nl: labels and number formats of table and md")(
      "files", po::value<std::vector<std::string>>(), "model and scenario files");
  AddLimitOptions(options, a.limits);
  return options;
}

}  // namespace

int RunCompare(const Args& args, std::ostream& out, std::ostream& err, const CliContext& context) {
  CompareArgs a;
  po::options_description options = CompareOptionsDescription(a);
  po::variables_map values;
  if (!ParseArgs("compare", args, options, values, err)) return kExitBadInput;
  if (values.count("help")) {
    out << kCompareHelp << options << '\n';
    return kExitSuccess;
  }
  std::optional<OutputFormat> format = ParseOutputFormat(a.format);
  std::optional<Lang> lang = ParseLang(a.lang);
  if (!format)
    UsageError("compare", "--format must be table, csv, json or md, not '" + a.format + "'", err);
  if (!lang) UsageError("compare", "--lang must be en or nl, not '" + a.lang + "'", err);
  if (!format || !lang) return kExitBadInput;

  std::vector<std::string> files;
  if (values.count("files")) files = values["files"].as<std::vector<std::string>>();
  Inputs inputs;
  Diagnostics diags;
  std::string usage_error;
  if (!LoadInputs(files, context, a.limits, inputs, diags, usage_error)) {
    PrintDiagnostics(diags, err);
    UsageError("compare", usage_error, err);
    return kExitBadInput;
  }
  std::vector<ResolvedScenario> resolved;
  if (diags.empty()) resolved = ResolveScenarios(*inputs.model, inputs.scenarios, diags);
  std::optional<CompareResult> result;
  if (diags.empty()) {
    result =
        Compare(*inputs.model, resolved, CompareOptions{SplitList(a.weights), a.baseline}, diags);
  }
  if (!diags.empty()) {
    PrintDiagnostics(diags, err);
    return kExitBadInput;
  }
  if (!a.output.empty() && IsOneOf(a.output, inputs.files)) {
    UsageError("compare",
               "--output '" + a.output + "' is one of the input files; refusing to overwrite it",
               err);
    return kExitBadInput;
  }
  std::ostringstream rendered;
  RenderCompare(*result, *format, *lang, rendered);
  if (a.output.empty()) {
    out << rendered.str();
    return kExitSuccess;
  }
  std::string error;
  if (!WriteFileAtomically(a.output, rendered.str(), error)) {
    err << "allot compare: error: " << error << '\n';
    return kExitFailure;
  }
  return kExitSuccess;
}

}  // namespace allot::cli
