// Markdown: the same sections as the table, as pipe tables for memos.
#include <algorithm>
#include <ostream>

#include "render/text.hpp"

namespace allot::detail {

namespace {

// A cell's text with the characters that would break a pipe table escaped.
std::string Cell(const std::string& text) {
  std::string escaped;
  for (char c : text) {
    if (c == '|' || c == '\\' || c == '*' || c == '_' || c == '<' || c == '`') escaped += '\\';
    escaped += c == '\n' ? ' ' : c;
  }
  return escaped;
}

void PrintRow(std::ostream& out, const std::vector<std::string>& cells) {
  out << '|';
  for (const std::string& cell : cells) out << ' ' << Cell(cell) << " |";
  out << '\n';
}

void PrintSection(std::ostream& out, const Section& s) {
  out << "## " << Cell(s.title) << "\n\n";
  PrintRow(out, s.header);
  out << '|';
  for (size_t c = 0; c < s.header.size(); ++c) out << (c < s.text_columns ? " :--- |" : " ---: |");
  out << '\n';
  for (const auto& row : s.rows) PrintRow(out, row);
  if (!s.notes.empty()) out << '\n';
  for (const std::string& note : s.notes) out << "- " << Cell(note) << '\n';
}

}  // namespace

void RenderMarkdown(const CompareResult& result, Lang lang, std::ostream& out) {
  const Labels& labels = LabelsFor(lang);
  out << "# " << Cell(result.title) << "\n\n"
      << labels.baseline << ": `" << result.baseline << "`\n";
  for (const Section& s : CompareSections(result, lang)) {
    out << '\n';
    PrintSection(out, s);
  }
  bool any_illustrative = std::any_of(result.scenarios.begin(), result.scenarios.end(),
                                      [](const ScenarioResult& s) { return s.illustrative; });
  if (any_illustrative) out << '\n' << Cell(labels.illustrative_mark) << '\n';
}

}  // namespace allot::detail
