// What the workbench page shows, as JSON: values and allot's own texts.
#include "workbench/view.hpp"

#include <algorithm>
#include <functional>
#include <unordered_map>

#include "allot/draft.hpp"
#include "allot/write_scenario.hpp"
#include "render/catalogue.hpp"
#include "render/number.hpp"
#include "render/text.hpp"

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

// A score: the value as compare's JSON has it, and two decimals as its table.
Json Score(double value, Lang lang) {
  return {{"value", Rounded(value, 6)}, {"text", Decimal(value, 2, lang)}};
}

// An amount in the draft against the baseline.
Json Amount(Money draft, Money baseline, Lang lang) {
  return {{"cents", draft.cents()},
          {"text", FormatMoney(draft, lang)},
          {"baseline_cents", baseline.cents()},
          {"baseline_text", FormatMoney(baseline, lang)},
          {"change_text", MoneyChange(draft - baseline, lang)}};
}

Json Scenarios(const CompareResult& r, const std::string& draft_id, Lang lang) {
  Json list = Json::array();
  for (const ScenarioResult& s : r.scenarios) {
    Json scores = Json::array();
    for (size_t w = 0; w < r.weight_sets.size(); ++w) {
      Json score = Score(s.weighted[w], lang);
      score["rank"] = s.rank[w];
      scores.push_back(std::move(score));
    }
    list.push_back({{"id", s.id},
                    {"name", s.name},
                    {"draft", s.id == draft_id},
                    {"illustrative", s.illustrative},
                    {"total", FormatMoney(s.total, lang)},
                    {"scores", std::move(scores)}});
  }
  return list;
}

Json Weighted(const CompareResult& r, const ScenarioResult& d, const ScenarioResult& b, Lang lang) {
  Json list = Json::array();
  for (size_t w = 0; w < r.weight_sets.size(); ++w) {
    Json entry = Score(d.weighted[w], lang);
    entry["set"] = r.weight_sets[w].name;
    entry["rank"] = d.rank[w];
    entry["of"] = r.scenarios.size();
    entry["baseline"] = Score(b.weighted[w], lang);
    entry["change_text"] = Decimal(d.delta_weighted[w], 2, lang, true);
    const std::optional<Money>& cost = d.cost_per_point[w];
    // Three significant digits, as compare shows it: the points rest on
    // judged effect curves (docs/output.md).
    entry["cost_per_point"] = cost ? FormatMoney(SignificantEuros(*cost, 3), lang) : "-";
    list.push_back(std::move(entry));
  }
  return list;
}

Json Objectives(const CompareResult& r, const ScenarioResult& d, const ScenarioResult& b,
                Lang lang) {
  Json list = Json::array();
  for (size_t j = 0; j < r.objectives.size(); ++j) {
    Json entry = Score(d.objectives[j], lang);
    entry["id"] = r.objectives[j].id;
    entry["name"] = r.objectives[j].name;
    entry["baseline"] = Score(b.objectives[j], lang);
    entry["change_text"] = Decimal(d.objectives[j] - b.objectives[j], 2, lang, true);
    list.push_back(std::move(entry));
  }
  return list;
}

Json MoneyView(const CompareResult& r, const ScenarioResult& d, const ScenarioResult& b,
               Lang lang) {
  Json years = Json::array();
  for (size_t y = 0; y < r.years.size(); ++y) {
    Json entry = Amount(d.by_year[y], b.by_year[y], lang);
    entry["year"] = r.years[y];
    years.push_back(std::move(entry));
  }
  return {{"total", Amount(d.total, b.total, lang)}, {"years", std::move(years)}};
}

// Whether `def` is one of the model's own lines (not added by a scenario):
// an address test, where Model::LineIndex would search by name.
bool IsModelLine(const Model& model, const Line& def) {
  std::less_equal<const Line*> at_most;
  return !model.lines.empty() && at_most(&model.lines.front(), &def) &&
         at_most(&def, &model.lines.back());
}

Json LineEntry(const Model& model, const Line& def, const std::vector<Money>& amounts,
               const std::vector<Money>* baseline, bool removed, Lang lang) {
  Json years = Json::array();
  Money total, baseline_total;
  for (size_t y = 0; y < model.years.size(); ++y) {
    Money base = baseline != nullptr ? (*baseline)[y] : Money();
    Json entry = Amount(amounts[y], base, lang);
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
          {"total", Amount(total, baseline_total, lang)}};
}

// The draft's lines, then the baseline's lines that the draft does not have
// (only when all are asked for).
Json Lines(const Model& model, const ResolvedScenario& draft, const ResolvedScenario& baseline,
           const LineSelection& selection, Lang lang) {
  std::unordered_map<std::string, const ResolvedLine*> in_baseline;
  for (const ResolvedLine& line : baseline.lines) in_baseline.emplace(line.def->id, &line);
  Json list = Json::array();
  std::unordered_map<std::string, bool> in_draft;
  for (const ResolvedLine& line : draft.lines) {
    if (!selection.Has(line.def->id)) continue;
    auto it = in_baseline.find(line.def->id);
    const std::vector<Money>* base = it == in_baseline.end() ? nullptr : &it->second->by_year;
    list.push_back(LineEntry(model, *line.def, line.by_year, base, false, lang));
    in_draft.emplace(line.def->id, true);
  }
  const std::vector<Money> none(model.years.size());
  if (!selection.all) return list;
  for (const ResolvedLine& line : baseline.lines) {
    if (in_draft.count(line.def->id) == 0) {
      list.push_back(LineEntry(model, *line.def, none, &line.by_year, true, lang));
    }
  }
  return list;
}

Json Motions(const CompareResult& r, const ScenarioResult& d, const ScenarioResult& b) {
  Json list = Json::array();
  for (size_t m = 0; m < r.motions.size(); ++m) {
    list.push_back({{"id", r.motions[m].id},
                    {"ref", r.motions[m].ref},
                    {"asks", r.motions[m].asks},
                    {"funded", static_cast<bool>(d.motions_funded[m])},
                    {"baseline_funded", static_cast<bool>(b.motions_funded[m])}});
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
  return {{"lang", lang == Lang::kNl ? "nl" : "en"},
          {"title", result.title},
          {"baseline", {{"id", b.id}, {"name", b.name}}},
          {"years", result.years},
          {"weight_sets", std::move(sets)},
          {"scenarios", Scenarios(result, draft_id, lang)},
          {"weighted", Weighted(result, d, b, lang)},
          {"objectives", Objectives(result, d, b, lang)},
          {"money", MoneyView(result, d, b, lang)},
          {"lines", Lines(model, resolved[di], resolved[bi], lines, lang)},
          {"all_lines", lines.all},
          {"motions", Motions(result, d, b)},
          {"caveat",
           {{"illustrative", d.illustrative},
            {"text", d.illustrative ? Say(Key::kCompareIllustrativeMark, lang) : ""}}}};
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
