#include "render/provenance_text.hpp"

#include "render/catalogue.hpp"

namespace allot::detail {

std::string LevelText(ProvenanceLevel level, Lang lang) {
  switch (level) {
    case ProvenanceLevel::kSourced:
      return Say(Key::kLevelSourced, lang);
    case ProvenanceLevel::kReported:
      return Say(Key::kLevelReported, lang);
    case ProvenanceLevel::kAssumed:
      return Say(Key::kLevelAssumed, lang);
    case ProvenanceLevel::kJudgement:
      return Say(Key::kLevelJudgement, lang);
    case ProvenanceLevel::kUnstated:
      break;
  }
  return Say(Key::kLevelUnstated, lang);
}

std::string ProvenanceText(const Provenance& p, Lang lang) {
  std::string text = LevelText(p.level, lang);
  if (!p.by.empty()) text = Say(Key::kWithAside, lang, {text, p.by});
  return text;
}

std::string ProvenanceLegend(const Provenance& p, Lang lang) {
  std::string text = LevelText(p.level, lang);
  if (!p.by.empty()) text = Say(Key::kLevelBy, lang, {text, p.by});
  if (!p.ref.empty()) text += ": " + p.ref;
  if (!p.note.empty()) text += " (" + p.note + ")";
  return text;
}

}  // namespace allot::detail
