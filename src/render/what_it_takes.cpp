// "What would it take" as tables (table, md; csv) and JSON, and its
// summary sentence.
#include "allot/what_it_takes.hpp"

#include <algorithm>
#include <cmath>
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

// The changed weights of `weights`, largest |to - from| first, as
// WhatItTakes orders OvertakeResult::changes (below 1e-9 a change is the
// solver's rounding; changes equal to 9 decimals keep model order).
std::vector<WeightChange> Changed(const std::vector<WeightChange>& weights) {
  auto size = [](const WeightChange& c) { return detail::Rounded(std::fabs(c.to - c.from), 9); };
  std::vector<WeightChange> changes;
  for (const WeightChange& c : weights) {
    if (std::fabs(c.to - c.from) > 1e-9) changes.push_back(c);
  }
  std::stable_sort(changes.begin(), changes.end(),
                   [&](const WeightChange& x, const WeightChange& y) { return size(x) > size(y); });
  return changes;
}

// "x weighs 0.237 instead of 0.125, y weighs ... and z weighs ...": the
// first three of `changes` (largest first), and a mention of the others.
std::string Changes(const std::vector<WeightChange>& changes, Lang lang) {
  size_t shown = std::min<size_t>(changes.size(), 3);
  std::vector<std::string> items;
  for (size_t i = 0; i < shown; ++i) {
    const WeightChange& c = changes[i];
    items.push_back(
        Say(Key::kOvertakeChange, lang,
            {c.objective, detail::Decimal(c.to, 3, lang), detail::Decimal(c.from, 3, lang)}));
  }
  std::string text;
  for (size_t i = 0; i + 1 < items.size(); ++i) text += (i ? ", " : "") + items[i];
  text = items.size() > 1 ? Say(Key::kListLast, lang, {text, items.back()})
                          : (items.empty() ? "" : items.front());
  return changes.size() > shown ? Say(Key::kOvertakeMore, lang, {text}) : text;
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
  // Not unique: `weights` is one end of the nearest weightings, these the other.
  j["unique"] = r.unique();
  if (!r.unique()) {
    j["other_weights"] = Json::array();
    for (const WeightChange& c : r.other_weights) {
      j["other_weights"].push_back({{"objective", c.objective},
                                    {"from", detail::Rounded(c.from, 6)},
                                    {"to", detail::Rounded(c.to, 6)}});
    }
    j["other_new_score_a"] = detail::Rounded(r.other_score_a, 6);
    j["other_new_score_b"] = detail::Rounded(r.other_score_b, 6);
  } else {
    j["other_weights"] = nullptr;
  }
  j["summary"] = OvertakeSummary(r, Lang::kEn);
  return j;
}

detail::Table OvertakeCsv(const OvertakeResult& r) {
  using detail::kAllDigits;
  using detail::NumberColumn;
  using detail::TextColumn;
  detail::Table t(
      "",
      {TextColumn("weight_set"), TextColumn("a"), TextColumn("b"), TextColumn("status"),
       TextColumn("objective"), NumberColumn("from", kAllDigits), NumberColumn("to", kAllDigits),
       NumberColumn("to_other_end", kAllDigits), NumberColumn("distance", kAllDigits)});
  bool has_weights = r.status != OvertakeStatus::kImpossible;
  for (size_t k = 0; k < r.weights.size(); ++k) {
    const WeightChange& c = r.weights[k];
    t.rows.push_back({r.weight_set, r.a, r.b, std::string(StatusName(r.status)), c.objective,
                      c.from, has_weights ? detail::Cell(c.to) : detail::Cell(),
                      r.unique() ? detail::Cell() : detail::Cell(r.other_weights[k].to),
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
  // Not unique: the other end of the nearest weightings in a column of its own.
  if (!r.unique())
    t.columns.insert(t.columns.begin() + 3, NumberColumn(Say(Key::kOvertakeOtherEnd, lang), 3));
  for (size_t k = 0; k < r.weights.size(); ++k) {
    const WeightChange& c = r.weights[k];
    if (r.unique())
      t.rows.push_back({c.objective, c.from, c.to, c.change});
    else
      t.rows.push_back({c.objective, c.from, c.to, r.other_weights[k].to, c.change});
  }
  auto score = [lang](double v) { return detail::Decimal(v, 2, lang); };
  t.notes.push_back(Say(
      Key::kOvertakeScores, lang,
      {r.a, r.b, score(r.score_a), score(r.score_b), score(r.new_score_a), score(r.new_score_b)}));
  t.notes.push_back(Say(Key::kOvertakeDistance, lang, {detail::Decimal(r.distance, 4, lang)}));
  if (!r.unique()) {
    t.notes.push_back(Say(Key::kOvertakeNotUnique, lang,
                          {r.a, r.b, score(r.other_score_a), score(r.other_score_b)}));
  }
  t.notes.push_back(Say(Key::kOvertakeTie, lang, {r.a, r.b}));
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
  std::string found =
      Say(Key::kOvertakeFound, lang,
          {r.b, r.a, Changes(r.changes, lang), detail::Decimal(r.distance, 3, lang)});
  if (r.unique()) return found;
  return Say(Key::kOvertakeNotUniqueSummary, lang,
             {found, Changes(Changed(r.other_weights), lang)});
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
