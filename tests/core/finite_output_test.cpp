// The last guard before output: a NaN or infinity at a number formatter is
// an internal error, never "nan" or a JSON null (docs/limits.md).
#include "core/finite_output.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>

#include "allot/compare.hpp"
#include "allot/render.hpp"
#include "render/layout.hpp"
#include "render/number.hpp"
#include "test_support.hpp"

namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();
const double kInf = std::numeric_limits<double>::infinity();

allot::CompareResult SmallResult() {
  allot::Model model = allot::testing::ModelFrom(allot::testing::kSmallModel);
  std::vector<allot::ResolvedScenario> resolved = allot::testing::ResolveOk(model, {});
  allot::Diagnostics diags;
  std::optional<allot::CompareResult> result = allot::Compare(model, resolved, {}, diags);
  REQUIRE(result);
  return *result;
}

}  // namespace

TEST_CASE("the number formatters throw on NaN and infinity and pass finite numbers",
          "[render][limits]") {
  using allot::detail::NonFiniteOutput;
  for (double bad : {kNaN, kInf, -kInf}) {
    CHECK_THROWS_AS(allot::detail::Decimal(bad, 2, allot::Lang::kEn), NonFiniteOutput);
    CHECK_THROWS_AS(allot::detail::DecimalTrimmed(bad, 3), NonFiniteOutput);
    CHECK_THROWS_AS(allot::detail::Shortest(bad), NonFiniteOutput);
    CHECK_THROWS_AS(allot::detail::Rounded(bad, 6), NonFiniteOutput);
    // Every table cell goes through them, in every layout.
    allot::detail::Table t("t", {allot::detail::NumberColumn("x", 2)});
    t.rows.push_back({bad});
    std::ostringstream out;
    CHECK_THROWS_AS(allot::detail::WriteCsv({t}, out), NonFiniteOutput);
    CHECK_THROWS_AS(allot::detail::WriteText({"d", {}, {t}, {}}, allot::Lang::kEn, out),
                    NonFiniteOutput);
  }
  CHECK(allot::detail::Decimal(-0.001, 2) == "0.00");
  CHECK(allot::detail::Decimal(-12.34, 1, allot::Lang::kNl) == "-12,3");
  CHECK(allot::detail::Decimal(0.5, 3) == "0.500");
  CHECK(allot::detail::Shortest(1e-300) == "1e-300");
}

TEST_CASE("a JSON tree with a non-finite number anywhere is refused, not written as null",
          "[render][limits]") {
  nlohmann::ordered_json j = {{"a", 1.5}, {"b", {{"c", {1, 2.5, -0.0}}}}};
  CHECK(allot::detail::CheckedJson(j).dump() == R"({"a":1.5,"b":{"c":[1,2.5,-0.0]}})");
  j["b"]["c"].push_back(kNaN);
  CHECK_THROWS_AS(allot::detail::CheckedJson(j), allot::detail::NonFiniteOutput);
  nlohmann::json plain = {{"x", {{"y", -kInf}}}};
  CHECK_THROWS_AS(allot::detail::CheckedJson(plain), allot::detail::NonFiniteOutput);
}

TEST_CASE("compare renders nothing in any format when a score is NaN", "[render][limits]") {
  // The CLI catches the exception as "allot: internal error: ..." (exit 1);
  // it renders into memory first, so nothing reaches stdout or --output.
  allot::CompareResult result = SmallResult();
  for (auto format : {allot::OutputFormat::kTable, allot::OutputFormat::kCsv,
                      allot::OutputFormat::kJson, allot::OutputFormat::kMarkdown}) {
    std::ostringstream out;
    allot::CompareResult bad = result;
    bad.scenarios[0].objectives[1] = kNaN;
    CHECK_THROWS_WITH(
        allot::RenderCompare(bad, format, allot::Lang::kEn, out),
        Catch::StartsWith("a number that is not finite (NaN or infinity) reached the output"));
    bad = result;
    bad.scenarios[0].weighted[0] = kInf;
    CHECK_THROWS_AS(allot::RenderCompare(bad, format, allot::Lang::kNl, out), std::logic_error);
    std::ostringstream good;
    allot::RenderCompare(result, format, allot::Lang::kEn, good);
    CHECK_FALSE(good.str().empty());
  }
}
