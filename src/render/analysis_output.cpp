#include "render/analysis_output.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/finite_output.hpp"

namespace allot::detail {

namespace {

void PrintRow(std::ostream& out, const std::vector<std::string>& cells,
              const std::vector<size_t>& widths, size_t text_columns) {
  for (size_t c = 0; c < cells.size(); ++c) {
    std::string padding(widths[c] - DisplayWidth(cells[c]), ' ');
    if (c > 0) out << "  ";
    if (c < text_columns) {
      out << cells[c];
      if (c + 1 < cells.size()) out << padding;
    } else {
      out << padding << cells[c];
    }
  }
  out << '\n';
}

void PrintTable(std::ostream& out, const Section& s) {
  std::vector<size_t> widths(s.header.size());
  for (size_t c = 0; c < s.header.size(); ++c) widths[c] = DisplayWidth(s.header[c]);
  for (const auto& row : s.rows) {
    for (size_t c = 0; c < row.size() && c < widths.size(); ++c) {
      widths[c] = std::max(widths[c], DisplayWidth(row[c]));
    }
  }
  out << s.title << '\n';
  PrintRow(out, s.header, widths, s.text_columns);
  size_t total = 2 * (widths.size() - 1);
  for (size_t w : widths) total += w;
  out << std::string(total, '-') << '\n';
  for (const auto& row : s.rows) PrintRow(out, row, widths, s.text_columns);
  for (const std::string& note : s.notes) out << "  " << note << '\n';
}

std::string MdCell(const std::string& text) {
  std::string escaped;
  for (char c : text) {
    if (c == '|' || c == '\\' || c == '*' || c == '_' || c == '<' || c == '`') escaped += '\\';
    escaped += c == '\n' ? ' ' : c;
  }
  return escaped;
}

void PrintMdRow(std::ostream& out, const std::vector<std::string>& cells) {
  out << '|';
  for (const std::string& cell : cells) out << ' ' << MdCell(cell) << " |";
  out << '\n';
}

void PrintMarkdown(std::ostream& out, const Section& s) {
  out << "## " << MdCell(s.title) << "\n\n";
  PrintMdRow(out, s.header);
  out << '|';
  for (size_t c = 0; c < s.header.size(); ++c) out << (c < s.text_columns ? " :--- |" : " ---: |");
  out << '\n';
  for (const auto& row : s.rows) PrintMdRow(out, row);
  if (!s.notes.empty()) out << '\n';
  for (const std::string& note : s.notes) out << "- " << MdCell(note) << '\n';
}

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

void WriteSections(const std::string& title, const std::vector<Section>& sections,
                   OutputFormat format, std::ostream& out) {
  bool md = format == OutputFormat::kMarkdown;
  out << (md ? "# " + MdCell(title) : title) << '\n';
  for (const Section& s : sections) {
    out << '\n';
    if (md) {
      PrintMarkdown(out, s);
    } else {
      PrintTable(out, s);
    }
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

std::string CsvNumber(double value) {
  CheckFinite(value);
  if (value == 0) return "0";
  char buffer[32];
  if (std::fabs(value) < 1e15 && std::floor(value) == value) {
    std::snprintf(buffer, sizeof buffer, "%.0f", value);  // 60000, not 6e+04
    return buffer;
  }
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buffer, sizeof buffer, "%.*g", precision, value);
    if (std::strtod(buffer, nullptr) == value) break;
  }
  return buffer;
}

double Rounded(double value, int decimals) {
  CheckFinite(value);
  double scale = std::pow(10.0, decimals);
  double r = std::round(value * scale) / scale;
  return r == 0 ? 0.0 : r;
}

}  // namespace allot::detail
