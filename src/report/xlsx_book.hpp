// What every sheet of the XLSX workbook is written from (internal), shared
// by the core sheets (src/report/xlsx.cpp) and the analysis sheets
// (src/report/xlsx_analyses.cpp).
#pragma once

#include <xlsxwriter.h>

#include <vector>

#include "allot/report.hpp"
#include "report/labels.hpp"
#include "report/xlsx_marks.hpp"
#include "report/xlsx_sheet.hpp"

namespace allot::detail {

struct Book {
  const CompareResult& r;
  const Model& model;
  const std::vector<Scenario>& scenarios;
  const ReportOptions& options;
  Lang lang;
  Words l;
  XlsxFormats formats;
  MarkedFormats marks;  // the figures' formats with their marks
};

// Euros as the double a spreadsheet cell holds: exact to the cent for every
// amount allot accepts (below 2^53 cents).
inline double Euros(Money m) { return static_cast<double>(m.cents()) / 100.0; }

inline lxw_col_t Col(size_t c) { return static_cast<lxw_col_t>(c); }
inline lxw_row_t Row(size_t r) { return static_cast<lxw_row_t>(r); }

// A sheet of the workbook: its name in each language, whether this report
// has it, and what fills it (returning the last row of its filter range).
struct SheetSpec {
  Key name;  // the sheet's name in the catalogue
  bool (*wanted)(const ReportOptions&);
  lxw_row_t (*fill)(Book&, Sheet&);
};

// The analysis sheets (Sensitivity, Tornado, Frontier, Frontier scenarios),
// each wanted only when its option is set.
const std::vector<SheetSpec>& AnalysisSheets();

}  // namespace allot::detail
