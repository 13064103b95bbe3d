// The report's opening summary: one sentence-maker per topic, each reading
// the numbers the sections below show, so that the words can be checked
// against the tables.
#include "report/in_brief.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <utility>

#include "render/catalogue.hpp"
#include "render/marks.hpp"
#include "render/motion_text.hpp"
#include "render/number.hpp"
#include "render/provenance_text.hpp"
#include "render/text.hpp"
#include "report/in_brief_amounts.hpp"

namespace allot::detail {

namespace {

using Sentences = std::vector<std::string>;

std::string Points(double score, Lang lang) { return Decimal(score, 2, lang); }

// Scenario indices by weighted score under set w, best first (ties in
// input order).
std::vector<size_t> ByScore(const CompareResult& r, size_t w) {
  std::vector<size_t> order;
  for (size_t i = 0; i < r.scenarios.size(); ++i) order.push_back(i);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return r.scenarios[a].weighted[w] > r.scenarios[b].weighted[w];
  });
  return order;
}

// Who ranks first under each weight set, and by how much.
void FirstPlaces(const InBriefInputs& in, Sentences& out) {
  const CompareResult& r = in.result;
  for (size_t w = 0; w < r.weight_sets.size(); ++w) {
    std::vector<size_t> order = ByScore(r, w);
    std::vector<std::string> first;
    for (size_t i : order) {
      if (r.scenarios[i].rank[w] == 1) first.push_back(r.scenarios[i].id);
    }
    const std::string& set = r.weight_sets[w].name;
    std::string top = Points(r.scenarios[order[0]].weighted[w], in.lang);
    if (first.size() > 1) {
      out.push_back(Say(Key::kBriefFirstShared, in.lang, {set, BriefList(first, in.lang), top}));
    } else if (order.size() == 1) {
      out.push_back(Say(Key::kBriefOnly, in.lang, {set, first[0], top}));
    } else {
      const ScenarioResult& second = r.scenarios[order[1]];
      double lead = r.scenarios[order[0]].weighted[w] - second.weighted[w];
      out.push_back(
          Say(Key::kBriefFirst, in.lang, {set, first[0], top, Points(lead, in.lang), second.id}));
    }
  }
}

// Whether the run drew its weights: "uniform" or "SET:KAPPA" / "SET:order",
// not exactly one weight set.
bool WeightsDrawn(const SmaaHeader& h) {
  return h.weights == "uniform" || h.weights.find(':') != std::string::npos;
}

// What the sensitivity run varied and what it kept, from its own header:
// weights drawn unless exactly one set, effects drawn or at their likely
// values; the amounts are always as written (the --amounts run draws them).
std::pair<std::string, std::string> VariedAndKept(const SmaaHeader& h, Lang lang) {
  bool weights = WeightsDrawn(h);
  bool effects = h.effects == "uncertain";
  if (weights && effects)
    return {Say(Key::kBriefVariedWeightsEffects, lang, {h.weights}),
            Say(Key::kBriefKeptAmounts, lang)};
  if (weights)
    return {Say(Key::kBriefVariedWeights, lang, {h.weights}), Say(Key::kBriefKeptEffects, lang)};
  return {Say(Key::kBriefVariedEffects, lang), Say(Key::kBriefKeptWeights, lang, {h.weights})};
}

// How often the sensitivity run puts its most frequent first first, in
// whole percents rounded down like the rest of the summary, with its 95%
// interval widened to whole percents (floor, ceiling), which is what the
// number of samples supports: about +-1 point at 10,000 samples, +-7 at
// 200. Said to be unmeasured when the report has no sensitivity run, or
// when that run sampled nothing (exact weights, fixed effects).
void Robustness(const InBriefInputs& in, Sentences& out) {
  if (!in.sensitivity) {
    out.push_back(Say(Key::kBriefNotMeasured, in.lang));
    return;
  }
  const SmaaResult& smaa = *in.sensitivity;
  const SmaaHeader& h = smaa.header;
  if (h.effects == "fixed" && !WeightsDrawn(h)) {
    out.push_back(Say(Key::kBriefNothingSampled, in.lang, {h.weights}));
    return;
  }
  if (smaa.scenarios.empty() || h.samples == 0) return;
  size_t best = 0;
  for (size_t i = 1; i < smaa.scenarios.size(); ++i) {
    if (smaa.scenarios[i].best_samples > smaa.scenarios[best].best_samples) best = i;
  }
  const SmaaScenarioResult& s = smaa.scenarios[best];
  ProportionInterval interval = Wilson(s.best_samples, h.samples);
  auto [varied, kept] = VariedAndKept(h, in.lang);
  out.push_back(Say(Key::kBriefRobust, in.lang,
                    {varied, std::to_string(h.samples), kept, s.id,
                     std::to_string(s.best_samples * 100 / h.samples),
                     std::to_string(static_cast<int>(std::floor(100 * interval.low))),
                     std::to_string(static_cast<int>(std::ceil(100 * interval.high)))}));
}

// The largest difference between the first and the last scenario under any
// weight set, and the objective that contributes most to it (a weighted
// score is the sum over objectives of weight x score).
void BiggestGap(const InBriefInputs& in, Sentences& out) {
  const CompareResult& r = in.result;
  if (r.scenarios.size() < 2) return;
  size_t set = 0, hi = 0, lo = 0;
  double gap = -1;
  for (size_t w = 0; w < r.weight_sets.size(); ++w) {
    std::vector<size_t> order = ByScore(r, w);
    double g = r.scenarios[order.front()].weighted[w] - r.scenarios[order.back()].weighted[w];
    if (g > gap) gap = g, set = w, hi = order.front(), lo = order.back();
  }
  if (gap <= 0) return;
  size_t driver = 0;
  double most = 0;
  const std::vector<double>& weights = r.weight_sets[set].weights;
  for (size_t j = 0; j < r.objectives.size() && j < weights.size(); ++j) {
    double part = weights[j] * (r.scenarios[hi].objectives[j] - r.scenarios[lo].objectives[j]);
    if (part > most) most = part, driver = j;
  }
  out.push_back(Say(Key::kBriefGap, in.lang,
                    {Points(gap, in.lang), r.scenarios[hi].id, r.scenarios[lo].id,
                     r.weight_sets[set].name, r.objectives[driver].name, Points(most, in.lang)}));
}

// Per scenario the motions it sets no money aside for, each with its status,
// and what "unfunded" does not mean.
void Unfunded(const InBriefInputs& in, Sentences& out) {
  const CompareResult& r = in.result;
  if (r.motions.empty()) return;
  std::vector<std::string> funding_all;
  for (const ScenarioResult& s : r.scenarios) {
    std::vector<std::string> ids;
    for (size_t m = 0; m < r.motions.size() && m < s.motions_funded.size(); ++m) {
      if (!s.motions_funded[m]) ids.push_back(MotionIdWithStatus(r.motions[m], in.lang));
    }
    if (ids.empty()) {
      funding_all.push_back(s.id);
    } else {
      out.push_back(Say(Key::kBriefLeavesUnfunded, in.lang, {s.id, BriefList(ids, in.lang)}));
    }
  }
  if (!funding_all.empty()) {
    out.push_back(Say(Key::kBriefFundsAll, in.lang, {BriefList(funding_all, in.lang)}));
  }
  out.push_back(Say(Key::kBriefUnfundedMeans, in.lang));
}

std::vector<ProvenanceLevel> MoneyLevels(const ScenarioBasis& b) {
  std::vector<ProvenanceLevel> levels = b.by_year;
  levels.push_back(b.total);
  return levels;
}

std::vector<ProvenanceLevel> ScoreLevels(const ScenarioBasis& b) { return b.weighted; }

// "Money: ... of 3 of 8 scenarios ... (~ assumed)": how many scenarios have
// a figure of one kind (`levels`) that the tables mark, and which marks.
// Nothing when none has.
void CountMarked(const InBriefInputs& in, Key sentence,
                 std::vector<ProvenanceLevel> (*levels)(const ScenarioBasis&), Sentences& out) {
  size_t marked = 0;
  std::vector<ProvenanceLevel> shown;
  for (const ScenarioResult& s : in.result.scenarios) {
    bool any = false;
    for (ProvenanceLevel level : levels(s.basis)) {
      if (level == ProvenanceLevel::kSourced) continue;
      any = true;
      shown.push_back(level);
    }
    marked += any ? 1 : 0;
  }
  if (marked == 0) return;
  out.push_back(Say(sentence, in.lang,
                    {std::to_string(marked), std::to_string(in.result.scenarios.size()),
                     MarkList(shown, in.lang)}));
}

// What the figures rest on: the caveat every output carries, and how many
// scenarios have money and scores that the tables mark as not sourced.
void RestsOn(const InBriefInputs& in, Sentences& out) {
  if (in.rests_on) out.push_back(ProvenanceCaveat(*in.rests_on, in.lang));
  Sentences counts;
  CountMarked(in, Key::kBriefMoneyMarked, MoneyLevels, counts);
  CountMarked(in, Key::kBriefScoresMarked, ScoreLevels, counts);
  if (counts.empty()) return;
  out.push_back(Say(Key::kBriefMarks, in.lang));
  out.insert(out.end(), counts.begin(), counts.end());
}

}  // namespace

std::string BriefList(const std::vector<std::string>& items, Lang lang) {
  std::string text;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) text += i + 1 == items.size() ? Say(Key::kBriefAnd, lang) : std::string(", ");
    text += items[i];
  }
  return text;
}

std::vector<std::string> InBriefParagraphs(const InBriefInputs& in) {
  std::vector<std::string> paragraphs;
  if (in.result.scenarios.empty()) return paragraphs;
  // One paragraph per topic, in this order; a new topic is one more entry.
  for (void (*topic)(const InBriefInputs&, Sentences&) :
       {FirstPlaces, Robustness, SurvivingStatements, BiggestGap, Unfunded, RestsOn}) {
    Sentences sentences;
    topic(in, sentences);
    std::string paragraph;
    for (const std::string& sentence : sentences)
      paragraph += (paragraph.empty() ? "" : " ") + sentence;
    if (!paragraph.empty()) paragraphs.push_back(paragraph);
  }
  return paragraphs;
}

}  // namespace allot::detail
