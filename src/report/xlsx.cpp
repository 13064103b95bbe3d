// The XLSX workbook through libxlsxwriter: the numbers of the HTML report in
// sheets a finance committee can check, with totals as live SUM formulas.
#include <xlsxwriter.h>

#include "allot/report.hpp"
#include "render/motion_text.hpp"
#include "render/provenance_text.hpp"
#include "render/text.hpp"
#include "report/data.hpp"
#include "report/xlsx_book.hpp"

namespace allot::detail {

namespace {

std::string SumFormula(lxw_row_t first_row, lxw_col_t first_col, lxw_row_t last_row,
                       lxw_col_t last_col) {
  return "=SUM(" + CellName(first_row, first_col) + ":" + CellName(last_row, last_col) + ")";
}

// One row per scenario: money, the total as SUM over the years, scores.
lxw_row_t SummarySheet(Book& b, Sheet& sheet) {
  std::vector<std::string> header = {b.l(Key::kReportScenario), b.l(Key::kReportName),
                                     b.l(Key::kReportMoneyRestsOn)};
  for (int year : b.r.years) header.push_back(std::to_string(year));
  header.push_back(b.l(Key::kReportTotal));
  header.push_back(std::string(b.l(Key::kReportChange)) + " " + b.r.baseline);
  for (const WeightSet& w : b.r.weight_sets) {
    header.push_back(w.name + ": " + b.l(Key::kReportScore));
    header.push_back(w.name + ": " + b.l(Key::kReportRank));
  }
  header.push_back(b.l(Key::kReportUnfunded));
  sheet.Header(header);
  size_t years = b.r.years.size();
  for (size_t i = 0; i < b.r.scenarios.size(); ++i) {
    const ScenarioResult& s = b.r.scenarios[i];
    lxw_row_t row = Row(i + 1);
    sheet.Text(row, 0, s.id);
    sheet.Text(row, 1, s.name);
    sheet.Text(row, 2, MoneyBasisText(s.basis, b.lang));
    const ScenarioBasis& basis = s.basis;
    MarkedFormats& m = b.marks;
    for (size_t y = 0; y < years; ++y) {
      sheet.Number(row, Col(3 + y), Euros(s.by_year[y]),
                   m.Get(NumberKind::kMoney, basis.by_year[y]));
    }
    sheet.Formula(row, Col(3 + years), SumFormula(row, 3, row, Col(2 + years)), Euros(s.total),
                  m.Get(NumberKind::kTotal, basis.total));
    sheet.Number(row, Col(4 + years), Euros(s.delta_total),
                 m.Get(NumberKind::kMoney, basis.delta_total));
    size_t c = 5 + years;
    for (size_t w = 0; w < b.r.weight_sets.size(); ++w) {
      sheet.Number(row, Col(c++), s.weighted[w], m.Get(NumberKind::kScore, basis.weighted[w]));
      sheet.Number(row, Col(c++), s.rank[w], m.Get(NumberKind::kCount, basis.rank[w]));
    }
    std::vector<ProvenanceLevel> in_text;
    sheet.Text(row, Col(c), MarkedUnfunded(b.r, s, b.lang, in_text));
    for (ProvenanceLevel level : in_text) m.Shown(level);
  }
  lxw_row_t last = Row(b.r.scenarios.size());
  // What the figures rest on, the line every output carries (docs/output.md),
  // and what the marks after them mean.
  if (b.options.rests_on) sheet.Note(last + 2, ProvenanceCaveat(*b.options.rests_on, b.lang));
  sheet.Note(last + 3, b.marks.TakeLegend());
  return last;
}

// Line x year rows, one column per scenario, and a SUM row per scenario
// whose cached value is the scenario's total.
lxw_row_t AllocationsSheet(Book& b, Sheet& sheet) {
  std::vector<std::string> header = {b.l(Key::kReportLine), b.l(Key::kReportName),
                                     b.l(Key::kReportYear)};
  for (const ScenarioResult& s : b.r.scenarios) header.push_back(s.id);
  sheet.Header(header);
  lxw_row_t row = 1;
  for (const ReportLine& line_info : ReportLines(b.r, b.model, b.scenarios)) {
    const std::string& id = line_info.id;
    for (size_t y = 0; y < b.r.years.size(); ++y, ++row) {
      sheet.Text(row, 0, id);
      sheet.Text(row, 1, line_info.Name());
      sheet.Number(row, 2, b.r.years[y], nullptr);
      for (size_t s = 0; s < b.r.scenarios.size(); ++s) {
        const LineAllocation* line = FindLine(b.r.scenarios[s], id);
        if (!line) continue;
        sheet.Number(row, Col(3 + s), Euros(line->by_year[y]),
                     b.marks.Get(NumberKind::kMoney, line->year_basis));
      }
    }
  }
  lxw_row_t last = row - 1;
  sheet.Text(row, 0, b.l(Key::kReportTotal), b.formats.bold);
  for (size_t s = 0; s < b.r.scenarios.size(); ++s) {
    const ScenarioResult& scenario = b.r.scenarios[s];
    sheet.Formula(row, Col(3 + s), SumFormula(1, Col(3 + s), last, Col(3 + s)),
                  Euros(scenario.total), b.marks.Get(NumberKind::kTotal, scenario.basis.total));
  }
  sheet.Note(row + 2, b.marks.TakeLegend());
  return last;  // the filter leaves the total row out, so it stays put
}

lxw_row_t ObjectivesSheet(Book& b, Sheet& sheet) {
  std::vector<std::string> header = {b.l(Key::kReportObjective), b.l(Key::kReportName)};
  for (const ScenarioResult& s : b.r.scenarios) header.push_back(s.id);
  sheet.Header(header);
  for (size_t j = 0; j < b.r.objectives.size(); ++j) {
    lxw_row_t row = Row(j + 1);
    sheet.Text(row, 0, b.r.objectives[j].id);
    sheet.Text(row, 1, b.r.objectives[j].name);
    for (size_t s = 0; s < b.r.scenarios.size(); ++s) {
      const ScenarioResult& scenario = b.r.scenarios[s];
      sheet.Number(row, Col(2 + s), scenario.objectives[j],
                   b.marks.Get(NumberKind::kScore, scenario.basis.objectives[j]));
    }
  }
  lxw_row_t last = Row(b.r.objectives.size());
  sheet.Note(last + 2, b.marks.TakeLegend());
  return last;
}

lxw_row_t MotionsSheet(Book& b, Sheet& sheet) {
  std::vector<std::string> header = {b.l(Key::kReportMotion), b.l(Key::kReportReference),
                                     b.l(Key::kReportDate), b.l(Key::kReportAsks),
                                     b.l(Key::kReportMinSpend)};
  for (const ScenarioResult& s : b.r.scenarios) header.push_back(s.id);
  sheet.Header(header);
  for (size_t m = 0; m < b.r.motions.size(); ++m) {
    const Motion& motion = b.r.motions[m];
    lxw_row_t row = Row(m + 1);
    sheet.Text(row, 0, motion.id);
    sheet.Text(row, 1, MotionReference(motion, b.lang));
    sheet.Text(row, 2, FormatDate(motion.date, b.lang));
    sheet.Text(row, 3, motion.Asks(b.lang));
    if (motion.min_spend) sheet.Number(row, 4, Euros(*motion.min_spend), b.formats.money);
    for (size_t s = 0; s < b.r.scenarios.size(); ++s) {
      const ScenarioResult& scenario = b.r.scenarios[s];
      sheet.Text(row, Col(5 + s),
                 b.marks.Text(scenario.motions_funded[m] ? b.l(Key::kReportFundedMark)
                                                         : b.l(Key::kReportUnfundedMark),
                              scenario.basis.motions_funded[m]));
    }
  }
  lxw_row_t last = Row(b.r.motions.size());
  sheet.Note(last + 2, b.marks.TakeLegend());
  return last;
}

// A row per line (its amounts' source) and per effect (its points' source).
lxw_row_t ProvenanceSheet(Book& b, Sheet& sheet) {
  sheet.Header({b.l(Key::kReportLine), b.l(Key::kReportName), b.l(Key::kReportObjective),
                b.l(Key::kReportOwner), b.l(Key::kReportAmountsRestOn), b.l(Key::kReportSource),
                b.l(Key::kReportNote), b.l(Key::kReportAddedBy)});
  lxw_row_t row = 1;
  for (const ReportLine& line_info : ReportLines(b.r, b.model, b.scenarios)) {
    if (!line_info.def) continue;
    const Line& line = *line_info.def;
    sheet.Text(row, 0, line.id);
    sheet.Text(row, 1, line.name);
    sheet.Text(row, 3, line.owner);
    AmountsBasis basis = LineAmountsBasis(line_info, b.scenarios);
    sheet.Text(row, 4, AmountsText(*basis.total, *basis.years, b.lang));
    sheet.Text(row, 5, line.source);
    sheet.Text(row, 6, line.note);
    sheet.Text(row, 7, line_info.added_by);
    ++row;
    for (const Effect& e : line.effects) {
      sheet.Text(row, 0, line.id);
      sheet.Text(row, 2, e.objective);
      sheet.Text(row, 5, e.source);
      sheet.Text(row, 6, e.note);
      ++row;
    }
  }
  return row - 1;
}

XlsxFormats MakeFormats(lxw_workbook* workbook, Lang lang) {
  const std::string money = MoneyCode(lang);
  XlsxFormats f;
  f.header = workbook_add_format(workbook);
  format_set_bold(f.header);
  format_set_bottom(f.header, LXW_BORDER_THIN);
  f.money = workbook_add_format(workbook);
  format_set_num_format(f.money, money.c_str());
  f.score2 = workbook_add_format(workbook);
  format_set_num_format(f.score2, "0.00");
  f.percent = workbook_add_format(workbook);
  format_set_num_format(f.percent, "0.0%");
  f.bold = workbook_add_format(workbook);
  format_set_bold(f.bold);
  return f;
}

// 1980-01-01 00:00 UTC, the earliest time a ZIP entry can carry: the
// creation time of a workbook whose inputs say none.
constexpr int64_t kNoCreationTime = 315532800;

bool Always(const ReportOptions&) { return true; }

// The core sheets, then the analysis sheets that the options ask for.
std::vector<SheetSpec> Sheets() {
  std::vector<SheetSpec> sheets = {
      {Key::kSheetSummary, Always, SummarySheet},
      {Key::kSheetAllocations, Always, AllocationsSheet},
      {Key::kSheetObjectives, Always, ObjectivesSheet},
      {Key::kSheetMotions, Always, MotionsSheet},
      {Key::kSheetProvenance, Always, ProvenanceSheet},
  };
  for (const SheetSpec& spec : AnalysisSheets()) sheets.push_back(spec);
  return sheets;
}

}  // namespace

}  // namespace allot::detail

namespace allot {

bool WriteReportXlsx(const CompareResult& result, const Model& model,
                     const std::vector<Scenario>& scenarios, const ReportOptions& options,
                     const std::string& path, std::string& error) {
  using namespace detail;
  lxw_workbook* workbook = workbook_new(path.c_str());
  if (!workbook) {
    error = "cannot create workbook '" + path + "'";
    return false;
  }
  // libxlsxwriter stamps the workbook with the clock unless told a time
  // (0 means "now"): a fixed one keeps the file the same from run to run.
  lxw_doc_properties properties{};
  properties.created = static_cast<time_t>(options.created.value_or(kNoCreationTime));
  workbook_set_properties(workbook, &properties);
  Book book{result,
            model,
            scenarios,
            options,
            options.lang,
            Words(options.lang),
            MakeFormats(workbook, options.lang),
            MarkedFormats(workbook, options.lang)};
  lxw_error first = LXW_NO_ERROR;
  for (const SheetSpec& spec : Sheets()) {
    if (!spec.wanted(options)) continue;
    lxw_worksheet* ws = workbook_add_worksheet(workbook, Say(spec.name, options.lang).c_str());
    Sheet sheet(ws, book.formats);
    sheet.Finish(spec.fill(book, sheet));
    if (first == LXW_NO_ERROR) first = sheet.error();
  }
  lxw_error closed = workbook_close(workbook);  // frees the workbook whatever happens
  if (first == LXW_NO_ERROR) first = closed;
  if (first != LXW_NO_ERROR) {
    error = "cannot write workbook '" + path + "': " + lxw_strerror(first);
    return false;
  }
  return true;
}

}  // namespace allot
