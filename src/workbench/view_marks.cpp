#include "workbench/view_marks.hpp"

#include <algorithm>

#include "render/marks.hpp"
#include "render/provenance_text.hpp"

namespace allot::detail {

void ViewMarks::Put(Json& figure, ProvenanceLevel level, const std::string& prefix) {
  figure[prefix + "basis"] = ProvenanceLevelName(level);
  figure[prefix + "mark"] = Mark(level);
  Note(level);
}

void ViewMarks::Note(ProvenanceLevel level) {
  if (std::find(shown_.begin(), shown_.end(), level) == shown_.end()) shown_.push_back(level);
}

Json ViewMarks::Legend(Lang lang) const {
  Json used = Json::array();
  for (ProvenanceLevel level : MarkedLevels()) {
    if (std::find(shown_.begin(), shown_.end(), level) == shown_.end()) continue;
    used.push_back({{"mark", Mark(level)},
                    {"basis", ProvenanceLevelName(level)},
                    {"text", LevelText(level, lang)}});
  }
  return {{"text", MarkLegend(shown_, lang)}, {"used", std::move(used)}};
}

}  // namespace allot::detail
