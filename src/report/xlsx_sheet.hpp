// A thin layer over a libxlsxwriter worksheet (internal): writes cells by
// (row, column), neutralises text that would start a formula, remembers
// column widths, and finishes the sheet with frozen headers and a filter.
#pragma once

#include <xlsxwriter.h>

#include <string>
#include <vector>

namespace allot::detail {

// The workbook's plain formats. The core sheets' figures carry a mark and
// take their formats from MarkedFormats (report/xlsx_marks.hpp).
struct XlsxFormats {
  lxw_format* header = nullptr;
  lxw_format* money = nullptr;    // currency, two decimals
  lxw_format* score2 = nullptr;   // two decimals (frontier scores, tornado gaps)
  lxw_format* percent = nullptr;  // a share as 12.3%
  lxw_format* bold = nullptr;
};

class Sheet {
 public:
  Sheet(lxw_worksheet* sheet, const XlsxFormats& formats) : sheet_(sheet), formats_(formats) {}

  // Header row 0, bold.
  void Header(const std::vector<std::string>& titles);
  // Text, neutralised: "=1+1" is written as the string "'=1+1".
  void Text(lxw_row_t row, lxw_col_t col, const std::string& text, lxw_format* format = nullptr);
  void Number(lxw_row_t row, lxw_col_t col, double value, lxw_format* format);
  // A formula with its cached result, so readers that do not recalculate
  // (and openpyxl's data_only) see allot's own value.
  void Formula(lxw_row_t row, lxw_col_t col, const std::string& formula, double cached,
               lxw_format* format);
  // A line of text under a table (e.g. how it was computed): neutralised,
  // and left out of the column widths so that it runs on over empty cells;
  // nothing for "".
  void Note(lxw_row_t row, const std::string& text);
  // Freezes the header row and puts a filter over rows 0..last_row.
  void Finish(lxw_row_t last_row);

  // The first error libxlsxwriter reported, or LXW_NO_ERROR.
  lxw_error error() const { return error_; }

 private:
  void Fit(lxw_col_t col, size_t width);
  void Check(lxw_error e) {
    if (error_ == LXW_NO_ERROR) error_ = e;
  }
  lxw_worksheet* sheet_;
  XlsxFormats formats_;
  std::vector<size_t> widths_;
  lxw_error error_ = LXW_NO_ERROR;
};

// "A1"-style name of a cell, e.g. CellName(0, 3) == "D1".
std::string CellName(lxw_row_t row, lxw_col_t col);

}  // namespace allot::detail
