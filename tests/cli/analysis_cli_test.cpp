#include <catch2/catch.hpp>

#include "allot/cli.hpp"
#include "test_support.hpp"

using allot::testing::kSmallModel;
using allot::testing::TempDir;

namespace {

using Run = allot::testing::CliRun;

Run Cli(const std::vector<std::string>& args) { return allot::testing::RunAllot(args); }

// On the shipped model and scenarios.
Run Shipped(const std::vector<std::string>& args) {
  return allot::testing::RunAllot(args, allot::CliContext{{ALLOT_SOURCE_DIR}});
}

std::vector<std::string> With(std::vector<std::string> args, const std::vector<std::string>& more) {
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

const char* const kShift = R"(format: allot/1
scenario: shift
name: Shift
changes:
  - move: {amount: 300, from: x, to: y}
)";

}  // namespace

TEST_CASE("analysis commands explain every option in --help",
          "[stability][whatittakes][tornado][explain][batch]") {
  for (const char* command : {"stability", "what-it-takes", "tornado", "explain", "batch"}) {
    Run r = Cli({command, "--help"});
    INFO(command);
    CHECK(r.code == 0);
    CHECK(r.out.find("Usage: allot " + std::string(command)) == 0);
    CHECK(r.out.find("Examples:") != std::string::npos);
    CHECK(r.out.find("--output") != std::string::npos);
  }
}

TEST_CASE("tornado --effect-range: P10-P90 by default, low-high on request, named per bar",
          "[tornado]") {
  std::vector<std::string> args{"tornado",  "model", "herverdeling-ckm", "-w", "ministry",
                                "--format", "csv"};
  Run p10 = Shipped(args);
  REQUIRE(p10.code == 0);
  CHECK(p10.out.find("effect,information_point: information max,p10-p90,") != std::string::npos);
  CHECK(p10.out.find("weight,information,weight+-25%,") != std::string::npos);
  args.insert(args.end(), {"--effect-range", "low-high"});
  Run extremes = Shipped(args);
  REQUIRE(extremes.code == 0);
  CHECK(extremes.out.find("effect,information_point: information max,low-high,15,45,") !=
        std::string::npos);
  args.back() = "p50";
  Run bad = Shipped(args);
  CHECK(bad.code == 2);
  CHECK(bad.out.empty());
  CHECK(bad.err.find("--effect-range must be p10-p90 or low-high, not 'p50'") != std::string::npos);
}

TEST_CASE("what-it-takes shows both ends when the nearest weights are not unique, and the tie",
          "[whatittakes]") {
  // model ties amendement-bikker on awareness and labour exploitation only.
  std::vector<std::string> args{"what-it-takes", "amendement-bikker", "model", "-w", "ckm"};
  Run text = Shipped(args);
  REQUIRE(text.code == 0);
  CHECK(Contains(text.out, "other end"));
  CHECK(Contains(text.out, "the nearest weights are not unique"));
  CHECK(Contains(text.out, "catching up means a tie"));
  CHECK(Contains(text.out, "not unique: as near with labour_exploitation weighs 0.960"));
  args.insert(args.end(), {"--format", "json"});
  Run json = Shipped(args);
  CHECK(Contains(json.out, "\"unique\": false"));
  CHECK(Contains(json.out, "\"other_weights\": ["));
  // A unique nearest weighting: no other end, but still the tie.
  Run unique = Shipped({"what-it-takes", "model", "herverdeling-ckm", "-w", "ministry"});
  REQUIRE(unique.code == 0);
  CHECK_FALSE(Contains(unique.out, "other end"));
}

TEST_CASE("sampled explain: ±n/a with one replicate, a warning below the minimum", "[explain]") {
  // 5 changed lines: a replicate is 5 orders.
  std::vector<std::string> args{"explain",     "model", "amendement-bikker", "-w", "ministry",
                                "--exact-max", "2",     "--permutations"};
  Run one = Shipped(With(args, {"5"}));
  REQUIRE(one.code == 0);
  CHECK(Contains(one.out, "+0.500 ±n/a"));
  CHECK(Contains(one.out, "one replicate of 5 orders: no standard error"));
  CHECK_FALSE(Contains(one.out, "±0.000"));
  Run json = Shipped(With(args, {"5", "--format", "json"}));
  CHECK(Contains(json.out, "\"std_error\": null"));
  CHECK(Contains(json.out, "\"replicates\": 1"));
  Run few = Shipped(With(args, {"10"}));
  CHECK(Contains(few.out, "warning: the standard errors rest on only 2 independent replicates"));
  CHECK_FALSE(Contains(few.out, "±n/a"));
  Run enough = Shipped(With(args, {"150"}));
  CHECK_FALSE(Contains(enough.out, "warning"));
  CHECK_FALSE(Contains(enough.out, "±n/a"));
}

TEST_CASE("what-it-takes on files: words on stdout, usage errors exit 2", "[whatittakes]") {
  TempDir dir;
  std::string model = dir.Write("model.yaml", kSmallModel);
  std::string shift = dir.Write("shift.yaml", kShift);
  Run ok = Cli({"what-it-takes", "shift", "model", model, shift, "-w", "even"});
  CHECK(ok.code == 0);
  CHECK(ok.out.find("model catches up with shift once a weighs 0.926 instead of 0.500") !=
        std::string::npos);
  Run no_set = Cli({"what-it-takes", "shift", "model", model, shift});
  CHECK(no_set.code == 2);
  CHECK(no_set.out.empty());
  CHECK(no_set.err.find("allot what-it-takes: error: --weights must name exactly one weight set") ==
        0);
  Run one_id = Cli({"tornado", "shift"});
  CHECK(one_id.code == 2);
  CHECK(one_id.err.find(
            "allot tornado: error: expected two scenario ids, A and B, before the files") == 0);
  Run unknown = Cli({"explain", "shift", "modl", model, shift});
  CHECK(unknown.code == 2);
  CHECK(unknown.err ==
        "allot explain: error: B: unknown scenario 'modl' (did you mean 'model'?)\n");
  for (const char* permutations : {"0", "10000001"}) {
    Run bad = Cli({"explain", "shift", "model", model, shift, "--permutations", permutations});
    CHECK(bad.code == 2);
    CHECK(bad.err.find(
              std::string("allot explain: error: --permutations must be from 1 to 10000000, not ") +
              permutations) == 0);
  }
}

TEST_CASE("analysis --output writes the file and refuses an input", "[stability]") {
  TempDir dir;
  std::string model = dir.Write("model.yaml", kSmallModel);
  std::string shift = dir.Write("shift.yaml", kShift);
  Run ok = Cli({"stability", model, shift, "--format", "json", "--output", dir.path() + "/s.json"});
  CHECK(ok.code == 0);
  CHECK(ok.out.empty());
  CHECK(dir.Read("s.json").find("\"analysis\": \"stability\"") != std::string::npos);
  Run refuse = Cli({"stability", model, shift, "--output", shift});
  CHECK(refuse.code == 2);
  CHECK(dir.Read("shift.yaml") == kShift);
  Run format = Cli({"explain", "model", "shift", model, shift, "--format", "xml"});
  CHECK(format.code == 2);
  CHECK(format.err.find(
            "allot explain: error: --format must be table, csv, json or md, not 'xml'") == 0);
}

namespace {

// The most decimals any number in `json` is written with ("0.147541" has 6).
size_t MostDecimals(const std::string& json) {
  size_t most = 0;
  bool in_string = false;
  for (size_t i = 0; i < json.size(); ++i) {
    char c = json[i];
    if (c == '"' && (i == 0 || json[i - 1] != '\\')) in_string = !in_string;
    if (in_string || c != '.' || i == 0 || !isdigit(static_cast<unsigned char>(json[i - 1])))
      continue;
    size_t end = i + 1;
    while (end < json.size() && isdigit(static_cast<unsigned char>(json[end]))) ++end;
    most = std::max(most, end - i - 1);
  }
  return most;
}

}  // namespace

TEST_CASE("analysis JSON writes every number with at most six decimals",
          "[stability][whatittakes][tornado][explain][batch]") {
  // tornado once printed 0.14754098399999999: a nine-decimal rounding that
  // the JSON writer's shortest-digits search did not find shortest.
  const std::vector<std::vector<std::string>> commands = {
      {"tornado", "model", "herverdeling-ckm", "--weights", "ministry"},
      {"stability", "--weights", "ministry,ckm"},
      {"what-it-takes", "amendement-bikker", "herverdeling-ckm-versterkt", "--weights", "ministry"},
      {"explain", "model", "amendement-bikker", "--weights", "ministry,ckm"},
      {"sensitivity", "--samples", "500"},
  };
  for (std::vector<std::string> args : commands) {
    args.insert(args.end(), {"--format", "json"});
    Run r = allot::testing::RunAllot(args, allot::CliContext{{ALLOT_SOURCE_DIR}});
    INFO(args[0] << ": " << r.err);
    REQUIRE(r.code == 0);
    CHECK(MostDecimals(r.out) <= 6);
  }
  CHECK(MostDecimals(R"({"a": 0.14754098399999999, "b": "0.1234567"})") == 17);
}
