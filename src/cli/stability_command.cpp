// allot stability: weight stability intervals per weight set and objective.
#include <sstream>

#include "allot/stability.hpp"
#include "cli/analysis_cli.hpp"
#include "cli/commands.hpp"
#include "cli/common_options.hpp"

namespace allot::cli {

namespace {

constexpr const char* kStabilityHelp = R"(Usage: allot stability [MODEL] [SCENARIO...] [options]

For each weight set and each objective: how far that objective's weight can
move (the other weights rescaled in proportion, so they keep summing to 1)
before the top scenario loses first place, and before the ranking of all
scenarios changes. Gives both ends of each interval and the scenario that
takes over there ("none" when the end is 0 or 1). The answer is exact: a
weighted score is linear in the weights, so each end is where two
scenarios' scores cross.

MODEL and SCENARIO are allot/1 files or directories, as for compare; with
no files the shipped model and scenarios are used.

Examples:
  allot stability
  allot stability --weights ministry,ckm
  allot stability model/ scenarios/ckm-tegenvoorstel.yaml --format json
  allot stability --weights ckm --format md --lang nl

)";

struct StabilityArgs {
  std::string weights;
  std::string format = "table";
  std::string output;
  std::string lang = "en";
  LoadLimits limits;
};

po::options_description Options(StabilityArgs& a) {
  po::options_description options("Options");
  options.add_options()("help,h", "show this help")(
      "weights,w", po::value<std::string>(&a.weights),
      "weight sets, comma-separated (default: all, in model order)")(
      "format,f", po::value<std::string>(&a.format)->default_value(a.format),
      "table | csv | json | md")("output,o", po::value<std::string>(&a.output),
                                 "write to FILE (whole or not at all) instead of standard output")(
      "lang,l", po::value<std::string>(&a.lang)->default_value(a.lang), kLangHelp)(
      "files", po::value<std::vector<std::string>>(), "model and scenario files");
  AddLimitOptions(options, a.limits);
  return options;
}

}  // namespace

int RunStability(const Args& args, std::ostream& out, std::ostream& err,
                 const CliContext& context) {
  StabilityArgs a;
  po::options_description options = Options(a);
  po::variables_map values;
  if (!ParseArgs("stability", args, options, values, err)) return kExitBadInput;
  if (values.count("help")) {
    out << kStabilityHelp << options << '\n';
    return kExitSuccess;
  }
  OutputFormat format;
  if (!ParseFormatOption("stability", a.format, format, err)) return kExitBadInput;
  Lang lang;
  if (!ParseLangOption("stability", a.lang, lang, err)) return kExitBadInput;
  std::vector<std::string> files;
  if (values.count("files")) files = values["files"].as<std::vector<std::string>>();
  Inputs inputs;
  std::vector<ResolvedScenario> resolved;
  if (!LoadResolved("stability", files, context, a.limits, inputs, resolved, err))
    return kExitBadInput;
  Diagnostics diags;
  std::optional<StabilityResult> result =
      Stability(*inputs.model, resolved, SplitList(a.weights), diags);
  if (!result) {
    PrintDiagnostics(diags, err);
    return kExitBadInput;
  }
  std::ostringstream text;
  RenderStability(*result, format, lang, text);
  return EmitResult("stability", a.output, inputs, text.str(), out, err);
}

}  // namespace allot::cli
