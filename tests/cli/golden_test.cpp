// Golden tests: every command, in every output format and (for table and
// md) in both languages, on the shipped model and scenarios, against the
// files under tests/data/golden/. The command lines live only here: run
//
//   ALLOT_UPDATE_GOLDEN=1 build/tests/allot_tests '[golden]'
//
// (or scripts/update-golden, which does that) to rewrite the files after an
// intended change, then review the diff.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "allot/cli.hpp"
#include "test_support.hpp"

namespace {

using Args = std::vector<std::string>;

// One golden file and the command line whose output it holds. An argument
// "{out}" is replaced by a temporary file, and the golden then holds what
// the command wrote there (for outputs that only go to a file).
struct GoldenCase {
  std::string file;  // under tests/data/golden/
  Args args;
};

constexpr const char* kOutArg = "{out}";

bool UpdatingGoldens() {
  const char* update = std::getenv("ALLOT_UPDATE_GOLDEN");
  return update != nullptr && std::string(update) == "1";
}

// Output with the source directory replaced by "$ALLOT_SOURCE_DIR", so that
// files that name an input path (optimise --output) do not depend on where
// the checkout is.
std::string WithoutSourceDir(std::string text) {
  const std::string dir = ALLOT_SOURCE_DIR;
  const std::string placeholder = "$ALLOT_SOURCE_DIR";
  for (size_t at = text.find(dir); at != std::string::npos; at = text.find(dir, at)) {
    text.replace(at, dir.size(), placeholder);
    at += placeholder.size();
  }
  return text;
}

std::string RunCase(const GoldenCase& c) {
  allot::testing::TempDir dir;
  Args args = c.args;
  bool to_file = false;
  for (std::string& a : args) {
    if (a == kOutArg) {
      a = dir.path() + "/out";
      to_file = true;
    }
  }
  allot::testing::CliRun run =
      allot::testing::RunAllot(args, allot::CliContext{{ALLOT_SOURCE_DIR}});
  INFO("stderr: " << run.err);
  REQUIRE(run.code == 0);
  return WithoutSourceDir(to_file ? dir.Read("out") : run.out);
}

void CheckCase(const GoldenCase& c) {
  std::string command;
  for (const std::string& a : c.args) command += " " + a;
  INFO("golden file tests/data/golden/" << c.file << ": allot" << command);
  std::string actual = RunCase(c);
  if (UpdatingGoldens()) {
    std::ofstream(allot::testing::SourcePath("tests/data/golden/" + c.file), std::ios::binary)
        << actual;
    return;
  }
  CHECK(actual == allot::testing::ReadTestData("golden/" + c.file));
}

void CheckCases(const std::vector<GoldenCase>& cases) {
  for (const GoldenCase& c : cases) CheckCase(c);
}

Args With(Args args, const Args& more) {
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

// NAME.txt, NAME.md, NAME.csv and NAME.json: the four formats in English;
// NAME-nl.txt and NAME-nl.md: table and md in Dutch (csv and json do not
// depend on the language).
std::vector<GoldenCase> EveryFormat(const std::string& name, const Args& args) {
  return {
      {name + ".txt", With(args, {"--format", "table"})},
      {name + ".md", With(args, {"--format", "md"})},
      {name + ".csv", With(args, {"--format", "csv"})},
      {name + ".json", With(args, {"--format", "json"})},
      {name + "-nl.txt", With(args, {"--format", "table", "--lang", "nl"})},
      {name + "-nl.md", With(args, {"--format", "md", "--lang", "nl"})},
  };
}

const Args kSensitivity = {"sensitivity", "--samples", "2000", "--seed", "7"};

}  // namespace

TEST_CASE("golden: compare in every format and language", "[golden][compare]") {
  CheckCases(EveryFormat("compare", {"compare"}));
}

TEST_CASE("golden: compare of scenarios named by id, with the bases they need",
          "[golden][compare]") {
  // herverdeling-ckm-versterkt needs versterkt-2024, which is not shown;
  // with versterkt-2024 not named, the baseline is the model.
  CheckCase({"compare-ids.txt",
             {"compare", "amendement-bikker", "--scenarios", "herverdeling-ckm-versterkt"}});
}

TEST_CASE("golden: lines in every format and language", "[golden][lines]") {
  CheckCases(EveryFormat("lines", {"lines"}));
  CheckCase({"lines-current.txt", {"lines", "--scenario", "versterkt-2024"}});
}

TEST_CASE("golden: check on the shipped files", "[golden][check]") {
  CheckCase({"check.txt", {"check"}});
}

TEST_CASE("golden: sensitivity in every format and language", "[golden][sensitivity]") {
  CheckCases(EveryFormat("sensitivity", kSensitivity));
  CheckCase({"sensitivity-fixed.json",
             {"sensitivity", "--samples", "1000", "--weights", "ckm:order", "--effects", "fixed",
              "--format", "json"}});
}

TEST_CASE("golden: sensitivity --amounts uncertain in every format and language",
          "[golden][sensitivity][uncertain]") {
  CheckCases(EveryFormat("sensitivity-amounts", {"sensitivity", "--amounts", "uncertain",
                                                 "--samples", "1000", "--seed", "7"}));
}

TEST_CASE("golden: two shards and their merge", "[golden][sensitivity][merge]") {
  CheckCase({"sensitivity-part1.json", With(kSensitivity, {"--shard", "1/2"})});
  CheckCase({"sensitivity-part2.json", With(kSensitivity, {"--shard", "2/2"})});
  const Args parts = {"merge",
                      allot::testing::SourcePath("tests/data/golden/sensitivity-part1.json"),
                      allot::testing::SourcePath("tests/data/golden/sensitivity-part2.json")};
  CheckCase({"merge.txt", With(parts, {"--format", "table"})});
  // The merge of the shards is the single run, to the byte.
  CHECK(RunCase({"", With(parts, {"--format", "json"})}) ==
        RunCase({"", With(kSensitivity, {"--format", "json"})}));
}

TEST_CASE("golden: optimise in every format and language, and its scenario file",
          "[golden][optimise]") {
  CheckCases(EveryFormat("optimise", {"optimise", "--weights", "ckm"}));
  CheckCase({"optimise-scenario.yaml", {"optimise", "--weights", "ckm", "--output", kOutArg}});
}

TEST_CASE("golden: frontier in every format and language", "[golden][frontier]") {
  CheckCases(EveryFormat("frontier", {"frontier", "--weights", "ckm", "--points", "8"}));
}

TEST_CASE("golden: stability in every format and language", "[golden][stability]") {
  CheckCases(EveryFormat("stability", {"stability", "--weights", "ministry,ckm"}));
}

TEST_CASE("golden: what-it-takes in every format and language", "[golden][whatittakes]") {
  CheckCases(EveryFormat("what-it-takes", {"what-it-takes", "amendement-bikker",
                                           "herverdeling-ckm-versterkt", "--weights", "ministry"}));
}

TEST_CASE("golden: tornado in every format and language", "[golden][tornado]") {
  CheckCases(
      EveryFormat("tornado", {"tornado", "model", "herverdeling-ckm", "--weights", "ministry"}));
}

TEST_CASE("golden: explain in every format and language", "[golden][explain]") {
  CheckCases(EveryFormat("explain",
                         {"explain", "model", "amendement-bikker", "--weights", "ministry,ckm"}));
}

TEST_CASE("golden: batch in every format and language", "[golden][batch]") {
  CheckCases(
      EveryFormat("batch", {"batch", allot::testing::SourcePath("tests/data/golden/runs.yaml")}));
}

TEST_CASE("golden: report HTML in both languages, with every analysis section",
          "[golden][report]") {
  CheckCase({"report.html", {"report", "--html", kOutArg}});
  CheckCase({"report-nl.html", {"report", "--html", kOutArg, "--lang", "nl"}});
  CheckCase(
      {"report-analyses.html",
       {"report", "--html", kOutArg, "--sensitivity", "uniform", "--samples", "2000", "--tornado",
        "herverdeling-ckm,model,ckm", "--frontier", "ckm", "--frontier-points", "8"}});
}
