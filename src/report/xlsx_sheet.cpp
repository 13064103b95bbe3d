#include "report/xlsx_sheet.hpp"

#include <algorithm>

#include "core/finite_output.hpp"
#include "render/display_width.hpp"
#include "render/number.hpp"
#include "render/spreadsheet_text.hpp"
#include "render/text.hpp"

namespace allot::detail {

namespace {

// Excel's limit on a cell's text; longer strings (only from hostile files)
// are cut at a UTF-8 character boundary rather than failing the workbook.
constexpr size_t kMaxCellText = 32767;

std::string Fitting(const std::string& text) {
  if (text.size() <= kMaxCellText) return text;
  size_t end = kMaxCellText;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

constexpr size_t kNumberWidth = 18;  // "€ 10.000.000,00 ~": a mark and a margin
constexpr size_t kMaxWidth = 60;     // longer text wraps in the reader's view

}  // namespace

void Sheet::Header(const std::vector<std::string>& titles) {
  for (size_t c = 0; c < titles.size(); ++c) {
    auto col = static_cast<lxw_col_t>(c);
    Text(0, col, titles[c], formats_.header);
    Fit(col, DisplayWidth(titles[c]) + 5);  // bold text and the filter's drop-down button
  }
}

void Sheet::Text(lxw_row_t row, lxw_col_t col, const std::string& text, lxw_format* format) {
  std::string value = Fitting(NeutraliseFormula(text));
  Check(worksheet_write_string(sheet_, row, col, value.c_str(), format));
  Fit(col, DisplayWidth(value) + 2);
}

void Sheet::Note(lxw_row_t row, const std::string& text) {
  if (text.empty()) return;
  Check(worksheet_write_string(sheet_, row, 0, Fitting(NeutraliseFormula(text)).c_str(), nullptr));
}

void Sheet::Number(lxw_row_t row, lxw_col_t col, double value, lxw_format* format) {
  Check(worksheet_write_number(sheet_, row, col, CheckFinite(value), format));
  Fit(col, kNumberWidth);
}

void Sheet::Formula(lxw_row_t row, lxw_col_t col, const std::string& formula, double cached,
                    lxw_format* format) {
  Check(
      worksheet_write_formula_num(sheet_, row, col, formula.c_str(), format, CheckFinite(cached)));
  Fit(col, kNumberWidth);
}

void Sheet::Fit(lxw_col_t col, size_t width) {
  if (widths_.size() <= col) widths_.resize(col + 1u, 0);
  widths_[col] = std::max(widths_[col], std::min(width, kMaxWidth));
}

void Sheet::Finish(lxw_row_t last_row) {
  worksheet_freeze_panes(sheet_, 1, 0);
  if (!widths_.empty()) {
    Check(worksheet_autofilter(sheet_, 0, 0, last_row, static_cast<lxw_col_t>(widths_.size() - 1)));
  }
  for (size_t c = 0; c < widths_.size(); ++c) {
    auto col = static_cast<lxw_col_t>(c);
    Check(worksheet_set_column(sheet_, col, col, static_cast<double>(widths_[c]), nullptr));
  }
}

std::string CellName(lxw_row_t row, lxw_col_t col) {
  std::string letters;
  for (unsigned n = col + 1u; n > 0; n = (n - 1) / 26)
    letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
  return letters + std::to_string(row + 1);
}

}  // namespace allot::detail
