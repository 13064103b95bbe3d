// Marks per figure in the HTML report: each number carries the mark that
// `allot compare` gives it (render/marks.hpp), each table the legend of the
// marks it shows, and no scenario is starred as a whole.
#include <catch2/catch.hpp>
#include <string>

#include "allot/compare.hpp"
#include "allot/report.hpp"
#include "report/in_brief.hpp"
#include "test_support.hpp"

using allot::testing::Has;
using allot::testing::kMarksModel;
using allot::testing::ModelFrom;
using allot::testing::ResolveOk;
using allot::testing::ScenarioFrom;

namespace {

// kMarksModel with y's amounts reported: year totals sourced, x's amounts
// assumed, y's reported; x alone affects a, y alone b, w weighs only b.
std::string ReportedYModel() {
  std::string yaml = kMarksModel;
  const std::string y = "{id: y, name: Y, budget: {2024: 100},";
  yaml.replace(yaml.find(y), y.size(), y + " amounts: {level: reported, by: CKM},");
  return yaml;
}

// Adds EUR 100 to x: its year total now rests on x's assumed amount.
const char* const kGrowX = R"(format: allot/1
scenario: grow-x
name: Grow x
budget: {cap: 1000}
changes:
  - increase: {line: x, amount: 100}
)";

allot::CompareResult Compared(const allot::Model& model,
                              const std::vector<allot::Scenario>& scenarios) {
  std::vector<allot::ResolvedScenario> resolved = ResolveOk(model, scenarios);
  allot::Diagnostics diags;
  std::optional<allot::CompareResult> result =
      allot::Compare(model, resolved, allot::CompareOptions{}, diags);
  REQUIRE(result);
  return *result;
}

std::string Report(allot::Lang lang) {
  allot::Model model = ModelFrom(ReportedYModel());
  std::vector<allot::Scenario> scenarios;
  return allot::RenderReportHtml(Compared(model, scenarios), model, scenarios,
                                 {lang, std::nullopt, std::nullopt, std::nullopt, std::nullopt});
}

// The table with this id and the notes under it, up to the next table.
std::string TableOf(const std::string& html, const std::string& id) {
  size_t begin = html.find("<table id=\"" + id + "\"");
  REQUIRE(begin != std::string::npos);
  size_t end = html.find("<table", begin + 1);
  return html.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
}

std::string Marked(const std::string& number, const std::string& mark) {
  return "<td class=\"num\">" + number + " <span class=\"mark\">" + mark + "</span></td>";
}

}  // namespace

TEST_CASE("the report marks each figure with what it rests on", "[report][marks]") {
  std::string html = Report(allot::Lang::kEn);
  // The sourced year totals: no mark, and no slot in a table without marks.
  std::string money = TableOf(html, "money-table");
  CHECK(Has(money, "<td class=\"num\">\u20ac200</td>"));
  CHECK_FALSE(Has(money, "class=\"mark\""));
  CHECK_FALSE(Has(money, "marks:"));
  // Line totals: x assumed, y reported; the legend names just those two.
  std::string allocations = TableOf(html, "allocation-table");
  CHECK(Has(allocations, "<td>X<small>x</small></td>" + Marked("\u20ac100", "~")));
  CHECK(Has(allocations, "<td>Y<small>y</small></td>" + Marked("\u20ac100", "^")));
  CHECK(Has(allocations,
            "<p class=\"note\">marks: ^ reported, ~ assumed; no mark: sourced. Each figure has "
            "the mark of the weakest input it rests on</p>"));
  // Objective a rests on x, b on y.
  std::string objectives = TableOf(html, "objective-table");
  CHECK(Has(objectives, "<td>a</td><td>A</td>" + Marked("1.0", "~")));
  CHECK(Has(objectives, "<td>b</td><td>B</td>" + Marked("1.0", "^")));
  // The weighted score and rank under w count only b: reported.
  std::string scores = TableOf(html, "scores-table");
  CHECK(Has(scores, Marked("1.00", "^") + Marked("1", "^")));
  CHECK_FALSE(Has(scores, "~"));
}

TEST_CASE("no scenario of the report is starred as a whole", "[report][marks]") {
  std::string html = Report(allot::Lang::kEn);
  // The model holds an assumed amount: it used to read "model *" everywhere.
  CHECK_FALSE(Has(html, "model *"));
  CHECK_FALSE(Has(html, " *</th>"));
  CHECK_FALSE(Has(html, "contains illustrative figures"));
}

TEST_CASE("the Dutch report gives the legend in Dutch", "[report][marks]") {
  std::string html = Report(allot::Lang::kNl);
  CHECK(Has(TableOf(html, "objective-table"), Marked("1,0", "~")));
  CHECK(Has(html, "<p class=\"note\">tekens: ^ gemeld, ~ aangenomen; zonder teken: bron."));
}

TEST_CASE("In brief counts the scenarios whose money and scores the tables mark",
          "[report][brief][marks]") {
  allot::Model model = ModelFrom(ReportedYModel());
  std::vector<allot::Scenario> scenarios = {ScenarioFrom(kGrowX)};
  allot::CompareResult result = Compared(model, scenarios);
  std::optional<allot::SmaaResult> none;
  std::optional<allot::UncertainResult> no_amounts;
  std::optional<allot::ProvenanceCounts> no_counts;
  // The model's money is sourced, grow-x's year total rests on x; both
  // weighted scores rest on y's reported amount.
  std::string en =
      allot::detail::InBriefParagraphs({result, none, no_amounts, no_counts, allot::Lang::kEn})
          .back();
  CHECK(en ==
        "In the tables each figure is marked with the weakest input it rests on (no mark: "
        "sourced). Money: the total or a year's total of 1 of 2 scenarios rests on figures that "
        "are not sourced (~ assumed). Scores: the weighted scores of 2 of 2 scenarios rest on "
        "figures that are not sourced (^ reported).");
  CHECK_FALSE(Has(en, "(marked *)"));
  std::string nl =
      allot::detail::InBriefParagraphs({result, none, no_amounts, no_counts, allot::Lang::kNl})
          .back();
  CHECK(Has(nl,
            "Geld: bij 1 van 2 scenario's rust het totaal of een jaartotaal op getallen "
            "zonder bron (~ aangenomen)."));
}
