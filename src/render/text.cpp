#include "render/text.hpp"

namespace allot::detail {

std::string Joined(const std::vector<std::string>& parts, const std::string& separator) {
  std::string text;
  for (size_t i = 0; i < parts.size(); ++i) text += (i ? separator : "") + parts[i];
  return text;
}

std::vector<std::string> UnfundedMotions(const CompareResult& result, const ScenarioResult& s) {
  std::vector<std::string> ids;
  for (size_t m = 0; m < result.motions.size(); ++m) {
    if (!s.motions_funded[m]) ids.push_back(result.motions[m].id);
  }
  return ids;
}

}  // namespace allot::detail
