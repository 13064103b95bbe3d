// The plain-text table: what a committee member reads in a terminal.
#include <algorithm>
#include <ostream>

#include "render/text.hpp"

namespace allot::detail {

namespace {

void Pad(std::ostream& out, size_t count) {
  for (size_t i = 0; i < count; ++i) out << ' ';
}

void PrintRow(std::ostream& out, const std::vector<std::string>& cells,
              const std::vector<size_t>& widths, size_t text_columns) {
  for (size_t c = 0; c < cells.size(); ++c) {
    size_t padding = widths[c] - DisplayWidth(cells[c]);
    if (c > 0) out << "  ";
    if (c < text_columns) {
      out << cells[c];
      if (c + 1 < cells.size()) Pad(out, padding);
    } else {
      Pad(out, padding);
      out << cells[c];
    }
  }
  out << '\n';
}

void PrintSection(std::ostream& out, const Section& s) {
  std::vector<size_t> widths(s.header.size());
  for (size_t c = 0; c < s.header.size(); ++c) widths[c] = DisplayWidth(s.header[c]);
  for (const auto& row : s.rows) {
    for (size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], DisplayWidth(row[c]));
  }
  out << s.title << '\n';
  PrintRow(out, s.header, widths, s.text_columns);
  size_t total_width = 2 * (widths.size() - 1);
  for (size_t w : widths) total_width += w;
  out << std::string(total_width, '-') << '\n';
  for (const auto& row : s.rows) PrintRow(out, row, widths, s.text_columns);
  for (const std::string& note : s.notes) out << "  " << note << '\n';
}

}  // namespace

void RenderTable(const CompareResult& result, Lang lang, std::ostream& out) {
  const Labels& labels = LabelsFor(lang);
  out << result.title << "  (" << labels.baseline << ": " << result.baseline << ")\n";
  for (const Section& s : CompareSections(result, lang)) {
    out << '\n';
    PrintSection(out, s);
  }
  bool any_illustrative = std::any_of(result.scenarios.begin(), result.scenarios.end(),
                                      [](const ScenarioResult& s) { return s.illustrative; });
  if (any_illustrative) out << '\n' << labels.illustrative_mark << '\n';
}

}  // namespace allot::detail
