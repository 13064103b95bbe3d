// The report's sensitivity section: the rank acceptability of an SMAA run
// (allot sensitivity) as a heatmap and a table.
#include <cmath>
#include <string>

#include "render/number.hpp"
#include "render/text.hpp"
#include "report/html.hpp"
#include "report/notes.hpp"
#include "report/svg_chart.hpp"

namespace allot::detail {

namespace {

std::string Percent(double share, Lang lang) { return Decimal(share * 100, 1, lang) + "%"; }

// The "±" of a share: the wider side of its Wilson interval rounded up to
// the 0.1% shown, so that a share of 0 or 100% never shows ±0.0%.
double Margin(const ProportionInterval& interval, double share) {
  return std::ceil(interval.HalfWidth(share) * 1000 - 1e-9) / 1000;
}

Heatmap AcceptabilityHeatmap(const SmaaResult& smaa, const ReportContext& c) {
  Heatmap h{"chart-rank-acceptability",
            c.labels(Key::kReportHeatmapTitle),
            c.labels(Key::kReportHeatmapTitle),
            c.labels(Key::kReportRank),
            {},
            {},
            {},
            {}};
  for (size_t r = 0; r < smaa.scenarios.size(); ++r) h.columns.push_back(std::to_string(r + 1));
  for (const SmaaScenarioResult& s : smaa.scenarios) {
    h.rows.push_back(s.id);
    h.values.push_back(s.rank_acceptability);
    std::vector<std::string> labels;
    for (double b : s.rank_acceptability) labels.push_back(Percent(b, c.lang));
    h.labels.push_back(labels);
  }
  return h;
}

HtmlTable AcceptabilityTable(const SmaaResult& smaa, const ReportContext& c) {
  HtmlTable t{"rank-acceptability-table",
              c.labels(Key::kReportHeatmapTitle),
              1,
              {c.labels(Key::kReportScenario)},
              {},
              {}};
  for (size_t r = 0; r < smaa.scenarios.size(); ++r)
    t.header.push_back(c.labels(Key::kReportRank) + (" " + std::to_string(r + 1)));
  t.header.push_back(c.labels(Key::kReportMeanScore));
  t.header.push_back(c.labels(Key::kReportScoreRange));
  for (const SmaaScenarioResult& s : smaa.scenarios) {
    std::vector<HtmlCell> row = {{s.id, "", ""}};
    for (size_t r = 0; r < s.rank_acceptability.size(); ++r) {
      row.push_back(
          {Percent(s.rank_acceptability[r], c.lang),
           "\u00b1" +
               Percent(Margin(s.rank_acceptability_interval[r], s.rank_acceptability[r]), c.lang),
           ""});
    }
    row.push_back({Decimal(s.mean_score, 2, c.lang), "", ""});
    row.push_back(
        {Decimal(s.p5_score, 1, c.lang) + "\u2013" + Decimal(s.p95_score, 1, c.lang), "", ""});
    t.rows.push_back(std::move(row));
  }
  t.notes.push_back(SmaaNote(smaa.header, c.labels));
  return t;
}

}  // namespace

std::string SensitivitySection(const ReportContext& c, const SmaaResult& smaa) {
  std::string body = "<figure>" + RenderHeatmap(AcceptabilityHeatmap(smaa, c)) + "</figure>";
  body += RenderTable(AcceptabilityTable(smaa, c));
  return SectionHtml("sensitivity", c.labels(Key::kReportSensitivity), body);
}

}  // namespace allot::detail
