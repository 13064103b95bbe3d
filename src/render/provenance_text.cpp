#include "render/provenance_text.hpp"

#include <vector>

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

std::string ProvenanceCaveat(const ProvenanceCounts& c, Lang lang) {
  auto str = [](int n) { return std::to_string(n); };
  int unstated_judged = c.effects_unstated + c.weight_sets_unstated;
  if (c.lines_unstated == c.lines && unstated_judged == c.effects + c.weight_sets) {
    return Say(Key::kCaveatNothingStated, lang);
  }
  std::string lines = c.lines_unstated == 0
                          ? Say(Key::kCaveatLines, lang, {str(c.lines_estimated), str(c.lines)})
                          : Say(Key::kCaveatLinesUnstated, lang,
                                {str(c.lines_estimated), str(c.lines), str(c.lines_unstated)});
  std::vector<std::string> judged = {str(c.effects_estimated), str(c.effects),
                                     str(c.weight_sets_estimated), str(c.weight_sets)};
  std::string judgements;
  if (unstated_judged > 0) {
    judged.push_back(str(unstated_judged));
    judgements = Say(Key::kCaveatJudgementsUnstated, lang, judged);
  } else if (c.effects_estimated == c.effects && c.weight_sets_estimated == c.weight_sets) {
    judgements = Say(Key::kCaveatJudgementsAll, lang);
  } else {
    judgements = Say(Key::kCaveatJudgements, lang, judged);
  }
  return Say(Key::kCaveat, lang, {lines, judgements});
}

Json ProvenanceJson(const ProvenanceCounts& c) {
  auto part = [](int count, int estimated, int unstated) {
    return Json{{"count", count}, {"estimated", estimated}, {"not_stated", unstated}};
  };
  return Json{{"line_amounts", part(c.lines, c.lines_estimated, c.lines_unstated)},
              {"effects", part(c.effects, c.effects_estimated, c.effects_unstated)},
              {"weight_sets", part(c.weight_sets, c.weight_sets_estimated, c.weight_sets_unstated)},
              {"caveat", ProvenanceCaveat(c, Lang::kEn)}};
}

}  // namespace allot::detail
