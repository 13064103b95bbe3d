// `allot sensitivity --amounts uncertain` for people (table, Markdown) and
// spreadsheets (CSV, one row per statement); the JSON is in
// render/uncertain_amounts_json.cpp. Statements: a scenario ranks first,
// the commonest ranking, and "A scores higher than B", under each weighting.
#include <algorithm>
#include <map>

#include "allot/render.hpp"
#include "render/catalogue.hpp"
#include "render/json_output.hpp"
#include "render/layout.hpp"
#include "render/number.hpp"
#include "render/uncertain_statements.hpp"

namespace allot {

namespace detail {
Json UncertainAmountsJson(const UncertainResult& result);
}

namespace {

using detail::Cell;
using detail::Key;
using detail::PercentColumn;
using detail::Say;
using detail::Share;
using detail::Table;
using detail::TextColumn;

std::string Percent(double p, Lang lang) { return detail::DecimalTrimmed(100 * p, 1, lang); }

std::string HoldsWord(const Share& s, Lang lang) {
  if (s.Borderline()) return Say(Key::kAmountsBorderline, lang);
  return Say(s.holds ? Key::kAmountsYes : Key::kAmountsNo, lang);
}

detail::Estimate AsEstimate(const Share& s) { return {s.share, s.interval.HalfWidth(s.share)}; }

std::string WeightingName(const UncertainWeighting& w, Lang lang) {
  return w.sampled ? Say(Key::kAmountsSampledWeights, lang, {w.name}) : w.name;
}

// "a > b = c > d": the ranking as scenario ids, best first.
std::string RankingText(const UncertainResult& r, const std::vector<int>& ranks) {
  std::vector<size_t> order(ranks.size());
  for (size_t s = 0; s < order.size(); ++s) order[s] = s;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return ranks[a] < ranks[b]; });
  std::string text;
  for (size_t k = 0; k < order.size(); ++k) {
    if (k > 0) text += ranks[order[k]] == ranks[order[k - 1]] ? " = " : " > ";
    text += r.scenario_ids[order[k]];
  }
  return text;
}

// One row per line whose amounts are drawn.
Table DrawnTable(const UncertainResult& r, Lang lang) {
  Table t(
      Say(Key::kAmountsDrawnTitle, lang),
      {TextColumn(Say(Key::kAmountsLine, lang)), TextColumn(Say(Key::kAmountsWritten, lang)),
       TextColumn(Say(Key::kAmountsRange, lang)), TextColumn(Say(Key::kAmountsRangeFrom, lang))});
  std::map<std::string, std::vector<const DrawnAmount*>> by_line;
  std::vector<std::string> order;
  for (const DrawnAmount& a : r.amounts) {
    if (by_line[a.line].empty()) order.push_back(a.line);
    by_line[a.line].push_back(&a);
  }
  for (const std::string& line : order) {
    const std::vector<const DrawnAmount*>& years = by_line[line];
    std::string written, range;
    bool same = std::all_of(years.begin(), years.end(), [&](const DrawnAmount* a) {
      return a->range.low == years[0]->range.low && a->range.high == years[0]->range.high;
    });
    for (const DrawnAmount* a : years) {
      if (!written.empty()) written += " / ";
      written += FormatMoney(a->written, lang);
      if (!same) {
        if (!range.empty()) range += "; ";
        range += std::to_string(a->year) + ": ";
      }
      if (!same || range.empty()) {
        range += FormatMoney(a->range.low, lang) + " – " + FormatMoney(a->range.high, lang);
      }
    }
    if (same) range = Say(Key::kAmountsYears, lang, {range});
    std::string from = years[0]->stated
                           ? Say(Key::kAmountsStated, lang)
                           : Say(Key::kAmountsDefault, lang, {Percent(r.default_range, lang)});
    t.rows.push_back({line, written, range, from});
  }
  if (r.amounts.empty()) t.notes.push_back(Say(Key::kAmountsNoneDrawn, lang));
  t.notes.push_back(Say(Key::kAmountsHow, lang));
  std::string years;
  for (const KeptTotal& k : r.kept) {
    if (k.kind == KeptTotal::Kind::kLine) {
      t.notes.push_back(Say(Key::kAmountsKeptLine, lang, {k.line, FormatMoney(k.total, lang)}));
    } else {
      years += (years.empty() ? "" : Say(Key::kListSeparator, lang)) + std::to_string(k.year) +
               ": " + FormatMoney(k.total, lang);
    }
  }
  if (!years.empty()) t.notes.push_back(Say(Key::kAmountsKeptYear, lang, {years}));
  t.notes.push_back(Say(Key::kAmountsScenariosAsWritten, lang));
  t.notes.push_back(r.effects == "uncertain" ? Say(Key::kAmountsEffectsDrawn, lang,
                                                   {std::to_string(r.uncertain_effects)})
                                             : Say(Key::kAmountsEffectsFixed, lang));
  t.notes.push_back(
      Say(r.weightings[0].sampled ? Key::kAmountsWeightsDrawn : Key::kAmountsWeightsFixed, lang,
          {r.weights}));
  if (r.redraws > 0) {
    std::string why;
    for (size_t s = 0; s < r.redraws_by_scenario.size(); ++s) {
      if (r.redraws_by_scenario[s] == 0) continue;
      why += (why.empty() ? "" : Say(Key::kListSeparator, lang)) + r.scenario_ids[s] + " " +
             std::to_string(r.redraws_by_scenario[s]);
    }
    if (r.redraws_for_year_totals > 0) {
      why += (why.empty() ? "" : Say(Key::kListSeparator, lang)) +
             Say(Key::kAmountsRedrawYears, lang, {std::to_string(r.redraws_for_year_totals)});
    }
    t.notes.push_back(Say(Key::kAmountsRedraws, lang, {std::to_string(r.redraws), why}));
  }
  return t;
}

Table FirstTable(const UncertainResult& r, Lang lang) {
  Table t(Say(Key::kAmountsFirstTitle, lang),
          {TextColumn(Say(Key::kAmountsWeighting, lang)), TextColumn(Say(Key::kAmountsFirst, lang)),
           PercentColumn(Say(Key::kAmountsFirstShare, lang), 1),
           TextColumn(Say(Key::kAmountsHolds, lang)), TextColumn(Say(Key::kAmountsRanking, lang)),
           PercentColumn(Say(Key::kAmountsRankingShare, lang), 1),
           TextColumn(Say(Key::kAmountsHolds, lang))});
  for (const UncertainWeighting& w : r.weightings) {
    std::vector<Share> firsts = detail::FirstShares(r, w);
    const Share& top = firsts[detail::MostOftenFirst(firsts)];
    Share ranking = detail::MakeShare(w.commonest_count, r.samples, r.holds_at);
    t.rows.push_back({WeightingName(w, lang), r.scenario_ids[top.a], AsEstimate(top),
                      HoldsWord(top, lang), RankingText(r, w.commonest_ranking),
                      AsEstimate(ranking), HoldsWord(ranking, lang)});
  }
  return t;
}

Table StatementsTable(const UncertainResult& r, Lang lang) {
  Table t(
      Say(Key::kAmountsStatementsTitle, lang, {Percent(r.holds_at, lang)}),
      {TextColumn(Say(Key::kAmountsWeighting, lang)), TextColumn(Say(Key::kAmountsStatement, lang)),
       PercentColumn(Say(Key::kAmountsShare, lang), 1), TextColumn("")});
  for (const UncertainWeighting& w : r.weightings) {
    std::vector<Share> held = detail::HeldPairs(r, w);
    if (held.empty()) {
      t.rows.push_back(
          {WeightingName(w, lang), Say(Key::kAmountsNoStatement, lang), Cell(), Cell()});
    }
    for (const Share& s : held) {
      t.rows.push_back({WeightingName(w, lang),
                        Say(Key::kAmountsBeats, lang, {r.scenario_ids[s.a], r.scenario_ids[s.b]}),
                        AsEstimate(s),
                        s.Borderline() ? Cell(Say(Key::kAmountsBorderline, lang)) : Cell()});
    }
  }
  t.notes.push_back(Say(Key::kAmountsHoldsLegend, lang, {Percent(r.holds_at, lang)}));
  return t;
}

Table Summary(const UncertainResult& r, Lang lang) {
  Table t(Say(Key::kSummary, lang));
  for (const std::string& line : detail::UncertainSummaryLines(r, lang)) t.notes.push_back(line);
  return t;
}

detail::Document UncertainDocument(const UncertainResult& r, Lang lang) {
  std::string effects = Say(r.effects == "uncertain" ? Key::kSmaaUncertain : Key::kSmaaFixed, lang);
  return {Say(Key::kAmountsTitle, lang,
              {std::to_string(r.samples), std::to_string(r.seed), r.weights, effects}),
          {},
          {DrawnTable(r, lang), FirstTable(r, lang), StatementsTable(r, lang), Summary(r, lang)},
          {}};
}

// One row per statement and weighting: every first place, the commonest
// ranking and every ordered pair, held or not.
Table UncertainCsv(const UncertainResult& r) {
  using detail::CountColumn;
  using detail::NumberColumn;
  Table t("", {TextColumn("weights"), TextColumn("weights_drawn"), TextColumn("statement"),
               TextColumn("a"), TextColumn("b"), CountColumn("samples_true"),
               CountColumn("samples"), NumberColumn("share", 6), NumberColumn("low", 6),
               NumberColumn("high", 6), TextColumn("holds")});
  auto row = [&](const UncertainWeighting& w, const char* kind, const std::string& a,
                 const std::string& b, const Share& s) {
    t.rows.push_back({w.name, std::string(w.sampled ? "true" : "false"), std::string(kind), a, b,
                      static_cast<int64_t>(s.count), static_cast<int64_t>(r.samples), s.share,
                      s.interval.low, s.interval.high, std::string(s.holds ? "true" : "false")});
  };
  for (const UncertainWeighting& w : r.weightings) {
    for (const Share& s : detail::FirstShares(r, w)) row(w, "first", r.scenario_ids[s.a], "", s);
    row(w, "ranking", RankingText(r, w.commonest_ranking), "",
        detail::MakeShare(w.commonest_count, r.samples, r.holds_at));
    for (const Share& s : detail::AllPairs(r, w)) {
      row(w, "higher", r.scenario_ids[s.a], r.scenario_ids[s.b], s);
    }
  }
  return t;
}

}  // namespace

namespace detail {

std::string UncertainRankingText(const UncertainResult& r, const std::vector<int>& ranks) {
  return RankingText(r, ranks);
}

}  // namespace detail

void RenderUncertainAmounts(const UncertainResult& result, OutputFormat format, Lang lang,
                            std::ostream& out) {
  if (format == OutputFormat::kJson)
    return detail::WriteJson(detail::UncertainAmountsJson(result), out);
  if (format == OutputFormat::kCsv) return detail::WriteCsv({UncertainCsv(result)}, out);
  detail::WriteDocument(UncertainDocument(result, lang), format, lang, out);
}

}  // namespace allot
