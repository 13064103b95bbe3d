// How the driver reports problems (internal to src/cli/): one printer for
// usage errors and one for diagnostics, used by every command.
#pragma once

#include <ostream>
#include <string>

#include "allot/diagnostic.hpp"

namespace allot::cli {

// "allot COMMAND: error: MESSAGE", then "Try 'allot COMMAND --help'.".
void UsageError(const std::string& command, const std::string& message, std::ostream& err);

// "allot COMMAND: error: MESSAGE", for failures that --help cannot fix
// (a file that cannot be written).
void Error(const std::string& command, const std::string& message, std::ostream& err);

// Every diagnostic, then "N errors" when there is more than one. One that
// points into a file prints as FILE:LINE:COL with the line and a caret; one
// without a position (an option value the library refused, such as an
// unknown --weights set) as "allot COMMAND: error: MESSAGE".
void PrintDiagnostics(const std::string& command, const Diagnostics& diags, std::ostream& err);

}  // namespace allot::cli
