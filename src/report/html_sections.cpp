// The report's numeric sections: summary, allocations, objective scores.
#include <cmath>

#include "render/marks.hpp"
#include "render/motion_text.hpp"
#include "render/number.hpp"
#include "report/data.hpp"
#include "report/html.hpp"
#include "report/html_escape.hpp"
#include "report/svg_chart.hpp"

namespace allot::detail {

namespace {

// Euros as a double, for chart geometry only; labels come from FormatMoney.
double Euros(Money m) { return static_cast<double>(m.cents()) / 100.0; }

// An amount and what it rests on; a change against the baseline too.
struct Figure {
  Money amount;
  ProvenanceLevel level;
};

// A money cell: the amount, and against the baseline the change, shaded
// and marked so that it shows in greyscale too; each with its mark.
HtmlCell MoneyCell(Figure amount, Figure change, bool is_baseline, Lang lang) {
  HtmlCell cell{FormatMoney(amount.amount, lang), "", ""};
  cell.mark = Mark(amount.level);
  if (is_baseline || change.amount.IsZero()) return cell;
  bool up = change.amount.cents() > 0;
  cell.sub = std::string(up ? "\u25b2 " : "\u25bc ") + MoneyChange(change.amount, lang);
  cell.sub_mark = Mark(change.level);
  cell.css_class = up ? "up" : "down";
  return cell;
}

std::string FigureHtml(const BarChart& chart) {
  return "<figure>" + RenderBarChart(chart) + "</figure>";
}

HtmlTable MoneyTable(const ReportContext& c) {
  const CompareResult& r = c.result;
  const ScenarioResult& base = r.scenarios[BaselineIndex(r)];
  HtmlTable t{
      "money-table",
      c.labels(Key::kReportMoneyTable),
      2,
      {c.labels(Key::kReportScenario), c.labels(Key::kReportName), c.labels(Key::kReportTotal)},
      {},
      {}};
  for (int year : r.years) t.header.push_back(std::to_string(year));
  t.header.push_back(std::string(c.labels(Key::kReportChange)) + " " + r.baseline);
  for (const ScenarioResult& s : r.scenarios) {
    bool is_base = s.id == r.baseline;
    const ScenarioBasis& b = s.basis;
    std::vector<HtmlCell> row = {
        {s.id, "", ""},
        {s.name, "", ""},
        MoneyCell({s.total, b.total}, {s.delta_total, b.delta_total}, is_base, c.lang)};
    row.back().sub.clear();  // the change has its own column, shaded here
    row.back().sub_mark.clear();
    for (size_t y = 0; y < r.years.size(); ++y) {
      row.push_back(MoneyCell({s.by_year[y], b.by_year[y]},
                              {s.by_year[y] - base.by_year[y], b.delta_by_year[y]}, is_base,
                              c.lang));
    }
    row.push_back({MoneyChange(s.delta_total, c.lang), "", ""});
    row.back().mark = Mark(b.delta_total);
    t.rows.push_back(std::move(row));
  }
  t.notes = {c.labels(Key::kReportChangeNote)};
  AddMarkLegend(t, c.lang);
  return t;
}

HtmlTable ScoresTable(const ReportContext& c) {
  const CompareResult& r = c.result;
  HtmlTable t{"scores-table",
              c.labels(Key::kReportScoresTable),
              2,
              {c.labels(Key::kReportScenario), c.labels(Key::kReportUnfunded)},
              {},
              {}};
  for (const WeightSet& w : r.weight_sets) {
    t.header.push_back(w.name + ": " + c.labels(Key::kReportScore));
    t.header.push_back(c.labels(Key::kReportRank));
  }
  std::vector<ProvenanceLevel> in_text;  // the marks after the motions
  for (const ScenarioResult& s : r.scenarios) {
    std::vector<HtmlCell> row = {{s.id, "", ""}, {MarkedUnfunded(r, s, c.lang, in_text), "", ""}};
    for (size_t w = 0; w < r.weight_sets.size(); ++w) {
      // The change against the baseline under the score, marked for greyscale.
      HtmlCell score{Decimal(s.weighted[w], 2, c.lang), "", ""};
      score.mark = Mark(s.basis.weighted[w]);
      double delta = s.delta_weighted[w];
      if (s.id != r.baseline && Decimal(delta, 2, c.lang, true) != Decimal(0, 2, c.lang)) {
        score.sub =
            std::string(delta > 0 ? "\u25b2 " : "\u25bc ") + Decimal(delta, 2, c.lang, true);
        score.sub_mark = Mark(s.basis.delta_weighted[w]);
      }
      row.push_back(score);
      row.push_back({std::to_string(s.rank[w]), "", ""});
      row.back().mark = Mark(s.basis.rank[w]);
    }
    t.rows.push_back(std::move(row));
  }
  t.notes.push_back(std::string(c.labels(Key::kReportChange)) + " " + r.baseline +
                    ": \u25b2 / \u25bc");
  for (const WeightSet& w : r.weight_sets) {
    std::string note = w.name + " (" + c.labels(Key::kReportWeights) + "):";
    for (size_t j = 0; j < r.objectives.size(); ++j) {
      if (w.weights[j] != 0)
        note += " " + r.objectives[j].id + " " + Decimal(w.weights[j], 3, c.lang);
    }
    t.notes.push_back(note);
  }
  AddMarkLegend(t, c.lang, in_text);
  return t;
}

// One series per scenario, as the charts use them.
std::vector<BarSeries> ScenarioSeries(const CompareResult& r) {
  std::vector<BarSeries> series;
  for (const ScenarioResult& s : r.scenarios) series.push_back({s.id, {}, {}});
  return series;
}

BarChart WeightedChart(const ReportContext& c) {
  const CompareResult& r = c.result;
  BarChart chart{"chart-weighted",
                 c.labels(Key::kReportWeightedChart),
                 c.labels(Key::kReportScoresTable),
                 c.labels(Key::kReportWeightedAxis),
                 {},
                 ScenarioSeries(r),
                 0,
                 [lang = c.lang](double v) { return Decimal(v, 0, lang); }};
  for (size_t w = 0; w < r.weight_sets.size(); ++w) {
    chart.categories.push_back(r.weight_sets[w].name);
    for (size_t s = 0; s < r.scenarios.size(); ++s) {
      double v = r.scenarios[s].weighted[w];
      chart.series[s].values.push_back(v);
      chart.series[s].labels.push_back(Decimal(v, 1, c.lang) + " (#" +
                                       std::to_string(r.scenarios[s].rank[w]) + ")");
    }
  }
  return chart;
}

}  // namespace

std::string SummarySection(const ReportContext& c) {
  std::string body = RenderTable(MoneyTable(c)) + RenderTable(ScoresTable(c));
  if (!c.result.weight_sets.empty()) body += FigureHtml(WeightedChart(c));
  return SectionHtml("summary", c.labels(Key::kReportSummary), body);
}

std::string AllocationSection(const ReportContext& c) {
  const CompareResult& r = c.result;
  const ScenarioResult& base = r.scenarios[BaselineIndex(r)];
  BarChart chart{"chart-allocations",
                 c.labels(Key::kReportAllocationChart),
                 c.labels(Key::kReportAllocationTable),
                 c.labels(Key::kReportMoneyAxis),
                 {},
                 ScenarioSeries(r),
                 0,
                 [lang = c.lang](double v) {
                   return FormatMoney(Money::FromCents(std::llround(v * 100)), lang);
                 }};
  HtmlTable t{"allocation-table",
              c.labels(Key::kReportAllocationTable),
              1,
              {c.labels(Key::kReportLine)},
              {},
              {c.labels(Key::kReportChangeNote)}};
  for (const ScenarioResult& s : r.scenarios) t.header.push_back(s.id);
  for (const ReportLine& report_line : ReportLines(r, c.model, c.scenarios)) {
    const std::string& id = report_line.id;
    const LineAllocation* in_base = FindLine(base, id);
    Money base_total = in_base ? Sum(in_base->by_year) : Money();
    // A line the baseline lacks is compared with nothing: its change is
    // its total, resting on what the total rests on.
    ProvenanceLevel base_level = in_base ? in_base->total_basis : ProvenanceLevel::kSourced;
    chart.categories.push_back(report_line.Name());
    std::vector<HtmlCell> row = {{report_line.Name(), id, ""}};
    for (size_t s = 0; s < r.scenarios.size(); ++s) {
      const LineAllocation* line = FindLine(r.scenarios[s], id);
      Money total = line ? Sum(line->by_year) : Money();
      chart.series[s].values.push_back(Euros(total));
      chart.series[s].labels.push_back(line ? FormatMoney(total, c.lang) : "\u2013");
      row.push_back(
          line ? MoneyCell({total, line->total_basis},
                           {total - base_total, WeakerLevel(line->total_basis, base_level)},
                           r.scenarios[s].id == r.baseline, c.lang)
               : HtmlCell{"\u2013", c.labels(Key::kReportNotInScenario), "muted"});
    }
    t.rows.push_back(std::move(row));
  }
  AddMarkLegend(t, c.lang);
  return SectionHtml("allocations", c.labels(Key::kReportAllocations),
                     FigureHtml(chart) + RenderTable(t));
}

std::string ObjectivesSection(const ReportContext& c) {
  const CompareResult& r = c.result;
  BarChart chart{"chart-objectives",
                 c.labels(Key::kReportObjectiveChart),
                 c.labels(Key::kReportObjectiveChart),
                 c.labels(Key::kReportPointsAxis),
                 {},
                 ScenarioSeries(r),
                 100,
                 [lang = c.lang](double v) { return Decimal(v, 0, lang); }};
  HtmlTable t{"objective-table",
              c.labels(Key::kReportObjectiveChart),
              2,
              {c.labels(Key::kReportObjective), c.labels(Key::kReportName)},
              {},
              {}};
  for (const ScenarioResult& s : r.scenarios) t.header.push_back(s.id);
  for (size_t j = 0; j < r.objectives.size(); ++j) {
    chart.categories.push_back(r.objectives[j].name);
    std::vector<HtmlCell> row = {{r.objectives[j].id, "", ""}, {r.objectives[j].name, "", ""}};
    for (size_t s = 0; s < r.scenarios.size(); ++s) {
      double v = r.scenarios[s].objectives[j];
      chart.series[s].values.push_back(v);
      chart.series[s].labels.push_back(Decimal(v, 1, c.lang));
      row.push_back({Decimal(v, 1, c.lang), "", ""});
      row.back().mark = Mark(r.scenarios[s].basis.objectives[j]);
    }
    t.rows.push_back(std::move(row));
  }
  AddMarkLegend(t, c.lang);
  return SectionHtml("objectives", c.labels(Key::kReportObjectives),
                     FigureHtml(chart) + RenderTable(t));
}

}  // namespace allot::detail
