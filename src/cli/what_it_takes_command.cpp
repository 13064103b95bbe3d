// allot what-it-takes: the nearest weights at which B catches up with A.
#include <sstream>

#include "allot/what_it_takes.hpp"
#include "analysis_cli.hpp"
#include "commands.hpp"
#include "common_options.hpp"

namespace allot::cli {

namespace {

constexpr const char* kHelp = R"(Usage: allot what-it-takes A B [MODEL] [SCENARIO...] --weights SET [options]

What would it take for scenario B to score at least as much as scenario A?
Finds the nearest weights (smallest L1 distance: the sum of the absolute
weight changes, on weights that stay >= 0 and sum to 1) at which B's
weighted score is at least A's, solved exactly as a linear program. Reports
the new weights, the distance and the biggest changes in plain words; says
so when B already wins (distance 0) and when no weights can make B win
(B scores less than A on every objective).

A and B are scenario ids ('model' is the model itself). MODEL and SCENARIO
are allot/1 files or directories, as for compare; with none, the shipped
model and scenarios are used.

Examples:
  allot what-it-takes model ckm-tegenvoorstel --weights ministry
  allot what-it-takes versterkt-2024 amendement-bikker -w ckm --format json

)";

struct WhatArgs {
  std::string weights;
  std::string format = "table";
  std::string output;
  LoadLimits limits;
};

po::options_description Options(WhatArgs& a) {
  po::options_description options("Options");
  options.add_options()
      ("help,h", "show this help")
      ("weights,w", po::value<std::string>(&a.weights), "the weight set to start from (required)")
      ("format,f", po::value<std::string>(&a.format)->default_value(a.format), "table | csv | json | md")
      ("output,o", po::value<std::string>(&a.output),
       "write to FILE (whole or not at all) instead of standard output")
      ("files", po::value<std::vector<std::string>>(), "A, B, then model and scenario files");
  AddLimitOptions(options, a.limits);
  return options;
}

}  // namespace

int RunWhatItTakes(const Args& args, std::ostream& out, std::ostream& err, const CliContext& context) {
  const std::string command = "what-it-takes";
  WhatArgs a;
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
  std::optional<OvertakeResult> result = WhatItTakes(*inputs.model, resolved, id_a, id_b, a.weights, diags);
  if (!result) {
    PrintDiagnostics(diags, err);
    return kExitBadInput;
  }
  std::ostringstream text;
  RenderOvertake(*result, format, text);
  return EmitResult(command, a.output, inputs, text.str(), out, err);
}

}  // namespace allot::cli
