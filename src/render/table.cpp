#include "render/table.hpp"

#include <utility>

namespace allot::detail {

Column TextColumn(std::string name) { return {std::move(name), ColumnKind::kText}; }

Column NumberColumn(std::string name, int decimals) {
  return {std::move(name), ColumnKind::kNumber, decimals};
}

Column ChangeColumn(std::string name, int decimals) {
  return {std::move(name), ColumnKind::kNumber, decimals, true};
}

Column PercentColumn(std::string name, int decimals) {
  return {std::move(name), ColumnKind::kPercent, decimals};
}

Column MoneyColumn(std::string name) { return {std::move(name), ColumnKind::kMoney}; }

Column MoneyChangeColumn(std::string name) {
  return {std::move(name), ColumnKind::kMoney, 2, true};
}

Column CountColumn(std::string name) { return {std::move(name), ColumnKind::kCount}; }

bool Table::HasMarks(size_t column) const {
  for (const auto& row : marks) {
    if (column < row.size() && !row[column].empty()) return true;
  }
  return false;
}

}  // namespace allot::detail
