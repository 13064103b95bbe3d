// Rendering the frontier: table and Markdown for people, CSV and JSON for
// programs; sentences for the committee ("reaches 41 points with ...").
#include "allot/frontier.hpp"

#include <nlohmann/json.hpp>

#include "core/finite_output.hpp"
#include "render/analysis_output.hpp"
#include "render/optimise_text.hpp"
#include "render/text.hpp"

namespace allot {

namespace {

using Json = nlohmann::ordered_json;
using detail::Rounded;  // JSON scores: six decimals, no -0, never NaN
using report_text::Fixed2;
using report_text::Section;

std::vector<Section> Sections(const FrontierReport& r, bool plain, Lang lang) {
  auto money = [&](Money m) { return plain ? FormatMoneyPlain(m) : FormatMoney(m, lang); };
  auto score = [](double s) { return s < 0 ? std::string("infeasible") : Fixed2(s); };
  auto point_score = [](const FrontierPoint& p) {
    return p.status.empty() ? Fixed2(p.score) : p.status == "infeasible" ? p.status : "failed";
  };
  auto bound = [](const FrontierPoint& p) {
    return !p.status.empty() ? std::string("") : p.bounded ? Fixed2(p.upper_bound) : "no bound";
  };
  std::vector<Section> out;
  Section points{"Frontier: the best score for each total budget, weights " + r.weights_label,
                 {"budget", "spent", "score", "upper bound", "levels funded"},
                 {}};
  Section failed{
      "Frontier points that failed (the others are computed all the same)", {"budget", "why"}, {}};
  for (const FrontierPoint& p : r.frontier.points) {
    points.rows.push_back(
        {money(p.budget), money(p.spent), point_score(p), bound(p), detail::Joined(p.levels)});
    if (!p.status.empty() && p.status != "infeasible")
      failed.rows.push_back({money(p.budget), p.status});
  }
  out.push_back(points);
  if (!failed.rows.empty()) out.push_back(failed);
  Section placed{
      "Scenarios against the frontier",
      {"scenario", "total", "score", "cheapest budget reaching it", "best score for its money"},
      {}};
  Section said{"In words", {""}, {}};
  for (const ScenarioPlacement& s : r.frontier.scenarios) {
    std::string cheapest = s.cheapest ? money(*s.cheapest) : "beyond the frontier";
    placed.rows.push_back(
        {s.id, money(s.total), Fixed2(s.score), cheapest, score(s.best_for_money)});
    std::string sentence = s.id + " reaches " + Fixed2(s.score) + " points with " + money(s.total);
    if (s.cheapest)
      sentence +=
          "; " + Fixed2(s.score) + " points cost " + money(*s.cheapest) + " on the frontier";
    sentence += "; its money could buy " + score(s.best_for_money) + " points";
    said.rows.push_back({sentence});
  }
  out.push_back(placed);
  if (!plain) out.push_back(said);
  if (!r.core_label.empty()) {
    Section core{"Core index over " + r.core_label, {"line", "funded", "of", "kind"}, {}};
    for (const CoreLine& c : r.core) {
      core.rows.push_back({c.id, std::to_string(c.funded), std::to_string(c.runs), c.kind()});
    }
    out.push_back(core);
  }
  if (!plain) out.push_back(Section{"Note", {""}, {{report_text::kRestsOnCurves}}});
  return out;
}

void RenderJson(const FrontierReport& r, std::ostream& out) {
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
      j["core"]["lines"].push_back(
          {{"id", c.id}, {"funded", c.funded}, {"runs", c.runs}, {"kind", c.kind()}});
    }
  }
  out << detail::CheckedJson(j).dump(2) << '\n';
}

}  // namespace

void RenderFrontier(const FrontierReport& report, OutputFormat format, Lang lang,
                    std::ostream& out) {
  switch (format) {
    case OutputFormat::kJson:
      RenderJson(report, out);
      return;
    case OutputFormat::kCsv:
      report_text::RenderSectionsCsv(Sections(report, true, Lang::kEn), out);
      return;
    case OutputFormat::kMarkdown:
      report_text::RenderSectionsMarkdown(Sections(report, false, lang), out);
      return;
    case OutputFormat::kTable:
      report_text::RenderSectionsTable(Sections(report, false, lang), out);
      return;
  }
}

}  // namespace allot
