#include "allot/render.hpp"

#include <catch2/catch.hpp>
#include <sstream>

#include "allot/compare.hpp"
#include "test_support.hpp"

using namespace allot;
using allot::testing::kSmallModel;
using allot::testing::ModelFrom;
using allot::testing::ResolveOk;
using allot::testing::ScenarioFrom;

namespace {

std::string Rendered(const std::string& scenario_yaml, OutputFormat format, Lang lang = Lang::kEn) {
  Model model = ModelFrom(kSmallModel);
  std::vector<Scenario> scenarios = {ScenarioFrom(scenario_yaml)};
  auto resolved = ResolveOk(model, scenarios);
  Diagnostics diags;
  std::optional<CompareResult> result = Compare(model, resolved, {}, diags);
  REQUIRE(result);
  std::ostringstream out;
  RenderCompare(*result, format, lang, out);
  return out.str();
}

const char* const kHostile = R"(format: allot/1
scenario: hostile
name: "=HYPERLINK(\"x\") | *bold* <script>"
)";

}  // namespace

TEST_CASE("json follows the design's core with cents and every year", "[render]") {
  std::string json = Rendered(kHostile, OutputFormat::kJson);
  CHECK(json.rfind("{\n  \"format\": \"allot/1\",\n", 0) == 0);
  CHECK(json.find(R"("weights": {
    "even": {
      "a": 0.5,
      "b": 0.5
    },
    "a_only": {
      "a": 1.0,
      "b": 0.0
    }
  })") != std::string::npos);
  CHECK(json.find(R"("lines": {
        "x": {
          "2024": 10000,
          "2025": 20000,
          "2026": 30000
        },)") != std::string::npos);
  CHECK(json.find(R"("rank": {
        "even": 1,
        "a_only": 1
      })") != std::string::npos);
  CHECK(json.find(R"("motions": {
        "m1": true
      })") != std::string::npos);
}

TEST_CASE("csv neutralises cells that a spreadsheet would run as formulas", "[render]") {
  std::string csv = Rendered(kHostile, OutputFormat::kCsv);
  CHECK(csv.find("hostile,\"'=HYPERLINK(\"\"x\"\") | *bold* <script>\",") != std::string::npos);
  // Negative numbers stay numbers.
  CHECK(csv.find("scenario,name,illustrative,total_eur,eur_2024") == 0);
}

TEST_CASE("markdown escapes what would break a table", "[render]") {
  std::string md = Rendered(kHostile, OutputFormat::kMarkdown);
  CHECK(md.find("| hostile |") != std::string::npos);
  CHECK(md.find("=HYPERLINK(\"x\") \\| \\*bold\\* \\<script> |") != std::string::npos);
  CHECK(md.find("## Weighted score: a\\_only") != std::string::npos);
}

TEST_CASE("the table aligns columns and marks what nothing states", "[render]") {
  std::string table = Rendered(kHostile, OutputFormat::kTable);
  // A file without provenance: every figure "not stated" (?), in a slot
  // after the number, so that the numbers stay aligned under their header.
  CHECK(table.find("Money per year\n"
                   "scenario  total    2024    2025    2026    change vs model\n"
                   "------------------------------------------------------------\n"
                   "model      €600 ?  €100 ?  €200 ?  €300 ?                0 ?\n"
                   "hostile    €600 ?  €100 ?  €200 ?  €300 ?                0 ?\n"
                   "  marks: ? not stated; no mark: sourced.") != std::string::npos);
  CHECK(table.find("illustrative") == std::string::npos);
  std::string dutch = Rendered(kHostile, OutputFormat::kTable, Lang::kNl);
  CHECK(dutch.find("Geld per jaar") != std::string::npos);
  CHECK(dutch.find("€ 600") != std::string::npos);
}

TEST_CASE("formats and languages are parsed by name", "[render]") {
  CHECK(ParseOutputFormat("md") == OutputFormat::kMarkdown);
  CHECK_FALSE(ParseOutputFormat("xml"));
  CHECK(ParseLang("nl") == Lang::kNl);
  CHECK_FALSE(ParseLang("de"));
}
