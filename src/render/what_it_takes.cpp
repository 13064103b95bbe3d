// "What would it take" as tables (table, md; csv) and JSON, and its
// summary sentence.
#include "allot/what_it_takes.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "render/catalogue.hpp"
#include "render/json_output.hpp"
#include "render/layout.hpp"
#include "render/number.hpp"

namespace allot {

namespace {

using detail::Json;
using detail::Key;
using detail::Say;

const char* StatusName(OvertakeStatus s) {
  switch (s) {
    case OvertakeStatus::kAlreadyWins:
      return "already_wins";
    case OvertakeStatus::kFound:
      return "found";
    case OvertakeStatus::kImpossible:
      return "impossible";
  }
  return "";
}

// "x weighs 0.237 instead of 0.125, y weighs ... and z weighs ...": the
// three largest changes, and a mention of the others.
std::string Changes(const OvertakeResult& r, Lang lang) {
  size_t shown = std::min<size_t>(r.changes.size(), 3);
  std::vector<std::string> items;
  for (size_t i = 0; i < shown; ++i) {
    const WeightChange& c = r.changes[i];
    items.push_back(
        Say(Key::kOvertakeChange, lang,
            {c.objective, detail::Decimal(c.to, 3, lang), detail::Decimal(c.from, 3, lang)}));
  }
  std::string text;
  for (size_t i = 0; i + 1 < items.size(); ++i) text += (i ? ", " : "") + items[i];
  text = items.size() > 1 ? Say(Key::kListLast, lang, {text, items.back()})
                          : (items.empty() ? "" : items.front());
  return r.changes.size() > shown ? Say(Key::kOvertakeMore, lang, {text}) : text;
}

Json OvertakeJson(const OvertakeResult& r) {
  Json j;
  j["format"] = "allot/1";
  j["analysis"] = "what-it-takes";
  j["weight_set"] = r.weight_set;
  j["a"] = r.a;
  j["b"] = r.b;
  j["status"] = StatusName(r.status);
  j["score_a"] = detail::Rounded(r.score_a, 6);
  j["score_b"] = detail::Rounded(r.score_b, 6);
  bool has_weights = r.status != OvertakeStatus::kImpossible;
  j["distance"] = has_weights ? Json(detail::Rounded(r.distance, 6)) : Json(nullptr);
  j["new_score_a"] = has_weights ? Json(detail::Rounded(r.new_score_a, 6)) : Json(nullptr);
  j["new_score_b"] = has_weights ? Json(detail::Rounded(r.new_score_b, 6)) : Json(nullptr);
  j["weights"] = Json::array();
  for (const WeightChange& c : r.weights) {
    j["weights"].push_back({{"objective", c.objective},
                            {"from", detail::Rounded(c.from, 6)},
                            {"to", has_weights ? Json(detail::Rounded(c.to, 6)) : Json(nullptr)}});
  }
  j["summary"] = OvertakeSummary(r, Lang::kEn);
  return j;
}

detail::Table OvertakeCsv(const OvertakeResult& r) {
  using detail::kAllDigits;
  using detail::NumberColumn;
  using detail::TextColumn;
  detail::Table t("",
                  {TextColumn("weight_set"), TextColumn("a"), TextColumn("b"), TextColumn("status"),
                   TextColumn("objective"), NumberColumn("from", kAllDigits),
                   NumberColumn("to", kAllDigits), NumberColumn("distance", kAllDigits)});
  bool has_weights = r.status != OvertakeStatus::kImpossible;
  for (const WeightChange& c : r.weights) {
    t.rows.push_back({r.weight_set, r.a, r.b, std::string(StatusName(r.status)), c.objective,
                      c.from, has_weights ? detail::Cell(c.to) : detail::Cell(),
                      has_weights ? detail::Cell(r.distance) : detail::Cell()});
  }
  return t;
}

detail::Table WeightsTable(const OvertakeResult& r, Lang lang) {
  using detail::NumberColumn;
  detail::Table t(Say(Key::kOvertakeWeights, lang, {r.weight_set, r.b}),
                  {detail::TextColumn(Say(Key::kObjective, lang)),
                   NumberColumn(Say(Key::kOvertakeNow, lang), 3),
                   NumberColumn(Say(Key::kOvertakeNeeded, lang), 3),
                   detail::ChangeColumn(Say(Key::kChange, lang), 3)});
  for (const WeightChange& c : r.weights) {
    t.rows.push_back({c.objective, c.from, c.to, c.change});
  }
  auto score = [lang](double v) { return detail::Decimal(v, 2, lang); };
  t.notes.push_back(Say(
      Key::kOvertakeScores, lang,
      {r.a, r.b, score(r.score_a), score(r.score_b), score(r.new_score_a), score(r.new_score_b)}));
  t.notes.push_back(Say(Key::kOvertakeDistance, lang, {detail::Decimal(r.distance, 4, lang)}));
  return t;
}

}  // namespace

std::string OvertakeSummary(const OvertakeResult& r, Lang lang) {
  auto score = [lang](double v) { return detail::Decimal(v, 2, lang); };
  switch (r.status) {
    case OvertakeStatus::kAlreadyWins:
      return Say(Key::kOvertakeAlreadyWins, lang,
                 {r.b, r.a, r.weight_set, score(r.score_b), score(r.score_a)});
    case OvertakeStatus::kImpossible:
      return Say(Key::kOvertakeImpossible, lang, {r.b, r.a});
    case OvertakeStatus::kFound:
      break;
  }
  return Say(Key::kOvertakeFound, lang,
             {r.b, r.a, Changes(r, lang), detail::Decimal(r.distance, 3, lang)});
}

void RenderOvertake(const OvertakeResult& result, OutputFormat format, Lang lang,
                    std::ostream& out) {
  if (format == OutputFormat::kJson) return detail::WriteJson(OvertakeJson(result), out);
  if (format == OutputFormat::kCsv) return detail::WriteCsv({OvertakeCsv(result)}, out);
  detail::Document d{
      Say(Key::kOvertakeTitle, lang, {result.title, result.b, result.a}), {}, {}, {}};
  if (result.status == OvertakeStatus::kFound) d.tables.push_back(WeightsTable(result, lang));
  d.closing.push_back(OvertakeSummary(result, lang));
  detail::WriteDocument(d, format, lang, out);
}

}  // namespace allot
