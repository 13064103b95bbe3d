#include "allot/report.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "allot/cli.hpp"
#include "allot/compare.hpp"
#include "allot/frontier.hpp"
#include "allot/render.hpp"
#include "allot/sensitivity.hpp"
#include "allot/tornado.hpp"
#include "allot/weight_sampling.hpp"
#include "render/number.hpp"
#include "render/spreadsheet_text.hpp"
#include "render/text.hpp"
#include "report/html_escape.hpp"
#include "report/labels.hpp"
#include "test_support.hpp"

using allot::testing::Count;
using allot::testing::kSmallModel;
using allot::testing::kStepModel;
using allot::testing::ModelFrom;
using allot::testing::ResolveOk;
using allot::testing::ScenarioFrom;
using allot::testing::TempDir;

namespace {

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

// A scenario whose free-text fields try to break out of HTML and into
// spreadsheet formulas.
const char* const kHostile = R"yaml(format: allot/1
scenario: hostile
name: "<script>alert('x')</script>\" onmouseover=\"alert(1)"
budget: neutral
changes:
  - move: {amount: 100, from: x, to: y}
)yaml";

// A model and scenarios, resolved and compared; constructed in place
// because the resolved scenarios point into the scenarios.
struct Compared {
  Compared(const std::string& model_yaml, const std::vector<std::string>& scenario_yaml)
      : model(ModelFrom(model_yaml)) {
    for (const std::string& yaml : scenario_yaml) scenarios.push_back(ScenarioFrom(yaml));
    resolved = ResolveOk(model, scenarios);
    allot::Diagnostics diags;
    std::optional<allot::CompareResult> compared =
        allot::Compare(model, resolved, allot::CompareOptions{}, diags);
    REQUIRE(compared);
    result = *compared;
  }
  Compared(const Compared&) = delete;
  Compared& operator=(const Compared&) = delete;
  std::string Html(const allot::ReportOptions& options) const {
    return allot::RenderReportHtml(result, model, scenarios, options);
  }
  allot::Model model;
  std::vector<allot::Scenario> scenarios;
  std::vector<allot::ResolvedScenario> resolved;
  allot::CompareResult result;
};

std::string HtmlOf(const std::string& model_yaml, const std::vector<std::string>& scenario_yaml,
                   allot::Lang lang = allot::Lang::kEn) {
  return Compared(model_yaml, scenario_yaml)
      .Html({lang, std::nullopt, std::nullopt, std::nullopt, std::nullopt});
}

using Run = allot::testing::CliRun;

Run Cli(const std::vector<std::string>& args) { return allot::testing::RunAllot(args); }

}  // namespace

TEST_CASE("HTML escaping turns every markup character into a reference", "[report]") {
  CHECK(allot::detail::EscapeHtml("<a href=\"x\" title='y'>&amp;</a>") ==
        "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;");
  CHECK(allot::detail::EscapeHtml("Kamerstuk 28638 nr. 229 \u20ac") ==
        "Kamerstuk 28638 nr. 229 \u20ac");
  CHECK(allot::detail::EscapeHtml("").empty());
}

TEST_CASE("text that a spreadsheet would run as a formula gets a leading quote", "[report]") {
  using allot::detail::NeutraliseFormula;
  for (const char* formula : {"=1+1", "+31 6", "-2", "@SUM(A1)", "\tx", "\rx"}) {
    CHECK(NeutraliseFormula(formula) == std::string("'") + formula);
  }
  CHECK(NeutraliseFormula("a=b") == "a=b");
  CHECK(NeutraliseFormula("") == "");
  CHECK(NeutraliseFormula("'=x") == "'=x");  // already text: left alone
}

TEST_CASE("a hostile scenario name renders as text in the HTML report", "[report]") {
  std::string html = HtmlOf(kSmallModel, {kHostile});
  CHECK_FALSE(Contains(html, "<script"));
  CHECK_FALSE(Contains(html, "\" onmouseover"));
  CHECK(Contains(
      html, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot; onmouseover=&quot;alert(1)"));
}

TEST_CASE("the HTML report has every section, three charts and no external resource", "[report]") {
  std::string html = HtmlOf(kSmallModel, {kShift});
  for (const char* id : {"summary", "allocations", "objectives", "motions", "provenance"}) {
    CHECK(Contains(html, std::string("<section id=\"") + id + "\">"));
  }
  CHECK(Count(html, "<svg ") == 3);
  CHECK(Count(html, "<table ") == 9);
  CHECK_FALSE(Contains(html, "<script"));
  CHECK_FALSE(Contains(html, "src="));
  // No address but the SVG namespace (an identifier, never fetched).
  CHECK(Count(html, "http:") == Count(html, "http://www.w3.org/2000/svg"));
  CHECK_FALSE(Contains(html, "https:"));
  CHECK(Contains(html, "Content-Security-Policy\" content=\"default-src 'none'"));
}

TEST_CASE("the allocation table shows the exact totals and marks changes against the baseline",
          "[report]") {
  std::string html = HtmlOf(kSmallModel, {kShift});
  // Line X: 100 + 200 + 300 in the model; the shift moves 300 to line Y.
  // The small model states no provenance: every figure is marked "?".
  const std::string unstated = " <span class=\"mark\">?</span>";
  CHECK(Contains(html, "<td class=\"num\">\u20ac600" + unstated +
                           "</td><td class=\"num down\">\u20ac300" + unstated +
                           "<small>\u25bc -\u20ac300" + unstated + "</small></td>"));
  CHECK(Contains(html, "<td class=\"num\">\u20ac0" + unstated +
                           "</td><td class=\"num up\">\u20ac300" + unstated +
                           "<small>\u25b2 +\u20ac300" + unstated + "</small></td>"));
  // Objective a: 1 point per EUR 100 of line X.
  CHECK(Contains(html, "<td class=\"num\">6.0" + unstated + "</td><td class=\"num\">3.0" +
                           unstated + "</td>"));
}

TEST_CASE("the Dutch report has Dutch labels and number formats, and names stay as written",
          "[report]") {
  std::string html = HtmlOf(kSmallModel, {kShift}, allot::Lang::kNl);
  CHECK(Contains(html, "<html lang=\"nl\">"));
  CHECK(Contains(html, "<h2>Samenvatting</h2>"));
  CHECK(Contains(html, "\u20ac 600"));
  CHECK(Contains(html, "Shift to y"));
  CHECK(Contains(html, "3 oktober 2023"));
  CHECK(Contains(html, "<td class=\"num\">6,0 <span class=\"mark\">?</span></td>"));
  CHECK(Contains(html, "<p class=\"note\">tekens: ? niet vermeld; zonder teken: bron."));
}

TEST_CASE("ISO dates are written out per language, other text is kept", "[report]") {
  using allot::detail::FormatDate;
  CHECK(FormatDate("2023-10-03", allot::Lang::kEn) == "3 October 2023");
  CHECK(FormatDate("2024-01-31", allot::Lang::kNl) == "31 januari 2024");
  CHECK(FormatDate("2023-13-01", allot::Lang::kEn) == "2023-13-01");
  CHECK(FormatDate("oktober 2023", allot::Lang::kNl) == "oktober 2023");
  CHECK(FormatDate("2023-10-03x", allot::Lang::kEn) == "2023-10-03x");
}

TEST_CASE("report writes the HTML and XLSX files and nothing on stdout", "[report]") {
  TempDir dir;
  std::string model = dir.Write("m.yaml", kSmallModel);
  std::string shift = dir.Write("s.yaml", kShift);
  Run run = Cli(
      {"report", model, shift, "--html", dir.path() + "/r.html", "--xlsx", dir.path() + "/r.xlsx"});
  CHECK(run.code == 0);
  CHECK(run.out.empty());
  CHECK(run.err.empty());
  CHECK(Contains(dir.Read("r.html"), "<!DOCTYPE html>"));
  CHECK(dir.Read("r.xlsx").substr(0, 2) == "PK");  // a zip container
}

TEST_CASE("the workbook is the same to the byte from run to run, dated by SOURCE_DATE_EPOCH",
          "[report][robust]") {
  TempDir dir;
  std::string model = dir.Write("m.yaml", kSmallModel);
  auto book = [&](const std::string& name, std::optional<std::string> epoch) {
    allot::CliContext context({ALLOT_SOURCE_DIR}, std::move(epoch));
    Run run =
        allot::testing::RunAllot({"report", model, "--xlsx", dir.path() + "/" + name}, context);
    INFO(run.err);
    CHECK(run.code == 0);
    return dir.Read(name);
  };
  std::string first = book("a.xlsx", std::nullopt);
  // The workbook's clock has whole seconds: a second later, the same bytes.
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  CHECK(book("b.xlsx", std::nullopt) == first);
  std::string dated = book("c.xlsx", "1700000000");
  CHECK(dated != first);  // the date is in docProps/core.xml
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  CHECK(book("d.xlsx", "1700000000") == dated);

  allot::CliContext bad({ALLOT_SOURCE_DIR}, "yesterday");
  Run refused = allot::testing::RunAllot({"report", model, "--xlsx", dir.path() + "/e.xlsx"}, bad);
  CHECK(refused.code == 2);
  CHECK(refused.err ==
        "allot report: error: SOURCE_DATE_EPOCH must be a whole number of seconds since 1970 "
        "from 1 to 253402300799, not 'yesterday'\nTry 'allot report --help'.\n");
  CHECK(dir.Read("e.xlsx") == "<missing>");
}

TEST_CASE("report refuses bad options and input files as outputs, writing nothing", "[report]") {
  TempDir dir;
  std::string model = dir.Write("m.yaml", kSmallModel);
  Run none = Cli({"report", model});
  CHECK(none.code == 2);
  CHECK(Contains(none.err, "allot report: error: give --html FILE and/or --xlsx FILE"));
  Run lang = Cli({"report", model, "--html", dir.path() + "/r.html", "--lang", "de"});
  CHECK(lang.code == 2);
  CHECK(Contains(lang.err, "--lang must be en or nl, not 'de'"));
  Run same = Cli({"report", model, "--html", dir.path() + "/r", "--xlsx", dir.path() + "/r"});
  CHECK(same.code == 2);
  Run over = Cli({"report", model, "--html", dir.path() + "/r.html", "--xlsx", model});
  CHECK(over.code == 2);
  CHECK(Contains(over.err, "--xlsx '" + model + "' is one of the input files"));
  CHECK(dir.Read("m.yaml") == kSmallModel);
  CHECK(dir.Read("r.html") == "<missing>");
  std::string broken = dir.Write("b.yaml", "format: allot/1\ntitle: [\n");
  Run bad = Cli({"report", broken, "--html", dir.path() + "/r.html"});
  CHECK(bad.code == 2);
  CHECK(bad.out.empty());
  CHECK(Contains(bad.err, "b.yaml:"));
  CHECK(dir.Read("r.html") == "<missing>");
  Run baseline = Cli({"report", model, "--html", dir.path() + "/r.html", "--baseline", "nope"});
  CHECK(baseline.code == 2);
  CHECK(dir.Read("r.html") == "<missing>");
  CHECK(Contains(Cli({"report", "--help"}).out, "--xlsx"));
}

TEST_CASE("the workbook cannot be written into a missing directory: exit 1, no file", "[report]") {
  TempDir dir;
  std::string model = dir.Write("m.yaml", kSmallModel);
  Run run = Cli({"report", model, "--xlsx", dir.path() + "/no/such/dir/r.xlsx"});
  CHECK(run.code == 1);
  CHECK(Contains(run.err, "allot report: error: cannot create a file in"));
}

TEST_CASE("a line that a scenario adds is listed with its name and where it came from",
          "[report]") {
  const char* add = R"(format: allot/1
scenario: grow
name: Grow
source: "Motion <b>7</b>"
changes:
  - add:
      id: z
      name: Line Z
      source: "Estimate by the NGO"
      illustrative: true
      budget: {2024: 50, 2025: 0, 2026: 0}
)";
  std::string html = HtmlOf(kSmallModel, {add});
  // Allocation table: Z is absent from the model and EUR 50 in `grow`.
  // Z's amounts are assumed, and so is its change against a baseline
  // without it; the muted cell shows no figure and no mark.
  CHECK(Contains(html,
                 "<td>Line Z<small>z</small></td><td class=\"num muted\">\u2013 <span "
                 "class=\"mark\"></span><small>not in this scenario</small></td>"
                 "<td class=\"num up\">\u20ac50 <span class=\"mark\">~</span><small>"
                 "\u25b2 +\u20ac50 <span class=\"mark\">~</span></small></td>"));
  CHECK(Contains(html, "<td>Estimate by the NGO<small>added by scenario grow</small></td>"));
  CHECK(Contains(html, "<td>Motion &lt;b&gt;7&lt;/b&gt;</td>"));  // the scenario's source, escaped
}

// An SMAA run of `samples` samples, one thread.
allot::SmaaRun Samples(uint64_t samples) {
  allot::SmaaRun run;
  run.samples = samples;
  return run;
}

TEST_CASE("the sensitivity section shows a dominating scenario at rank 1 in every sample",
          "[report]") {
  // `more` adds EUR 300 to line y and keeps line x: it scores as much on a
  // and more on b, so it beats the model under any weights with w_b > 0,
  // which uniform sampling draws with probability 1.
  const char* more = R"(format: allot/1
scenario: more
changes:
  - set: {line: y, budget: {2024: 300}}
)";
  Compared c(kSmallModel, {more});
  std::string error;
  std::optional<allot::WeightSpec> uniform = allot::ParseWeightSpec("uniform", c.model, error);
  REQUIRE(uniform);
  std::unique_ptr<allot::SmaaPlan> plan = allot::CompileSmaa(
      c.model, c.resolved, allot::SmaaOptions{*uniform, allot::EffectsMode::kFixed, 1});
  allot::ReportOptions options{allot::Lang::kEn, allot::RunSmaa(*plan, Samples(500)), std::nullopt,
                               std::nullopt, std::nullopt};
  std::string html = c.Html(options);
  CHECK(Contains(html, "<section id=\"sensitivity\">"));
  CHECK(Contains(html, "<a href=\"#sensitivity\">"));
  CHECK(Contains(html,
                 "<tr><td>model</td><td class=\"num\">0.0%<small>\u00b10.8%</small></td>"
                 "<td class=\"num\">100.0%<small>\u00b10.8%</small></td>"));
  CHECK(Contains(html,
                 "<tr><td>more</td><td class=\"num\">100.0%<small>\u00b10.8%</small></td>"
                 "<td class=\"num\">0.0%<small>\u00b10.8%</small></td>"));
  CHECK(Contains(html, "<title>more \u2014 rank 1: 100.0%</title>"));
  CHECK(Contains(html, "500 \u00d7, weights uniform"));
  // Without the option there is no such section (the summary says that
  // robustness was not measured and names the option).
  CHECK_FALSE(Contains(c.Html(allot::ReportOptions{}), "id=\"sensitivity\""));
  CHECK(Contains(c.Html(allot::ReportOptions{}), "(allot report --sensitivity adds it)"));
}

TEST_CASE("report --sensitivity checks its weights and sample count before writing", "[report]") {
  TempDir dir;
  std::string model = dir.Write("m.yaml", kSmallModel);
  std::string html = dir.path() + "/r.html";
  Run unknown = Cli({"report", model, "--html", html, "--sensitivity", "nope"});
  CHECK(unknown.code == 2);
  CHECK(Contains(unknown.err, "allot report: error: --sensitivity: unknown weight set 'nope'"));
  Run zero = Cli({"report", model, "--html", html, "--sensitivity", "uniform", "--samples", "0"});
  CHECK(zero.code == 2);
  CHECK(Contains(zero.err, "--samples must be a whole number from 1 to 10000000, not '0'"));
  CHECK(dir.Read("r.html") == "<missing>");
  Run no_order =
      Cli({"report", model, "--html", html, "--sensitivity", "even:order", "--samples", "100"});
  CHECK(no_order.code == 2);  // `even` has no order: the error comes from the weight parser
  Run tornado = Cli({"report", model, "--html", html, "--tornado", "model"});
  CHECK(tornado.code == 2);
  CHECK(Contains(tornado.err, "--tornado must be A,B or A,B,SET, not 'model'"));
  Run unknown_b = Cli({"report", model, "--html", html, "--tornado", "model,nope"});
  CHECK(unknown_b.code == 2);
  CHECK(Contains(unknown_b.err, "nope"));
  CHECK(dir.Read("r.html") == "<missing>");
  Run good = Cli({"report", model, "--html", html, "--sensitivity", "even", "--samples", "100"});
  CHECK(good.code == 0);
  CHECK(Contains(dir.Read("r.html"), "100 \u00d7, weights even"));
  // With --sensitivity the summary says what survives the unknown split;
  // --amounts fixed leaves that run out; --amounts needs --sensitivity.
  CHECK(Contains(dir.Read("r.html"), "<p>When the assumed amounts (within their stated ranges"));
  Run fixed = Cli({"report", model, "--html", html, "--sensitivity", "even", "--samples", "100",
                   "--amounts", "fixed"});
  CHECK(fixed.code == 0);
  CHECK_FALSE(Contains(dir.Read("r.html"), "When the assumed amounts"));
  CHECK(Contains(dir.Read("r.html"), "100 \u00d7, weights even"));
  std::string other = dir.path() + "/other.html";
  Run alone = Cli({"report", model, "--html", other, "--amounts", "uncertain"});
  CHECK(alone.code == 2);
  CHECK(Contains(alone.err, "--amounts needs --sensitivity WEIGHTS"));
  Run bad_amounts =
      Cli({"report", model, "--html", other, "--sensitivity", "even", "--amounts", "some"});
  CHECK(bad_amounts.code == 2);
  CHECK(Contains(bad_amounts.err, "--amounts must be uncertain or fixed, not 'some'"));
  CHECK(dir.Read("other.html") == "<missing>");
  // The workbook alone takes the analyses too (as sheets).
  Run xlsx_only =
      Cli({"report", model, "--xlsx", dir.path() + "/r.xlsx", "--sensitivity", "uniform",
           "--samples", "100", "--tornado", "model,model", "--frontier", "even"});
  CHECK(xlsx_only.code == 0);
  CHECK(xlsx_only.err.empty());
  CHECK(dir.Read("r.xlsx").substr(0, 2) == "PK");
}

TEST_CASE("the tornado section draws the swings around the base gap", "[report]") {
  Compared c(kSmallModel, {kShift});
  allot::Diagnostics diags;
  std::optional<allot::TornadoResult> tornado =
      allot::Tornado(c.model, c.resolved, "model", "shift", "even", diags);
  REQUIRE(tornado);
  // The model scores 0.5 * 6 (a) and shift 0.5 * 3 + 0.5 * 37.5 (b: 50 * 300 / 400).
  CHECK(tornado->base_gap == Approx(-17.25));
  REQUIRE(tornado->bars.size() == 2);  // no uncertain effects: the two weights
  std::string html = c.Html(
      allot::ReportOptions{allot::Lang::kEn, std::nullopt, *tornado, std::nullopt, std::nullopt});
  CHECK(Contains(html, "<section id=\"tornado\">"));
  CHECK(Contains(
      html, "gap with every parameter at its likely value (model \u2212 shift, even): -17.25"));
  const allot::TornadoBar& top = tornado->bars[0];
  std::string low = allot::detail::Decimal(top.change_low, 2, allot::Lang::kEn, true);
  CHECK(Contains(html, "<title>at low \u2014 " + top.factor + ": " + low + "</title>"));
  CHECK(Count(html, "<title>at high \u2014 ") == 2);
}

namespace {

const char* const kHalf =
    "format: allot/1\nscenario: half\nchanges:\n  - set: {line: lin, budget: {2024: 200}}\n";

}  // namespace

TEST_CASE("the frontier section draws the step line with the scenarios placed exactly",
          "[report]") {
  Compared c(kStepModel, {kHalf});
  allot::OptimiseOptions optimise;
  optimise.weights = c.model.weights[0].weights;
  allot::FrontierOptions options;
  options.points = 10;
  options.to = allot::Money::FromCents(100000);
  options.refine = 30;
  allot::Diagnostics diags;
  std::optional<allot::FrontierResult> frontier = allot::Frontier(
      c.model, c.resolved[0], c.resolved, allot::OptimiseConstraints{}, optimise, options, diags);
  REQUIRE(frontier);
  std::string html = c.Html({allot::Lang::kEn, std::nullopt, std::nullopt,
                             allot::FrontierReport{"w", "", *frontier, {}}, std::nullopt});
  CHECK(Contains(html, "<section id=\"frontier\">"));
  CHECK(Contains(html, "<a href=\"#frontier\">Frontier</a>"));
  CHECK(Contains(
      html, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"chart-frontier\""));
  // The model spends EUR 400 on `lin` for 4 points, which is also the
  // cheapest budget for 4 points and the best its money buys; `half` EUR 200.
  CHECK(Contains(html,
                 "<tr><td>model</td><td class=\"num\">\u20ac400</td><td class=\"num\">4.00</td>"
                 "<td class=\"num\">\u20ac400<small>0</small></td>"
                 "<td class=\"num\">4.00<small>0.00</small></td></tr>"));
  CHECK(Contains(html,
                 "<tr><td>half</td><td class=\"num\">\u20ac200</td><td class=\"num\">2.00</td>"
                 "<td class=\"num\">\u20ac200<small>0</small></td>"));
  // The step where the level fits, with the level named.
  CHECK(Contains(html,
                 "<tr><td class=\"num\">\u20ac400</td><td class=\"num\">\u20ac400</td><td "
                 "class=\"num\">4.00</td>"));
  CHECK(Contains(html, "<td class=\"num\">20.00<small>levels funded: lev=only</small></td>"));
  CHECK(Contains(html, "<title>half: \u20ac200, 2.00</title>"));
  CHECK(Count(html, "<title>\u20ac") == 10);  // a titled marker per frontier point
  CHECK(Contains(html, "like those of &#39;model&#39;; weights w."));
}

TEST_CASE("report --frontier checks its weight set and options before writing", "[report]") {
  TempDir dir;
  std::string model = dir.Write("m.yaml", kStepModel);
  std::string half = dir.Write("h.yaml", kHalf);
  std::string html = dir.path() + "/r.html";
  Run unknown = Cli({"report", model, half, "--html", html, "--frontier", "ww"});
  CHECK(unknown.code == 2);
  CHECK(Contains(unknown.err,
                 "allot report: error: --frontier: unknown weight set 'ww' (did you mean 'w'?)"));
  Run points =
      Cli({"report", model, half, "--html", html, "--frontier", "w", "--frontier-points", "0"});
  CHECK(points.code == 2);
  CHECK(Contains(points.err, "--frontier-points must be between 1 and 1000"));
  Run to = Cli({"report", model, half, "--html", html, "--frontier", "w", "--frontier-to", "lots"});
  CHECK(to.code == 2);
  CHECK(Contains(to.err, "--frontier-to expects an amount in euros, not 'lots'"));
  CHECK(dir.Read("r.html") == "<missing>");
  Run good = Cli({"report", model, half, "--html", html, "--frontier", "w", "--frontier-points",
                  "5", "--frontier-to", "1000"});
  CHECK(good.code == 0);
  CHECK(good.err.empty());
  std::string written = dir.Read("r.html");
  CHECK(Contains(written, "<section id=\"frontier\">"));
  CHECK(Count(written, "<title>\u20ac") == 5);
  CHECK(Contains(written,
                 "<td class=\"num\">\u20ac1,000</td><td class=\"num\">\u20ac1,000</td><td "
                 "class=\"num\">25.00<small>"));
}

TEST_CASE("the provenance tables say what each scenario's money and each line's amounts rest on",
          "[report]") {
  const char* model = R"(format: allot/1
title: T
years: [2024, 2025]
objectives: [{id: a, name: A}]
weights: {w: {a: 1}}
provenance:
  year_totals: {level: sourced, ref: "Kamerstuk 1"}
lines:
  - id: x
    name: Line X
    budget: {2024: 100, 2025: 200}
    amounts: {level: reported, by: CKM}
    split: assumed
    effects: {a: {curve: linear, points: 1, per: 100}}
  - id: y
    name: Line Y
    budget: {2024: 50, 2025: 50}
    amounts: {level: sourced, ref: "Kamerstuk 2"}
    effects: {a: {curve: linear, points: 1, per: 100}}
)";
  // Adds money, so its years' totals rest on the changed lines, which its
  // `amounts` makes assumed; the line it adds states nothing itself.
  const char* grow = R"(format: allot/1
scenario: grow
name: Grow
amounts: assumed
changes:
  - add:
      id: z
      name: Line Z
      budget: {2024: 50, 2025: 0}
)";
  std::string html = HtmlOf(model, {grow});
  CHECK(Contains(html, "<th scope=\"col\">money rests on</th>"));
  CHECK(Contains(html, "<td>model</td><td>T</td><td>sourced</td>"));
  CHECK(Contains(html, "<td>grow</td><td>Grow</td><td class=\"down\">assumed</td>"));
  CHECK(Contains(html, "<th scope=\"col\">amounts rest on</th>"));
  CHECK(Contains(html,
                 "<td>Line X<small>x</small></td><td></td><td class=\"down\">reported (CKM); split "
                 "over the years assumed</td>"));
  CHECK(Contains(html, "<td>Line Y<small>y</small></td><td></td><td>sourced</td>"));
  CHECK(Contains(html, "<td>Line Z<small>z</small></td><td></td><td class=\"down\">assumed</td>"));
  CHECK_FALSE(Contains(html, "illustrative"));

  std::string nl = HtmlOf(model, {grow}, allot::Lang::kNl);
  CHECK(Contains(nl, "<th scope=\"col\">bedragen berusten op</th>"));
  CHECK(Contains(nl, "gemeld (CKM); verdeling over de jaren aangenomen"));
}
