// Optimise results: tables for people (table, md) and spreadsheets (csv,
// one block per table), and JSON. No timings: the same inputs give the
// same bytes.
#include "allot/optimise.hpp"

#include <glpk.h>

#include <string>
#include <vector>

#include "allot/render.hpp"
#include "render/catalogue.hpp"
#include "render/json_output.hpp"
#include "render/layout.hpp"
#include "render/number.hpp"
#include "render/text.hpp"

namespace allot {

namespace {

using detail::Cell;
using detail::ChangeColumn;
using detail::Json;
using detail::Key;
using detail::MoneyChangeColumn;
using detail::MoneyColumn;
using detail::NumberColumn;
using detail::Say;
using detail::Table;
using detail::TextColumn;

Money Total(const std::vector<Money>& v) {
  Money sum;
  for (Money m : v) sum += m;
  return sum;
}

// The summary mixes scores and money in its columns: each cell says which.
Table SummaryTable(const OptimiseReport& r, Lang lang) {
  const OptimiseResult& res = r.result;
  Table t(Say(Key::kSummary, lang), {TextColumn(""), NumberColumn(Say(Key::kOptimiseBase, lang), 2),
                                     NumberColumn(Say(Key::kOptimiseOptimised, lang), 2),
                                     ChangeColumn(Say(Key::kChange, lang), 2)});
  t.rows.push_back(
      {Say(Key::kWeightedScore, lang), res.base_score, res.score, res.score - res.base_score});
  if (res.bounded) {
    t.rows.push_back({Say(Key::kOptimiseUpperBound, lang), Cell(), res.upper_bound,
                      Say(Key::kOptimiseGap, lang,
                          {detail::Decimal(res.upper_bound - res.score, 2, lang),
                           detail::Decimal(res.tolerance, 2, lang)})});
  } else {
    t.rows.push_back({Say(Key::kOptimiseUpperBound, lang), Cell(), Say(Key::kOptimiseNoBound, lang),
                      Say(Key::kOptimiseSeeChecks, lang)});
  }
  for (size_t y = 0; y < r.years.size(); ++y) {
    Money b = r.base->by_year[y];
    Money o = res.allocation.by_year[y];
    t.rows.push_back(
        {Say(Key::kOptimiseMoneyYear, lang, {std::to_string(r.years[y])}), b, o, o - b});
  }
  t.notes.push_back(Say(Key::kOptimiseHeadlineCaveat, lang));
  return t;
}

Table ObjectivesTable(const OptimiseReport& r, Lang lang) {
  Table t(Say(Key::kObjectiveScoresTitle, lang),
          {TextColumn(Say(Key::kObjective, lang)), NumberColumn(Say(Key::kOptimiseBase, lang), 2),
           NumberColumn(Say(Key::kOptimiseOptimised, lang), 2)});
  for (size_t j = 0; j < r.objectives.size(); ++j) {
    t.rows.push_back({r.objectives[j].id, r.result.base_objectives[j], r.result.objectives[j]});
  }
  return t;
}

Table LinesTable(const OptimiseReport& r, Lang lang) {
  Table t(Say(Key::kOptimiseLinesTitle, lang),
          {TextColumn(Say(Key::kLine, lang)), MoneyColumn(Say(Key::kOptimiseBase, lang)),
           MoneyColumn(Say(Key::kOptimiseOptimised, lang)),
           MoneyChangeColumn(Say(Key::kChange, lang)), TextColumn(Say(Key::kOptimiseLevel, lang))});
  for (size_t i = 0; i < r.base->lines.size(); ++i) {
    Money b = Total(r.base->lines[i].by_year);
    Money o = Total(r.result.allocation.lines[i].by_year);
    t.rows.push_back(
        {r.base->lines[i].def->id, b, o, o == b ? Cell() : Cell(o - b), r.result.level[i]});
  }
  return t;
}

Table OrderTable(const OptimiseReport& r, Lang lang) {
  Table t(Say(Key::kOptimiseOrderTitle, lang),
          {detail::CountColumn("#"), TextColumn(Say(Key::kLine, lang)),
           MoneyColumn(Say(Key::kOptimiseFrom, lang)), MoneyColumn(Say(Key::kOptimiseTo, lang)),
           NumberColumn(Say(Key::kOptimisePoints, lang), 2),
           NumberColumn(Say(Key::kOptimisePer100k, lang), 2)});
  for (size_t k = 0; k < r.order.size(); ++k) {
    const BuyStep& s = r.order[k];
    t.rows.push_back(
        {static_cast<int64_t>(k + 1), s.line, s.from, s.to, s.points, s.points_per_100k()});
  }
  return t;
}

Table MarginalTable(const OptimiseReport& r, Lang lang) {
  Table t(Say(Key::kOptimiseMarginalTitle, lang),
          {detail::CountColumn(Say(Key::kOptimiseYear, lang)),
           MoneyColumn(Say(Key::kOptimiseExtra, lang)),
           NumberColumn(Say(Key::kOptimisePoints, lang), 2),
           NumberColumn(Say(Key::kOptimisePer100k, lang), 2),
           TextColumn(Say(Key::kOptimiseBestSpentOn, lang))});
  for (const MarginalValue& m : r.marginal) {
    std::string on;
    for (size_t k = 0; k < m.best_spent_on.size() && k < 3; ++k) {
      on += (k ? Say(Key::kListSeparator, lang) : "") + m.best_spent_on[k].line + " " +
            detail::MoneyChange(m.best_spent_on[k].amount, lang);
    }
    if (!m.tied.empty()) on = Say(Key::kOptimiseTied, lang, {on, detail::Joined(m.tied)});
    t.rows.push_back({int64_t{m.year}, m.extra, m.points, m.points_per_100k, on});
  }
  return t;
}

Table SolverTable(const OptimiseReport& r, Lang lang) {
  const SolverStats& stats = r.result.stats;
  Table t(Say(Key::kOptimiseSolverTitle, lang), {TextColumn(""), TextColumn("")});
  t.rows.push_back(
      {Say(Key::kOptimiseSolver, lang), Say(Key::kOptimiseSolverName, lang, {glp_version()})});
  t.rows.push_back({Say(Key::kOptimiseModelSize, lang),
                    Say(Key::kOptimiseModelCounts, lang,
                        {std::to_string(stats.rows), std::to_string(stats.columns),
                         std::to_string(stats.integers)})});
  t.rows.push_back(
      {Say(Key::kOptimiseRefinements, lang),
       Say(Key::kOptimiseRefinementsCount, lang, {std::to_string(r.result.refinements)})});
  t.rows.push_back({Say(Key::kOptimiseChecked, lang), Say(Key::kOptimiseCheckedWhat, lang)});
  return t;
}

std::vector<Table> OptimiseTables(const OptimiseReport& r, Lang lang) {
  std::vector<Table> tables{SummaryTable(r, lang), ObjectivesTable(r, lang), LinesTable(r, lang)};
  if (!r.order.empty()) tables.push_back(OrderTable(r, lang));
  if (!r.marginal.empty()) tables.push_back(MarginalTable(r, lang));
  // The solver's checks and the note are for people: the CSV leaves out
  // tables of notes only.
  if (!r.result.notes.empty()) {
    tables.emplace_back(Say(Key::kOptimiseChecksTitle, lang));
    tables.back().notes = r.result.notes;
  }
  tables.push_back(SolverTable(r, lang));
  tables.emplace_back(Say(Key::kNote, lang));
  tables.back().notes.push_back(Say(Key::kRestsOnCurves, lang));
  return tables;
}

Json LinesJson(const OptimiseReport& r) {
  Json lines = Json::object();
  for (size_t i = 0; i < r.base->lines.size(); ++i) {
    Json line;
    Json base = Json::object();
    Json now = Json::object();
    for (size_t t = 0; t < r.years.size(); ++t) {
      base[std::to_string(r.years[t])] = r.base->lines[i].by_year[t].cents();
      now[std::to_string(r.years[t])] = r.result.allocation.lines[i].by_year[t].cents();
    }
    line["base_cents"] = base;
    line["optimised_cents"] = now;
    line["level"] = r.result.level[i];
    lines[r.base->lines[i].def->id] = line;
  }
  return lines;
}

Json OptimiseJson(const OptimiseReport& r) {
  using detail::Rounded;
  const OptimiseResult& res = r.result;
  Json j;
  j["format"] = "allot/1";
  j["analysis"] = "optimise";
  j["weights"] = r.weights_label;
  j["base"] = r.base->id;
  j["base_score"] = Rounded(res.base_score, 6);
  j["score"] = Rounded(res.score, 6);
  j["upper_bound"] = Rounded(res.upper_bound, 6);
  j["bounded"] = res.bounded;  // false: upper_bound is only the cap of 100
  j["tolerance"] = Rounded(res.tolerance, 6);
  j["refinements"] = res.refinements;
  j["notes"] = res.notes;
  Json objectives = Json::object();
  for (size_t k = 0; k < r.objectives.size(); ++k)
    objectives[r.objectives[k].id] = Rounded(res.objectives[k], 6);
  j["objectives"] = objectives;
  Json years = Json::object();
  for (size_t t = 0; t < r.years.size(); ++t)
    years[std::to_string(r.years[t])] = res.allocation.by_year[t].cents();
  j["by_year_cents"] = years;
  j["lines"] = LinesJson(r);
  j["order"] = Json::array();
  for (const BuyStep& s : r.order) {
    j["order"].push_back({{"line", s.line},
                          {"from_cents", s.from.cents()},
                          {"to_cents", s.to.cents()},
                          {"points", Rounded(s.points, 6)}});
  }
  j["marginal"] = Json::array();
  for (const MarginalValue& m : r.marginal) {
    Json on = Json::array();
    for (const LineAmount& a : m.best_spent_on)
      on.push_back({{"line", a.line}, {"cents", a.amount.cents()}});
    j["marginal"].push_back({{"year", m.year},
                             {"extra_cents", m.extra.cents()},
                             {"points", Rounded(m.points, 6)},
                             {"best_spent_on", on},
                             {"points_per_100k", Rounded(m.points_per_100k, 6)},
                             {"tied", m.tied}});
  }
  j["solver"] = {{"name", "GLPK"},
                 {"version", glp_version()},
                 {"rows", res.stats.rows},
                 {"columns", res.stats.columns},
                 {"integers", res.stats.integers}};
  return j;
}

}  // namespace

void RenderOptimise(const OptimiseReport& report, OutputFormat format, Lang lang,
                    std::ostream& out) {
  if (format == OutputFormat::kJson) return detail::WriteJson(OptimiseJson(report), out);
  if (format == OutputFormat::kCsv) return detail::WriteCsv(OptimiseTables(report, Lang::kEn), out);
  detail::WriteDocument({Say(Key::kOptimiseTitle, lang, {report.weights_label}),
                         {},
                         OptimiseTables(report, lang),
                         {}},
                        format, lang, out);
}

}  // namespace allot
