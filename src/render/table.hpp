// The one table model of every output for people and spreadsheets
// (internal; docs/output.md, "Tables").
//
// A result builds Tables from its numbers; a layout (render/layout.hpp)
// writes them as an aligned plain-text table, Markdown or CSV. Cells keep
// their numbers as numbers: the column says how to show them (places,
// sign, percent) and the layout formats them through render/number.hpp, so
// every output rounds the same way and a builder never formats a figure
// that a layout could format.
//
//   Table t{"Money per year", {TextColumn("scenario"), MoneyColumn("total"),
//                              MoneyChangeColumn("change")}};
//   t.rows.push_back({std::string("model"), Money::FromCents(600), Money()});
//   t.notes.push_back("* contains illustrative figures");
//   WriteText({"Title", {}, {t}, {}}, Lang::kEn, out);
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "allot/money.hpp"

namespace allot::detail {

// How a column's cells are shown. The kind decides the alignment (text
// left, everything else right) and the formatting of its numbers.
enum class ColumnKind {
  kText,     // words and ids, as written
  kNumber,   // a double with `decimals` places (scores, weights, points)
  kPercent,  // a double holding a fraction, shown x100 with `decimals` places
  kMoney,    // Money: "€650,000" / "€ 650.000"; CSV: plain euros "650000.00"
  kCount,    // an integer: ranks, samples, counts
};

// Column::decimals for every digit (the shortest text that reads back as
// the same double): CSV columns that must not lose precision.
inline constexpr int kAllDigits = -1;

struct Column {
  std::string name;  // the header cell; all names empty: no header row
  ColumnKind kind = ColumnKind::kText;
  int decimals = 2;   // kNumber, kPercent: places after the point, or kAllDigits
  bool sign = false;  // a '+' before positive values, "0" for no money change (changes, gains)
  bool trim = false;  // kNumber: at most `decimals` places, trailing zeros dropped
};

Column TextColumn(std::string name);
Column NumberColumn(std::string name, int decimals);
Column ChangeColumn(std::string name, int decimals);  // a number with a sign
Column PercentColumn(std::string name, int decimals);
Column MoneyColumn(std::string name);
Column MoneyChangeColumn(std::string name);  // "+€100,000", "-€50,000", "0"
Column CountColumn(std::string name);

// A value with its uncertainty, shown as "93.7 ±1.1": the column's
// formatting applies to both (a percent column shows both x100), except
// that the margin is rounded up (render/number.hpp, MarginUp).
struct Estimate {
  double value = 0;
  double plus_minus = 0;  // half-width of the interval, >= 0
};

// One cell. The value's type says what it is: text, a double (formatted by
// the column), Money (always as money, even in a number column: batch
// rows mix amounts and scores), an integer count, or an estimate. Empty
// (std::monostate) is a blank cell. Text in a number column is aligned as
// a number ("-", "infeasible").
using Cell = std::variant<std::monostate, std::string, double, Money, int64_t, Estimate>;

struct Table {
  explicit Table(std::string title_text = "", std::vector<Column> columns_list = {})
      : title(std::move(title_text)), columns(std::move(columns_list)) {}

  std::string title;
  std::vector<Column> columns;          // none: a titled list of notes only
  std::vector<std::vector<Cell>> rows;  // each as long as `columns`
  std::vector<std::string> notes;       // lines under the table (legends, method)
  // What each figure rests on, as a one-character mark after it
  // (render/marks.hpp): none, or one row of marks per row, each as long as
  // `columns`, "" for no mark. Text and md show them; CSV does not (its
  // builders give the level as data).
  std::vector<std::vector<std::string>> marks;

  // A column that shows a mark in at least one row gets a slot for it.
  bool HasMarks(size_t column) const;
};

// A label and an id shown next to a document's title: "(baseline: model)"
// in text, "baseline: `model`" in Markdown.
struct Tag {
  std::string label;
  std::string id;
};

// What one command prints for people: a title, tables in reading order,
// closing lines (footnotes, a summary sentence).
struct Document {
  std::string title;
  std::vector<Tag> tags;
  std::vector<Table> tables;
  std::vector<std::string> closing;
};

}  // namespace allot::detail
