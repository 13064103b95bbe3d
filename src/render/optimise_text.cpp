#include "render/optimise_text.hpp"

#include <algorithm>
#include <cctype>

#include "render/number.hpp"

namespace allot::report_text {

namespace {

// Display width: count UTF-8 lead bytes only, so "€" is one column.
size_t Width(const std::string& s) {
  return static_cast<size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool LooksNumeric(const std::string& s) {
  return !s.empty() && (std::isdigit(static_cast<unsigned char>(s.back())) != 0) &&
         s.find_first_of("0123456789") < 4 && s.find(' ') == std::string::npos;
}

std::string CsvCell(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

std::string Fixed2(double value) { return detail::Decimal(value, 2); }

void RenderSectionsTable(const std::vector<Section>& sections, std::ostream& out) {
  for (size_t k = 0; k < sections.size(); ++k) {
    const Section& s = sections[k];
    if (k > 0) out << '\n';
    out << s.title << '\n';
    std::vector<size_t> widths(s.header.size(), 0);
    auto measure = [&](const std::vector<std::string>& row) {
      for (size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], Width(row[c]));
    };
    measure(s.header);
    for (const auto& row : s.rows) measure(row);
    auto print = [&](const std::vector<std::string>& row, bool header) {
      std::string line = " ";
      for (size_t c = 0; c < row.size(); ++c) {
        std::string pad(widths[c] - Width(row[c]), ' ');
        bool right = !header && c > 0 && LooksNumeric(row[c]);
        line += "  " + (right ? pad + row[c] : row[c] + pad);
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out << line << '\n';
    };
    bool any_header = std::any_of(s.header.begin(), s.header.end(),
                                  [](const std::string& h) { return !h.empty(); });
    if (any_header) print(s.header, true);
    for (const auto& row : s.rows) print(row, false);
  }
}

void RenderSectionsMarkdown(const std::vector<Section>& sections, std::ostream& out) {
  for (size_t k = 0; k < sections.size(); ++k) {
    const Section& s = sections[k];
    if (k > 0) out << '\n';
    out << "### " << s.title << "\n\n|";
    for (const std::string& h : s.header) out << ' ' << h << " |";
    out << "\n|";
    for (size_t c = 0; c < s.header.size(); ++c) out << (c == 0 ? " --- |" : " ---: |");
    out << '\n';
    for (const auto& row : s.rows) {
      out << '|';
      for (const std::string& cell : row) out << ' ' << cell << " |";
      out << '\n';
    }
  }
}

void RenderSectionsCsv(const std::vector<Section>& sections, std::ostream& out) {
  for (const Section& s : sections) {
    out << "section";
    for (const std::string& h : s.header) out << ',' << CsvCell(h);
    out << '\n';
    for (const auto& row : s.rows) {
      out << CsvCell(s.title);
      for (const std::string& cell : row) out << ',' << CsvCell(cell);
      out << '\n';
    }
  }
}

}  // namespace allot::report_text
