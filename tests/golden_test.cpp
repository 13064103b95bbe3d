// Golden tests: `allot compare` on the shipped model and scenarios, in every
// format, and the analyses (stability, what-it-takes, tornado, explain,
// batch) in table and md, English and Dutch, against files under
// tests/data/golden/. After an intended change, regenerate them with
// scripts/update-golden and review the diff.
#include <catch2/catch.hpp>
#include <sstream>

#include "allot/cli.hpp"
#include "test_support.hpp"

namespace {

std::string RunShipped(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  int code = allot::RunCli(args, out, err, allot::CliContext{{ALLOT_SOURCE_DIR}});
  INFO(err.str());
  REQUIRE(code == 0);
  return out.str();
}

void CheckGoldenRun(const std::string& golden, const std::vector<std::string>& args) {
  INFO("golden file tests/data/golden/" << golden << " (regenerate: scripts/update-golden)");
  CHECK(RunShipped(args) == allot::testing::ReadTestData("golden/" + golden));
}

void CheckGolden(const std::string& golden, const std::vector<std::string>& options) {
  std::vector<std::string> args = {"compare"};
  args.insert(args.end(), options.begin(), options.end());
  CheckGoldenRun(golden, args);
}

// The command lines of scripts/update-golden's analysis goldens.
std::vector<std::string> AnalysisArgs(const std::string& name) {
  if (name == "stability") return {"stability", "--weights", "ministry,ckm"};
  if (name == "what-it-takes") {
    return {"what-it-takes", "amendement-bikker", "ckm-op-versterkt", "--weights", "ministry"};
  }
  if (name == "tornado") return {"tornado", "model", "ckm-tegenvoorstel", "--weights", "ministry"};
  if (name == "explain") return {"explain", "model", "amendement-bikker", "--weights", "ministry,ckm"};
  return {"batch", allot::testing::SourcePath("tests/data/golden/runs.yaml")};
}

// NAME.txt / NAME.md: the English table and md (for stability,
// what-it-takes, tornado and explain byte for byte as before --lang
// existed); NAME-nl.txt / NAME-nl.md: the same in Dutch.
void CheckAnalysisGoldens(const std::string& name) {
  std::vector<std::string> args = AnalysisArgs(name);
  CheckGoldenRun(name + ".txt", args);
  std::vector<std::string> md = args;
  md.insert(md.end(), {"--format", "md"});
  CheckGoldenRun(name + ".md", md);
  args.insert(args.end(), {"--lang", "nl"});
  CheckGoldenRun(name + "-nl.txt", args);
  md.insert(md.end(), {"--lang", "nl"});
  CheckGoldenRun(name + "-nl.md", md);
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

TEST_CASE("golden: stability table and md (en, nl)", "[golden][stability]") { CheckAnalysisGoldens("stability"); }
TEST_CASE("golden: what-it-takes table and md (en, nl)", "[golden][whatittakes]") {
  CheckAnalysisGoldens("what-it-takes");
}
TEST_CASE("golden: tornado table and md (en, nl)", "[golden][tornado]") { CheckAnalysisGoldens("tornado"); }
TEST_CASE("golden: explain table and md (en, nl)", "[golden][explain]") { CheckAnalysisGoldens("explain"); }
TEST_CASE("golden: batch table and md (en, nl)", "[golden][batch]") { CheckAnalysisGoldens("batch"); }
TEST_CASE("golden: batch csv", "[golden][batch]") {
  CheckGoldenRun("batch.csv", AnalysisArgs("batch"));
}
