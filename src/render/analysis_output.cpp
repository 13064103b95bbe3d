#include "render/analysis_output.hpp"

#include "render/layout.hpp"

namespace allot::detail {

namespace {

std::string CsvCell(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

}  // namespace

// Sections of text cells as Tables: the first `text_columns` columns are
// text, the others are laid out as numbers (right-aligned).
void WriteSections(const std::string& title, const std::vector<Section>& sections,
                   OutputFormat format, std::ostream& out) {
  Document d{title, {}, {}, {}};
  for (const Section& s : sections) {
    Table t(s.title);
    t.notes = s.notes;
    for (size_t c = 0; c < s.header.size(); ++c) {
      t.columns.push_back(c < s.text_columns ? TextColumn(s.header[c])
                                             : NumberColumn(s.header[c], 2));
    }
    for (const auto& row : s.rows) t.rows.emplace_back(row.begin(), row.end());
    d.tables.push_back(std::move(t));
  }
  if (format == OutputFormat::kMarkdown) {
    WriteMarkdown(d, Lang::kEn, out);
  } else {
    WriteText(d, Lang::kEn, out);
  }
}

void WriteCsv(const std::vector<std::string>& header,
              const std::vector<std::vector<std::string>>& rows, std::ostream& out) {
  auto line = [&out](const std::vector<std::string>& cells) {
    for (size_t c = 0; c < cells.size(); ++c) out << (c ? "," : "") << CsvCell(cells[c]);
    out << "\r\n";
  };
  line(header);
  for (const auto& row : rows) line(row);
}

}  // namespace allot::detail
