// The report's reference sections: which motions each scenario funds, and
// where every figure comes from (sourced or illustrative, with its source).
#include "report/data.hpp"
#include "report/html.hpp"
#include "report/html_escape.hpp"

namespace allot::detail {

namespace {

Cell StatusCell(bool illustrative, const ReportLabels& l) {
  return illustrative ? Cell{l.illustrative, "", "down"} : Cell{l.sourced, "", ""};
}

Table MotionsTable(const ReportContext& c) {
  const CompareResult& r = c.result;
  Table t{"motions-table", c.labels.motions_title, 2, {c.labels.motion, c.labels.asks}, {}, {}};
  for (const ScenarioResult& s : r.scenarios) t.header.push_back(ScenarioLabel(s));
  t.text_columns = t.header.size();  // marks read as text
  for (size_t m = 0; m < r.motions.size(); ++m) {
    const Motion& motion = r.motions[m];
    std::vector<Cell> row = {{motion.id, motion.ref, ""}, {motion.asks, "", ""}};
    for (const ScenarioResult& s : r.scenarios) {
      row.push_back(s.motions_funded[m] ? Cell{c.labels.funded_mark, "", ""}
                                        : Cell{c.labels.unfunded_mark, "", "down"});
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

Table ScenariosTable(const ReportContext& c) {
  const ReportLabels& l = c.labels;
  Table t{"scenarios-table",
          l.scenarios_title,
          5,
          {l.scenario, l.name, l.status, l.source, l.note},
          {},
          {}};
  for (const ScenarioResult& s : c.result.scenarios) {
    const Scenario* file = FindScenario(c.scenarios, s.id);
    t.rows.push_back({{s.id, "", ""},
                      {s.name, "", ""},
                      StatusCell(s.illustrative, l),
                      {file ? file->source : "", "", ""},
                      {file ? file->note : "", "", ""}});
  }
  return t;
}

Table LinesTable(const ReportContext& c) {
  const ReportLabels& l = c.labels;
  Table t{"lines-table", l.lines_title, 5, {l.line, l.owner, l.status, l.source, l.note}, {}, {}};
  for (const ReportLine& r : ReportLines(c.result, c.model, c.scenarios)) {
    if (!r.def) continue;
    const Line& line = *r.def;
    std::string added = r.added_by.empty() ? "" : std::string(l.added_by) + " " + r.added_by;
    t.rows.push_back({{line.name, line.id, ""},
                      {line.owner, "", ""},
                      StatusCell(line.illustrative, l),
                      {line.source, added, ""},
                      {line.note, "", ""}});
  }
  return t;
}

Table EffectsTable(const ReportContext& c) {
  const ReportLabels& l = c.labels;
  Table t{"effects-table", l.effects, 4, {l.line, l.objective, l.source, l.note}, {}, {}};
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

Table MotionSourcesTable(const ReportContext& c) {
  const ReportLabels& l = c.labels;
  Table t{"motion-sources-table",
          l.motions_title,
          5,
          {l.motion, l.reference, l.date, l.asks, l.note},
          {},
          {}};
  t.header.push_back(l.min_spend);
  for (const Motion& m : c.model.motions) {
    t.rows.push_back({{m.id, "", ""},
                      {m.ref, "", ""},
                      {FormatDate(m.date, c.lang), "", ""},
                      {m.asks, "", ""},
                      {m.note, "", ""},
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
    return SectionHtml("motions", c.labels.motions, "<p>" + EscapeHtml(c.labels.none) + "</p>");
  }
  return SectionHtml("motions", c.labels.motions, RenderTable(MotionsTable(c)));
}

std::string ProvenanceSection(const ReportContext& c) {
  std::string body =
      Paragraph(c.labels.model_source, c.model.source) + Paragraph(c.labels.note, c.model.note);
  body += RenderTable(ScenariosTable(c)) + RenderTable(LinesTable(c));
  body += RenderTable(EffectsTable(c)) + RenderTable(MotionSourcesTable(c));
  return SectionHtml("provenance", c.labels.provenance, body);
}

}  // namespace allot::detail
