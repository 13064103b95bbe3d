#include "cli/common_options.hpp"

namespace allot::cli {

void AddLimitOptions(po::options_description& options, LoadLimits& limits) {
  po::options_description group("Input limits (see docs/limits.md)");
  group.add_options()(
      "max-file-size",
      po::value<int64_t>(&limits.max_file_bytes)->default_value(limits.max_file_bytes),
      "largest input file, in bytes")(
      "max-depth", po::value<int>(&limits.max_depth)->default_value(limits.max_depth),
      "deepest YAML nesting")(
      "max-nodes", po::value<int64_t>(&limits.max_nodes)->default_value(limits.max_nodes),
      "YAML nodes read per file, aliases counted at each use")(
      "max-lines", po::value<int>(&limits.max_lines)->default_value(limits.max_lines),
      "action lines in a model")("max-years",
                                 po::value<int>(&limits.max_years)->default_value(limits.max_years),
                                 "years in a model")(
      "max-changes", po::value<int>(&limits.max_changes)->default_value(limits.max_changes),
      "changes in one scenario")(
      "max-errors", po::value<int>(&limits.max_errors)->default_value(limits.max_errors),
      "errors reported per file before it is no longer read")(
      "max-scenarios", po::value<int>(&limits.max_scenarios)->default_value(limits.max_scenarios),
      "scenario files in one run");
  options.add(group);
}

bool ParseArgs(const std::string& command, const std::vector<std::string>& args,
               const po::options_description& options, po::variables_map& values,
               std::ostream& err) {
  po::positional_options_description positional;
  positional.add("files", -1);
  try {
    po::store(
        po::command_line_parser(args)
            .options(options)
            .positional(positional)
            .style(po::command_line_style::unix_style ^ po::command_line_style::allow_guessing)
            .run(),
        values);
    po::notify(values);
  } catch (const po::error& e) {
    UsageError(command, e.what(), err);
    return false;
  }
  return true;
}

void UsageError(const std::string& command, const std::string& message, std::ostream& err) {
  err << "allot " << command << ": error: " << message << "\n"
      << "Try 'allot " << command << " --help'.\n";
}

void PrintDiagnostics(const Diagnostics& diags, std::ostream& err) {
  for (const Diagnostic& d : diags) err << FormatDiagnostic(d);
  if (diags.size() > 1) err << diags.size() << " errors\n";
}

}  // namespace allot::cli
