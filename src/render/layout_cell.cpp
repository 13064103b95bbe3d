// One cell as text: the only place where a table's numbers become digits.
#include <string>
#include <type_traits>

#include "render/layout.hpp"
#include "render/number.hpp"

namespace allot::detail {

namespace {

std::string NumberText(double value, const Column& column, Lang lang, bool sign) {
  if (column.kind == ColumnKind::kPercent) value *= 100;
  if (column.decimals == kAllDigits) return Shortest(value, lang);
  if (column.trim) return DecimalTrimmed(value, column.decimals, lang);
  return Decimal(value, column.decimals, lang, sign);
}

}  // namespace

std::string CellText(const Cell& cell, const Column& column, Lang lang) {
  return std::visit(
      [&](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          return "";
        } else if constexpr (std::is_same_v<T, std::string>) {
          return v;
        } else if constexpr (std::is_same_v<T, double>) {
          return NumberText(v, column, lang, column.sign);
        } else if constexpr (std::is_same_v<T, Money>) {
          return column.sign ? MoneyChange(v, lang) : FormatMoney(v, lang);
        } else if constexpr (std::is_same_v<T, int64_t>) {
          return (column.sign && v > 0 ? "+" : "") + std::to_string(v);
        } else {
          static_assert(std::is_same_v<T, Estimate>);
          double margin = column.kind == ColumnKind::kPercent ? 100 * v.plus_minus : v.plus_minus;
          return NumberText(v.value, column, lang, column.sign) + " \u00b1" +
                 (column.decimals == kAllDigits ? Shortest(margin, lang)
                                                : MarginUp(margin, column.decimals, lang));
        }
      },
      cell);
}

std::string MarkedCellText(const Table& t, size_t row, size_t column, Lang lang, bool slot) {
  std::string text = CellText(t.rows[row][column], t.columns[column], lang);
  std::string mark;
  if (row < t.marks.size() && column < t.marks[row].size()) mark = t.marks[row][column];
  if (!mark.empty()) return text + " " + mark;
  return slot && t.HasMarks(column) ? text + "  " : text;
}

}  // namespace allot::detail
