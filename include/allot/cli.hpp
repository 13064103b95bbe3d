// The command-line driver as a function: tested in-process, wrapped by a
// few-line main().
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace allot {

// Exit codes (DESIGN.md, "Command-line driver").
enum ExitCode : int {
  kExitSuccess = 0,
  kExitFailure = 1,   // anything else: I/O failure, internal error
  kExitBadInput = 2,  // invalid input or usage; nothing written
};

// What the driver knows of its surroundings; main() fills it in.
struct CliContext {
  // Directories searched, in order, for the shipped `model/` and
  // `scenarios/` when no files are named: typically the current directory,
  // then <prefix>/share/allot next to the executable.
  std::vector<std::string> data_dirs;
};

// Runs `allot ARGS...` (args excludes the program name). Results go to
// `out`, messages to `err`; returns an ExitCode.
int RunCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
           const CliContext& context = {});

}  // namespace allot
