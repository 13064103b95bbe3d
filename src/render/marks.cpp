#include "render/marks.hpp"

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

void AddMarkLegend(Table& table, Lang lang, const std::vector<ProvenanceLevel>& in_text) {
  std::vector<std::string> used;
  for (ProvenanceLevel level : {ProvenanceLevel::kReported, ProvenanceLevel::kAssumed,
                                ProvenanceLevel::kJudgement, ProvenanceLevel::kUnstated}) {
    const std::string mark = Mark(level);
    bool shown = false;
    for (ProvenanceLevel l : in_text) shown = shown || l == level;
    for (const auto& row : table.marks) {
      for (const std::string& m : row) shown = shown || m == mark;
    }
    if (shown) used.push_back(mark + " " + LevelText(level, lang));
  }
  if (!used.empty()) table.notes.push_back(Say(Key::kMarksLegend, lang, {Joined(used)}));
}

}  // namespace allot::detail
