// The command-line driver as a function: tested in-process, wrapped by a
// few-line main().
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <utility>
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
  // Not explicit, so that `= {}` and `CliContext{{dir}}` read as before
  // the second field was added.
  CliContext(std::vector<std::string> dirs = {}, std::optional<std::string> epoch = std::nullopt)
      : data_dirs(std::move(dirs)), source_date_epoch(std::move(epoch)) {}

  // Directories searched, in order, for the shipped `model/` and
  // `scenarios/` when no files are named: typically the current directory,
  // then <prefix>/share/allot next to the executable.
  std::vector<std::string> data_dirs;
  // The environment's SOURCE_DATE_EPOCH, when set: the creation time that
  // `allot report --xlsx` writes into the workbook (reproducible-builds.org).
  std::optional<std::string> source_date_epoch;
};

// Runs `allot ARGS...` (args excludes the program name). Results go to
// `out`, messages to `err`; returns an ExitCode.
int RunCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
           const CliContext& context = {});

}  // namespace allot
