// allot check: validate files, report every error of every file.
#include "allot/resolve.hpp"
#include "cli/commands.hpp"
#include "cli/common_options.hpp"
#include "cli/inputs.hpp"

namespace allot::cli {

namespace {

constexpr const char* kCheckHelp = R"(Usage: allot check [FILES...] [options]

Validates allot/1 model and scenario files without computing anything:
syntax, keys, amounts, curves, weights, motions, and each scenario's changes
and budget rule against the model. Every error of every file is reported as
FILE:LINE:COL: error: MESSAGE, followed by the offending line.

FILES may be files or directories. Scenarios given without a model are
checked against the shipped model; with no files, the shipped model/ and
scenarios/ are checked.

Exit status: 0 when all files are valid, 2 when any is not.

)";

}  // namespace

int RunCheck(const Args& args, std::ostream& out, std::ostream& err, const CliContext& context) {
  LoadLimits limits;
  po::options_description options("Options");
  options.add_options()("help,h", "show this help")("files", po::value<std::vector<std::string>>(),
                                                    "model and scenario files");
  AddLimitOptions(options, limits);
  po::variables_map values;
  if (!ParseArgs("check", args, options, values, err)) return kExitBadInput;
  if (values.count("help")) {
    out << kCheckHelp << options << '\n';
    return kExitSuccess;
  }
  std::vector<std::string> files;
  if (values.count("files")) files = values["files"].as<std::vector<std::string>>();
  Inputs inputs;
  Diagnostics diags;
  std::string usage_error;
  if (!LoadInputs(files, context, limits, inputs, diags, usage_error)) {
    PrintDiagnostics(diags, err);
    UsageError("check", usage_error, err);
    return kExitBadInput;
  }
  // Resolution needs a model that loaded; scenario files that loaded are
  // still checked against it when other files have errors.
  if (inputs.model) ResolveScenarios(*inputs.model, inputs.scenarios, diags);
  if (!diags.empty()) {
    PrintDiagnostics(diags, err);
    return kExitBadInput;
  }
  out << "ok: " << inputs.files.size() << " file" << (inputs.files.size() == 1 ? "" : "s")
      << " (1 model, " << inputs.scenarios.size() << " scenario"
      << (inputs.scenarios.size() == 1 ? "" : "s") << ")\n";
  return kExitSuccess;
}

}  // namespace allot::cli
