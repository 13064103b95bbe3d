#include "cli/messages.hpp"

namespace allot::cli {

void UsageError(const std::string& command, const std::string& message, std::ostream& err) {
  Error(command, message, err);
  err << "Try 'allot " << command << " --help'.\n";
}

void Error(const std::string& command, const std::string& message, std::ostream& err) {
  // Messages quote what the user gave (paths, option values): an escape
  // sequence in them is shown, not sent to the terminal.
  err << "allot " << command << ": error: " << EscapeControl(message) << '\n';
}

void PrintDiagnostics(const std::string& command, const Diagnostics& diags, std::ostream& err) {
  for (const Diagnostic& d : diags) {
    if (d.where.source) {
      err << FormatDiagnostic(d);
    } else {
      Error(command, d.message, err);
    }
  }
  if (diags.size() > 1) err << diags.size() << " errors\n";
}

}  // namespace allot::cli
