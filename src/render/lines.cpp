#include "render/lines.hpp"

#include <string>
#include <vector>

#include "render/catalogue.hpp"
#include "render/json_output.hpp"
#include "render/layout.hpp"
#include "render/provenance_text.hpp"
#include "render/table.hpp"

namespace allot::detail {

namespace {

Money LineTotal(const ResolvedLine& line) {
  Money total;
  for (Money m : line.by_year) total = total + m;  // resolved totals fit (checked)
  return total;
}

std::string Legend(const std::string& what, const Provenance& p, Lang lang) {
  return what + ": " + ProvenanceLegend(p, lang);
}

Table LinesTable(const Model& model, const ResolvedScenario& r, Lang lang) {
  Words w(lang);
  Table t("", {TextColumn(w(Key::kLine)), TextColumn(w(Key::kName))});
  for (int year : model.years) t.columns.push_back(MoneyColumn(std::to_string(year)));
  t.columns.push_back(MoneyColumn(w(Key::kTotal)));
  t.columns.push_back(TextColumn(w(Key::kLinesBasisPerYear)));
  t.columns.push_back(TextColumn(w(Key::kLinesBasisTotal)));
  for (const ResolvedLine& line : r.lines) {
    std::vector<Cell> row = {line.def->id, line.def->name};
    for (Money m : line.by_year) row.emplace_back(m);
    row.emplace_back(LineTotal(line));
    row.emplace_back(ProvenanceText(*line.year_provenance, lang));
    row.emplace_back(ProvenanceText(*line.total_provenance, lang));
    t.rows.push_back(std::move(row));
    const Provenance& total = *line.total_provenance;
    if (!total.ref.empty() || !total.note.empty()) {
      t.notes.push_back(Legend(line.def->id, total, lang));
    }
    if (line.year_provenance != line.total_provenance && !line.year_provenance->note.empty()) {
      t.notes.push_back(Legend(w(Key::kWithAside, {line.def->id, w(Key::kLinesBasisPerYear)}),
                               *line.year_provenance, lang));
    }
  }
  std::vector<Cell> totals = {w(Key::kLinesAllLines), std::string()};
  const Provenance* years = r.year_provenance.empty() ? nullptr : r.year_provenance.front();
  for (Money m : r.by_year) totals.emplace_back(m);
  totals.emplace_back(r.total);
  totals.emplace_back(years != nullptr ? ProvenanceText(*years, lang) : std::string());
  totals.emplace_back(ProvenanceText(*r.total_provenance, lang));
  t.rows.push_back(std::move(totals));
  for (size_t y = 0; y < r.year_provenance.size(); ++y) {
    const Provenance& p = *r.year_provenance[y];
    if (!p.ref.empty() || !p.note.empty()) {
      t.notes.push_back(
          Legend(w(Key::kLinesAllLinesInYear, {std::to_string(model.years[y])}), p, lang));
    }
  }
  return t;
}

Json ProvenanceJson(const Provenance& p) {
  Json j;
  j["level"] = ProvenanceLevelName(p.level);
  if (!p.by.empty()) j["by"] = p.by;
  if (!p.ref.empty()) j["ref"] = p.ref;
  if (!p.note.empty()) j["note"] = p.note;
  return j;
}

void WriteLinesJson(const Model& model, const ResolvedScenario& r, std::ostream& out) {
  Json j;
  j["format"] = "allot/1";
  j["analysis"] = "lines";
  j["scenario"] = r.id;
  j["years"] = model.years;
  j["lines"] = Json::array();
  for (const ResolvedLine& line : r.lines) {
    Json l;
    l["id"] = line.def->id;
    l["name"] = line.def->name;
    l["owner"] = line.def->owner;
    Json by_year = Json::object();
    for (size_t y = 0; y < model.years.size(); ++y) {
      by_year[std::to_string(model.years[y])] = line.by_year[y].cents();
    }
    l["by_year_cents"] = by_year;
    l["total_cents"] = LineTotal(line).cents();
    l["provenance"] = {{"per_year", ProvenanceJson(*line.year_provenance)},
                       {"total", ProvenanceJson(*line.total_provenance)}};
    Json bounds = Json::object();
    for (int year : model.years) {
      if (const AmountBounds* range = line.def->bounds.In(year)) {
        bounds[std::to_string(year)] = {range->low.cents(), range->high.cents()};
      }
    }
    l["bounds_cents"] = bounds;
    j["lines"].push_back(l);
  }
  Json by_year = Json::object();
  Json per_year = Json::object();
  for (size_t y = 0; y < model.years.size(); ++y) {
    by_year[std::to_string(model.years[y])] = r.by_year[y].cents();
    per_year[std::to_string(model.years[y])] = ProvenanceJson(*r.year_provenance[y]);
  }
  j["totals"] = {
      {"by_year_cents", by_year},
      {"total_cents", r.total.cents()},
      {"provenance", {{"per_year", per_year}, {"total", ProvenanceJson(*r.total_provenance)}}}};
  WriteJson(j, out);
}

Table CsvTable(const Model& model, const ResolvedScenario& r) {
  Table t("", {TextColumn("line"), TextColumn("name"), TextColumn("owner")});
  for (int year : model.years) t.columns.push_back(MoneyColumn(std::to_string(year)));
  t.columns.push_back(MoneyColumn("total"));
  for (const char* c : {"level_per_year", "level_total", "reported_by", "reference"}) {
    t.columns.push_back(TextColumn(c));
  }
  for (const ResolvedLine& line : r.lines) {
    std::vector<Cell> row = {line.def->id, line.def->name, line.def->owner};
    for (Money m : line.by_year) row.emplace_back(m);
    row.emplace_back(LineTotal(line));
    const Provenance& total = *line.total_provenance;
    row.emplace_back(std::string(ProvenanceLevelName(line.year_provenance->level)));
    row.emplace_back(std::string(ProvenanceLevelName(total.level)));
    row.emplace_back(total.by);
    row.emplace_back(total.ref);
    t.rows.push_back(std::move(row));
  }
  return t;
}

}  // namespace

void RenderLines(const Model& model, const ResolvedScenario& r, OutputFormat format, Lang lang,
                 std::ostream& out) {
  if (format == OutputFormat::kJson) return WriteLinesJson(model, r, out);
  if (format == OutputFormat::kCsv) return WriteCsv({CsvTable(model, r)}, out);
  Document doc;
  doc.title = Say(Key::kLinesTitle, lang, {model.title});
  doc.tags.push_back({Say(Key::kScenario, lang), r.id});
  doc.tables.push_back(LinesTable(model, r, lang));
  WriteDocument(doc, format, lang, out);
}

}  // namespace allot::detail
