// Options and error reporting shared by the subcommands (internal).
#pragma once

#include <boost/program_options.hpp>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "allot/diagnostic.hpp"
#include "allot/load.hpp"

namespace allot::cli {

namespace po = boost::program_options;

// Adds the input limits (--max-file-size, ...) to `options`, bound to `limits`.
void AddLimitOptions(po::options_description& options, LoadLimits& limits);

// Parses `args` for subcommand `command` with positional FILES. Returns
// false after printing a usage error ("allot compare: error: ...") to err.
bool ParseArgs(const std::string& command, const std::vector<std::string>& args,
               const po::options_description& options, po::variables_map& values,
               std::ostream& err);

// Prints "allot COMMAND: error: MESSAGE" and a hint to use --help.
void UsageError(const std::string& command, const std::string& message, std::ostream& err);

// Prints every diagnostic, then "N errors" when there is more than one.
void PrintDiagnostics(const Diagnostics& diags, std::ostream& err);

}  // namespace allot::cli
