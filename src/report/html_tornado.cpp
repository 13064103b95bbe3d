// The report's tornado section: which single uncertainty moves the gap
// between two scenarios most (allot tornado), as a chart centred on the
// base gap and as a table.
#include <algorithm>
#include <string>

#include "render/number.hpp"
#include "render/text.hpp"
#include "render/tornado_range.hpp"
#include "report/html.hpp"
#include "report/notes.hpp"
#include "report/svg_chart.hpp"

namespace allot::detail {

namespace {

// A chart is for reading: the largest swings only; the table says how many
// are left out and `allot tornado` lists them all.
constexpr size_t kMaxBars = 15;

std::string Points(double v, Lang lang) { return Decimal(v, 2, lang, true); }

BarChart TornadoChart(const TornadoResult& t, size_t shown, const ReportContext& c) {
  std::string title = std::string(c.labels(Key::kReportTornadoTitle)) + " " + t.a + " \u2212 " +
                      t.b + " (" + t.weight_set + ")";
  BarChart chart{"chart-tornado",
                 title,
                 std::string(c.labels(Key::kReportBaseGap)) + ": " + Decimal(t.base_gap, 2, c.lang),
                 c.labels(Key::kReportTornadoAxis),
                 {},
                 {{c.labels(Key::kReportAtLow), {}, {}}, {c.labels(Key::kReportAtHigh), {}, {}}},
                 0,
                 [lang = c.lang](double v) { return Decimal(v, 1, lang, true); }};
  for (size_t i = 0; i < shown; ++i) {
    const TornadoBar& bar = t.bars[i];
    chart.categories.push_back(bar.factor);
    // Bars grow from the base gap (the zero line) to the gap at low / high.
    chart.series[0].values.push_back(bar.gap_low - t.base_gap);
    chart.series[0].labels.push_back(Points(bar.gap_low - t.base_gap, c.lang));
    chart.series[1].values.push_back(bar.gap_high - t.base_gap);
    chart.series[1].labels.push_back(Points(bar.gap_high - t.base_gap, c.lang));
  }
  return chart;
}

HtmlTable TornadoTable(const TornadoResult& t, size_t shown, const ReportContext& c) {
  const Words& l = c.labels;
  HtmlTable table{
      "tornado-table",
      l(Key::kReportTornado),
      1,
      {l(Key::kReportFactor), l(Key::kReportAtLow), l(Key::kReportAtHigh), l(Key::kReportSwing)},
      {},
      {}};
  for (size_t i = 0; i < shown; ++i) {
    const TornadoBar& bar = t.bars[i];
    table.rows.push_back(
        {{bar.factor, TornadoRangeLabel(bar.range, c.lang), ""},
         {Decimal(bar.gap_low, 2, c.lang), Decimal(bar.low_value, 3, c.lang), ""},
         {Decimal(bar.gap_high, 2, c.lang), Decimal(bar.high_value, 3, c.lang), ""},
         {Decimal(bar.swing, 2, c.lang), "", ""}});
  }
  table.notes.push_back(BaseGapNote(t, c.lang, l));
  for (std::string& note : TornadoRangeNotes(t, c.lang)) table.notes.push_back(std::move(note));
  if (t.bars.size() > shown) {
    table.notes.push_back(std::to_string(t.bars.size() - shown) + " " + l(Key::kReportMoreFactors));
  }
  return table;
}

}  // namespace

std::string TornadoSection(const ReportContext& c, const TornadoResult& t) {
  size_t shown = std::min(t.bars.size(), kMaxBars);
  std::string body;
  if (shown > 0) body += "<figure>" + RenderBarChart(TornadoChart(t, shown, c)) + "</figure>";
  body += RenderTable(TornadoTable(t, shown, c));
  return SectionHtml("tornado", c.labels(Key::kReportTornado), body);
}

}  // namespace allot::detail
