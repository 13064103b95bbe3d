#include "allot/cli.hpp"

#include <exception>
#include <new>
#include <sstream>
#include <string>

#include "allot/diagnostic.hpp"
#include "cli/commands.hpp"
#include "cli/output_file.hpp"

namespace allot {

namespace {

constexpr const char* kVersion = ALLOT_VERSION;

constexpr const char* kHelp = R"(Usage: allot COMMAND [ARGS...]

allot models a public action-plan budget as money allocated to action lines,
scores each allocation against weighted policy objectives, and compares
alternative spending scenarios written as small YAML files (format allot/1).

Commands:
)";

constexpr const char* kHelpTail = R"(
With no files, commands use the shipped model/ and scenarios/.
'allot COMMAND --help' explains a command; docs/format.md describes the files.

Exit status: 0 success, 2 invalid input or usage (nothing written), 1 other
failure.
)";

void PrintHelp(std::ostream& out) {
  out << kHelp;
  for (const cli::Subcommand& c : cli::kCommands) {
    // At least two spaces after a long name: 12 - size would wrap around
    // (size_t) and ask for an impossible string.
    size_t width = std::string(c.name).size();
    out << "  " << c.name << std::string(width < 12 ? 12 - width : 2, ' ') << c.summary << '\n';
  }
  out << kHelpTail;
}

// Writes the top-level help or version to standard output: 0, or 1 after
// saying why it could not (as every command does for its output).
int WriteOut(const std::string& text, std::ostream& out, std::ostream& err) {
  std::string reason;
  if (cli::WriteStandardOutput(out, text, reason)) return kExitSuccess;
  err << "allot: error: writing standard output: " << reason << '\n';
  return kExitFailure;
}

bool IsHelpWord(const std::string& word) {
  return word == "--help" || word == "-h" || word == "help";
}

}  // namespace

int RunCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
           const CliContext& context) {
  if (args.empty()) {
    PrintHelp(err);
    return kExitBadInput;
  }
  const std::string& command = args[0];
  std::vector<std::string> rest(args.begin() + 1, args.end());
  try {
    if (IsHelpWord(command)) {
      // `allot help compare` is `allot compare --help`. `allot help help`
      // and `allot help --help` are the general help: passing them on
      // would call this again with the same words, without end.
      if (!rest.empty() && !IsHelpWord(rest[0])) {
        return RunCli({rest[0], "--help"}, out, err, context);
      }
      std::ostringstream help;
      PrintHelp(help);
      return WriteOut(help.str(), out, err);
    }
    if (command == "--version") return WriteOut(std::string("allot ") + kVersion + "\n", out, err);
    for (const cli::Subcommand& c : cli::kCommands) {
      if (command == c.name) return c.run(rest, out, err, context);
    }
  } catch (const std::bad_alloc&) {
    // Inputs within the limits (docs/limits.md) fit in a few GB; this machine
    // gave less. Files are written whole or not at all, so no file was
    // written; what batch streamed to standard output before is said by
    // RunCommand.
    err << "allot " << EscapeControl(command)
        << ": error: out of memory: the inputs need more memory than is available; no file was "
           "written (docs/limits.md gives what each command needs)\n";
    return kExitFailure;
  } catch (const std::exception& e) {
    // The library reports bad input as diagnostics; reaching this is an
    // internal failure (e.g. out of memory), not a usage error.
    err << "allot: internal error: " << EscapeControl(e.what()) << '\n';
    return kExitFailure;
  }
  err << "allot: error: unknown command '" << EscapeControl(command) << "'\nTry 'allot --help'.\n";
  return kExitBadInput;
}

}  // namespace allot
