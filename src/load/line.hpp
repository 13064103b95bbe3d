// Helpers shared by the model's own sections (src/load/model_file.cpp) and its lines
// (src/load/line.cpp) (internal). ReadLine and ReadBudget themselves are
// declared in src/load/common.hpp, as scenarios' `add` changes read lines too.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "load/common.hpp"

namespace allot::detail {

// Where an item with an `id:` is: its id key, else the item itself.
SourceLocation WhereId(LoadContext& ctx, const MapReader& map);

// Reads the `id` of a list element into `out` and registers it against
// duplicates. Returns false if the id is missing, invalid or a duplicate.
bool ReadListId(LoadContext& ctx, MapReader& map, IdRegistry* ids, std::string& out);

// A list of ids, each known (when `known` is given) and listed once; linear
// in the list's length.
std::vector<std::string> ReadIdList(LoadContext& ctx, const Item& item, const std::string& what,
                                    const KnownIds* known);

}  // namespace allot::detail
