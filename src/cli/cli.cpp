#include "allot/cli.hpp"

#include <exception>

#include "commands.hpp"

namespace allot {

namespace {

constexpr const char* kVersion = ALLOT_VERSION;

constexpr const char* kHelp = R"(Usage: allot COMMAND [ARGS...]

allot models a public action-plan budget as money allocated to action lines,
scores each allocation against weighted policy objectives, and compares
alternative spending scenarios written as small YAML files (format allot/1).

Commands:
  compare   compare scenarios: money, objective scores, weighted scores and
            ranks per weight set, change against a baseline, unfunded motions
  check     validate model and scenario files; report every error

With no files, both use the shipped model/ and scenarios/.
'allot COMMAND --help' explains a command; docs/format.md describes the files.

Exit status: 0 success, 2 invalid input or usage (nothing written), 1 other
failure.
)";

}  // namespace

int RunCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
           const CliContext& context) {
  if (args.empty()) {
    err << kHelp;
    return kExitBadInput;
  }
  const std::string& command = args[0];
  std::vector<std::string> rest(args.begin() + 1, args.end());
  try {
    if (command == "--help" || command == "-h" || command == "help") {
      if (!rest.empty()) return RunCli({rest[0], "--help"}, out, err, context);
      out << kHelp;
      return kExitSuccess;
    }
    if (command == "--version") {
      out << "allot " << kVersion << '\n';
      return kExitSuccess;
    }
    if (command == "compare") return cli::RunCompare(rest, out, err, context);
    if (command == "check") return cli::RunCheck(rest, out, err, context);
  } catch (const std::exception& e) {
    // The library reports bad input as diagnostics; reaching this is an
    // internal failure (e.g. out of memory), not a usage error.
    err << "allot: internal error: " << e.what() << '\n';
    return kExitFailure;
  }
  err << "allot: error: unknown command '" << command << "'\nTry 'allot --help'.\n";
  return kExitBadInput;
}

}  // namespace allot
