// Rendering optimise results: table and Markdown for people, CSV and JSON
// for programs. No timings: the same inputs give the same bytes.
#include "allot/optimise.hpp"

#include <glpk.h>

#include <algorithm>
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

Money Total(const std::vector<Money>& v) {
  Money sum;
  for (Money m : v) sum += m;
  return sum;
}

// Money for people (table, md) or programs (csv: plain euros).
struct MoneyText {
  bool plain = false;
  Lang lang = Lang::kEn;
  std::string operator()(Money m) const {
    return plain ? FormatMoneyPlain(m) : FormatMoney(m, lang);
  }
};

std::string Signed(Money m, const MoneyText& money) { return (m > Money() ? "+" : "") + money(m); }

std::vector<Section> Sections(const OptimiseReport& r, const MoneyText& money) {
  const OptimiseResult& res = r.result;
  std::vector<Section> out;
  Section summary{
      "Optimal allocation, weights: " + r.weights_label, {"", "base", "optimised", "change"}, {}};
  double base = res.base_score;
  summary.rows.push_back({"weighted score", Fixed2(base), Fixed2(res.score),
                          (res.score >= base ? "+" : "") + Fixed2(res.score - base)});
  if (res.bounded) {
    summary.rows.push_back({"solver upper bound", "", Fixed2(res.upper_bound),
                            "gap " + Fixed2(res.upper_bound - res.score) + " (aimed at " +
                                Fixed2(res.tolerance) + ")"});
  } else {
    summary.rows.push_back({"solver upper bound", "", "no bound", "see the checks below"});
  }
  for (size_t t = 0; t < r.years.size(); ++t) {
    Money b = r.base->by_year[t];
    Money o = res.allocation.by_year[t];
    summary.rows.push_back(
        {"money " + std::to_string(r.years[t]), money(b), money(o), Signed(o - b, money)});
  }
  out.push_back(summary);
  Section objectives{"Objective scores (0-100)", {"objective", "base", "optimised"}, {}};
  for (size_t j = 0; j < r.objectives.size(); ++j) {
    objectives.rows.push_back(
        {r.objectives[j].id, Fixed2(res.base_objectives[j]), Fixed2(res.objectives[j])});
  }
  out.push_back(objectives);
  Section lines{
      "Lines (total over all years)", {"line", "base", "optimised", "change", "level"}, {}};
  for (size_t i = 0; i < r.base->lines.size(); ++i) {
    Money b = Total(r.base->lines[i].by_year);
    Money o = Total(res.allocation.lines[i].by_year);
    lines.rows.push_back({r.base->lines[i].def->id, money(b), money(o),
                          o == b ? "" : Signed(o - b, money), res.level[i]});
  }
  out.push_back(lines);
  Section order{"Order of buy (from zero; points per EUR 100,000)",
                {"#", "line", "from", "to", "points", "per 100k"},
                {}};
  for (size_t k = 0; k < r.order.size(); ++k) {
    const BuyStep& s = r.order[k];
    order.rows.push_back({std::to_string(k + 1), s.line, money(s.from), money(s.to),
                          Fixed2(s.points), Fixed2(s.points_per_100k())});
  }
  if (!order.rows.empty()) out.push_back(order);
  Section marginal{"Marginal value of money (at the optimum's levels and thresholds)",
                   {"year", "extra", "points", "per 100k", "best spent on (net)"},
                   {}};
  for (const MarginalValue& m : r.marginal) {
    std::string on;
    for (size_t k = 0; k < m.best_spent_on.size() && k < 3; ++k) {
      on += (k ? ", " : "") + m.best_spent_on[k].line + " " +
            Signed(m.best_spent_on[k].amount, money);
    }
    if (!m.tied.empty()) on += "; tied: " + detail::Joined(m.tied) + " (equal points per euro)";
    marginal.rows.push_back(
        {std::to_string(m.year), money(m.extra), Fixed2(m.points), Fixed2(m.points_per_100k), on});
  }
  if (!marginal.rows.empty()) out.push_back(marginal);
  if (!res.notes.empty()) {
    Section checks{"Checks of the solver's answers", {""}, {}};
    for (const std::string& note : res.notes) checks.rows.push_back({note});
    out.push_back(checks);
  }
  Section solver{"Solver", {"", ""}, {}};
  solver.rows.push_back(
      {"solver", std::string("GLPK ") + glp_version() + " (glp_intopt, branch-and-cut)"});
  solver.rows.push_back({"model size", std::to_string(res.stats.rows) + " rows, " +
                                           std::to_string(res.stats.columns) + " columns, " +
                                           std::to_string(res.stats.integers) + " binaries"});
  solver.rows.push_back(
      {"refinements", std::to_string(res.refinements) + " (breakpoints added around the optimum)"});
  solver.rows.push_back({"checked", "constraints to the cent, score by allot's evaluation, bound"});
  out.push_back(solver);
  out.push_back(Section{"Note", {""}, {{report_text::kRestsOnCurves}}});
  return out;
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

void RenderJson(const OptimiseReport& r, std::ostream& out) {
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
  out << detail::CheckedJson(j).dump(2) << '\n';
}

}  // namespace

void RenderOptimise(const OptimiseReport& report, OutputFormat format, Lang lang,
                    std::ostream& out) {
  switch (format) {
    case OutputFormat::kJson:
      RenderJson(report, out);
      return;
    case OutputFormat::kCsv:
      report_text::RenderSectionsCsv(Sections(report, MoneyText{true, Lang::kEn}), out);
      return;
    case OutputFormat::kMarkdown:
      report_text::RenderSectionsMarkdown(Sections(report, MoneyText{false, lang}), out);
      return;
    case OutputFormat::kTable:
      report_text::RenderSectionsTable(Sections(report, MoneyText{false, lang}), out);
      return;
  }
}

}  // namespace allot
