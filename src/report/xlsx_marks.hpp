// Marks in the XLSX workbook (internal): a figure's cell stays a number,
// and the mark of what it rests on (render/marks.hpp) is part of its number
// format, shown after the number: `"€"#,##0.00" ~"`. Each sheet that shows
// a mark ends with the legend of the marks it shows.
#pragma once

#include <xlsxwriter.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "allot/money.hpp"
#include "allot/provenance.hpp"

namespace allot::detail {

// The kinds of number the core sheets show.
enum class NumberKind {
  kMoney,  // currency, two decimals
  kTotal,  // the same, bold (SUM rows)
  kScore,  // one decimal
  kCount,  // a whole number (a rank)
};

// The Excel format code of an amount in `lang`. Excel format codes always
// use ',' for thousands and '.' for decimals; the reader's locale shows
// them (a Dutch Excel shows € 650.000,00).
std::string MoneyCode(Lang lang);

// `code` with " MARK" after the number in each of its sections, quoted so
// that Excel shows it as text ("0.0" and "~" give `0.0" ~"`); `code` as is
// for no mark (a sourced figure).
std::string MarkedCode(const std::string& code, const std::string& mark);

// The formats of marked figures, made once per (kind, level) in the
// workbook, and the marks shown on the sheet being written.
class MarkedFormats {
 public:
  MarkedFormats(lxw_workbook* workbook, Lang lang) : workbook_(workbook), lang_(lang) {}

  // The format of a figure of `kind` resting on `level`.
  lxw_format* Get(NumberKind kind, ProvenanceLevel level);
  // `text` with the mark of `level` after it ("✓ funded ~"), for figures
  // that are words.
  std::string Text(const std::string& text, ProvenanceLevel level);
  // Counts a mark shown within a text made elsewhere.
  void Shown(ProvenanceLevel level);
  // The legend of the marks shown since the last call, "" when none; then
  // starts afresh (one legend per sheet).
  std::string TakeLegend();

 private:
  lxw_workbook* workbook_;
  Lang lang_;
  std::map<std::pair<NumberKind, ProvenanceLevel>, lxw_format*> formats_;
  std::vector<ProvenanceLevel> shown_;
};

}  // namespace allot::detail
