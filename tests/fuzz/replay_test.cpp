// The fuzz targets' checks (fuzz/fuzz_targets.hpp), run without libFuzzer on
// every input in tests/data/regressions/TARGET/ (what fuzzing found, kept so
// it stays fixed), on the seeds in tests/data/fuzz/TARGET/ and on the
// red-team corpus (tests/data/adversarial/): no crash, no sanitizer report
// (in CI's ASan build), no broken invariant.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz_checks.hpp"
#include "fuzz_targets.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;

const fs::path kData = ALLOT_TEST_DATA_DIR;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The inputs in each of `places` (a folder, or one file), sorted; the
// .expect files and READMEs of the corpora are not inputs.
std::vector<fs::path> Inputs(const std::vector<fs::path>& places) {
  std::vector<fs::path> inputs;
  for (const fs::path& place : places) {
    if (fs::is_regular_file(place)) inputs.push_back(place);
    if (!fs::is_directory(place)) continue;
    for (const auto& entry : fs::directory_iterator(place)) {
      fs::path ext = entry.path().extension();
      if (entry.is_regular_file() && ext != ".expect" && ext != ".md") {
        inputs.push_back(entry.path());
      }
    }
  }
  std::sort(inputs.begin(), inputs.end());
  return inputs;
}

// Runs `target` on every input; a broken invariant fails the test and
// names the input.
void Replay(const std::function<void(const std::string&)>& target,
            const std::vector<fs::path>& inputs) {
  for (const fs::path& input : inputs) {
    INFO("input " << fs::relative(input, kData).string());
    try {
      target(ReadFile(input));
    } catch (const allot::fuzz::InvariantBroken& e) {
      FAIL_CHECK(e.what());
    }
  }
}

// What scripts/fuzz starts `target` from: its regressions, its seeds and the
// parts of the red-team corpus named (relative to tests/data/adversarial/).
std::vector<fs::path> StartingInputs(const std::string& target,
                                     const std::vector<std::string>& corpus) {
  std::vector<fs::path> places = {kData / "regressions" / target, kData / "fuzz" / target};
  for (const std::string& part : corpus) places.push_back(kData / "adversarial" / part);
  return Inputs(places);
}

// Runs in `dir` for the lifetime of the object.
class InDirectory {
 public:
  explicit InDirectory(const fs::path& dir) : old_(fs::current_path()) { fs::current_path(dir); }
  ~InDirectory() {
    std::error_code ec;
    fs::current_path(old_, ec);
  }
  InDirectory(const InDirectory&) = delete;
  InDirectory& operator=(const InDirectory&) = delete;

 private:
  fs::path old_;
};

TEST_CASE("every input fuzzing found is kept in tests/data/regressions, by target", "[fuzz]") {
  const std::set<std::string> targets = {"fuzz_model", "fuzz_scenario", "fuzz_cli"};
  size_t inputs = 0;
  for (const auto& entry : fs::directory_iterator(kData / "regressions")) {
    if (!entry.is_directory()) continue;
    INFO(entry.path().string());
    CHECK(targets.count(entry.path().filename().string()) == 1);
    inputs += Inputs({entry.path()}).size();
  }
  CHECK(inputs >= 1);
}

TEST_CASE("fuzz_model's checks hold on its regressions, seeds and the red-team models",
          "[fuzz][robust]") {
  std::vector<fs::path> inputs = StartingInputs("fuzz_model", {"model", "base/model.yaml"});
  CHECK(inputs.size() >= 60);
  Replay(allot::fuzz::FuzzModel, inputs);
}

TEST_CASE("fuzz_scenario's checks hold on its regressions, seeds and the red-team scenarios",
          "[fuzz][robust]") {
  std::vector<fs::path> inputs =
      StartingInputs("fuzz_scenario", {"scenario", "base/scenario.yaml"});
  CHECK(inputs.size() >= 40);
  Replay(allot::fuzz::FuzzScenario, inputs);
}

TEST_CASE("fuzz_cli's checks hold on its regressions, seeds and the red-team arguments",
          "[fuzz][robust]") {
  allot::testing::TempDir sandbox;
  allot::fuzz::MakeCliSandbox(sandbox.path());
  InDirectory in(sandbox.path());
  std::vector<fs::path> inputs = StartingInputs("fuzz_cli", {"cli"});
  CHECK(inputs.size() >= 30);
  Replay(allot::fuzz::FuzzCli, inputs);
}

}  // namespace
