// The workbook's analysis sheets: the numbers behind the HTML report's
// sensitivity, tornado and frontier sections, at full precision (the
// formats only round what is shown), each with how it was computed under
// the table.
#include "render/text.hpp"
#include "render/tornado_range.hpp"
#include "report/notes.hpp"
#include "report/xlsx_book.hpp"

namespace allot::detail {

namespace {

// Per scenario: the share of samples at each rank, the mean score and its
// 5th and 95th percentile.
lxw_row_t SensitivitySheet(Book& b, Sheet& sheet) {
  const SmaaResult& smaa = *b.options.sensitivity;
  std::vector<std::string> header = {b.l(Key::kReportScenario)};
  for (size_t r = 0; r < smaa.scenarios.size(); ++r)
    header.push_back(b.l(Key::kReportRank) + (" " + std::to_string(r + 1)));
  header.insert(header.end(),
                {b.l(Key::kReportMeanScore), b.l(Key::kReportP5), b.l(Key::kReportP95)});
  sheet.Header(header);
  for (size_t i = 0; i < smaa.scenarios.size(); ++i) {
    const SmaaScenarioResult& s = smaa.scenarios[i];
    lxw_row_t row = Row(i + 1);
    sheet.Text(row, 0, s.id);
    size_t c = 1;
    for (double share : s.rank_acceptability) sheet.Number(row, Col(c++), share, b.formats.percent);
    sheet.Number(row, Col(c++), s.mean_score, b.formats.score2);
    sheet.Number(row, Col(c++), s.p5_score, b.formats.score2);
    sheet.Number(row, Col(c), s.p95_score, b.formats.score2);
  }
  lxw_row_t last = Row(smaa.scenarios.size());
  sheet.Note(last + 2, SmaaNote(smaa.header, b.l));
  return last;
}

// Every swing, largest first (the HTML chart draws the largest 15).
lxw_row_t TornadoSheet(Book& b, Sheet& sheet) {
  const TornadoResult& t = *b.options.tornado;
  auto at = [](const std::string& what, const std::string& where) { return what + " " + where; };
  sheet.Header({b.l(Key::kReportFactor), at(b.l(Key::kReportValue), b.l(Key::kReportAtLow)),
                at(b.l(Key::kReportValue), b.l(Key::kReportAtHigh)),
                at(b.l(Key::kReportGap), b.l(Key::kReportAtLow)),
                at(b.l(Key::kReportGap), b.l(Key::kReportAtHigh)), b.l(Key::kReportSwing),
                b.l(Key::kTornadoRange)});
  for (size_t i = 0; i < t.bars.size(); ++i) {
    const TornadoBar& bar = t.bars[i];
    lxw_row_t row = Row(i + 1);
    sheet.Text(row, 0, bar.factor);
    sheet.Number(row, 1, bar.low_value, nullptr);
    sheet.Number(row, 2, bar.high_value, nullptr);
    sheet.Number(row, 3, bar.gap_low, b.formats.score2);
    sheet.Number(row, 4, bar.gap_high, b.formats.score2);
    sheet.Number(row, 5, bar.swing, b.formats.score2);
    sheet.Text(row, 6, TornadoRangeLabel(bar.range, b.lang));
  }
  lxw_row_t last = Row(t.bars.size());
  sheet.Note(last + 2, BaseGapNote(t, b.lang, b.l));
  lxw_row_t note = last + 2;
  for (const std::string& text : TornadoRangeNotes(t, b.lang)) sheet.Note(++note, text);
  return last;
}

// Per computed budget: what the optimum spends, its score and bound, and
// the levels it funds. A budget at which the constraints cannot be met
// says so instead of a score.
lxw_row_t FrontierSheet(Book& b, Sheet& sheet) {
  const FrontierReport& f = *b.options.frontier;
  sheet.Header({b.l(Key::kReportBudget), b.l(Key::kReportSpent), b.l(Key::kReportScore),
                b.l(Key::kReportUpperBound), b.l(Key::kReportLevelsFunded)});
  for (size_t i = 0; i < f.frontier.points.size(); ++i) {
    const FrontierPoint& p = f.frontier.points[i];
    lxw_row_t row = Row(i + 1);
    sheet.Number(row, 0, Euros(p.budget), b.formats.money);
    if (p.score < 0) {
      sheet.Text(row, 2, b.l(Key::kReportInfeasible));
      continue;
    }
    sheet.Number(row, 1, Euros(p.spent), b.formats.money);
    sheet.Number(row, 2, p.score, b.formats.score2);
    sheet.Number(row, 3, p.upper_bound, b.formats.score2);
    sheet.Text(row, 4, Joined(p.levels));
  }
  lxw_row_t last = Row(f.frontier.points.size());
  sheet.Note(last + 2, FrontierNote(f, b.r.baseline, b.l));
  return last;
}

// Per scenario: its money and score, the cheapest frontier budget reaching
// that score, and the best score for its money.
lxw_row_t FrontierScenariosSheet(Book& b, Sheet& sheet) {
  const FrontierReport& f = *b.options.frontier;
  sheet.Header({b.l(Key::kReportScenario), b.l(Key::kReportTotal), b.l(Key::kReportScore),
                b.l(Key::kReportCheapest), b.l(Key::kReportBestForMoney)});
  for (size_t i = 0; i < f.frontier.scenarios.size(); ++i) {
    const ScenarioPlacement& s = f.frontier.scenarios[i];
    lxw_row_t row = Row(i + 1);
    sheet.Text(row, 0, s.id);
    sheet.Number(row, 1, Euros(s.total), b.formats.money);
    sheet.Number(row, 2, s.score, b.formats.score2);
    if (s.cheapest)
      sheet.Number(row, 3, Euros(*s.cheapest), b.formats.money);
    else
      sheet.Text(row, 3, b.l(Key::kReportBeyond));
    sheet.Number(row, 4, s.best_for_money, b.formats.score2);
  }
  return Row(f.frontier.scenarios.size());
}

bool HasSensitivity(const ReportOptions& o) { return o.sensitivity.has_value(); }
bool HasTornado(const ReportOptions& o) { return o.tornado.has_value(); }
bool HasFrontier(const ReportOptions& o) { return o.frontier.has_value(); }

}  // namespace

const std::vector<SheetSpec>& AnalysisSheets() {
  static const std::vector<SheetSpec> sheets = {
      {Key::kSheetSensitivity, HasSensitivity, SensitivitySheet},
      {Key::kSheetTornado, HasTornado, TornadoSheet},
      {Key::kSheetFrontier, HasFrontier, FrontierSheet},
      {Key::kSheetFrontierScenarios, HasFrontier, FrontierScenariosSheet},
  };
  return sheets;
}

}  // namespace allot::detail
