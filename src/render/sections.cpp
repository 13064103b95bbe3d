#include <string>

#include "render/text.hpp"

namespace allot::detail {

namespace {

std::string ScenarioLabel(const ScenarioResult& s) { return s.illustrative ? s.id + " *" : s.id; }

Section ScenariosSection(const CompareResult& r, const Labels& l) {
  Section s;
  s.title = l.scenarios_title;
  s.text_columns = 2;
  s.header = {l.scenario, l.name};
  for (const ScenarioResult& sc : r.scenarios) s.rows.push_back({ScenarioLabel(sc), sc.name});
  return s;
}

Section MoneySection(const CompareResult& r, const Labels& l, Lang lang) {
  Section s;
  s.title = l.money_title;
  s.header = {l.scenario, l.total};
  for (int year : r.years) s.header.push_back(std::to_string(year));
  s.header.push_back(std::string(l.change_vs) + " " + r.baseline);
  for (const ScenarioResult& sc : r.scenarios) {
    std::vector<std::string> row = {ScenarioLabel(sc), FormatMoney(sc.total, lang)};
    for (Money m : sc.by_year) row.push_back(FormatMoney(m, lang));
    row.push_back(FormatMoneyChange(sc.delta_total, lang));
    s.rows.push_back(std::move(row));
  }
  return s;
}

std::string WeightsNote(const CompareResult& r, const WeightSet& set, const Labels& l, Lang lang) {
  std::string note = std::string(l.weights_legend) + ":";
  for (size_t j = 0; j < r.objectives.size(); ++j) {
    if (set.weights[j] == 0) continue;
    note += " " + r.objectives[j].id + " " + FormatScore(set.weights[j], 3, lang);
  }
  return note;
}

Section WeightedSection(const CompareResult& r, size_t w, const Labels& l, Lang lang) {
  Section s;
  s.title = std::string(l.weighted_title) + r.weight_sets[w].name;
  s.header = {l.scenario, l.score, l.rank, std::string(l.change_vs) + " " + r.baseline,
              l.cost_per_point};
  for (const ScenarioResult& sc : r.scenarios) {
    const std::optional<Money>& cost = sc.cost_per_point[w];
    s.rows.push_back({ScenarioLabel(sc), FormatScore(sc.weighted[w], 2, lang),
                      std::to_string(sc.rank[w]), FormatScore(sc.delta_weighted[w], 2, lang, true),
                      cost ? FormatMoney(*cost, lang) : "-"});
  }
  s.notes.push_back(WeightsNote(r, r.weight_sets[w], l, lang));
  return s;
}

Section ObjectivesSection(const CompareResult& r, const Labels& l, Lang lang) {
  Section s;
  s.title = l.objectives_title;
  s.header = {l.scenario};
  for (const Objective& o : r.objectives) s.header.push_back(o.id);
  for (const ScenarioResult& sc : r.scenarios) {
    std::vector<std::string> row = {ScenarioLabel(sc)};
    for (double v : sc.objectives) row.push_back(FormatScore(v, 1, lang));
    s.rows.push_back(std::move(row));
  }
  for (const Objective& o : r.objectives) s.notes.push_back(o.id + ": " + o.name);
  return s;
}

Section MotionsSection(const CompareResult& r, const Labels& l) {
  Section s;
  s.title = l.motions_title;
  s.text_columns = 2;
  s.header = {l.scenario, l.motions_title};
  for (const ScenarioResult& sc : r.scenarios) {
    std::vector<std::string> unfunded = UnfundedMotions(r, sc);
    s.rows.push_back({ScenarioLabel(sc), r.motions.empty()  ? l.none
                                         : unfunded.empty() ? l.all_funded
                                                            : Joined(unfunded)});
  }
  for (const Motion& m : r.motions) {
    s.notes.push_back(m.id + ": " + m.ref + (m.asks.empty() ? "" : " - " + m.asks));
  }
  return s;
}

}  // namespace

std::vector<Section> CompareSections(const CompareResult& result, Lang lang) {
  const Labels& labels = LabelsFor(lang);
  std::vector<Section> sections;
  sections.push_back(ScenariosSection(result, labels));
  sections.push_back(MoneySection(result, labels, lang));
  for (size_t w = 0; w < result.weight_sets.size(); ++w) {
    sections.push_back(WeightedSection(result, w, labels, lang));
  }
  sections.push_back(ObjectivesSection(result, labels, lang));
  sections.push_back(MotionsSection(result, labels));
  return sections;
}

}  // namespace allot::detail
