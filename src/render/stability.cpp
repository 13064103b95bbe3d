// Stability intervals as tables (table, md; csv in long format) and JSON.
#include "allot/stability.hpp"

#include <string>
#include <vector>

#include "allot/render.hpp"
#include "render/catalogue.hpp"
#include "render/json_output.hpp"
#include "render/layout.hpp"
#include "render/number.hpp"

namespace allot {

namespace {

using detail::Json;
using detail::Key;
using detail::Say;

std::string Who(const StabilityEnd& end, Lang lang) {
  return end.overtaker.empty() ? Say(Key::kNone, lang)
                               : Say(Key::kStabilityPasses, lang, {end.overtaker, end.overtaken});
}

// For the top scenario the one passed is always the top: name the new top only.
std::string NewTop(const StabilityEnd& end, Lang lang) {
  return end.overtaker.empty() ? Say(Key::kNone, lang) : end.overtaker;
}

detail::Table SetTable(const WeightSetStability& s, Lang lang) {
  using detail::NumberColumn;
  using detail::TextColumn;
  auto say = [lang](Key key) { return Say(key, lang); };
  detail::Table t(
      Say(Key::kStabilitySet, lang, {s.weight_set, s.ranking.front()}),
      {TextColumn(say(Key::kObjective)), NumberColumn(say(Key::kWeight), 3),
       NumberColumn(say(Key::kStabilityTopFrom), 3), NumberColumn(say(Key::kStabilityTopTo), 3),
       TextColumn(say(Key::kStabilityNewTopBelow)), TextColumn(say(Key::kStabilityNewTopAbove)),
       NumberColumn(say(Key::kStabilityRankingFrom), 3),
       NumberColumn(say(Key::kStabilityRankingTo), 3), TextColumn(say(Key::kStabilitySwapBelow)),
       TextColumn(say(Key::kStabilitySwapAbove))});
  for (const ObjectiveStability& o : s.objectives) {
    t.rows.push_back({o.objective, o.weight, o.top_low.t, o.top_high.t, NewTop(o.top_low, lang),
                      NewTop(o.top_high, lang), o.rank_low.t, o.rank_high.t, Who(o.rank_low, lang),
                      Who(o.rank_high, lang)});
  }
  std::string ranking;
  for (size_t i = 0; i < s.ranking.size(); ++i) {
    ranking += (i ? Say(Key::kListSeparator, lang) : "") + s.ranking[i] + " " +
               detail::Decimal(s.scores[i], 2, lang);
  }
  t.notes.push_back(Say(Key::kStabilityRankingNow, lang, {ranking}));
  t.notes.push_back(say(Key::kStabilityNote));
  return t;
}

detail::Document StabilityDocument(const StabilityResult& r, Lang lang) {
  detail::Document d{Say(Key::kStabilityTitle, lang, {r.title}), {}, {}, {}};
  for (const WeightSetStability& s : r.sets) d.tables.push_back(SetTable(s, lang));
  return d;
}

Json EndJson(const StabilityEnd& end) {
  Json j;
  j["weight"] = detail::Rounded(end.t, 6);
  j["overtaker"] = end.overtaker.empty() ? Json(nullptr) : Json(end.overtaker);
  j["overtaken"] = end.overtaken.empty() ? Json(nullptr) : Json(end.overtaken);
  return j;
}

Json StabilityJson(const StabilityResult& r) {
  Json j;
  j["format"] = "allot/1";
  j["analysis"] = "stability";
  j["weight_sets"] = Json::array();
  for (const WeightSetStability& s : r.sets) {
    Json set;
    set["name"] = s.weight_set;
    set["ranking"] = Json::array();
    for (size_t i = 0; i < s.ranking.size(); ++i) {
      set["ranking"].push_back(
          {{"id", s.ranking[i]}, {"rank", s.ranks[i]}, {"score", detail::Rounded(s.scores[i], 6)}});
    }
    set["objectives"] = Json::array();
    for (const ObjectiveStability& o : s.objectives) {
      Json oj;
      oj["id"] = o.objective;
      oj["weight"] = detail::Rounded(o.weight, 6);
      oj["top"] = {{"low", EndJson(o.top_low)}, {"high", EndJson(o.top_high)}};
      oj["ranking"] = {{"low", EndJson(o.rank_low)}, {"high", EndJson(o.rank_high)}};
      set["objectives"].push_back(oj);
    }
    j["weight_sets"].push_back(set);
  }
  return j;
}

// Long format: one row per end of each interval.
detail::Table StabilityCsv(const StabilityResult& r) {
  using detail::kAllDigits;
  using detail::NumberColumn;
  using detail::TextColumn;
  detail::Table t(
      "", {TextColumn("weight_set"), TextColumn("objective"), NumberColumn("weight", kAllDigits),
           TextColumn("stays"), TextColumn("end"), NumberColumn("at_weight", kAllDigits),
           TextColumn("overtaker"), TextColumn("overtaken")});
  for (const WeightSetStability& s : r.sets) {
    for (const ObjectiveStability& o : s.objectives) {
      auto add = [&](const char* what, const char* end, const StabilityEnd& e) {
        t.rows.push_back({s.weight_set, o.objective, o.weight, std::string(what), std::string(end),
                          e.t, e.overtaker, e.overtaken});
      };
      add("top", "low", o.top_low);
      add("top", "high", o.top_high);
      add("ranking", "low", o.rank_low);
      add("ranking", "high", o.rank_high);
    }
  }
  return t;
}

}  // namespace

void RenderStability(const StabilityResult& result, OutputFormat format, Lang lang,
                     std::ostream& out) {
  if (format == OutputFormat::kJson) return detail::WriteJson(StabilityJson(result), out);
  if (format == OutputFormat::kCsv) return detail::WriteCsv({StabilityCsv(result)}, out);
  detail::WriteDocument(StabilityDocument(result, lang), format, lang, out);
}

}  // namespace allot
