#include "render/marks.hpp"

#include <algorithm>

#include "render/catalogue.hpp"
#include "render/provenance_text.hpp"
#include "render/text.hpp"

namespace allot::detail {

std::string Mark(ProvenanceLevel level) {
  switch (level) {
    case ProvenanceLevel::kSourced:
      return "";
    case ProvenanceLevel::kReported:
      return "^";
    case ProvenanceLevel::kAssumed:
      return "~";
    case ProvenanceLevel::kJudgement:
      return "*";
    case ProvenanceLevel::kUnstated:
      return "?";
  }
  return "?";
}

std::string Marked(const std::string& text, ProvenanceLevel level) {
  std::string mark = Mark(level);
  return mark.empty() ? text : text + " " + mark;
}

const std::vector<ProvenanceLevel>& MarkedLevels() {
  static const std::vector<ProvenanceLevel> levels = {
      ProvenanceLevel::kReported, ProvenanceLevel::kAssumed, ProvenanceLevel::kJudgement,
      ProvenanceLevel::kUnstated};
  return levels;
}

std::string MarkList(const std::vector<ProvenanceLevel>& levels, Lang lang) {
  std::vector<std::string> used;
  for (ProvenanceLevel level : MarkedLevels()) {
    if (std::find(levels.begin(), levels.end(), level) != levels.end())
      used.push_back(Mark(level) + " " + LevelText(level, lang));
  }
  return Joined(used);
}

std::string MarkLegend(const std::vector<ProvenanceLevel>& shown, Lang lang) {
  std::string list = MarkList(shown, lang);
  return list.empty() ? std::string() : Say(Key::kMarksLegend, lang, {list});
}

void NoteMark(const std::string& mark, std::vector<ProvenanceLevel>& shown) {
  for (ProvenanceLevel level : MarkedLevels()) {
    if (mark == Mark(level)) shown.push_back(level);
  }
}

void AddMarkLegend(Table& table, Lang lang, const std::vector<ProvenanceLevel>& in_text) {
  std::vector<ProvenanceLevel> shown = in_text;
  for (const auto& row : table.marks) {
    for (const std::string& mark : row) NoteMark(mark, shown);
  }
  std::string legend = MarkLegend(shown, lang);
  if (!legend.empty()) table.notes.push_back(std::move(legend));
}

}  // namespace allot::detail
