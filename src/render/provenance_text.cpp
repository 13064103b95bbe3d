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

ProvenanceLevel WeakestMoneyLevel(const ScenarioBasis& basis) {
  ProvenanceLevel weakest = basis.total;
  for (ProvenanceLevel level : basis.by_year) weakest = WeakerLevel(weakest, level);
  return weakest;
}

std::string MoneyBasisText(const ScenarioBasis& basis, Lang lang) {
  ProvenanceLevel years = WeakestMoneyLevel(basis);
  if (years == basis.total) return LevelText(basis.total, lang);
  return Say(Key::kBasisTotalAndYears, lang,
             {LevelText(basis.total, lang), LevelText(years, lang)});
}

std::string AmountsText(const Provenance& total, const Provenance& years, Lang lang) {
  std::string text = ProvenanceText(total, lang);
  if (years.level == total.level) return text;
  return Say(Key::kBasisWithSplit, lang, {text, ProvenanceText(years, lang)});
}

namespace {

std::string Str(int n) { return std::to_string(n); }

// "3 of 4 ..." or "3 of 4 ..., 1 not stated".
std::string Counted(Key key, int estimated, int count, int unstated, Lang lang) {
  std::string text = Say(key, lang, {Str(estimated), Str(count)});
  return unstated == 0 ? text : Say(Key::kCaveatUnstated, lang, {text, Str(unstated)});
}

// The line amounts: in the model when it alone is shown; else in the
// scenarios shown, with the model's own count beside it (a scenario may
// make a reported line assumed, or add lines the model does not have).
std::string LinesPart(const ProvenanceCounts& c, Lang lang) {
  if (c.only_model) {
    return Counted(Key::kCaveatLinesModel, c.model_lines_estimated, c.model_lines,
                   c.model_lines_unstated, lang);
  }
  Key shown = c.scenarios == 1 ? Key::kCaveatLinesScenario : Key::kCaveatLinesSome;
  std::string model = Counted(Key::kCaveatLinesInModel, c.model_lines_estimated, c.model_lines,
                              c.model_lines_unstated, lang);
  return Say(Key::kWithAside, lang,
             {Counted(shown, c.lines_estimated, c.lines, c.lines_unstated, lang), model});
}

std::string JudgementsPart(const ProvenanceCounts& c, Lang lang) {
  int unstated = c.effects_unstated + c.weight_sets_unstated;
  std::vector<std::string> judged = {Str(c.effects_estimated), Str(c.effects),
                                     Str(c.weight_sets_estimated), Str(c.weight_sets)};
  if (unstated > 0) {
    judged.push_back(Str(unstated));
    return Say(Key::kCaveatJudgementsUnstated, lang, judged);
  }
  if (c.effects_estimated == c.effects && c.weight_sets_estimated == c.weight_sets) {
    return Say(Key::kCaveatJudgementsAll, lang);
  }
  return Say(Key::kCaveatJudgements, lang, judged);
}

}  // namespace

std::string ProvenanceCaveat(const ProvenanceCounts& c, Lang lang) {
  int unstated_judged = c.effects_unstated + c.weight_sets_unstated;
  if (c.lines_unstated == c.lines && c.model_lines_unstated == c.model_lines &&
      unstated_judged == c.effects + c.weight_sets) {
    return Say(Key::kCaveatNothingStated, lang);
  }
  return Say(Key::kCaveat, lang, {LinesPart(c, lang), JudgementsPart(c, lang)});
}

Json ProvenanceJson(const ProvenanceCounts& c) {
  auto part = [](int count, int estimated, int unstated) {
    return Json{{"count", count}, {"estimated", estimated}, {"not_stated", unstated}};
  };
  return Json{
      {"line_amounts", part(c.lines, c.lines_estimated, c.lines_unstated)},
      {"model_line_amounts", part(c.model_lines, c.model_lines_estimated, c.model_lines_unstated)},
      {"effects", part(c.effects, c.effects_estimated, c.effects_unstated)},
      {"weight_sets", part(c.weight_sets, c.weight_sets_estimated, c.weight_sets_unstated)},
      {"caveat", ProvenanceCaveat(c, Lang::kEn)}};
}

}  // namespace allot::detail
