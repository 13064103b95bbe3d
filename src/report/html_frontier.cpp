// The report's frontier section: the best weighted score for each total
// budget (allot frontier) as a step line, every scenario as a point with
// guides to the cheapest budget reaching its score and to the best score
// for its money, and the numbers as tables.
#include <cmath>
#include <string>

#include "render/number.hpp"
#include "render/text.hpp"
#include "report/html.hpp"
#include "report/notes.hpp"
#include "report/svg_chart.hpp"

namespace allot::detail {

namespace {

// Euros as a double, for chart geometry only; labels come from FormatMoney.
double Euros(Money m) { return static_cast<double>(m.cents()) / 100.0; }

std::string Points(double score, Lang lang) { return Decimal(score, 2, lang); }

bool Feasible(const FrontierPoint& p) { return p.score >= 0; }

// The frontier as paths of feasible points: a budget at which the
// constraints cannot be met breaks the line.
std::vector<std::vector<XyMark>> FrontierPaths(const FrontierResult& f, const ReportContext& c) {
  std::vector<std::vector<XyMark>> paths(1);
  for (const FrontierPoint& p : f.points) {
    if (!Feasible(p)) {
      if (!paths.back().empty()) paths.emplace_back();
      continue;
    }
    std::string tip = FormatMoney(p.budget, c.lang) + ": " + Points(p.score, c.lang) + " (" +
                      c.labels(Key::kReportUpperBound) + " " + Points(p.upper_bound, c.lang) + ")";
    paths.back().push_back({Euros(p.budget), p.score, "", tip, true});
  }
  if (paths.back().empty()) paths.pop_back();
  return paths;
}

XyChart FrontierChart(const FrontierReport& f, const ReportContext& c) {
  const Words& l = c.labels;
  XyChart chart{"chart-frontier",
                std::string(l(Key::kReportFrontierTitle)) + " (" + f.weights_label + ")",
                l(Key::kReportFrontierSteps),
                l(Key::kReportBudgetAxis),
                l(Key::kReportWeightedAxis),
                {},
                [lang = c.lang](double v) {
                  return FormatMoney(Money::FromCents(std::llround(v * 100)), lang);
                },
                [lang = c.lang](double v) { return Decimal(v, 0, lang); }};
  XySeries line{l(Key::kReportFrontierLine), XyLine::kSolid, XyMarker::kDot, true,
                FrontierPaths(f.frontier, c)};
  XySeries cheapest{
      l(Key::kReportCheapestGuide), XyLine::kDashed, XyMarker::kOpenCircle, false, {}};
  XySeries best{l(Key::kReportBestGuide), XyLine::kDotted, XyMarker::kOpenSquare, false, {}};
  XySeries scenarios{l(Key::kReportScenarioPoints), XyLine::kNone, XyMarker::kDiamond, false, {{}}};
  for (const ScenarioPlacement& s : f.frontier.scenarios) {
    double x = Euros(s.total);
    std::string money = FormatMoney(s.total, c.lang);
    if (s.cheapest) {
      cheapest.paths.push_back({{x, s.score, "", "", false},
                                {Euros(*s.cheapest), s.score, "",
                                 s.id + ": " + Points(s.score, c.lang) + " \u2014 " +
                                     FormatMoney(SignificantEuros(*s.cheapest, 3), c.lang),
                                 true}});
    }
    best.paths.push_back(
        {{x, s.score, "", "", false},
         {x, s.best_for_money, "",
          s.id + ": " + money + " \u2014 " + Points(s.best_for_money, c.lang), true}});
    scenarios.paths[0].push_back(
        {x, s.score, s.id, s.id + ": " + money + ", " + Points(s.score, c.lang), true});
  }
  chart.series = {line, cheapest, best, scenarios};
  return chart;
}

HtmlCell MoneyCell(Money m, Lang lang) { return {FormatMoney(m, lang), "", ""}; }

// Per scenario: its money and score, the cheapest frontier budget reaching
// that score (and what that saves) and the best score for its money.
HtmlTable PlacementTable(const FrontierReport& f, const ReportContext& c) {
  const Words& l = c.labels;
  HtmlTable t{"frontier-table",
              l(Key::kReportPlacementTable),
              1,
              {l(Key::kReportScenario), l(Key::kReportTotal), l(Key::kReportScore),
               l(Key::kReportCheapest), l(Key::kReportBestForMoney)},
              {},
              {}};
  for (const ScenarioPlacement& s : f.frontier.scenarios) {
    HtmlCell cheapest{"\u2013", l(Key::kReportBeyond), "muted"};
    // To three significant digits, the difference too: both rest on the
    // judged effect curves (the caveat under the table says so).
    if (s.cheapest)
      cheapest = {FormatMoney(SignificantEuros(*s.cheapest, 3), c.lang),
                  MoneyChange(SignificantEuros(*s.cheapest - s.total, 3), c.lang), ""};
    t.rows.push_back({{s.id, "", ""},
                      MoneyCell(s.total, c.lang),
                      {Points(s.score, c.lang), "", ""},
                      cheapest,
                      {Points(s.best_for_money, c.lang),
                       Decimal(s.best_for_money - s.score, 2, c.lang, true), ""}});
  }
  t.notes.push_back(l(Key::kFrontierCheapestCaveat));
  return t;
}

// Per computed budget: what the optimum spends, its score, the solver's
// bound, and the levels it funds.
HtmlTable PointsTable(const FrontierReport& f, const ReportContext& c) {
  const Words& l = c.labels;
  HtmlTable t{"frontier-points-table",
              l(Key::kReportPointsTable),
              0,
              {l(Key::kReportBudget), l(Key::kReportSpent), l(Key::kReportScore),
               l(Key::kReportUpperBound)},
              {},
              {}};
  for (const FrontierPoint& p : f.frontier.points) {
    if (!Feasible(p)) {
      t.rows.push_back({MoneyCell(p.budget, c.lang),
                        {"\u2013", "", "muted"},
                        {"\u2013", l(Key::kReportInfeasible), "muted"},
                        {"\u2013", "", "muted"}});
      continue;
    }
    std::string levels = Joined(p.levels);
    t.rows.push_back(
        {MoneyCell(p.budget, c.lang),
         MoneyCell(p.spent, c.lang),
         {Points(p.score, c.lang),
          levels.empty() ? "" : std::string(l(Key::kReportLevelsFunded)) + ": " + levels, ""},
         {Points(p.upper_bound, c.lang), "", ""}});
  }
  t.notes.push_back(FrontierNote(f, c.result.baseline, l));
  t.notes.push_back(l(Key::kReportFrontierSteps));
  return t;
}

}  // namespace

std::string FrontierSection(const ReportContext& c, const FrontierReport& f) {
  std::string body = "<figure>" + RenderXyChart(FrontierChart(f, c)) + "</figure>";
  body += RenderTable(PlacementTable(f, c)) + RenderTable(PointsTable(f, c));
  return SectionHtml("frontier", c.labels(Key::kReportFrontier), body);
}

}  // namespace allot::detail
