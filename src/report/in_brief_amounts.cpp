// What survives the unknown split, in plain words: read from the counts of
// the --amounts uncertain run, through the same statements its own output
// names (render/uncertain_statements.hpp), so the words match its tables.
#include "report/in_brief_amounts.hpp"

#include <algorithm>
#include <cstdint>
#include <utility>

#include "render/catalogue.hpp"
#include "render/number.hpp"
#include "render/uncertain_statements.hpp"

namespace allot::detail {

namespace {

// Unsettled pairs named one by one; beyond this (and one more) they are
// counted.
constexpr size_t kPairsNamed = 6;

// A share as a whole percent, rounded down, so that a statement that does
// not hold never reads as reaching the threshold ("95%" for 94.6%), and
// exact in integers.
std::string WholePercent(uint64_t count, uint64_t samples) {
  return samples == 0 ? "0" : std::to_string(count * 100 / samples);
}

// Items that hold lists themselves, separated by "; " only: a final "and"
// would read as part of the last item's list.
std::string Separated(const std::vector<std::string>& items) {
  std::string text;
  for (size_t i = 0; i < items.size(); ++i) text += (i > 0 ? "; " : "") + items[i];
  return text;
}

std::string WeightingName(const UncertainWeighting& w, Lang lang) {
  return w.sampled ? Say(Key::kBriefAmountsDrawn, lang, {w.name}) : w.name;
}

void Intro(const UncertainResult& r, Lang lang, std::vector<std::string>& out) {
  Key key = r.effects == "fixed" ? Key::kBriefAmountsIntroFixed : Key::kBriefAmountsIntro;
  out.push_back(
      Say(key, lang,
          {std::to_string(r.samples), r.weights, DecimalTrimmed(100 * r.holds_at, 1, lang)}));
  if (r.amounts.empty()) out.push_back(Say(Key::kBriefAmountsNoneAssumed, lang));
}

// Per weighting, the scenario most often first: holds, borderline or open.
void FirstPlaces(const UncertainResult& r, Lang lang, std::vector<std::string>& out) {
  std::vector<std::string> holds, borderline, open;
  for (const UncertainWeighting& w : r.weightings) {
    std::vector<Share> firsts = FirstShares(r, w);
    if (firsts.empty()) continue;
    const Share& top = firsts[MostOftenFirst(firsts)];
    std::string who =
        Say(Key::kBriefAmountsWho, lang,
            {WeightingName(w, lang), r.scenario_ids[top.a], WholePercent(top.count, r.samples)});
    (top.Borderline() ? borderline : top.holds ? holds : open).push_back(who);
  }
  const std::string percent = DecimalTrimmed(100 * r.holds_at, 1, lang);
  if (!holds.empty())
    out.push_back(Say(Key::kBriefAmountsFirstHolds, lang, {BriefList(holds, lang)}));
  if (!borderline.empty()) {
    out.push_back(
        Say(Key::kBriefAmountsFirstBorderline, lang, {BriefList(borderline, lang), percent}));
  }
  if (!open.empty()) out.push_back(Say(Key::kBriefAmountsFirstOpen, lang, {BriefList(open, lang)}));
}

// The commonest complete ranking of each weighting, where it holds; else
// how often the commonest of all occurs.
void Rankings(const UncertainResult& r, Lang lang, std::vector<std::string>& out) {
  if (r.scenario_ids.size() < 2) return;
  bool any = false;
  uint64_t most = 0;
  for (const UncertainWeighting& w : r.weightings) {
    most = std::max(most, w.commonest_count);
    Share share = MakeShare(w.commonest_count, r.samples, r.holds_at);
    if (!share.holds && !share.Borderline()) continue;
    any = true;
    out.push_back(Say(
        share.Borderline() ? Key::kBriefAmountsRankingBorderline : Key::kBriefAmountsRankingHolds,
        lang,
        {WeightingName(w, lang), UncertainRankingText(r, w.commonest_ranking),
         WholePercent(w.commonest_count, r.samples)}));
  }
  if (!any) {
    out.push_back(Say(Key::kBriefAmountsRankingOpen, lang,
                      {std::to_string(r.scenario_ids.size()), WholePercent(most, r.samples)}));
  }
}

// The pairwise statements that hold under every weighting, grouped by the
// scenario that scores higher; the borderline ones; the pairs left open.
void Pairs(const UncertainResult& r, Lang lang, std::vector<std::string>& out) {
  const size_t S = r.scenario_ids.size();
  if (S < 2) return;
  PairsHeldEverywhere held = HeldUnderEveryWeighting(r);
  std::vector<bool> settled(S * S, false);
  std::vector<std::pair<size_t, std::vector<std::string>>> groups;  // higher -> lower ids
  for (const Share& s : held.firm) {
    settled[s.a * S + s.b] = settled[s.b * S + s.a] = true;
    auto group =
        std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == s.a; });
    if (group == groups.end()) group = groups.insert(groups.end(), {s.a, {}});
    group->second.push_back(r.scenario_ids[s.b]);
  }
  std::vector<std::string> statements;
  for (const auto& [higher, lower] : groups) {
    statements.push_back(
        Say(Key::kBriefAmountsBeats, lang, {r.scenario_ids[higher], BriefList(lower, lang)}));
  }
  const std::string percent = DecimalTrimmed(100 * r.holds_at, 1, lang);
  if (statements.empty()) {
    out.push_back(Say(Key::kBriefAmountsPairsNone, lang));
  } else {
    out.push_back(Say(Key::kBriefAmountsPairsHold, lang, {Separated(statements)}));
  }
  std::vector<std::string> borderline;
  for (const Share& s : held.borderline) {
    settled[s.a * S + s.b] = settled[s.b * S + s.a] = true;
    borderline.push_back(
        Say(Key::kBriefAmountsBeats, lang, {r.scenario_ids[s.a], r.scenario_ids[s.b]}));
  }
  if (!borderline.empty()) {
    out.push_back(Say(Key::kBriefAmountsPairsBorderline, lang, {percent, Separated(borderline)}));
  }
  std::vector<std::string> open;
  for (size_t a = 0; a < S; ++a) {
    for (size_t b = a + 1; b < S; ++b) {
      if (!settled[a * S + b])
        open.push_back(Say(Key::kBriefAmountsPair, lang, {r.scenario_ids[a], r.scenario_ids[b]}));
    }
  }
  // Named one by one up to kPairsNamed, then counted (never "1 more").
  size_t more = open.size() > kPairsNamed + 1 ? open.size() - kPairsNamed : 0;
  open.resize(open.size() - more);
  if (more > 0) {
    out.push_back(
        Say(Key::kBriefAmountsPairsOpenMore, lang, {Separated(open), std::to_string(more)}));
  } else if (!open.empty()) {
    out.push_back(Say(Key::kBriefAmountsPairsOpen, lang, {Separated(open)}));
  }
}

}  // namespace

void SurvivingStatements(const InBriefInputs& in, std::vector<std::string>& out) {
  if (!in.amounts || in.amounts->samples == 0) return;
  const UncertainResult& r = *in.amounts;
  Intro(r, in.lang, out);
  FirstPlaces(r, in.lang, out);
  Rankings(r, in.lang, out);
  Pairs(r, in.lang, out);
}

}  // namespace allot::detail
