// Fuzzes the scenario loader, resolution and compare against the shipped
// model. The input is one or more scenario files separated by a line
// "#8<" (so chains of `base:` between fuzzed scenarios are reachable); the
// shipped scenarios are resolved alongside, so a fuzzed scenario can build
// on them too.
#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "allot/load.hpp"
#include "fuzz_checks.hpp"
#include "fuzz_targets.hpp"

namespace {

struct Shipped {
  allot::Model model;
  std::vector<allot::Scenario> scenarios;
};

const Shipped& LoadShipped() {
  static const Shipped* shipped = [] {
    namespace fs = std::filesystem;
    auto* s = new Shipped;
    allot::Diagnostics diags;
    std::string dir = ALLOT_SOURCE_DATA_DIR;
    auto model = allot::LoadFile(dir + "/model/samen-tegen-mensenhandel.yaml", diags);
    if (!model) allot::fuzz::Fail("cannot load the shipped model");
    s->model = std::get<allot::Model>(model->content);
    std::vector<std::string> files;
    for (const auto& entry : fs::directory_iterator(dir + "/scenarios")) {
      files.push_back(entry.path().string());
    }
    std::sort(files.begin(), files.end());
    for (const std::string& file : files) {
      auto loaded = allot::LoadFile(file, diags);
      if (!loaded) allot::fuzz::Fail("cannot load " + file);
      s->scenarios.push_back(std::get<allot::Scenario>(loaded->content));
    }
    return s;
  }();
  return *shipped;
}

std::vector<std::string> SplitFiles(const std::string& text) {
  constexpr size_t kMaxFiles = 16;
  const std::string separator = "\n#8<\n";
  std::vector<std::string> files;
  size_t start = 0;
  while (files.size() + 1 < kMaxFiles) {
    size_t end = text.find(separator, start);
    if (end == std::string::npos) break;
    files.push_back(text.substr(start, end - start));
    start = end + separator.size();
  }
  files.push_back(text.substr(start));
  return files;
}

}  // namespace

void allot::fuzz::FuzzScenario(const std::string& input) {
  const Shipped& shipped = LoadShipped();
  std::vector<allot::Scenario> scenarios = shipped.scenarios;
  bool all_loaded = true;
  int n = 0;
  for (const std::string& file : SplitFiles(input)) {
    allot::Diagnostics diags;
    std::optional<allot::Scenario> scenario =
        allot::LoadScenario(file, "fuzz" + std::to_string(n++) + ".yaml", diags);
    allot::fuzz::CheckDiagnostics(diags, scenario.has_value());
    if (scenario) {
      allot::fuzz::CheckWriteRoundTrip(*scenario);
      scenarios.push_back(std::move(*scenario));
    } else {
      all_loaded = false;
    }
  }
  if (all_loaded) allot::fuzz::CompareAndRender(shipped.model, scenarios);
}

#ifndef ALLOT_FUZZ_REPLAY
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  allot::fuzz::FuzzScenario(std::string(reinterpret_cast<const char*>(data), size));
  return 0;
}
#endif
