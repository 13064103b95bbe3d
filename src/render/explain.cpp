// Explain as tables (table, md; csv in long format) and JSON.
#include "allot/explain.hpp"

#include <string>
#include <vector>

#include "allot/render.hpp"
#include "render/catalogue.hpp"
#include "render/json_output.hpp"
#include "render/layout.hpp"
#include "render/number.hpp"

namespace allot {

namespace {

using detail::Cell;
using detail::Json;
using detail::Key;
using detail::Say;

const char* ChangeName(LineChange c) {
  switch (c) {
    case LineChange::kAmount:
      return "amount";
    case LineChange::kAdded:
      return "added";
    case LineChange::kRemoved:
      return "removed";
    case LineChange::kDefinition:
      return "definition";
  }
  return "";
}

Key ChangeKey(LineChange c) {
  switch (c) {
    case LineChange::kAdded:
      return Key::kExplainAdded;
    case LineChange::kRemoved:
      return Key::kExplainRemoved;
    case LineChange::kDefinition:
      return Key::kExplainDefinition;
    case LineChange::kAmount:
      break;
  }
  return Key::kExplainAmount;
}

std::string Method(const ExplainResult& r, Lang lang) {
  if (r.exact) return Say(Key::kExplainExact, lang);
  return Say(Key::kExplainSampled, lang, {std::to_string(r.permutations), std::to_string(r.seed)});
}

detail::Table LinesTable(const ExplainResult& r, Lang lang) {
  detail::Table t(Say(Key::kExplainByLine, lang, {r.b, r.a}),
                  {detail::TextColumn(Say(Key::kLine, lang)),
                   detail::TextColumn(Say(Key::kExplainLineChange, lang)), detail::MoneyColumn(r.a),
                   detail::MoneyColumn(r.b)});
  for (const WeightSet& set : r.weight_sets) t.columns.push_back(detail::ChangeColumn(set.name, 3));
  for (const LineAttribution& l : r.lines) {
    std::vector<Cell> row{l.line, Say(ChangeKey(l.change), lang), l.total_a, l.total_b};
    for (size_t k = 0; k < r.weight_sets.size(); ++k) {
      if (r.exact) {
        row.push_back(l.by_set[k]);
      } else if (r.errors_unknown()) {  // one replicate: no standard error at all
        row.push_back(detail::Decimal(l.by_set[k], 3, lang, true) + " " +
                      Say(Key::kExplainNoError, lang));
      } else {
        row.push_back(detail::Estimate{l.by_set[k], l.error_by_set[k]});
      }
    }
    t.rows.push_back(std::move(row));
  }
  std::vector<Cell> total{Say(Key::kTotal, lang), Cell(), Cell(), Cell()};
  for (double d : r.difference) total.push_back(d);
  t.rows.push_back(std::move(total));
  t.notes.push_back(Say(Key::kExplainAddsUp, lang, {Method(r, lang)}));
  if (!r.exact) {
    // Each replicate is one random order and its rotations: as many orders as lines.
    size_t per = r.lines.empty() ? 1 : r.lines.size();
    if (r.errors_unknown()) {
      t.notes.push_back(Say(Key::kExplainErrorsUnknown, lang,
                            {std::to_string(r.permutations), std::to_string(2 * per),
                             std::to_string(kMinReplicates * per)}));
    } else if (r.few_replicates()) {
      t.notes.push_back(
          Say(Key::kExplainFewReplicates, lang,
              {std::to_string(r.replicates), std::to_string(per), std::to_string(kMinReplicates),
               std::to_string(kMinReplicates * per)}));
    }
  }
  return t;
}

detail::Table ObjectivesTable(const ExplainResult& r, Lang lang) {
  detail::Table t(Say(Key::kExplainByObjective, lang, {r.b, r.a}),
                  {detail::TextColumn(Say(Key::kObjective, lang)), detail::NumberColumn(r.a, 2),
                   detail::NumberColumn(r.b, 2)});
  for (const WeightSet& set : r.weight_sets) t.columns.push_back(detail::ChangeColumn(set.name, 3));
  for (size_t j = 0; j < r.objectives.size(); ++j) {
    std::vector<Cell> row(3 + r.weight_sets.size());
    row[0] = r.objectives[j];
    row[1] = r.objectives_a[j];
    row[2] = r.objectives_b[j];
    for (size_t k = 0; k < r.weight_sets.size(); ++k) row[3 + k] = r.by_objective[k][j];
    t.rows.push_back(std::move(row));
  }
  std::vector<Cell> total{Say(Key::kWeightedScore, lang), Cell(), Cell()};
  for (size_t k = 0; k < r.weight_sets.size(); ++k) {
    total.push_back(
        Say(Key::kExplainScoreChange, lang,
            {detail::Decimal(r.score_a[k], 2, lang), detail::Decimal(r.score_b[k], 2, lang)}));
  }
  t.rows.push_back(std::move(total));
  return t;
}

Json ExplainJson(const ExplainResult& r) {
  Json j;
  j["format"] = "allot/1";
  j["analysis"] = "explain";
  j["a"] = r.a;
  j["b"] = r.b;
  j["method"] = r.exact ? "exact" : "sampled";
  j["permutations"] = r.exact ? Json(nullptr) : Json(r.permutations);
  j["seed"] = r.exact ? Json(nullptr) : Json(r.seed);
  // Standard errors come from independent replicates: none below 2, rough below kMinReplicates.
  j["replicates"] = r.exact ? Json(nullptr) : Json(r.replicates);
  j["min_replicates"] = kMinReplicates;
  j["weight_sets"] = Json::array();
  for (size_t w = 0; w < r.weight_sets.size(); ++w) {
    Json set;
    set["name"] = r.weight_sets[w].name;
    set["score_a"] = detail::Rounded(r.score_a[w], 6);
    set["score_b"] = detail::Rounded(r.score_b[w], 6);
    set["difference"] = detail::Rounded(r.difference[w], 6);
    set["lines"] = Json::array();
    for (const LineAttribution& l : r.lines) {
      set["lines"].push_back(
          {{"line", l.line},
           {"change", ChangeName(l.change)},
           {"total_a_cents", l.total_a.cents()},
           {"total_b_cents", l.total_b.cents()},
           {"attribution", detail::Rounded(l.by_set[w], 6)},
           {"std_error",
            r.errors_unknown() ? Json(nullptr) : Json(detail::Rounded(l.error_by_set[w], 6))}});
    }
    set["objectives"] = Json::object();
    for (size_t k = 0; k < r.objectives.size(); ++k) {
      set["objectives"][r.objectives[k]] = detail::Rounded(r.by_objective[w][k], 6);
    }
    j["weight_sets"].push_back(set);
  }
  return j;
}

// Long format: per weight set, the lines, the objectives and the total.
detail::Table ExplainCsv(const ExplainResult& r) {
  using detail::kAllDigits;
  using detail::NumberColumn;
  using detail::TextColumn;
  detail::Table t("",
                  {TextColumn("a"), TextColumn("b"), TextColumn("weight_set"), TextColumn("part"),
                   TextColumn("item"), NumberColumn("attribution", kAllDigits),
                   NumberColumn("std_error", kAllDigits)});
  for (size_t w = 0; w < r.weight_sets.size(); ++w) {
    const std::string& set = r.weight_sets[w].name;
    for (const LineAttribution& l : r.lines) {
      t.rows.push_back({r.a, r.b, set, std::string("line"), l.line, l.by_set[w],
                        r.errors_unknown() ? Cell() : Cell(l.error_by_set[w])});
    }
    for (size_t k = 0; k < r.objectives.size(); ++k) {
      t.rows.push_back(
          {r.a, r.b, set, std::string("objective"), r.objectives[k], r.by_objective[w][k], 0.0});
    }
    t.rows.push_back({r.a, r.b, set, std::string("total"), std::string(), r.difference[w], 0.0});
  }
  return t;
}

}  // namespace

void RenderExplain(const ExplainResult& result, OutputFormat format, Lang lang, std::ostream& out) {
  if (format == OutputFormat::kJson) return detail::WriteJson(ExplainJson(result), out);
  if (format == OutputFormat::kCsv) return detail::WriteCsv({ExplainCsv(result)}, out);
  detail::Document d{Say(Key::kExplainTitle, lang, {result.title, result.b, result.a}), {}, {}, {}};
  d.tables.push_back(LinesTable(result, lang));
  d.tables.push_back(ObjectivesTable(result, lang));
  detail::WriteDocument(d, format, lang, out);
}

}  // namespace allot
