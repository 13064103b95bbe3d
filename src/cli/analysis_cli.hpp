// Plumbing shared by the analysis subcommands (stability, what-it-takes,
// tornado, explain): load and resolve the inputs, write the result.
#pragma once

#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "allot/cli.hpp"
#include "allot/render.hpp"
#include "allot/resolve.hpp"
#include "cli/inputs.hpp"

namespace allot::cli {

// Loads `files` (or the shipped model and scenarios) and resolves them.
// Returns false after printing every diagnostic or a usage error to err.
bool LoadResolved(const std::string& command, const std::vector<std::string>& files,
                  const CliContext& context, const LoadLimits& limits, Inputs& inputs,
                  std::vector<ResolvedScenario>& resolved, std::ostream& err);

// Writes `text` to standard output or, with `output`, atomically to that
// file (refusing to overwrite an input). Returns the exit code.
int EmitResult(const std::string& command, const std::string& output, const Inputs& inputs,
               const std::string& text, std::ostream& out, std::ostream& err);

// Takes the scenario ids A and B off the front of the positional
// arguments; prints a usage error and returns false when there are fewer.
bool TakePair(const std::string& command, std::vector<std::string>& positional, std::string& a,
              std::string& b, std::ostream& err);

// What differs between the subcommands that compare two scenarios A and B
// under exactly one weight set (what-it-takes, tornado): the rest of their
// command line, loading and output is the same.
struct PairAnalysis {
  const char* command;       // e.g. "tornado"
  const char* help;          // usage text printed before the options
  const char* weights_help;  // description of --weights
  // Runs the analysis and renders it in `format` and `lang` to `text`;
  // false after appending diagnostics.
  std::function<bool(const Model& model, const std::vector<ResolvedScenario>& resolved,
                     const std::string& a, const std::string& b, const std::string& weights,
                     OutputFormat format, Lang lang, Diagnostics& diags, std::ostream& text)>
      run;
};

// `allot COMMAND A B [FILES...] --weights SET [--format F] [--lang L] [--output FILE]`.
int RunPairAnalysis(const PairAnalysis& analysis, const std::vector<std::string>& args,
                    std::ostream& out, std::ostream& err, const CliContext& context);

// "a,b,,c" -> {"a", "b", "c"}.
std::vector<std::string> SplitList(const std::string& text);

// Parses --format; prints a usage error and returns false when invalid.
bool ParseFormatOption(const std::string& command, const std::string& text, OutputFormat& format,
                       std::ostream& err);

// The --help line of --lang for the analysis commands.
constexpr const char* kLangHelp =
    "en | nl: labels and number formats of table and md (csv and json stay as they are)";

// Parses --lang; prints a usage error and returns false when invalid.
bool ParseLangOption(const std::string& command, const std::string& text, Lang& lang,
                     std::ostream& err);

}  // namespace allot::cli
