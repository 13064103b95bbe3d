#include "test_support.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace allot::testing {

std::string Render(const Diagnostics& diags) {
  std::string all;
  for (const Diagnostic& d : diags) all += FormatDiagnostic(d);
  return all;
}

std::string ReadTestData(const std::string& relative_path) {
  std::ifstream in(std::string(ALLOT_TEST_DATA_DIR) + "/" + relative_path, std::ios::binary);
  if (!in) throw std::runtime_error("missing test data: " + relative_path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string SourcePath(const std::string& relative_path) {
  return std::string(ALLOT_SOURCE_DIR) + "/" + relative_path;
}

}  // namespace allot::testing
