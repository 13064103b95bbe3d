// Golden tests: `allot compare` on the shipped model and scenarios, in every
// format, against files under tests/data/golden/. After an intended change,
// regenerate them with scripts/update-golden and review the diff.
#include <catch2/catch.hpp>
#include <sstream>

#include "allot/cli.hpp"
#include "test_support.hpp"

namespace {

std::string CompareShipped(const std::vector<std::string>& options) {
  std::vector<std::string> args = {"compare"};
  args.insert(args.end(), options.begin(), options.end());
  std::ostringstream out, err;
  int code = allot::RunCli(args, out, err, allot::CliContext{{ALLOT_SOURCE_DIR}});
  INFO(err.str());
  REQUIRE(code == 0);
  return out.str();
}

void CheckGolden(const std::string& golden, const std::vector<std::string>& options) {
  INFO("golden file tests/data/golden/" << golden << " (regenerate: scripts/update-golden)");
  CHECK(CompareShipped(options) == allot::testing::ReadTestData("golden/" + golden));
}

}  // namespace

TEST_CASE("golden: compare table (en)", "[golden]") { CheckGolden("compare.txt", {}); }
TEST_CASE("golden: compare table (nl)", "[golden]") {
  CheckGolden("compare-nl.txt", {"--lang", "nl"});
}
TEST_CASE("golden: compare csv", "[golden]") { CheckGolden("compare.csv", {"--format", "csv"}); }
TEST_CASE("golden: compare json", "[golden]") { CheckGolden("compare.json", {"--format", "json"}); }
TEST_CASE("golden: compare markdown (nl)", "[golden]") {
  CheckGolden("compare-nl.md", {"--format", "md", "--lang", "nl"});
}
