// Compare for people (the sections of the committee's table) and for
// spreadsheets (one wide row per scenario); the JSON is in render/json.cpp.
#include <algorithm>
#include <string>

#include "render/catalogue.hpp"
#include "render/layout.hpp"
#include "render/marks.hpp"
#include "render/motion_text.hpp"
#include "render/number.hpp"
#include "render/text.hpp"

namespace allot::detail {

namespace {

Table ScenariosTable(const CompareResult& r, Lang lang) {
  Table t(Say(Key::kCompareScenariosTitle, lang),
          {TextColumn(Say(Key::kScenario, lang)), TextColumn(Say(Key::kName, lang))});
  for (const ScenarioResult& sc : r.scenarios) t.rows.push_back({sc.id, sc.name});
  return t;
}

Table MoneyTable(const CompareResult& r, Lang lang) {
  Table t(Say(Key::kCompareMoneyTitle, lang),
          {TextColumn(Say(Key::kScenario, lang)), MoneyColumn(Say(Key::kTotal, lang))});
  for (int year : r.years) t.columns.push_back(MoneyColumn(std::to_string(year)));
  t.columns.push_back(MoneyChangeColumn(Say(Key::kChangeVs, lang, {r.baseline})));
  for (const ScenarioResult& sc : r.scenarios) {
    std::vector<Cell> row;
    RowMarks marks(t.columns.size());
    row.emplace_back(sc.id);
    marks.Set(row.size(), sc.basis.total);
    row.emplace_back(sc.total);
    for (size_t y = 0; y < sc.by_year.size(); ++y) {
      marks.Set(row.size(), sc.basis.by_year[y]);
      row.emplace_back(sc.by_year[y]);
    }
    marks.Set(row.size(), sc.basis.delta_total);
    row.emplace_back(sc.delta_total);
    t.rows.push_back(std::move(row));
    t.marks.push_back(marks.Take());
  }
  AddMarkLegend(t, lang);
  return t;
}

std::string WeightsNote(const CompareResult& r, const WeightSet& set, Lang lang) {
  std::vector<std::string> weights;
  for (size_t j = 0; j < r.objectives.size(); ++j) {
    if (set.weights[j] == 0) continue;
    weights.push_back(r.objectives[j].id + " " + Decimal(set.weights[j], 3, lang));
  }
  return Say(Key::kCompareWeightsNote, lang, {Joined(weights, " ")});
}

Table WeightedTable(const CompareResult& r, size_t w, Lang lang) {
  Table t{
      Say(Key::kCompareWeightedTitle, lang, {r.weight_sets[w].name}),
      {TextColumn(Say(Key::kScenario, lang)), NumberColumn(Say(Key::kScore, lang), 2),
       CountColumn(Say(Key::kRank, lang)), ChangeColumn(Say(Key::kChangeVs, lang, {r.baseline}), 2),
       MoneyColumn(Say(Key::kCompareCostPerPoint, lang))}};
  for (const ScenarioResult& sc : r.scenarios) {
    const std::optional<Money>& cost = sc.cost_per_point[w];
    t.rows.push_back({sc.id, sc.weighted[w], int64_t{sc.rank[w]}, sc.delta_weighted[w],
                      cost ? Cell(SignificantEuros(*cost, 3)) : Cell(std::string("-"))});
    RowMarks marks(t.columns.size());
    marks.Set(1, sc.basis.weighted[w]);
    marks.Set(2, sc.basis.rank[w]);
    marks.Set(3, sc.basis.delta_weighted[w]);
    if (cost) marks.Set(4, sc.basis.cost_per_point[w]);
    t.marks.push_back(marks.Take());
  }
  t.notes.push_back(WeightsNote(r, r.weight_sets[w], lang));
  AddMarkLegend(t, lang);
  return t;
}

Table ObjectivesTable(const CompareResult& r, Lang lang) {
  Table t(Say(Key::kObjectiveScoresTitle, lang), {TextColumn(Say(Key::kScenario, lang))});
  for (const Objective& o : r.objectives) t.columns.push_back(NumberColumn(o.id, 1));
  for (const ScenarioResult& sc : r.scenarios) {
    std::vector<Cell> row;
    RowMarks marks(t.columns.size());
    row.emplace_back(sc.id);
    for (size_t j = 0; j < sc.objectives.size(); ++j) {
      marks.Set(row.size(), sc.basis.objectives[j]);
      row.emplace_back(sc.objectives[j]);
    }
    t.rows.push_back(std::move(row));
    t.marks.push_back(marks.Take());
  }
  for (const Objective& o : r.objectives) t.notes.push_back(o.id + ": " + o.name);
  AddMarkLegend(t, lang);
  return t;
}

// Unfunded motions with their status beside them ("bikker-mutluer (in a
// bill)"), so that unfunded never reads as not done.
Table MotionsTable(const CompareResult& r, Lang lang) {
  Table t(Say(Key::kCompareMotionsTitle, lang), {TextColumn(Say(Key::kScenario, lang)),
                                                 TextColumn(Say(Key::kCompareMotionsTitle, lang))});
  std::vector<ProvenanceLevel> shown;
  for (const ScenarioResult& sc : r.scenarios) {
    t.rows.push_back({sc.id, MarkedUnfunded(r, sc, lang, shown)});
  }
  for (const Motion& m : r.motions) t.notes.push_back(MotionLegend(m, lang));
  AddMarkLegend(t, lang, shown);
  return t;
}

// What each figure of the csv row rests on, as data: for every figure
// column after `name`, a column `<its name>_basis` at the end of the row
// (appended, so that the existing columns keep their positions).
void AddBasisColumns(Table& t) {
  const size_t figures = t.columns.size() - 1;  // the last: unfunded_motions
  for (size_t c = 3; c < figures; ++c)
    t.columns.push_back(TextColumn(t.columns[c].name + "_basis"));
  t.columns.push_back(TextColumn("unfunded_motions_basis"));
}

void AddBasisCells(const CompareResult& r, const ScenarioResult& s, std::vector<Cell>& row) {
  const ScenarioBasis& b = s.basis;
  auto add = [&row](ProvenanceLevel level) { row.emplace_back(ProvenanceLevelName(level)); };
  add(b.total);
  for (ProvenanceLevel l : b.by_year) add(l);
  for (ProvenanceLevel l : b.objectives) add(l);
  for (ProvenanceLevel l : b.weighted) add(l);
  for (ProvenanceLevel l : b.rank) add(l);
  add(b.delta_total);
  for (ProvenanceLevel l : b.delta_weighted) add(l);
  for (size_t w = 0; w < b.cost_per_point.size(); ++w) {
    if (s.cost_per_point[w]) {
      add(b.cost_per_point[w]);
    } else {
      row.emplace_back();
    }
  }
  // Whether the motions listed (and the others) count as funded.
  ProvenanceLevel motions = ProvenanceLevel::kSourced;
  for (ProvenanceLevel l : b.motions_funded) motions = WeakerLevel(motions, l);
  if (r.motions.empty()) {
    row.emplace_back();
  } else {
    add(motions);
  }
}

}  // namespace

Document CompareDocument(const CompareResult& result, Lang lang) {
  Document d{result.title, {{Say(Key::kCompareBaseline, lang), result.baseline}}, {}, {}};
  d.tables.push_back(ScenariosTable(result, lang));
  d.tables.push_back(MoneyTable(result, lang));
  for (size_t w = 0; w < result.weight_sets.size(); ++w) {
    d.tables.push_back(WeightedTable(result, w, lang));
  }
  d.tables.push_back(ObjectivesTable(result, lang));
  d.tables.push_back(MotionsTable(result, lang));
  if (!result.weight_sets.empty()) d.closing.push_back(Say(Key::kCompareCostRounded, lang));
  return d;
}

// Money in plain euros with two decimals; scores with six.
Table CompareCsv(const CompareResult& r) {
  Table t{"",
          {TextColumn("scenario"), TextColumn("name"), TextColumn("illustrative"),
           MoneyColumn("total_eur")}};
  for (int year : r.years) t.columns.push_back(MoneyColumn("eur_" + std::to_string(year)));
  for (const Objective& o : r.objectives) t.columns.push_back(NumberColumn("objective_" + o.id, 6));
  for (const WeightSet& w : r.weight_sets)
    t.columns.push_back(NumberColumn("weighted_" + w.name, 6));
  for (const WeightSet& w : r.weight_sets) t.columns.push_back(CountColumn("rank_" + w.name));
  t.columns.push_back(MoneyColumn("delta_total_eur"));
  for (const WeightSet& w : r.weight_sets) {
    t.columns.push_back(NumberColumn("delta_weighted_" + w.name, 6));
  }
  for (const WeightSet& w : r.weight_sets)
    t.columns.push_back(MoneyColumn("eur_per_point_" + w.name));
  t.columns.push_back(TextColumn("unfunded_motions"));
  AddBasisColumns(t);
  for (const ScenarioResult& s : r.scenarios) {
    std::vector<Cell> row;
    row.emplace_back(s.id);
    row.emplace_back(s.name);
    row.emplace_back(std::string(s.illustrative ? "true" : "false"));
    row.emplace_back(s.total);
    for (Money m : s.by_year) row.push_back(m);
    for (double v : s.objectives) row.push_back(v);
    for (double v : s.weighted) row.push_back(v);
    for (int rank : s.rank) row.push_back(int64_t{rank});
    row.push_back(s.delta_total);
    for (double v : s.delta_weighted) row.push_back(v);
    for (const auto& cost : s.cost_per_point) row.push_back(cost ? Cell(*cost) : Cell());
    row.push_back(Joined(UnfundedMotions(r, s), ";"));
    AddBasisCells(r, s, row);
    t.rows.push_back(std::move(row));
  }
  return t;
}

}  // namespace allot::detail
