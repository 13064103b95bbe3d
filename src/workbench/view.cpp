// What the workbench page shows, as JSON: values and allot's own texts.
#include "workbench/view.hpp"

#include <algorithm>
#include <functional>
#include <unordered_map>

#include "allot/draft.hpp"
#include "allot/write_scenario.hpp"
#include "render/number.hpp"
#include "render/text.hpp"
#include "workbench/view_marks.hpp"

namespace allot::detail {

namespace {

const char* RuleName(BudgetRuleKind kind) {
  switch (kind) {
    case BudgetRuleKind::kNeutral:
      return "neutral";
    case BudgetRuleKind::kNeutralPerYear:
      return "neutral-per-year";
    case BudgetRuleKind::kCap:
      return "cap";
    case BudgetRuleKind::kNone:
      break;
  }
  return "none";
}

size_t IndexOf(const CompareResult& r, const std::string& id) {
  for (size_t i = 0; i < r.scenarios.size(); ++i) {
    if (r.scenarios[i].id == id) return i;
  }
  return 0;  // the model; callers pass ids that are in the result
}

// A score: the value as compare's JSON has it, and two decimals as its
// table, with what it rests on.
Json Score(double value, ProvenanceLevel level, ViewMarks& marks, Lang lang) {
  Json score = {{"value", Rounded(value, 6)}, {"text", Decimal(value, 2, lang)}};
  marks.Put(score, level);
  return score;
}

// What an amount, its baseline and the change between them rest on.
struct AmountLevels {
  ProvenanceLevel draft;
  ProvenanceLevel baseline;
  ProvenanceLevel change;
};

// An amount in the draft against the baseline.
Json Amount(Money draft, Money baseline, const AmountLevels& levels, ViewMarks& marks, Lang lang) {
  Json amount = {{"cents", draft.cents()},
                 {"text", FormatMoney(draft, lang)},
                 {"baseline_cents", baseline.cents()},
                 {"baseline_text", FormatMoney(baseline, lang)},
                 {"change_text", MoneyChange(draft - baseline, lang)}};
  marks.Put(amount, levels.draft);
  marks.Put(amount, levels.baseline, "baseline_");
  marks.Put(amount, levels.change, "change_");
  return amount;
}

Json Scenarios(const CompareResult& r, const std::string& draft_id, ViewMarks& marks, Lang lang) {
  Json list = Json::array();
  for (const ScenarioResult& s : r.scenarios) {
    Json scores = Json::array();
    for (size_t w = 0; w < r.weight_sets.size(); ++w) {
      Json score = Score(s.weighted[w], s.basis.weighted[w], marks, lang);
      score["rank"] = s.rank[w];
      marks.Put(score, s.basis.rank[w], "rank_");
      scores.push_back(std::move(score));
    }
    Json entry = {{"id", s.id},
                  {"name", s.name},
                  {"draft", s.id == draft_id},
                  {"illustrative", s.illustrative},
                  {"total", FormatMoney(s.total, lang)}};
    marks.Put(entry, s.basis.total, "total_");
    entry["scores"] = std::move(scores);
    list.push_back(std::move(entry));
  }
  return list;
}

Json Weighted(const CompareResult& r, const ScenarioResult& d, const ScenarioResult& b,
              ViewMarks& marks, Lang lang) {
  Json list = Json::array();
  for (size_t w = 0; w < r.weight_sets.size(); ++w) {
    Json entry = Score(d.weighted[w], d.basis.weighted[w], marks, lang);
    entry["set"] = r.weight_sets[w].name;
    entry["rank"] = d.rank[w];
    marks.Put(entry, d.basis.rank[w], "rank_");
    entry["of"] = r.scenarios.size();
    entry["baseline"] = Score(b.weighted[w], b.basis.weighted[w], marks, lang);
    entry["change_text"] = Decimal(d.delta_weighted[w], 2, lang, true);
    marks.Put(entry, d.basis.delta_weighted[w], "change_");
    const std::optional<Money>& cost = d.cost_per_point[w];
    // Three significant digits, as compare shows it: the points rest on
    // judged effect curves (docs/output.md).
    entry["cost_per_point"] = cost ? FormatMoney(SignificantEuros(*cost, 3), lang) : "-";
    marks.Put(entry, d.basis.cost_per_point[w], "cost_per_point_");
    list.push_back(std::move(entry));
  }
  return list;
}

Json Objectives(const CompareResult& r, const ScenarioResult& d, const ScenarioResult& b,
                ViewMarks& marks, Lang lang) {
  Json list = Json::array();
  for (size_t j = 0; j < r.objectives.size(); ++j) {
    Json entry = Score(d.objectives[j], d.basis.objectives[j], marks, lang);
    entry["id"] = r.objectives[j].id;
    entry["name"] = r.objectives[j].name;
    entry["baseline"] = Score(b.objectives[j], b.basis.objectives[j], marks, lang);
    entry["change_text"] = Decimal(d.objectives[j] - b.objectives[j], 2, lang, true);
    // A change rests on both scores, as compare's changes do.
    marks.Put(entry, WeakerLevel(d.basis.objectives[j], b.basis.objectives[j]), "change_");
    list.push_back(std::move(entry));
  }
  return list;
}

Json MoneyView(const CompareResult& r, const ScenarioResult& d, const ScenarioResult& b,
               ViewMarks& marks, Lang lang) {
  Json years = Json::array();
  for (size_t y = 0; y < r.years.size(); ++y) {
    AmountLevels levels{d.basis.by_year[y], b.basis.by_year[y], d.basis.delta_by_year[y]};
    Json entry = Amount(d.by_year[y], b.by_year[y], levels, marks, lang);
    entry["year"] = r.years[y];
    years.push_back(std::move(entry));
  }
  AmountLevels total{d.basis.total, b.basis.total, d.basis.delta_total};
  return {{"total", Amount(d.total, b.total, total, marks, lang)}, {"years", std::move(years)}};
}

// Whether `def` is one of the model's own lines (not added by a scenario):
// an address test, where Model::LineIndex would search by name.
bool IsModelLine(const Model& model, const Line& def) {
  std::less_equal<const Line*> at_most;
  return !model.lines.empty() && at_most(&model.lines.front(), &def) &&
         at_most(&def, &model.lines.back());
}

// What a line's amounts in each year and its total rest on, in the draft
// and the baseline.
struct LineLevels {
  AmountLevels year;
  AmountLevels total;
};

void Note(ViewMarks& marks, const LineLevels& levels) {
  for (const AmountLevels* a : {&levels.year, &levels.total}) {
    marks.Note(a->draft);
    marks.Note(a->baseline);
    marks.Note(a->change);
  }
}

Json LineEntry(const Model& model, const Line& def, const std::vector<Money>& amounts,
               const std::vector<Money>* baseline, bool removed, const LineLevels& levels,
               ViewMarks& marks, Lang lang) {
  Json years = Json::array();
  Money total, baseline_total;
  for (size_t y = 0; y < model.years.size(); ++y) {
    Money base = baseline != nullptr ? (*baseline)[y] : Money();
    Json entry = Amount(amounts[y], base, levels.year, marks, lang);
    entry["year"] = model.years[y];
    entry["plain"] = YamlAmount(amounts[y]);
    years.push_back(std::move(entry));
    total += amounts[y];
    baseline_total += base;
  }
  return {{"id", def.id},
          {"name", def.name},
          {"owner", def.owner},
          {"source", def.source},
          {"illustrative", def.illustrative},
          {"added", !IsModelLine(model, def)},
          {"removed", removed},
          {"years", std::move(years)},
          {"total", Amount(total, baseline_total, levels.total, marks, lang)}};
}

// The levels of a line in the draft (`in_draft`) against the baseline
// (`in_baseline`); either may be null, not both. A line the baseline does
// not have is 0 there for certain: sourced, unmarked. A line the draft does
// not have (dropped in it or in a base) is 0 by the draft's choice: the
// weaker of the baseline's level and the draft's own `amounts`.
LineLevels LevelsOf(const LineAllocation* in_draft, const LineAllocation* in_baseline,
                    ProvenanceLevel draft_amounts) {
  auto pair = [](ProvenanceLevel d, ProvenanceLevel b) {
    return AmountLevels{d, b, WeakerLevel(d, b)};
  };
  const ProvenanceLevel none = ProvenanceLevel::kSourced;
  if (in_draft == nullptr) {
    return {pair(WeakerLevel(in_baseline->year_basis, draft_amounts), in_baseline->year_basis),
            pair(WeakerLevel(in_baseline->total_basis, draft_amounts), in_baseline->total_basis)};
  }
  if (in_baseline == nullptr)
    return {pair(in_draft->year_basis, none), pair(in_draft->total_basis, none)};
  return {pair(in_draft->year_basis, in_baseline->year_basis),
          pair(in_draft->total_basis, in_baseline->total_basis)};
}

std::unordered_map<std::string, const LineAllocation*> ById(const ScenarioResult& s) {
  std::unordered_map<std::string, const LineAllocation*> map;
  for (const LineAllocation& line : s.lines) map.emplace(line.id, &line);
  return map;
}

const LineAllocation* Find(const std::unordered_map<std::string, const LineAllocation*>& map,
                           const std::string& id) {
  auto it = map.find(id);
  return it == map.end() ? nullptr : it->second;
}

// The draft's lines, then the baseline's lines that the draft does not have
// (only when all are asked for). The levels of lines not listed still count
// for the legend: the page shows them from earlier views.
Json Lines(const Model& model, const ResolvedScenario& draft, const ResolvedScenario& baseline,
           const ScenarioResult& d, const ScenarioResult& b, const LineSelection& selection,
           ViewMarks& marks, Lang lang) {
  std::unordered_map<std::string, const ResolvedLine*> in_baseline;
  for (const ResolvedLine& line : baseline.lines) in_baseline.emplace(line.def->id, &line);
  const auto d_levels = ById(d);
  const auto b_levels = ById(b);
  const ProvenanceLevel own =
      draft.scenario != nullptr ? draft.scenario->amounts.level : ProvenanceLevel::kUnstated;
  Json list = Json::array();
  std::unordered_map<std::string, bool> in_draft;
  for (const ResolvedLine& line : draft.lines) {
    const std::string& id = line.def->id;
    in_draft.emplace(id, true);
    LineLevels levels = LevelsOf(Find(d_levels, id), Find(b_levels, id), own);
    if (!selection.Has(id)) {
      Note(marks, levels);
      continue;
    }
    auto it = in_baseline.find(id);
    const std::vector<Money>* base = it == in_baseline.end() ? nullptr : &it->second->by_year;
    list.push_back(LineEntry(model, *line.def, line.by_year, base, false, levels, marks, lang));
  }
  const std::vector<Money> none(model.years.size());
  for (const ResolvedLine& line : baseline.lines) {
    const std::string& id = line.def->id;
    if (in_draft.count(id) != 0) continue;
    LineLevels levels = LevelsOf(nullptr, Find(b_levels, id), own);
    if (!selection.all) {
      Note(marks, levels);
      continue;
    }
    list.push_back(LineEntry(model, *line.def, none, &line.by_year, true, levels, marks, lang));
  }
  return list;
}

Json Motions(const CompareResult& r, const ScenarioResult& d, const ScenarioResult& b,
             ViewMarks& marks) {
  Json list = Json::array();
  for (size_t m = 0; m < r.motions.size(); ++m) {
    Json entry = {{"id", r.motions[m].id},
                  {"ref", r.motions[m].ref},
                  {"asks", r.motions[m].asks},
                  {"funded", static_cast<bool>(d.motions_funded[m])},
                  {"baseline_funded", static_cast<bool>(b.motions_funded[m])}};
    marks.Put(entry, d.basis.motions_funded[m], "funded_");
    marks.Put(entry, b.basis.motions_funded[m], "baseline_funded_");
    list.push_back(std::move(entry));
  }
  return list;
}

}  // namespace

Json DraftJson(const Scenario& draft, const std::string& yaml) {
  return {{"yaml", yaml},
          {"id", draft.id},
          {"name", draft.name},
          {"base", draft.base.value_or(kModelScenarioId)},
          {"rule", RuleName(draft.budget.kind)},
          {"note", draft.note},
          {"source", draft.source},
          {"illustrative", draft.illustrative},
          {"amounts", ProvenanceLevelName(draft.amounts.level)},
          {"changes", draft.changes.size()},
          {"file", DraftFileName(draft)}};
}

Json CompareView(const Model& model, const CompareResult& result,
                 const std::vector<ResolvedScenario>& resolved, const std::string& draft_id,
                 const LineSelection& lines, Lang lang) {
  size_t di = IndexOf(result, draft_id);
  size_t bi = IndexOf(result, result.baseline);
  const ScenarioResult& d = result.scenarios[di];
  const ScenarioResult& b = result.scenarios[bi];
  Json sets = Json::array();
  for (const WeightSet& set : result.weight_sets) sets.push_back(set.name);
  ViewMarks marks;
  Json view = {{"lang", lang == Lang::kNl ? "nl" : "en"},
               {"title", result.title},
               {"baseline", {{"id", b.id}, {"name", b.name}}},
               {"years", result.years},
               {"weight_sets", std::move(sets)},
               {"scenarios", Scenarios(result, draft_id, marks, lang)},
               {"weighted", Weighted(result, d, b, marks, lang)},
               {"objectives", Objectives(result, d, b, marks, lang)},
               {"money", MoneyView(result, d, b, marks, lang)},
               {"lines", Lines(model, resolved[di], resolved[bi], d, b, lines, marks, lang)},
               {"all_lines", lines.all},
               {"motions", Motions(result, d, b, marks)}};
  view["marks"] = marks.Legend(lang);
  return view;
}

Json DescribeView(const Model& model, const std::vector<Scenario>& scenarios) {
  Json list = Json::array();
  list.push_back({{"id", kModelScenarioId}, {"name", model.title}, {"base", nullptr}});
  for (const Scenario& s : scenarios) {
    list.push_back({{"id", s.id},
                    {"name", s.name.empty() ? s.id : s.name},
                    {"base", s.base ? Json(*s.base) : Json(nullptr)}});
  }
  Json objectives = Json::array();
  for (const Objective& o : model.objectives) {
    objectives.push_back({{"id", o.id}, {"name", o.name}});
  }
  Json sets = Json::array();
  for (const WeightSet& set : model.weights) sets.push_back(set.name);
  return {{"title", model.title},     {"currency", model.currency}, {"years", model.years},
          {"objectives", objectives}, {"weight_sets", sets},        {"scenarios", list}};
}

}  // namespace allot::detail
