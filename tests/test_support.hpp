// Helpers shared by the tests.
#pragma once

#include <string>

#include "allot/diagnostic.hpp"

namespace allot::testing {

// All diagnostics rendered with FormatDiagnostic and concatenated.
std::string Render(const Diagnostics& diags);

// The contents of a file under tests/data/ (path relative to it).
std::string ReadTestData(const std::string& relative_path);

// The absolute path of a file in the source tree.
std::string SourcePath(const std::string& relative_path);

}  // namespace allot::testing
