// The Markdown layout: pipe tables for memos and issues.
#include <ostream>

#include "render/layout.hpp"

namespace allot::detail {

namespace {

// A cell's text with the characters that would break a pipe table, or
// turn an id like criminal_exploitation or a mark (render/marks.hpp) into
// emphasis or strikethrough, escaped.
std::string Escaped(const std::string& text) {
  std::string escaped;
  for (char c : text) {
    if (c == '|' || c == '\\' || c == '*' || c == '_' || c == '<' || c == '`' || c == '~')
      escaped += '\\';
    escaped += c == '\n' ? ' ' : c;
  }
  return escaped;
}

void PrintRow(std::ostream& out, const std::vector<std::string>& cells) {
  out << '|';
  for (const std::string& cell : cells) out << ' ' << Escaped(cell) << " |";
  out << '\n';
}

void PrintTable(std::ostream& out, const Table& t, Lang lang) {
  out << "## " << Escaped(t.title) << "\n\n";
  if (!t.columns.empty()) {
    std::vector<std::string> header;
    for (const Column& c : t.columns) header.push_back(c.name);
    PrintRow(out, header);
    out << '|';
    for (const Column& c : t.columns) out << (c.kind == ColumnKind::kText ? " :--- |" : " ---: |");
    out << '\n';
    for (size_t r = 0; r < t.rows.size(); ++r) {
      std::vector<std::string> cells;
      for (size_t c = 0; c < t.columns.size(); ++c)
        cells.push_back(MarkedCellText(t, r, c, lang, false));
      PrintRow(out, cells);
    }
    if (!t.notes.empty()) out << '\n';
  }
  for (const std::string& note : t.notes) out << "- " << Escaped(note) << '\n';
}

}  // namespace

void WriteMarkdown(const Document& d, Lang lang, std::ostream& out) {
  out << "# " << Escaped(d.title) << '\n';
  if (!d.tags.empty()) out << '\n';
  for (const Tag& tag : d.tags) out << Escaped(tag.label) << ": `" << tag.id << "`\n";
  for (const Table& t : d.tables) WriteMarkdownTable(t, lang, out);
  for (const std::string& line : d.closing) out << '\n' << Escaped(line) << '\n';
}

void WriteMarkdownTable(const Table& table, Lang lang, std::ostream& out) {
  out << '\n';
  PrintTable(out, table, lang);
}

void WriteDocumentTable(const Table& table, OutputFormat format, Lang lang, std::ostream& out) {
  if (format == OutputFormat::kMarkdown) {
    WriteMarkdownTable(table, lang, out);
  } else {
    WriteTextTable(table, lang, out);
  }
}

void WriteDocument(const Document& document, OutputFormat format, Lang lang, std::ostream& out) {
  if (format == OutputFormat::kMarkdown) {
    WriteMarkdown(document, lang, out);
  } else {
    WriteText(document, lang, out);
  }
}

}  // namespace allot::detail
