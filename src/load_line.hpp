// Helpers shared by the model's own sections (load_model.cpp) and its lines
// (load_line.cpp) (internal). ReadLine and ReadBudget themselves are
// declared in load_common.hpp, as scenarios' `add` changes read lines too.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "load_common.hpp"

namespace allot::detail {

template <typename T>
std::vector<std::string> IdsOf(const std::vector<T>& items) {
  std::vector<std::string> ids;
  ids.reserve(items.size());
  for (const T& item : items) ids.push_back(item.id);
  return ids;
}

inline bool Contains(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// Where an item with an `id:` is: its id key, else the item itself.
SourceLocation WhereId(LoadContext& ctx, const MapReader& map);

// Reads the `id` of a list element into `out` and registers it against
// duplicates. Returns false if the id is missing, invalid or a duplicate.
bool ReadListId(LoadContext& ctx, MapReader& map, IdRegistry* ids, std::string& out);

// A list of ids, each known (when `known` is given) and listed once.
std::vector<std::string> ReadIdList(LoadContext& ctx, const Item& item, const std::string& what,
                                    const std::vector<std::string>* known);

}  // namespace allot::detail
