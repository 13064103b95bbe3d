// The plain-text layout: what a committee member reads in a terminal.
#include <algorithm>
#include <ostream>

#include "render/layout.hpp"

namespace allot::detail {

namespace {

using Row = std::vector<std::string>;

// Text left, everything else right, two spaces between columns; no line
// ends in blanks (a blank last cell leaves none).
void PrintRow(std::ostream& out, const Row& cells, const std::vector<size_t>& widths,
              const std::vector<Column>& columns) {
  std::string line;
  for (size_t c = 0; c < cells.size(); ++c) {
    std::string padding(widths[c] - DisplayWidth(cells[c]), ' ');
    if (c > 0) line += "  ";
    bool left = columns[c].kind == ColumnKind::kText;
    line += left ? cells[c] + padding : padding + cells[c];
  }
  line.erase(line.find_last_not_of(' ') + 1);
  out << line << '\n';
}

void PrintTable(std::ostream& out, const Table& t, Lang lang) {
  out << t.title << '\n';
  if (!t.columns.empty()) {
    Row header;
    // A right-aligned header over a column of marked numbers keeps clear
    // of the marks' slot, so that it ends where the numbers end.
    for (size_t c = 0; c < t.columns.size(); ++c) {
      bool slot = t.HasMarks(c) && t.columns[c].kind != ColumnKind::kText;
      header.push_back(slot ? t.columns[c].name + "  " : t.columns[c].name);
    }
    std::vector<Row> rows;
    for (size_t r = 0; r < t.rows.size(); ++r) {
      Row cells;
      for (size_t c = 0; c < t.columns.size(); ++c)
        cells.push_back(MarkedCellText(t, r, c, lang, true));
      rows.push_back(std::move(cells));
    }
    std::vector<size_t> widths(header.size());
    bool any_name = false;
    for (size_t c = 0; c < header.size(); ++c) {
      widths[c] = DisplayWidth(header[c]);
      any_name = any_name || !header[c].empty();
    }
    for (const Row& row : rows) {
      for (size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], DisplayWidth(row[c]));
    }
    if (any_name) {
      PrintRow(out, header, widths, t.columns);
      size_t total_width = 2 * (widths.size() - 1);
      for (size_t w : widths) total_width += w;
      out << std::string(total_width, '-') << '\n';
    }
    for (const Row& row : rows) PrintRow(out, row, widths, t.columns);
  }
  for (const std::string& note : t.notes) out << "  " << note << '\n';
}

}  // namespace

void WriteText(const Document& d, Lang lang, std::ostream& out) {
  out << d.title;
  for (size_t i = 0; i < d.tags.size(); ++i) {
    out << (i ? ", " : "  (") << d.tags[i].label << ": " << d.tags[i].id;
  }
  out << (d.tags.empty() ? "\n" : ")\n");
  for (const Table& t : d.tables) WriteTextTable(t, lang, out);
  for (const std::string& line : d.closing) out << '\n' << line << '\n';
}

void WriteTextTable(const Table& table, Lang lang, std::ostream& out) {
  out << '\n';
  PrintTable(out, table, lang);
}

}  // namespace allot::detail
