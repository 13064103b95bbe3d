#include "allot/cli.hpp"

#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "test_support.hpp"

using allot::testing::kSmallModel;
using allot::testing::TempDir;

namespace {

using Run = allot::testing::CliRun;

Run Cli(const std::vector<std::string>& args, std::vector<std::string> data_dirs = {}) {
  return allot::testing::RunAllot(args, allot::CliContext{std::move(data_dirs)});
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

const char* const kShift = R"(format: allot/1
scenario: shift
name: Shift to y
budget: neutral
changes:
  - move: {amount: 300, from: x, to: y}
)";

}  // namespace

TEST_CASE("help explains the commands, and no command is a usage error", "[cli]") {
  Run help = Cli({"--help"});
  CHECK(help.code == 0);
  CHECK(Contains(help.out, "compare"));
  CHECK(Contains(help.out, "check"));
  Run compare_help = Cli({"compare", "--help"});
  CHECK(compare_help.code == 0);
  CHECK(Contains(compare_help.out, "--baseline"));
  CHECK(Contains(compare_help.out, "--lang"));
  CHECK(Cli({"help", "check"}).code == 0);
  // Help about help is the general help (it used to recurse until the stack
  // ran out: tests/data/regressions/fuzz_cli/help-help).
  for (const char* first : {"help", "--help", "-h"}) {
    for (const char* second : {"help", "--help", "-h"}) {
      Run nested = Cli({first, second});
      CHECK(nested.code == 0);
      CHECK(nested.out == help.out);
    }
  }
  CHECK(Cli({}).code == 2);
  Run unknown = Cli({"comprae"});
  CHECK(unknown.code == 2);
  CHECK(unknown.err == "allot: error: unknown command 'comprae'\nTry 'allot --help'.\n");
}

TEST_CASE("bad options are usage errors with nothing on stdout", "[cli]") {
  TempDir dir;
  std::string model = dir.Write("m.yaml", kSmallModel);
  Run bad_format = Cli({"compare", model, "--format", "xml"});
  CHECK(bad_format.code == 2);
  CHECK(bad_format.out.empty());
  CHECK(bad_format.err ==
        "allot compare: error: --format must be table, csv, json or md, not 'xml'\n"
        "Try 'allot compare --help'.\n");
  Run bad_option = Cli({"compare", "--frmat", "json"});
  CHECK(bad_option.code == 2);
  CHECK(Contains(bad_option.err, "unrecognised option '--frmat'"));
  Run bad_weights = Cli({"compare", model, "--weights", "evn"});
  CHECK(bad_weights.code == 2);
  CHECK(bad_weights.out.empty());
  CHECK(Contains(bad_weights.err, "unknown weight set 'evn' (did you mean 'even'?)"));
}

TEST_CASE("compare prints every format for given files", "[cli]") {
  TempDir dir;
  std::string model = dir.Write("m.yaml", kSmallModel);
  std::string shift = dir.Write("shift.yaml", kShift);
  for (const char* format : {"table", "csv", "json", "md"}) {
    Run run = Cli({"compare", model, shift, "--format", format});
    INFO(format << "\n" << run.err);
    CHECK(run.code == 0);
    CHECK(Contains(run.out, "shift"));
    CHECK(run.err.empty());
  }
  Run dutch = Cli({"compare", model, shift, "--lang", "nl"});
  CHECK(Contains(dutch.out, "Gewogen score: even"));
}

TEST_CASE("invalid input: all errors, exit 2, nothing written", "[cli]") {
  TempDir dir;
  std::string model = dir.Write("m.yaml", kSmallModel);
  std::string bad = dir.Write(
      "bad.yaml", "format: allot/1\nscenario: bad\nchanges:\n  - scale: {line: q, by: 2}\n");
  std::string output = dir.path() + "/out.json";
  Run run = Cli({"compare", model, bad, "--output", output});
  CHECK(run.code == 2);
  CHECK(run.out.empty());
  CHECK(Contains(run.err, "bad.yaml:4:5: error: changes[0].scale.line: unknown line 'q'"));
  CHECK(dir.Read("out.json") == "<missing>");
}

TEST_CASE("an output file is replaced whole and is never an input", "[cli]") {
  TempDir dir;
  std::string model = dir.Write("m.yaml", kSmallModel);
  std::string output = dir.Write("out.csv", "old contents\n");
  Run run = Cli({"compare", model, "--format", "csv", "--output", output});
  CHECK(run.code == 0);
  CHECK(run.out.empty());
  CHECK(Contains(dir.Read("out.csv"), "scenario,name,illustrative,total_eur"));

  Run onto_input = Cli({"compare", model, "--output", model});
  CHECK(onto_input.code == 2);
  CHECK(Contains(onto_input.err, "is one of the input files; refusing to overwrite it"));
  CHECK(dir.Read("m.yaml") == kSmallModel);

  Run missing_dir = Cli({"compare", model, "--output", dir.path() + "/no/such/dir/out.txt"});
  CHECK(missing_dir.code == 1);
  CHECK(Contains(missing_dir.err, "allot compare: error: cannot create a file in"));
}

TEST_CASE("check reports every error of every file", "[cli]") {
  TempDir dir;
  std::string model = dir.Write("m.yaml", kSmallModel);
  std::string good = dir.Write("good.yaml", kShift);
  Run ok = Cli({"check", model, good});
  CHECK(ok.code == 0);
  CHECK(ok.out == "ok: 2 files (1 model, 1 scenario)\n");
  std::string bad1 =
      dir.Write("b1.yaml", "format: allot/1\nscenario: b1\nchanges:\n  - remove: q\n");
  std::string bad2 = dir.Write("b2.yaml", "format: allot/1\nscenario: b2\nbase: nope\n");
  Run run = Cli({"check", model, bad1, bad2});
  CHECK(run.code == 2);
  CHECK(run.out.empty());
  CHECK(Contains(run.err, "b1.yaml:4:5: error: changes[0].remove: unknown line 'q'"));
  CHECK(Contains(run.err, "b2.yaml:3:7: error: base: unknown scenario 'nope'"));
  CHECK(Contains(run.err, "2 errors\n"));
}

TEST_CASE("with no files, compare and check use the shipped model", "[cli]") {
  Run compare = Cli({"compare", "--format", "json"}, {"/nonexistent", ALLOT_SOURCE_DIR});
  INFO(compare.err);
  CHECK(compare.code == 0);
  CHECK(Contains(compare.out, "\"id\": \"model\""));
  Run check = Cli({"check"}, {ALLOT_SOURCE_DIR});
  INFO(check.err);
  CHECK(check.code == 0);
  Run nothing = Cli({"compare"}, {"/nonexistent"});
  CHECK(nothing.code == 2);
  CHECK(Contains(nothing.err, "no shipped model found"));
}
