// allot tornado: which single uncertainty moves the gap between A and B most.
#include <sstream>

#include "allot/tornado.hpp"
#include "analysis_cli.hpp"
#include "commands.hpp"
#include "common_options.hpp"

namespace allot::cli {

namespace {

constexpr const char* kHelp = R"(Usage: allot tornado A B [MODEL] [SCENARIO...] --weights SET [options]

Which single uncertainty moves the gap between two scenarios most? Starting
from the gap S_A - S_B under weight set SET with every effect at its likely
value, tries one factor at a time:
  - each uncertain effect parameter (written [low, likely, high]) of every
    line A or B has, at its low and at its high value, others at likely;
    a parameter of a model line moves in both scenarios at once;
  - each objective's weight 25% lower and 25% higher, then all weights
    renormalised to sum 1 (objectives with weight 0 are left out).
Shows the change in the gap at each end and the swing (the distance between
the two), largest swing first.

A and B are scenario ids ('model' is the model itself). MODEL and SCENARIO
are allot/1 files or directories, as for compare.

Examples:
  allot tornado model ckm-tegenvoorstel --weights ministry
  allot tornado model amendement-bikker -w ckm --format csv --output tornado.csv

)";

struct TornadoArgs {
  std::string weights;
  std::string format = "table";
  std::string output;
  LoadLimits limits;
};

po::options_description Options(TornadoArgs& a) {
  po::options_description options("Options");
  options.add_options()
      ("help,h", "show this help")
      ("weights,w", po::value<std::string>(&a.weights), "the weight set (required)")
      ("format,f", po::value<std::string>(&a.format)->default_value(a.format), "table | csv | json | md")
      ("output,o", po::value<std::string>(&a.output),
       "write to FILE (whole or not at all) instead of standard output")
      ("files", po::value<std::vector<std::string>>(), "A, B, then model and scenario files");
  AddLimitOptions(options, a.limits);
  return options;
}

}  // namespace

int RunTornado(const Args& args, std::ostream& out, std::ostream& err, const CliContext& context) {
  const std::string command = "tornado";
  TornadoArgs a;
  po::options_description options = Options(a);
  po::variables_map values;
  if (!ParseArgs(command, args, options, values, err)) return kExitBadInput;
  if (values.count("help")) {
    out << kHelp << options << '\n';
    return kExitSuccess;
  }
  OutputFormat format;
  if (!ParseFormatOption(command, a.format, format, err)) return kExitBadInput;
  std::vector<std::string> files;
  if (values.count("files")) files = values["files"].as<std::vector<std::string>>();
  std::string id_a, id_b;
  if (!TakePair(command, files, id_a, id_b, err)) return kExitBadInput;
  if (a.weights.empty() || a.weights.find(',') != std::string::npos) {
    UsageError(command, "--weights must name exactly one weight set", err);
    return kExitBadInput;
  }
  Inputs inputs;
  std::vector<ResolvedScenario> resolved;
  if (!LoadResolved(command, files, context, a.limits, inputs, resolved, err)) return kExitBadInput;
  Diagnostics diags;
  std::optional<TornadoResult> result = Tornado(*inputs.model, resolved, id_a, id_b, a.weights, diags);
  if (!result) {
    PrintDiagnostics(diags, err);
    return kExitBadInput;
  }
  std::ostringstream text;
  RenderTornado(*result, format, text);
  return EmitResult(command, a.output, inputs, text.str(), out, err);
}

}  // namespace allot::cli
