// The CSV layout: tables for spreadsheets and scripts, the same in every
// language.
#include <ostream>
#include <stdexcept>
#include <type_traits>

#include "render/layout.hpp"
#include "render/number.hpp"
#include "render/spreadsheet_text.hpp"

namespace allot::detail {

namespace {

// RFC 4180 quoting, after the formula guard: text a spreadsheet would run
// as a formula (starting with = + - @ tab or CR) gets a quote mark.
std::string TextField(const std::string& text) {
  std::string value = NeutraliseFormula(text);
  if (value.find_first_of(",\"\n\r") == std::string::npos) return value;
  std::string quoted = "\"";
  for (char c : value) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

std::string Field(const Cell& cell, const Column& column) {
  return std::visit(
      [&](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          return "";
        } else if constexpr (std::is_same_v<T, std::string>) {
          return TextField(v);
        } else if constexpr (std::is_same_v<T, double>) {
          if (column.kind == ColumnKind::kPercent || column.decimals == kAllDigits) {
            return Shortest(v);
          }
          return column.trim ? DecimalTrimmed(v, column.decimals) : Decimal(v, column.decimals);
        } else if constexpr (std::is_same_v<T, Money>) {
          return FormatMoneyPlain(v);
        } else if constexpr (std::is_same_v<T, int64_t>) {
          return std::to_string(v);
        } else {
          static_assert(std::is_same_v<T, Estimate>);
          throw std::logic_error(
              "CSV: an estimate needs a column for its value and one for its error");
          return "";
        }
      },
      cell);
}

void WriteRecord(std::ostream& out, const std::vector<std::string>& fields) {
  for (size_t i = 0; i < fields.size(); ++i) out << (i ? "," : "") << fields[i];
  out << "\r\n";
}

// The rows of `t`, each after a `section` field of its title when `sections`.
void WriteRows(const Table& t, bool sections, std::ostream& out) {
  for (const auto& row : t.rows) {
    std::vector<std::string> fields;
    if (sections) fields.push_back(TextField(t.title));
    for (size_t c = 0; c < t.columns.size(); ++c) fields.push_back(Field(row[c], t.columns[c]));
    WriteRecord(out, fields);
  }
}

}  // namespace

void WriteCsv(const std::vector<Table>& tables, std::ostream& out) {
  bool sections = tables.size() > 1;
  for (const Table& t : tables) {
    if (t.columns.empty()) continue;
    std::vector<std::string> header;
    if (sections) header.push_back("section");
    for (const Column& c : t.columns) header.push_back(TextField(c.name));
    WriteRecord(out, header);
    WriteRows(t, sections, out);
  }
}

void WriteCsvRows(const Table& table, std::ostream& out) { WriteRows(table, false, out); }

std::string CsvTextRecord(const std::string& text) { return TextField(text) + "\r\n"; }

}  // namespace allot::detail
