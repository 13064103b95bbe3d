// Plumbing shared by the analysis subcommands (stability, what-it-takes,
// tornado, explain): load and resolve the inputs, write the result.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "allot/cli.hpp"
#include "allot/render.hpp"
#include "allot/resolve.hpp"
#include "inputs.hpp"

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

// "a,b,,c" -> {"a", "b", "c"}.
std::vector<std::string> SplitList(const std::string& text);

// Parses --format; prints a usage error and returns false when invalid.
bool ParseFormatOption(const std::string& command, const std::string& text,
                       OutputFormat& format, std::ostream& err);

}  // namespace allot::cli
