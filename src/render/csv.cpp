// CSV: one row per scenario, wide, for spreadsheets and scripts. Money is in
// plain euros with two decimals; scores have six decimals.
#include <ostream>
#include <string>

#include "render/spreadsheet_text.hpp"
#include "render/text.hpp"

namespace allot::detail {

namespace {

// RFC 4180 quoting, and text that a spreadsheet would run as a formula
// (starting with = + - @ tab or CR) is prefixed with a quote mark.
std::string TextCell(const std::string& text) {
  std::string value = NeutraliseFormula(text);
  if (value.find_first_of(",\"\n\r") == std::string::npos) return value;
  std::string quoted = "\"";
  for (char c : value) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

std::string Number(double v) { return FormatScore(v, 6, Lang::kEn); }

void WriteRow(std::ostream& out, const std::vector<std::string>& cells) {
  for (size_t i = 0; i < cells.size(); ++i) out << (i ? "," : "") << cells[i];
  out << "\r\n";
}

std::vector<std::string> Header(const CompareResult& r) {
  std::vector<std::string> h = {"scenario", "name", "illustrative", "total_eur"};
  for (int year : r.years) h.push_back("eur_" + std::to_string(year));
  for (const Objective& o : r.objectives) h.push_back(TextCell("objective_" + o.id));
  for (const WeightSet& w : r.weight_sets) h.push_back(TextCell("weighted_" + w.name));
  for (const WeightSet& w : r.weight_sets) h.push_back(TextCell("rank_" + w.name));
  h.push_back("delta_total_eur");
  for (const WeightSet& w : r.weight_sets) h.push_back(TextCell("delta_weighted_" + w.name));
  for (const WeightSet& w : r.weight_sets) h.push_back(TextCell("eur_per_point_" + w.name));
  h.push_back("unfunded_motions");
  return h;
}

std::vector<std::string> Row(const CompareResult& r, const ScenarioResult& s) {
  std::vector<std::string> row = {TextCell(s.id), TextCell(s.name),
                                  s.illustrative ? "true" : "false", FormatMoneyPlain(s.total)};
  for (Money m : s.by_year) row.push_back(FormatMoneyPlain(m));
  for (double v : s.objectives) row.push_back(Number(v));
  for (double v : s.weighted) row.push_back(Number(v));
  for (int rank : s.rank) row.push_back(std::to_string(rank));
  row.push_back(FormatMoneyPlain(s.delta_total));
  for (double v : s.delta_weighted) row.push_back(Number(v));
  for (const auto& cost : s.cost_per_point) row.push_back(cost ? FormatMoneyPlain(*cost) : "");
  std::string unfunded;
  for (const std::string& id : UnfundedMotions(r, s))
    unfunded += (unfunded.empty() ? "" : ";") + id;
  row.push_back(TextCell(unfunded));
  return row;
}

}  // namespace

void RenderCsv(const CompareResult& result, std::ostream& out) {
  WriteRow(out, Header(result));
  for (const ScenarioResult& s : result.scenarios) WriteRow(out, Row(result, s));
}

}  // namespace allot::detail
