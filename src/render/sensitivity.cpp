// SMAA results for people (table, Markdown, with a plain-words summary) and
// for spreadsheets (CSV, one row per scenario); the JSON is in
// render/sensitivity_json.cpp.
#include <algorithm>

#include "allot/render.hpp"
#include "render/catalogue.hpp"
#include "render/json_output.hpp"
#include "render/layout.hpp"
#include "render/number.hpp"

namespace allot {

namespace detail {
Json SensitivityJson(const SmaaResult& result);
}

namespace {

using detail::Cell;
using detail::Key;
using detail::PercentColumn;
using detail::Say;
using detail::Table;
using detail::TextColumn;

std::string Percent(double p, Lang lang) { return detail::Decimal(100 * p, 1, lang); }

// The "±" of a share in percent: the wider side of its 95% interval,
// rounded up (a share of 0 out of 20,000 shows ±0.1, never ±0.0).
std::string Margin(const ProportionInterval& interval, double p, Lang lang) {
  return detail::MarginUp(100 * interval.HalfWidth(p), 1, lang);
}

// The confidence factor with its margin, "too few samples", or "-" for none.
Cell Confidence(const SmaaScenarioResult& s, Lang lang) {
  if (!s.confidence_factor) return std::string("-");
  if (s.too_few_samples()) return Say(Key::kSmaaTooFew, lang);
  double cf = *s.confidence_factor;
  return detail::Estimate{cf, s.confidence_factor_interval->HalfWidth(cf)};
}

Table AcceptabilityTable(const SmaaResult& r, Lang lang) {
  Table t(Say(Key::kSmaaAcceptability, lang), {TextColumn(Say(Key::kScenario, lang))});
  for (size_t k = 0; k < r.scenarios.size(); ++k) {
    t.columns.push_back(PercentColumn(Say(Key::kSmaaRankN, lang, {std::to_string(k + 1)}), 1));
  }
  for (const SmaaScenarioResult& s : r.scenarios) {
    std::vector<Cell> row{s.id};
    for (size_t k = 0; k < s.rank_acceptability.size(); ++k) {
      double p = s.rank_acceptability[k];
      row.push_back(detail::Estimate{p, s.rank_acceptability_interval[k].HalfWidth(p)});
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

Table ScoreTable(const SmaaResult& r, Lang lang) {
  using detail::NumberColumn;
  Table t(Say(Key::kSmaaScoreTitle, lang),
          {TextColumn(Say(Key::kScenario, lang)), PercentColumn(Say(Key::kSmaaBest, lang), 1),
           NumberColumn(Say(Key::kSmaaMean, lang), 2), NumberColumn(Say(Key::kSmaaSd, lang), 2),
           NumberColumn(Say(Key::kSmaaP5, lang), 2), NumberColumn(Say(Key::kSmaaP95, lang), 2),
           PercentColumn(Say(Key::kSmaaConfidence, lang), 1)});
  for (const SmaaScenarioResult& s : r.scenarios) {
    t.rows.push_back({s.id, s.rank_acceptability[0], s.mean_score, s.sd_score, s.p5_score,
                      s.p95_score, Confidence(s, lang)});
  }
  return t;
}

Table PairwiseTable(const SmaaResult& r, Lang lang) {
  Table t(Say(Key::kSmaaPairwise, lang), {TextColumn("")});
  size_t S = r.scenarios.size();
  for (size_t b = 0; b < S; ++b) t.columns.push_back(PercentColumn(std::to_string(b + 1), 1));
  for (size_t a = 0; a < S; ++a) {
    std::vector<Cell> row{std::to_string(a + 1) + " " + r.scenarios[a].id};
    for (size_t b = 0; b < S; ++b) {
      row.push_back(a == b ? Cell(std::string("-")) : Cell(r.beats[a * S + b]));
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

// Scenario indexes by P(best), highest first (ties: input order).
std::vector<size_t> ByBest(const SmaaResult& r) {
  std::vector<size_t> order(r.scenarios.size());
  for (size_t s = 0; s < order.size(); ++s) order[s] = s;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return r.scenarios[a].rank_acceptability[0] > r.scenarios[b].rank_acceptability[0];
  });
  return order;
}

// Exactly one weight set ("SET": no sampler, no ':') and fixed effects: every
// sample is the same deterministic evaluation.
bool NothingSampled(const SmaaHeader& h) {
  return h.effects == "fixed" && h.weights != "uniform" && h.weights.find(':') == std::string::npos;
}

Table Summary(const SmaaResult& r, Lang lang) {
  std::vector<size_t> order = ByBest(r);
  const SmaaScenarioResult& top = r.scenarios[order[0]];
  Table t(Say(Key::kSummary, lang));
  if (NothingSampled(r.header)) {
    t.notes.push_back(Say(Key::kSmaaNothingSampled, lang, {r.header.weights}));
  }
  t.notes.push_back(
      Say(Key::kSmaaIsBest, lang,
          {top.id, Percent(top.rank_acceptability[0], lang),
           Margin(top.rank_acceptability_interval[0], top.rank_acceptability[0], lang)}));
  std::string next;
  for (size_t k = 1; k < std::min<size_t>(order.size(), 4); ++k) {
    const SmaaScenarioResult& s = r.scenarios[order[k]];
    if (s.rank_acceptability[0] == 0) break;
    next += (k > 1 ? Say(Key::kListSeparator, lang) : "") + s.id + " " +
            Percent(s.rank_acceptability[0], lang) + "%";
  }
  t.notes.push_back(next.empty() ? Say(Key::kSmaaNever, lang) : Say(Key::kSmaaNext, lang, {next}));
  auto score = [lang](double v) { return detail::Decimal(v, 2, lang); };
  t.notes.push_back(
      Say(Key::kSmaaScores, lang,
          {top.id, score(top.mean_score), score(top.p5_score), score(top.p95_score)}));
  if (top.confidence_factor && top.too_few_samples()) {
    t.notes.push_back(Say(Key::kSmaaTooFewSummary, lang, {std::to_string(top.best_samples)}));
  } else if (top.confidence_factor) {
    double cf = *top.confidence_factor;
    t.notes.push_back(Say(Key::kSmaaCentral, lang,
                          {Percent(cf, lang), Margin(*top.confidence_factor_interval, cf, lang)}));
  }
  if (!r.header.pairwise) {
    t.notes.push_back(Say(Key::kSmaaPairwiseLeftOut, lang, {std::to_string(r.scenarios.size())}));
  }
  if (r.precision) {
    t.notes.push_back(
        Say(Key::kSmaaPrecision, lang,
            {std::to_string(r.header.samples), detail::Decimal(*r.precision, 4, lang)}));
  }
  return t;
}

detail::Document SensitivityDocument(const SmaaResult& r, Lang lang) {
  std::string effects = r.header.effects == "uncertain" ? Say(Key::kSmaaUncertain, lang)
                        : r.header.effects == "fixed"   ? Say(Key::kSmaaFixed, lang)
                                                        : r.header.effects;
  std::vector<Table> tables = {AcceptabilityTable(r, lang), ScoreTable(r, lang)};
  if (r.header.pairwise) tables.push_back(PairwiseTable(r, lang));
  tables.push_back(Summary(r, lang));
  return {Say(Key::kSmaaTitle, lang,
              {std::to_string(r.header.samples), std::to_string(r.header.seed), r.header.weights,
               effects}),
          {},
          std::move(tables),
          {}};
}

// One row per scenario; shares and scores with six decimals.
Table SensitivityCsv(const SmaaResult& r) {
  using detail::NumberColumn;
  Table t("", {TextColumn("scenario"), TextColumn("name"), detail::CountColumn("samples"),
               NumberColumn("p_best", 6), NumberColumn("mean_score", 6),
               NumberColumn("sd_score", 6), NumberColumn("p5_score", 6),
               NumberColumn("p95_score", 6), NumberColumn("confidence_factor", 6)});
  size_t S = r.scenarios.size();
  for (size_t k = 1; k <= S; ++k) t.columns.push_back(NumberColumn("rank" + std::to_string(k), 6));
  for (size_t k = 1; k <= S; ++k) {
    t.columns.push_back(NumberColumn("rank" + std::to_string(k) + "_se", 6));
  }
  for (const SmaaScenarioResult& s : r.scenarios) {
    std::vector<Cell> row(9);  // the fixed columns, then the ranks and their errors
    row[0] = s.id;
    row[1] = s.name;
    row[2] = static_cast<int64_t>(r.header.samples);
    row[3] = s.rank_acceptability[0];
    row[4] = s.mean_score;
    row[5] = s.sd_score;
    row[6] = s.p5_score;
    row[7] = s.p95_score;
    if (s.confidence_factor) row[8] = *s.confidence_factor;
    row.insert(row.end(), s.rank_acceptability.begin(), s.rank_acceptability.end());
    row.insert(row.end(), s.rank_acceptability_se.begin(), s.rank_acceptability_se.end());
    t.rows.push_back(std::move(row));
  }
  return t;
}

}  // namespace

void RenderSensitivity(const SmaaResult& result, OutputFormat format, Lang lang,
                       std::ostream& out) {
  if (format == OutputFormat::kJson) return detail::WriteJson(detail::SensitivityJson(result), out);
  if (format == OutputFormat::kCsv) return detail::WriteCsv({SensitivityCsv(result)}, out);
  detail::WriteDocument(SensitivityDocument(result, lang), format, lang, out);
}

}  // namespace allot
