// Bounded work on adversarial input: the error cap per file, "did you mean"
// over huge or long ids, and the lookups that were quadratic. Timings are in
// bench/adversarial_bench.cpp; these tests check results, and fail before
// their fix by running out of memory or CTest's time limit.
#include <catch2/catch.hpp>
#include <sstream>
#include <string>

#include "allot/cli.hpp"
#include "allot/diagnostic.hpp"
#include "allot/load.hpp"
#include "allot/resolve.hpp"
#include "test_support.hpp"

namespace {

using allot::testing::ModelFrom;
using allot::testing::ScenarioFrom;

std::string ModelWithUnknownKeys(int lines) {
  std::string text =
      "format: allot/1\ntitle: T\nyears: [2024]\nobjectives: [{id: a, name: A}]\n"
      "weights: {even: {a: 1}}\nlines:\n";
  for (int i = 0; i < lines; ++i) {
    text += "  - {id: l" + std::to_string(i) + ", name: L, budget: {2024: 1}, bugdet: 1}\n";
  }
  return text;
}

}  // namespace

TEST_CASE("a file with many errors stops after max_errors with 'too many errors'",
          "[robust][limits]") {
  allot::Diagnostics diags;
  CHECK_FALSE(allot::LoadModel(ModelWithUnknownKeys(5000), "m.yaml", diags));
  REQUIRE(diags.size() == 101);
  CHECK(diags[0].where.line == 7);
  CHECK(diags[0].message == "lines[0].bugdet: unknown key (did you mean 'budget'?)");
  CHECK(diags[99].where.line == 106);
  CHECK(diags.back().where.line == 0);
  CHECK(diags.back().message ==
        "too many errors: stopped reading after 100 (raise with --max-errors)");
}

TEST_CASE("max_errors can be raised and a file at the cap is reported in full",
          "[robust][limits]") {
  allot::LoadLimits limits;
  limits.max_errors = 5000;
  allot::Diagnostics diags;
  CHECK_FALSE(allot::LoadModel(ModelWithUnknownKeys(5000), "m.yaml", diags, limits));
  CHECK(diags.size() == 5000);
  diags.clear();
  limits.max_errors = 3;
  CHECK_FALSE(allot::LoadModel(ModelWithUnknownKeys(3), "m.yaml", diags, limits));
  CHECK(diags.size() == 3);  // exactly at the cap: no "too many errors"
}

TEST_CASE("closest match over ids a megabyte long is linear, not a matrix of their lengths",
          "[robust][limits]") {
  // The full edit-distance matrix of two 300,000-byte ids is 9e10 cells:
  // 720 GB. The banded distance needs three rows.
  std::string id(300'000, 'x');
  std::string typo = id;
  typo[150'000] = 'y';
  std::string other(300'000, 'z');
  CHECK(allot::ClosestMatch(typo, {other, id}) == id);
  CHECK(allot::ClosestMatch(id + "abcd", {id}).empty());  // four edits: too far
  CHECK(allot::ClosestMatch(id + "abc", {id}) == id);
}

TEST_CASE("the banded edit distance agrees with the full one on short words", "[robust]") {
  CHECK(allot::ClosestMatch("modle", {"model", "mode"}) == "model");  // a swap is one edit
  CHECK(allot::ClosestMatch("infromation", {"information"}) == "information");
  // A deletion at one end and an insertion at the other: 2 edits, 3 allowed.
  CHECK(allot::ClosestMatch("abcdefghi", {"bcdefghia"}) == "bcdefghia");
  CHECK(allot::ClosestMatch("abcdefghi", {"defghiabc"}).empty());  // 6 edits
  CHECK(allot::ClosestMatch("xyz", {"abc"}).empty());
  CHECK(allot::ClosestMatch("ab", {"ba", "ab"}) == "ab");
  CHECK(allot::ClosestMatch("a", {"", "b"}) == "");
}

TEST_CASE("unknown lines and bases past the first 100 errors get no suggestion",
          "[robust][limits]") {
  allot::Model model = ModelFrom(allot::testing::kSmallModel);
  std::vector<allot::Scenario> scenarios;
  for (int i = 0; i < 150; ++i) {
    std::string id = "s" + std::to_string(i);
    scenarios.push_back(
        ScenarioFrom("format: allot/1\nscenario: " + id + "\nchanges: [{remove: xx}]\n"));
  }
  allot::Diagnostics diags;
  allot::ResolveScenarios(model, scenarios, diags);
  REQUIRE(diags.size() == 150);
  CHECK(diags[0].message ==
        "changes[0].remove: unknown line 'xx' (did you mean 'x'?) in scenario 's0'");
  CHECK(diags[149].message == "changes[0].remove: unknown line 'xx' in scenario 's149'");
}

TEST_CASE("more scenario files than --max-scenarios is a usage error, nothing read",
          "[robust][limits]") {
  allot::testing::TempDir dir;
  for (int i = 0; i < 4; ++i) {
    dir.Write("s" + std::to_string(i) + ".yaml",
              "format: allot/1\nscenario: s" + std::to_string(i) + "\n");
  }
  std::ostringstream out;
  std::ostringstream err;
  allot::CliContext context{{allot::testing::SourcePath("")}};
  int code = allot::RunCli({"compare", dir.path(), "--max-scenarios", "2"}, out, err, context);
  CHECK(code == 2);
  CHECK(out.str().empty());
  CHECK(err.str() ==
        "allot compare: error: too many files: 4 (limit 2 scenarios and a model; raise with "
        "--max-scenarios)\nTry 'allot compare --help'.\n");
  CHECK(allot::RunCli({"compare", dir.path(), "--max-scenarios", "3"}, out, err, context) == 0);
}
