// The order and lookups Evaluate sums in, shared with the evaluation that
// changes one effect (one_effect.hpp), which must add the same terms in the
// same order to give the same bits.
#pragma once

#include <algorithm>
#include <numeric>
#include <string>
#include <unordered_map>
#include <vector>

#include "allot/resolve.hpp"

namespace allot::detail {

inline Money LineTotal(const ResolvedLine& line) {
  // Fits: the scenario's grand total was computed with checked sums.
  return std::accumulate(line.by_year.begin(), line.by_year.end(), Money());
}

// Line indexes in order of id: a canonical summation order, so that the
// floating-point result does not depend on the order of lines in files.
inline std::vector<size_t> OrderById(const std::vector<ResolvedLine>& lines) {
  std::vector<size_t> order(lines.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return lines[a].def->id < lines[b].def->id; });
  return order;
}

// Position of each id in `items`, so that looking up every effect's
// objective or line's motion is O(1): Model::ObjectiveIndex and MotionIndex
// search linearly, which is quadratic over 100,000 lines and motions.
template <typename T>
std::unordered_map<std::string, size_t> IndexById(const std::vector<T>& items) {
  std::unordered_map<std::string, size_t> index;
  index.reserve(items.size());
  for (size_t i = 0; i < items.size(); ++i) index.emplace(items[i].id, i);
  return index;
}

}  // namespace allot::detail
