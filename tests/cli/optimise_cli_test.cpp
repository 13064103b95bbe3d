// allot optimise on the command line: the written scenario is accepted by
// check and compare, which report the same score; bad options are usage
// errors with nothing on stdout and no file written.
#include <catch2/catch.hpp>
#include <filesystem>

#include "allot/cli.hpp"
#include "test_support.hpp"

using allot::testing::TempDir;

namespace {

using Run = allot::testing::CliRun;

Run Cli(const std::vector<std::string>& args) {
  return allot::testing::RunAllot(args, allot::CliContext{{allot::testing::SourcePath("")}});
}

// The number after `"key": ` in JSON text.
double JsonNumber(const std::string& json, const std::string& key, size_t from = 0) {
  size_t at = json.find("\"" + key + "\": ", from);
  REQUIRE(at != std::string::npos);
  return std::stod(json.substr(at + key.size() + 4));
}

}  // namespace

TEST_CASE("optimise writes a scenario that check and compare accept with the same score",
          "[optimise][cli]") {
  TempDir dir;
  std::string best = dir.path() + "/best.yaml";
  std::string model = allot::testing::SourcePath("model/samen-tegen-mensenhandel.yaml");
  Run r = Cli({"optimise", model, "--weights", "ckm", "--format", "json", "--output", best});
  INFO(r.err);
  REQUIRE(r.code == 0);
  double score = JsonNumber(r.out, "score");
  double bound = JsonNumber(r.out, "upper_bound");
  CHECK(bound >= score);
  CHECK(bound - score < 0.1);
  Run check = Cli({"check", model, best});
  CHECK(check.code == 0);
  Run compare = Cli({"compare", model, best, "--weights", "ckm", "--format", "json"});
  REQUIRE(compare.code == 0);
  size_t optimised = compare.out.find("\"id\": \"optimised\"");
  REQUIRE(optimised != std::string::npos);
  CHECK(JsonNumber(compare.out, "ckm", compare.out.find("\"weighted\"", optimised)) ==
        Approx(score).margin(1e-6));
  CHECK(dir.Read("best.yaml").find("# model: ") != std::string::npos);
}

TEST_CASE("optimise: bad options are usage errors, nothing written", "[optimise][cli]") {
  TempDir dir;
  std::string best = dir.path() + "/best.yaml";
  Run r = Cli({"optimise", "--weights", "ckm", "--min", "victim_cre=1000", "--output", best});
  CHECK(r.code == 2);
  CHECK(r.out.empty());
  CHECK(r.err ==
        "allot optimise: error: --min: unknown line 'victim_cre' (did you mean 'victim_care'?)\n");
  CHECK(dir.Read("best.yaml") == "<missing>");
  Run amount = Cli({"optimise", "--weights", "ckm", "--max-change", "lots"});
  CHECK(amount.code == 2);
  CHECK(amount.err.find("--max-change expects a percentage such as 20% or an amount, not 'lots'") !=
        std::string::npos);
  Run infeasible = Cli({"optimise", "--weights", "ckm", "--min", "victim_care=7000000"});
  CHECK(infeasible.code == 2);
  CHECK(infeasible.out.empty());
  CHECK(infeasible.err ==
        "allot optimise: error: the constraints cannot all be met; dropping any one of these makes "
        "them feasible: the yearly budgets, --min victim_care=7000000.00\n");
  std::string model = allot::testing::SourcePath("model/samen-tegen-mensenhandel.yaml");
  Run self = Cli({"optimise", model, "--output", model});
  CHECK(self.code == 2);
  CHECK(self.err.find("is one of the input files") != std::string::npos);
}

TEST_CASE("optimise: time limits and conflicting bounds are usage errors", "[optimise][cli]") {
  // GLPK aborted the process on a negative time limit (exit 134).
  for (const char* limit : {"-1", "0", "nan", "inf"}) {
    Run r = Cli({"optimise", "--weights", "ckm", "--time-limit", limit});
    INFO(limit);
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(r.err ==
          "allot optimise: error: --time-limit must be a number of seconds above 0 and at most "
          "1000000\nTry 'allot optimise --help'.\n");
  }
  Run frontier = Cli({"frontier", "--weights", "ckm", "--time-limit", "-1"});
  CHECK(frontier.code == 2);
  // It returned EUR 500.01 with exit 0.
  Run bounds =
      Cli({"optimise", "--weights", "ckm", "--min", "technology=500", "--max", "technology=499"});
  CHECK(bounds.code == 2);
  CHECK(bounds.out.empty());
  CHECK(bounds.err ==
        "allot optimise: error: --min technology=500.00 is above --max technology=499.00\n");
}

TEST_CASE("optimise --fund-motions funds the motion in the answer and in compare",
          "[optimise][cli]") {
  // technology stayed at EUR 0 while the written file said it funded wiersma.
  TempDir dir;
  std::string best = dir.path() + "/best.yaml";
  std::string model = allot::testing::SourcePath("model/samen-tegen-mensenhandel.yaml");
  Run r = Cli({"optimise", model, "--weights", "ministry", "--fund-motions", "wiersma", "--format",
               "json", "--output", best});
  INFO(r.err);
  REQUIRE(r.code == 0);
  Run compare = Cli({"compare", model, best, "--weights", "ministry", "--format", "json"});
  REQUIRE(compare.code == 0);
  size_t optimised = compare.out.find("\"id\": \"optimised\"");
  REQUIRE(optimised != std::string::npos);
  CHECK(compare.out.find("\"wiersma\": true", optimised) != std::string::npos);
}

TEST_CASE("optimise --id is refused unless check would accept it", "[optimise][robustness]") {
  allot::testing::TempDir dir;
  std::string out = dir.path() + "/best.yaml";
  allot::testing::CliRun r = allot::testing::RunAllot(
      {"optimise", "--weights", "ckm", "--id", "bad id: x", "--output", out},
      allot::CliContext{{ALLOT_SOURCE_DIR}});
  CHECK(r.code == 2);
  CHECK(r.err.find("--id must use only letters, digits, '_', '.' and '-', not 'bad id: x'") !=
        std::string::npos);
  CHECK(dir.Read("best.yaml") == "<missing>");
}

TEST_CASE("optimise --output: a line break in the model's path stays in the comment",
          "[optimise][robustness]") {
  allot::testing::TempDir dir;
  std::string model = dir.path() + "/m\nscenario: injected";
  std::filesystem::create_directory(model);
  std::filesystem::copy(allot::testing::SourcePath("model"), model);
  std::string out = dir.path() + "/best.yaml";
  allot::testing::CliRun r =
      allot::testing::RunAllot({"optimise", "--weights", "ckm", "--output", out, model});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(dir.Read("best.yaml").find("\nscenario: injected") == std::string::npos);
  CHECK(allot::testing::RunAllot({"check", model, out}).code == 0);
}
