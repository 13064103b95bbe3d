// The report's tornado section: which single uncertainty moves the gap
// between two scenarios most (allot tornado), as a chart centred on the
// base gap and as a table.
#include <algorithm>
#include <string>

#include "render/text.hpp"
#include "report/html.hpp"
#include "report/notes.hpp"
#include "report/svg_chart.hpp"

namespace allot::detail {

namespace {

// A chart is for reading: the largest swings only; the table says how many
// are left out and `allot tornado` lists them all.
constexpr size_t kMaxBars = 15;

std::string Points(double v, Lang lang) { return FormatScore(v, 2, lang, true); }

BarChart TornadoChart(const TornadoResult& t, size_t shown, const ReportContext& c) {
  std::string title = std::string(c.labels.tornado_title) + " " + t.a + " \u2212 " + t.b + " (" +
                      t.weight_set + ")";
  BarChart chart{"chart-tornado",
                 title,
                 std::string(c.labels.base_gap) + ": " + FormatScore(t.base_gap, 2, c.lang),
                 c.labels.tornado_axis,
                 {},
                 {{c.labels.at_low, {}, {}}, {c.labels.at_high, {}, {}}},
                 0,
                 [lang = c.lang](double v) { return FormatScore(v, 1, lang, true); }};
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

Table TornadoTable(const TornadoResult& t, size_t shown, const ReportContext& c) {
  const ReportLabels& l = c.labels;
  Table table{"tornado-table", l.tornado, 1, {l.factor, l.at_low, l.at_high, l.swing}, {}, {}};
  for (size_t i = 0; i < shown; ++i) {
    const TornadoBar& bar = t.bars[i];
    table.rows.push_back(
        {{bar.factor, "", ""},
         {FormatScore(bar.gap_low, 2, c.lang), FormatScore(bar.low_value, 3, c.lang), ""},
         {FormatScore(bar.gap_high, 2, c.lang), FormatScore(bar.high_value, 3, c.lang), ""},
         {FormatScore(bar.swing, 2, c.lang), "", ""}});
  }
  table.notes.push_back(BaseGapNote(t, c.lang, l));
  if (t.bars.size() > shown) {
    table.notes.push_back(std::to_string(t.bars.size() - shown) + " " + l.more_factors);
  }
  return table;
}

}  // namespace

std::string TornadoSection(const ReportContext& c, const TornadoResult& t) {
  size_t shown = std::min(t.bars.size(), kMaxBars);
  std::string body;
  if (shown > 0) body += "<figure>" + RenderBarChart(TornadoChart(t, shown, c)) + "</figure>";
  body += RenderTable(TornadoTable(t, shown, c));
  return SectionHtml("tornado", c.labels.tornado, body);
}

}  // namespace allot::detail
