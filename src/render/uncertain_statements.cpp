// Which statements of an --amounts uncertain run hold (see the header).
#include "render/uncertain_statements.hpp"

#include <algorithm>
#include <utility>

#include "render/catalogue.hpp"
#include "render/number.hpp"

namespace allot::detail {

Share MakeShare(uint64_t count, uint64_t samples, double holds_at) {
  Share s;
  s.count = count;
  s.share = samples == 0 ? 0 : static_cast<double>(count) / static_cast<double>(samples);
  s.interval = samples == 0 ? ProportionInterval{0, 1} : Wilson(count, samples);
  s.holds_at = holds_at;
  s.holds = samples > 0 && s.share >= holds_at;
  return s;
}

std::vector<Share> FirstShares(const UncertainResult& r, const UncertainWeighting& w) {
  std::vector<Share> out;
  for (size_t s = 0; s < w.first.size(); ++s) {
    out.push_back(MakeShare(w.first[s], r.samples, r.holds_at));
    out.back().a = s;
  }
  return out;
}

size_t MostOftenFirst(const std::vector<Share>& firsts) {
  size_t best = 0;
  for (size_t s = 1; s < firsts.size(); ++s) {
    if (firsts[s].count > firsts[best].count) best = s;
  }
  return best;
}

std::vector<Share> AllPairs(const UncertainResult& r, const UncertainWeighting& w) {
  const size_t S = r.scenario_ids.size();
  std::vector<Share> out;
  for (size_t a = 0; a < S; ++a) {
    for (size_t b = 0; b < S; ++b) {
      if (a == b) continue;
      out.push_back(MakeShare(w.beats[a * S + b], r.samples, r.holds_at));
      out.back().a = a;
      out.back().b = b;
    }
  }
  return out;
}

std::vector<Share> HeldPairs(const UncertainResult& r, const UncertainWeighting& w) {
  std::vector<Share> held;
  for (const Share& s : AllPairs(r, w)) {
    if (s.holds) held.push_back(s);
  }
  std::stable_sort(held.begin(), held.end(),
                   [](const Share& x, const Share& y) { return x.count > y.count; });
  return held;
}

PairsHeldEverywhere HeldUnderEveryWeighting(const UncertainResult& r) {
  PairsHeldEverywhere out;
  if (r.weightings.empty()) return out;
  const size_t S = r.scenario_ids.size();
  for (const Share& s : HeldPairs(r, r.weightings[0])) {
    bool holds = true, firm = true;
    for (const UncertainWeighting& w : r.weightings) {
      Share there = MakeShare(w.beats[s.a * S + s.b], r.samples, r.holds_at);
      holds = holds && there.holds;
      firm = firm && !there.Borderline();
    }
    if (holds) (firm ? out.firm : out.borderline).push_back(s);
  }
  return out;
}

std::vector<std::string> UncertainSummaryLines(const UncertainResult& r, Lang lang) {
  auto percent = [lang](double p) { return DecimalTrimmed(100 * p, 1, lang); };
  std::vector<std::string> lines;
  for (const UncertainWeighting& w : r.weightings) {
    std::vector<Share> firsts = FirstShares(r, w);
    const Share& top = firsts[MostOftenFirst(firsts)];
    std::string name = w.sampled ? Say(Key::kAmountsSampledWeights, lang, {w.name}) : w.name;
    if (top.holds) {
      lines.push_back(Say(top.Borderline() ? Key::kAmountsFirstBorderline : Key::kAmountsFirstHolds,
                          lang, {name, r.scenario_ids[top.a], percent(top.share)}));
    } else {
      lines.push_back(Say(Key::kAmountsFirstOpen, lang,
                          {name, percent(r.holds_at), r.scenario_ids[top.a], percent(top.share)}));
    }
  }
  // Pairs that hold, and are not borderline, under every weighting: grouped
  // by the scenario that scores higher, in the first weighting's order.
  std::vector<std::pair<size_t, std::string>> groups;  // higher -> "b, c, d"
  PairsHeldEverywhere held = HeldUnderEveryWeighting(r);
  for (const Share& s : held.firm) {
    auto group =
        std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == s.a; });
    if (group == groups.end()) {
      groups.emplace_back(s.a, r.scenario_ids[s.b]);
    } else {
      group->second += Say(Key::kListSeparator, lang) + r.scenario_ids[s.b];
    }
  }
  const size_t borderline = held.borderline.size();
  if (groups.empty()) {
    lines.push_back(Say(Key::kAmountsNoCommon, lang));
  } else {
    lines.push_back(Say(Key::kAmountsEveryWeighting, lang, {percent(r.holds_at)}));
    for (const auto& [higher, lower] : groups) {
      lines.push_back(Say(Key::kAmountsBeats, lang, {r.scenario_ids[higher], lower}));
    }
  }
  if (borderline > 0) {
    lines.push_back(Say(Key::kAmountsBorderlineCount, lang, {std::to_string(borderline)}));
  }
  return lines;
}

}  // namespace allot::detail
