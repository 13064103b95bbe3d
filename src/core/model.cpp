#include "allot/model.hpp"

#include <algorithm>

namespace allot {

namespace {

template <typename T, typename Key>
int IndexOf(const std::vector<T>& items, const std::string& id, Key key) {
  auto it =
      std::find_if(items.begin(), items.end(), [&](const T& item) { return key(item) == id; });
  return it == items.end() ? -1 : static_cast<int>(it - items.begin());
}

}  // namespace

const char* MotionStatusName(MotionStatus status) {
  switch (status) {
    case MotionStatus::kAdopted:
      return "adopted";
    case MotionStatus::kRejected:
      return "rejected";
    case MotionStatus::kPromised:
      return "promised";
    case MotionStatus::kInBill:
      return "in-bill";
    case MotionStatus::kInLaw:
      return "in-law";
    case MotionStatus::kUnstated:
      return "";
  }
  return "";
}

int Model::ObjectiveIndex(const std::string& id) const {
  return IndexOf(objectives, id, [](const Objective& o) { return o.id; });
}

int Model::LineIndex(const std::string& id) const {
  return IndexOf(lines, id, [](const Line& l) { return l.id; });
}

int Model::MotionIndex(const std::string& id) const {
  return IndexOf(motions, id, [](const Motion& m) { return m.id; });
}

int Model::WeightSetIndex(const std::string& name) const {
  return IndexOf(weights, name, [](const WeightSet& w) { return w.name; });
}

int Model::YearIndex(int year) const {
  auto it = std::find(years.begin(), years.end(), year);
  return it == years.end() ? -1 : static_cast<int>(it - years.begin());
}

}  // namespace allot
