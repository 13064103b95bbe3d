// The frontier: tables for people (table, md, with sentences for the
// committee: "reaches 41 points with ...") and spreadsheets (csv, one block
// per table), and JSON.
#include "allot/frontier.hpp"

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
using detail::Json;
using detail::Key;
using detail::MoneyColumn;
using detail::NumberColumn;
using detail::Say;
using detail::Table;
using detail::TextColumn;

// A score, or "infeasible" where the constraints cannot be met (score < 0).
Cell Score(double score, Lang lang) {
  return score < 0 ? Cell(Say(Key::kFrontierInfeasible, lang)) : Cell(score);
}

// A point's score: "infeasible" where the constraints cannot be met,
// "failed" where the solver gave no checked answer (FailedTable says why).
Cell PointScore(const FrontierPoint& p, Lang lang) {
  if (p.status.empty()) return p.score;
  return Say(p.status == "infeasible" ? Key::kFrontierInfeasible : Key::kFrontierFailed, lang);
}

Cell PointBound(const FrontierPoint& p, Lang lang) {
  if (!p.status.empty()) return Cell();
  return p.bounded ? Cell(p.upper_bound) : Cell(Say(Key::kOptimiseNoBound, lang));
}

Table PointsTable(const FrontierReport& r, Lang lang) {
  Table t(Say(Key::kReportPointsTable, lang),
          {MoneyColumn(Say(Key::kFrontierBudget, lang)),
           MoneyColumn(Say(Key::kFrontierSpent, lang)), NumberColumn(Say(Key::kScore, lang), 2),
           NumberColumn(Say(Key::kFrontierUpperBound, lang), 2),
           TextColumn(Say(Key::kFrontierLevels, lang))});
  for (const FrontierPoint& p : r.frontier.points) {
    t.rows.push_back(
        {p.budget, p.spent, PointScore(p, lang), PointBound(p, lang), detail::Joined(p.levels)});
  }
  return t;
}

// The points the solver failed on, and why; none: no table.
Table FailedTable(const FrontierReport& r, Lang lang) {
  Table t(Say(Key::kFrontierFailedTitle, lang),
          {MoneyColumn(Say(Key::kFrontierBudget, lang)), TextColumn(Say(Key::kFrontierWhy, lang))});
  for (const FrontierPoint& p : r.frontier.points) {
    if (!p.status.empty() && p.status != "infeasible") t.rows.push_back({p.budget, p.status});
  }
  return t;
}

Table PlacedTable(const FrontierReport& r, Lang lang) {
  Table t(Say(Key::kFrontierPlacedTitle, lang),
          {TextColumn(Say(Key::kScenario, lang)), MoneyColumn(Say(Key::kTotal, lang)),
           NumberColumn(Say(Key::kScore, lang), 2), MoneyColumn(Say(Key::kFrontierCheapest, lang)),
           NumberColumn(Say(Key::kFrontierBestForMoney, lang), 2)});
  for (const ScenarioPlacement& s : r.frontier.scenarios) {
    t.rows.push_back({s.id, s.total, s.score,
                      s.cheapest ? Cell(detail::SignificantEuros(*s.cheapest, 3))
                                 : Cell(Say(Key::kFrontierBeyond, lang)),
                      Score(s.best_for_money, lang)});
  }
  // Beside the number, not only at the end: "cheapest budget EUR 1.1m" for a
  // plan of EUR 6m reads as "the plan wastes EUR 4.9m" (issue 14). To three
  // significant digits, like compare's cost per point: the curves it comes
  // from carry no more (json keeps the cents).
  t.notes.push_back(Say(Key::kFrontierCheapestCaveat, lang));
  return t;
}

// The placements in words, for the committee (not in the CSV).
Table WordsTable(const FrontierReport& r, Lang lang) {
  Table t(Say(Key::kFrontierInWords, lang));
  auto score = [lang](double v) {
    return v < 0 ? Say(Key::kFrontierInfeasible, lang) : detail::Decimal(v, 2, lang);
  };
  for (const ScenarioPlacement& s : r.frontier.scenarios) {
    std::string sentence =
        Say(Key::kFrontierReaches, lang, {s.id, score(s.score), FormatMoney(s.total, lang)});
    if (s.cheapest) {
      sentence = Say(
          Key::kFrontierCosts, lang,
          {sentence, score(s.score), FormatMoney(detail::SignificantEuros(*s.cheapest, 3), lang)});
    }
    t.notes.push_back(Say(Key::kFrontierCouldBuy, lang, {sentence, score(s.best_for_money)}));
  }
  t.notes.push_back(Say(Key::kFrontierCheapestCaveat, lang));
  return t;
}

Key KindKey(const CoreLine& c) {
  return c.funded == 0       ? Key::kFrontierExterior
         : c.every == c.runs ? Key::kFrontierCore
                             : Key::kFrontierBorderline;
}

Table CoreTable(const FrontierReport& r, Lang lang) {
  Table t(Say(Key::kFrontierCoreTitle, lang, {r.core_label}),
          {TextColumn(Say(Key::kLine, lang)), detail::CountColumn(Say(Key::kFrontierEvery, lang)),
           detail::CountColumn(Say(Key::kFrontierFunded, lang)),
           detail::CountColumn(Say(Key::kFrontierOf, lang)),
           TextColumn(Say(Key::kFrontierKind, lang))});
  for (const CoreLine& c : r.core) {
    t.rows.push_back(
        {c.id, int64_t{c.every}, int64_t{c.funded}, int64_t{c.runs}, Say(KindKey(c), lang)});
  }
  t.notes.push_back(Say(Key::kFrontierCoreNote, lang));
  return t;
}

// The CSV layout leaves out the tables of notes only ("In words", the note).
std::vector<Table> FrontierTables(const FrontierReport& r, Lang lang) {
  std::vector<Table> tables{PointsTable(r, lang)};
  Table failed = FailedTable(r, lang);
  if (!failed.rows.empty()) tables.push_back(failed);
  tables.push_back(PlacedTable(r, lang));
  tables.push_back(WordsTable(r, lang));
  if (!r.core_label.empty()) tables.push_back(CoreTable(r, lang));
  tables.emplace_back(Say(Key::kNote, lang));
  tables.back().notes.push_back(Say(Key::kRestsOnCurves, lang));
  return tables;
}

Json FrontierJson(const FrontierReport& r) {
  using detail::Rounded;
  Json j;
  j["format"] = "allot/1";
  j["analysis"] = "frontier";
  j["weights"] = r.weights_label;
  j["points"] = Json::array();
  for (const FrontierPoint& p : r.frontier.points) {
    j["points"].push_back({{"budget_cents", p.budget.cents()},
                           {"spent_cents", p.spent.cents()},
                           {"feasible", p.score >= 0},
                           {"score", Rounded(p.score, 6)},
                           {"upper_bound", Rounded(p.upper_bound, 6)},
                           {"levels", p.levels},
                           {"bounded", p.bounded},
                           {"status", p.status.empty() ? "solved" : p.status}});
  }
  j["scenarios"] = Json::array();
  for (const ScenarioPlacement& s : r.frontier.scenarios) {
    Json cheapest = s.cheapest ? Json(s.cheapest->cents()) : Json(nullptr);
    j["scenarios"].push_back({{"id", s.id},
                              {"total_cents", s.total.cents()},
                              {"score", Rounded(s.score, 6)},
                              {"cheapest_cents", cheapest},
                              {"best_for_money", Rounded(s.best_for_money, 6)}});
  }
  if (!r.core_label.empty()) {
    j["core"] = {{"over", r.core_label}, {"lines", Json::array()}};
    for (const CoreLine& c : r.core) {
      j["core"]["lines"].push_back({{"id", c.id},
                                    {"every", c.every},
                                    {"funded", c.funded},
                                    {"runs", c.runs},
                                    {"kind", c.kind()}});
    }
  }
  return j;
}

}  // namespace

void RenderFrontier(const FrontierReport& report, OutputFormat format, Lang lang,
                    std::ostream& out) {
  if (format == OutputFormat::kJson) return detail::WriteJson(FrontierJson(report), out);
  if (format == OutputFormat::kCsv) return detail::WriteCsv(FrontierTables(report, Lang::kEn), out);
  detail::WriteDocument({Say(Key::kFrontierTitle, lang, {report.weights_label}),
                         {},
                         FrontierTables(report, lang),
                         {}},
                        format, lang, out);
}

}  // namespace allot
