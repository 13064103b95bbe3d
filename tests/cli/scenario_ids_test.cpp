// Scenarios named by id as well as by path, in every command that reads
// them; `allot lines`; the current plan as the default baseline.
#include <catch2/catch.hpp>

#include "allot/cli.hpp"
#include "test_support.hpp"

using allot::testing::kSmallModel;
using allot::testing::TempDir;

namespace {

using Run = allot::testing::CliRun;

// Runs against the shipped model/ and scenarios/ of the source tree.
Run Shipped(const std::vector<std::string>& args) {
  return allot::testing::RunAllot(args, allot::CliContext{{ALLOT_SOURCE_DIR}});
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The scenario ids of a compare --format csv, in order.
std::vector<std::string> Ids(const std::string& csv) {
  std::vector<std::string> ids;
  // Past the caveat record and the header row.
  size_t at = csv.find('\n', csv.find('\n') + 1);
  while (at != std::string::npos && at + 1 < csv.size()) {
    size_t comma = csv.find(',', at + 1);
    ids.push_back(csv.substr(at + 1, comma - at - 1));
    at = csv.find('\n', at + 1);
  }
  return ids;
}

}  // namespace

TEST_CASE("scenarios named by id show only those, with the model first", "[cli][ids]") {
  Run run =
      Shipped({"compare", "--scenarios", "versterkt-2024,amendement-bikker", "--format", "csv"});
  INFO(run.err);
  REQUIRE(run.code == 0);
  CHECK(Ids(run.out) == std::vector<std::string>{"model", "versterkt-2024", "amendement-bikker"});
  // Positional ids work the same way, in the order given.
  Run positional = Shipped({"compare", "amendement-bikker", "versterkt-2024", "--format", "csv"});
  CHECK(Ids(positional.out) ==
        std::vector<std::string>{"model", "amendement-bikker", "versterkt-2024"});
}

TEST_CASE("a scenario named by id brings the bases it needs without showing them", "[cli][ids]") {
  Run run = Shipped({"compare", "herverdeling-ckm-versterkt", "--format", "csv"});
  INFO(run.err);
  REQUIRE(run.code == 0);
  CHECK(Ids(run.out) == std::vector<std::string>{"model", "herverdeling-ckm-versterkt"});
  // Its base, versterkt-2024, is not shown, so the baseline is the model.
  CHECK(Contains(Shipped({"compare", "herverdeling-ckm-versterkt"}).out, "(baseline: model)"));
}

TEST_CASE("paths still work, and mix with ids", "[cli][ids]") {
  std::string path = std::string(ALLOT_SOURCE_DIR) + "/scenarios/amendement-grinwis.yaml";
  Run run = Shipped({"compare", path, "versterkt-2024", "--format", "csv"});
  INFO(run.err);
  REQUIRE(run.code == 0);
  CHECK(Ids(run.out) == std::vector<std::string>{"model", "amendement-grinwis", "versterkt-2024"});
}

TEST_CASE("an unknown id is a usage error with a suggestion", "[cli][ids]") {
  Run run = Shipped({"compare", "versterkt-2025", "amendement-bikkr"});
  CHECK(run.code == 2);
  CHECK(run.out.empty());
  CHECK(run.err ==
        "allot compare: error: 'versterkt-2025' is neither a file nor a known scenario id (did "
        "you mean 'versterkt-2024'?); 'amendement-bikkr' is neither a file nor a known scenario "
        "id (did you mean 'amendement-bikker'?)\n"
        "Try 'allot compare --help'.\n");
}

TEST_CASE("an id in two files given is ambiguous", "[cli][ids]") {
  TempDir dir;
  std::string model = dir.Write("m.yaml", kSmallModel);
  std::string a = dir.Write("a.yaml", "format: allot/1\nscenario: twin\n");
  std::string b = dir.Write("b.yaml", "format: allot/1\nscenario: twin\n");
  Run run = allot::testing::RunAllot({"compare", model, a, b, "twin"});
  CHECK(run.code == 2);
  CHECK(Contains(run.err, "scenario id 'twin' is ambiguous: it is in '" + a + "' and in '" + b +
                              "'; name the file instead"));
}

TEST_CASE("ids are looked up in the scenarios/ beside the model's directory", "[cli][ids]") {
  TempDir dir;
  dir.Write("model/m.yaml", kSmallModel);
  dir.Write("scenarios/shift.yaml",
            "format: allot/1\nscenario: shift\nchanges:\n  - move: {amount: 1, from: x, to: y}\n");
  dir.Write("scenarios/other.yaml", "format: allot/1\nscenario: other\n");
  Run run =
      allot::testing::RunAllot({"compare", dir.path() + "/model", "shift", "--format", "csv"});
  INFO(run.err);
  REQUIRE(run.code == 0);
  CHECK(Ids(run.out) == std::vector<std::string>{"model", "shift"});
}

TEST_CASE("analyses take ids too, and a pair command's A and B come along", "[cli][ids]") {
  Run stability = Shipped({"stability", "--weights", "ministry", "versterkt-2024",
                           "herverdeling-ckm-versterkt", "--format", "csv"});
  INFO(stability.err);
  CHECK(stability.code == 0);
  CHECK_FALSE(Contains(stability.out, "amendement-bikker"));
  Run explain = Shipped({"explain", "versterkt-2024", "herverdeling-ckm-versterkt", "--weights",
                         "ministry", "--scenarios", "amendement-grinwis", "--format", "csv"});
  INFO(explain.err);
  CHECK(explain.code == 0);
}

TEST_CASE("the model is the default baseline, and --baseline current names the plan as it stands",
          "[cli][ids]") {
  // DESIGN.md: files written for allot/1 keep working, so a scenario's
  // `current: true` does not move the default baseline away from the model.
  Run run = Shipped({"compare"});
  REQUIRE(run.code == 0);
  CHECK(Contains(run.out, "(baseline: model)"));
  Run current = Shipped({"compare", "--baseline", "current"});
  INFO(current.err);
  REQUIRE(current.code == 0);
  CHECK(Contains(current.out, "(baseline: versterkt-2024)"));
  Run none = Shipped({"compare", "--baseline", "current", "--scenarios", "amendement-bikker"});
  CHECK(none.code == 2);
  CHECK(none.out.empty());
  CHECK(Contains(none.err, "--baseline current: no loaded scenario says current: true"));
}

TEST_CASE("lines lists ids, amounts and what each rests on", "[cli][lines]") {
  Run run = Shipped({"lines", "--format", "csv"});
  INFO(run.err);
  REQUIRE(run.code == 0);
  CHECK(Contains(run.out,
                 "information_point,Centraal informatiepunt mensenhandel,"
                 "Ministerie van JenV (aanname; niet gevonden),200000.00,225000.00,225000.00,"
                 "650000.00,assumed,reported,CKM,"));
  Run scenario = Shipped({"lines", "--scenario", "versterkt-2024", "--format", "csv"});
  CHECK(Contains(scenario.out, "victim_care,"));
  CHECK(Contains(scenario.out, ",200000.00,200000.00,200000.00,600000.00,assumed,assumed,"));
  Run unknown = Shipped({"lines", "--scenario", "versterkt-202"});
  CHECK(unknown.code == 2);
  CHECK(Contains(unknown.err,
                 "--scenario: no scenario 'versterkt-202' among those loaded (did "
                 "you mean 'versterkt-2024'?)"));
}
