#include "cli/analysis_cli.hpp"

#include <sstream>

#include "cli/common_options.hpp"
#include "cli/output_file.hpp"

namespace allot::cli {

bool LoadResolved(const std::string& command, const std::vector<std::string>& files,
                  const CliContext& context, const LoadLimits& limits, Inputs& inputs,
                  std::vector<ResolvedScenario>& resolved, std::ostream& err) {
  Diagnostics diags;
  std::string usage_error;
  if (!LoadInputs(files, context, limits, inputs, diags, usage_error)) {
    PrintDiagnostics(diags, err);
    UsageError(command, usage_error, err);
    return false;
  }
  if (diags.empty()) resolved = ResolveScenarios(*inputs.model, inputs.scenarios, diags);
  if (!diags.empty()) {
    PrintDiagnostics(diags, err);
    return false;
  }
  return true;
}

int EmitResult(const std::string& command, const std::string& output, const Inputs& inputs,
               const std::string& text, std::ostream& out, std::ostream& err) {
  if (output.empty()) {
    out << text;
    return kExitSuccess;
  }
  if (IsOneOf(output, inputs.files)) {
    UsageError(command,
               "--output '" + output + "' is one of the input files; refusing to overwrite it",
               err);
    return kExitBadInput;
  }
  std::string error;
  if (!WriteFileAtomically(output, text, error)) {
    err << "allot " << command << ": error: " << error << '\n';
    return kExitFailure;
  }
  return kExitSuccess;
}

bool TakePair(const std::string& command, std::vector<std::string>& positional, std::string& a,
              std::string& b, std::ostream& err) {
  if (positional.size() < 2) {
    UsageError(command, "expected two scenario ids, A and B, before the files", err);
    return false;
  }
  a = positional[0];
  b = positional[1];
  positional.erase(positional.begin(), positional.begin() + 2);
  return true;
}

std::vector<std::string> SplitList(const std::string& text) {
  std::vector<std::string> parts;
  std::stringstream stream(text);
  for (std::string part; std::getline(stream, part, ',');) {
    if (!part.empty()) parts.push_back(part);
  }
  return parts;
}

bool ParseFormatOption(const std::string& command, const std::string& text, OutputFormat& format,
                       std::ostream& err) {
  std::optional<OutputFormat> parsed = ParseOutputFormat(text);
  if (!parsed) {
    UsageError(command, "--format must be table, csv, json or md, not '" + text + "'", err);
    return false;
  }
  format = *parsed;
  return true;
}

bool ParseLangOption(const std::string& command, const std::string& text, Lang& lang,
                     std::ostream& err) {
  std::optional<Lang> parsed = ParseLang(text);
  if (!parsed) {
    UsageError(command, "--lang must be en or nl, not '" + text + "'", err);
    return false;
  }
  lang = *parsed;
  return true;
}

int RunPairAnalysis(const PairAnalysis& analysis, const std::vector<std::string>& args,
                    std::ostream& out, std::ostream& err, const CliContext& context) {
  const std::string command = analysis.command;
  std::string weights;
  std::string format_text = "table";
  std::string output;
  std::string lang_text = "en";
  LoadLimits limits;
  po::options_description options("Options");
  options.add_options()("help,h", "show this help")("weights,w", po::value<std::string>(&weights),
                                                    analysis.weights_help)(
      "format,f", po::value<std::string>(&format_text)->default_value(format_text),
      "table | csv | json | md")("output,o", po::value<std::string>(&output),
                                 "write to FILE (whole or not at all) instead of standard output")(
      "lang,l", po::value<std::string>(&lang_text)->default_value(lang_text), kLangHelp)(
      "files", po::value<std::vector<std::string>>(), "A, B, then model and scenario files");
  AddLimitOptions(options, limits);
  po::variables_map values;
  if (!ParseArgs(command, args, options, values, err)) return kExitBadInput;
  if (values.count("help")) {
    out << analysis.help << options << '\n';
    return kExitSuccess;
  }
  OutputFormat format;
  if (!ParseFormatOption(command, format_text, format, err)) return kExitBadInput;
  Lang lang;
  if (!ParseLangOption(command, lang_text, lang, err)) return kExitBadInput;
  std::vector<std::string> files;
  if (values.count("files")) files = values["files"].as<std::vector<std::string>>();
  std::string id_a, id_b;
  if (!TakePair(command, files, id_a, id_b, err)) return kExitBadInput;
  if (weights.empty() || weights.find(',') != std::string::npos) {
    UsageError(command, "--weights must name exactly one weight set", err);
    return kExitBadInput;
  }
  Inputs inputs;
  std::vector<ResolvedScenario> resolved;
  if (!LoadResolved(command, files, context, limits, inputs, resolved, err)) return kExitBadInput;
  Diagnostics diags;
  std::ostringstream text;
  if (!analysis.run(*inputs.model, resolved, id_a, id_b, weights, format, lang, diags, text)) {
    PrintDiagnostics(diags, err);
    return kExitBadInput;
  }
  return EmitResult(command, output, inputs, text.str(), out, err);
}

}  // namespace allot::cli
