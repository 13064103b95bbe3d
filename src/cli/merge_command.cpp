// allot merge: adds up the shards of a sensitivity run into its result.
#include <sstream>

#include "allot/render_sensitivity.hpp"
#include "allot/sensitivity_io.hpp"
#include "cli/commands.hpp"
#include "cli/common_options.hpp"
#include "cli/output_file.hpp"

namespace allot::cli {

namespace {

constexpr const char* kMergeHelp = R"(Usage: allot merge PART.json... [options]

Adds up the partial results that 'allot sensitivity --shard K/N --output
PART.json' wrote, and prints the result exactly as a single run with the same
inputs, --samples and --seed would have: to the byte in JSON. The parts must
come from the same inputs, --weights, --effects, --seed and --samples, and
every shard 1/N ... N/N must be given exactly once; otherwise merge says
which part does not fit and writes nothing.

Examples:
  allot merge part-*.json
  allot merge part-*.json --format json --output result.json

)";

struct MergeArgs {
  std::string format = "table", output, lang = "en";
  LoadLimits limits;
};

po::options_description Options(MergeArgs& a) {
  po::options_description options("Options");
  options.add_options()("help,h", "show this help")(
      "format,f", po::value<std::string>(&a.format)->default_value(a.format),
      "table | csv | json | md")("output,o", po::value<std::string>(&a.output),
                                 "write to FILE (whole or not at all) instead of standard output")(
      "lang,l", po::value<std::string>(&a.lang)->default_value(a.lang),
      "en | nl: labels of table and md")("files", po::value<std::vector<std::string>>(),
                                         "partial results");
  AddLimitOptions(options, a.limits);
  return options;
}

std::optional<SmaaAccumulator> ReadAndMerge(const std::vector<std::string>& files,
                                            const LoadLimits& limits, std::ostream& err) {
  Diagnostics diags;
  std::vector<SmaaPart> parts;
  for (const std::string& path : files) {
    auto file = std::make_shared<SourceText>();
    file->name = path;
    if (!ReadFileText(path, file->text, diags, limits)) continue;
    if (std::optional<SmaaPart> part = ParseSmaaPart(file, diags))
      parts.push_back(std::move(*part));
  }
  std::optional<SmaaAccumulator> merged;
  if (diags.empty()) merged = MergeSmaaParts(parts, diags);
  PrintDiagnostics(diags, err);
  return merged;
}

}  // namespace

int RunMerge(const Args& args, std::ostream& out, std::ostream& err, const CliContext&) {
  MergeArgs a;
  po::options_description options = Options(a);
  po::variables_map values;
  if (!ParseArgs("merge", args, options, values, err)) return kExitBadInput;
  if (values.count("help")) {
    out << kMergeHelp << options << '\n';
    return kExitSuccess;
  }
  std::optional<OutputFormat> format = ParseOutputFormat(a.format);
  std::optional<Lang> lang = ParseLang(a.lang);
  if (!format)
    UsageError("merge", "--format must be table, csv, json or md, not '" + a.format + "'", err);
  if (!lang) UsageError("merge", "--lang must be en or nl, not '" + a.lang + "'", err);
  std::vector<std::string> files;
  if (values.count("files")) files = values["files"].as<std::vector<std::string>>();
  if (files.empty()) UsageError("merge", "no partial results given", err);
  if (!format || !lang || files.empty()) return kExitBadInput;
  if (!a.output.empty() && IsOneOf(a.output, files)) {
    UsageError("merge",
               "--output '" + a.output + "' is one of the input files; refusing to overwrite it",
               err);
    return kExitBadInput;
  }
  std::optional<SmaaAccumulator> merged = ReadAndMerge(files, a.limits, err);
  if (!merged) return kExitBadInput;
  std::ostringstream rendered;
  RenderSensitivity(Finish(*merged), *format, *lang, rendered);
  if (a.output.empty()) {
    out << rendered.str();
    return kExitSuccess;
  }
  std::string error;
  if (!WriteFileAtomically(a.output, rendered.str(), error)) {
    err << "allot merge: error: " << error << '\n';
    return kExitFailure;
  }
  return kExitSuccess;
}

}  // namespace allot::cli
