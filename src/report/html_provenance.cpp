// The report's reference sections: which motions each scenario funds, and
// where every figure comes from (what it rests on, with its source).
#include "render/marks.hpp"
#include "render/motion_text.hpp"
#include "render/provenance_text.hpp"
#include "report/data.hpp"
#include "report/html.hpp"
#include "report/html_escape.hpp"

namespace allot::detail {

namespace {

// What a group of figures rests on, in words; estimates (assumed or a
// judgement) stand out as the report's other warnings do.
HtmlCell RestsOnCell(std::string text, ProvenanceLevel weakest) {
  bool estimate = Provenance::Of(weakest).IsEstimate();
  return HtmlCell{std::move(text), "", estimate ? "down" : ""};
}

HtmlTable MotionsTable(const ReportContext& c) {
  const CompareResult& r = c.result;
  HtmlTable t{"motions-table",
              c.labels(Key::kReportMotionsTitle),
              2,
              {c.labels(Key::kReportMotion), c.labels(Key::kReportAsks)},
              {},
              {}};
  for (const ScenarioResult& s : r.scenarios) t.header.push_back(s.id);
  t.text_columns = t.header.size();  // funded or not reads as text
  std::vector<ProvenanceLevel> in_text;
  for (size_t m = 0; m < r.motions.size(); ++m) {
    const Motion& motion = r.motions[m];
    std::vector<HtmlCell> row = {
        {MotionIdWithStatus(motion, c.lang), MotionReference(motion, c.lang), ""},
        {motion.Asks(c.lang), "", ""}};
    for (const ScenarioResult& s : r.scenarios) {
      // Funded or not, with the mark of what that rests on.
      ProvenanceLevel level = s.basis.motions_funded[m];
      in_text.push_back(level);
      row.push_back(s.motions_funded[m]
                        ? HtmlCell{Marked(c.labels(Key::kReportFundedMark), level), "", ""}
                        : HtmlCell{Marked(c.labels(Key::kReportUnfundedMark), level), "", "down"});
    }
    t.rows.push_back(std::move(row));
  }
  AddMarkLegend(t, c.lang, in_text);
  return t;
}

HtmlTable ScenariosTable(const ReportContext& c) {
  const Words& l = c.labels;
  HtmlTable t{"scenarios-table",
              l(Key::kReportScenariosTitle),
              5,
              {l(Key::kReportScenario), l(Key::kReportName), l(Key::kReportMoneyRestsOn),
               l(Key::kReportSource), l(Key::kReportNote)},
              {},
              {}};
  for (const ScenarioResult& s : c.result.scenarios) {
    const Scenario* file = FindScenario(c.scenarios, s.id);
    t.rows.push_back({{s.id, "", ""},
                      {s.name, "", ""},
                      RestsOnCell(MoneyBasisText(s.basis, c.lang), WeakestMoneyLevel(s.basis)),
                      {file ? file->source : "", "", ""},
                      {file ? file->note : "", "", ""}});
  }
  return t;
}

HtmlTable LinesTable(const ReportContext& c) {
  const Words& l = c.labels;
  HtmlTable t{"lines-table",
              l(Key::kReportLinesTitle),
              5,
              {l(Key::kReportLine), l(Key::kReportOwner), l(Key::kReportAmountsRestOn),
               l(Key::kReportSource), l(Key::kReportNote)},
              {},
              {}};
  for (const ReportLine& r : ReportLines(c.result, c.model, c.scenarios)) {
    if (!r.def) continue;
    const Line& line = *r.def;
    AmountsBasis basis = LineAmountsBasis(r, c.scenarios);
    std::string added =
        r.added_by.empty() ? "" : std::string(l(Key::kReportAddedBy)) + " " + r.added_by;
    t.rows.push_back({{line.name, line.id, ""},
                      {line.owner, "", ""},
                      RestsOnCell(AmountsText(*basis.total, *basis.years, c.lang),
                                  WeakerLevel(basis.total->level, basis.years->level)),
                      {line.source, added, ""},
                      {line.note, "", ""}});
  }
  return t;
}

HtmlTable EffectsTable(const ReportContext& c) {
  const Words& l = c.labels;
  HtmlTable t{
      "effects-table",
      l(Key::kReportEffects),
      4,
      {l(Key::kReportLine), l(Key::kReportObjective), l(Key::kReportSource), l(Key::kReportNote)},
      {},
      {}};
  for (const ReportLine& r : ReportLines(c.result, c.model, c.scenarios)) {
    if (!r.def) continue;
    const Line& line = *r.def;
    for (const Effect& e : line.effects) {
      t.rows.push_back(
          {{line.id, "", ""}, {e.objective, "", ""}, {e.source, "", ""}, {e.note, "", ""}});
    }
  }
  return t;
}

HtmlTable MotionSourcesTable(const ReportContext& c) {
  const Words& l = c.labels;
  HtmlTable t{"motion-sources-table",
              l(Key::kReportMotionsTitle),
              5,
              {l(Key::kReportMotion), l(Key::kReportReference), l(Key::kReportDate),
               l(Key::kReportAsks), l(Key::kReportNote)},
              {},
              {}};
  t.header.push_back(l(Key::kReportMinSpend));
  for (const Motion& m : c.model.motions) {
    t.rows.push_back({{m.id, "", ""},
                      {MotionReference(m, c.lang), "", ""},
                      {FormatDate(m.date, c.lang), "", ""},
                      {m.Asks(c.lang), "", ""},
                      {MotionStatusNote(m, c.lang) + m.note, "", ""},
                      {m.min_spend ? FormatMoney(*m.min_spend, c.lang) : "\u2013", "", ""}});
  }
  return t;
}

std::string Paragraph(const std::string& label, const std::string& text) {
  if (text.empty()) return "";
  return "<p><strong>" + EscapeHtml(label) + ":</strong> " + EscapeHtml(text) + "</p>";
}

}  // namespace

std::string MotionsSection(const ReportContext& c) {
  if (c.result.motions.empty()) {
    return SectionHtml("motions", c.labels(Key::kReportMotions),
                       "<p>" + EscapeHtml(c.labels(Key::kReportNone)) + "</p>");
  }
  return SectionHtml("motions", c.labels(Key::kReportMotions),
                     // In print, each column group repeats the motion and what it asks.
                     RenderTable(MotionsTable(c), 2));
}

std::string ProvenanceSection(const ReportContext& c) {
  std::string body = Paragraph(c.labels(Key::kReportModelSource), c.model.source) +
                     Paragraph(c.labels(Key::kReportNote), c.model.note);
  body += RenderTable(ScenariosTable(c)) + RenderTable(LinesTable(c));
  body += RenderTable(EffectsTable(c)) + RenderTable(MotionSourcesTable(c));
  return SectionHtml("provenance", c.labels(Key::kReportProvenance), body);
}

}  // namespace allot::detail
