// Batch rows: one tidy long table as CSV or JSON for programs, or for
// people as a table / Markdown with one table per run.
#include "allot/batch.hpp"

#include <cmath>
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
using detail::Say;

bool UsesSeed(BatchAnalysis a) {
  return a == BatchAnalysis::kSensitivity || a == BatchAnalysis::kExplain;
}

// what-it-takes, tornado and explain compare a pair of scenarios; every
// output says which, so that two pairs in one batch can be told apart.
bool UsesPair(BatchAnalysis a) {
  return a == BatchAnalysis::kWhatItTakes || a == BatchAnalysis::kTornado ||
         a == BatchAnalysis::kExplain;
}

bool EndsWith(const std::string& text, const std::string& end) {
  return text.size() >= end.size() && text.compare(text.size() - end.size(), end.size(), end) == 0;
}

// A value for people: amounts ("..._cents") as money, "€ 6.000.000" /
// "€6,000,000"; other numbers to at most six decimals (csv and json keep
// every digit).
Cell Value(const BatchRow& row) {
  // Whole cents below 2^53 are exact in a double; anything else stays a number.
  if (EndsWith(row.metric, "_cents") && std::fabs(row.value) < 9e15 &&
      std::floor(row.value) == row.value) {
    return Money::FromCents(static_cast<int64_t>(row.value));
  }
  return row.value;
}

// What the run was: "Run 2: what-it-takes, model M, scenarios S, weights W, seed 1".
std::string RunTitle(const BatchSpec& spec, const BatchRun& run, size_t r, Lang lang) {
  BatchAnalysis analysis = spec.entries[run.entry].analysis;
  std::string title =
      Say(Key::kBatchRun, lang, {std::to_string(r + 1), BatchAnalysisName(analysis)});
  const BatchEntry& entry = spec.entries[run.entry];
  if (UsesPair(analysis)) title = Say(Key::kBatchPair, lang, {title, entry.a, entry.b});
  if (!run.model.empty()) title = Say(Key::kBatchModel, lang, {title, run.model});
  if (!run.scenarios.empty()) {
    title = Say(Key::kBatchScenarios, lang, {title, detail::Joined(run.scenarios, " ")});
  }
  if (!run.weights.empty()) title = Say(Key::kBatchWeights, lang, {title, run.weights});
  if (UsesSeed(analysis)) title = Say(Key::kBatchSeed, lang, {title, std::to_string(run.seed)});
  return title;
}

detail::Document BatchDocument(const BatchSpec& spec, const std::vector<BatchRow>& rows,
                               Lang lang) {
  detail::Document d{
      Say(Key::kBatchTitle, lang, {std::to_string(CountBatchRuns(spec))}), {}, {}, {}};
  detail::Column value = detail::NumberColumn(Say(Key::kBatchValue, lang), 6);
  value.trim = true;
  ForEachBatchRun(spec, [&](const BatchRun& run, size_t r) {
    d.tables.emplace_back(
        RunTitle(spec, run, r, lang),
        std::vector<detail::Column>{detail::TextColumn(Say(Key::kBatchWeightSet, lang)),
                                    detail::TextColumn(Say(Key::kBatchItem, lang)),
                                    detail::TextColumn(Say(Key::kBatchMetric, lang)), value});
  });
  for (const BatchRow& row : rows) {
    d.tables[row.run].rows.push_back({row.weight_set, row.item, row.metric, Value(row)});
  }
  return d;
}

Json BatchJson(const BatchSpec& spec, const std::vector<BatchRow>& rows) {
  Json j;
  j["format"] = "allot/1";
  j["analysis"] = "batch";
  j["runs"] = Json::array();
  ForEachBatchRun(spec, [&](const BatchRun& run, size_t r) {
    j["runs"].push_back(
        {{"run", r + 1},
         {"analysis", BatchAnalysisName(spec.entries[run.entry].analysis)},
         {"model", run.model},
         {"scenarios", run.scenarios},
         {"weights", run.weights},
         {"seed", UsesSeed(spec.entries[run.entry].analysis) ? Json(run.seed) : Json(nullptr)},
         {"a", UsesPair(spec.entries[run.entry].analysis) ? Json(spec.entries[run.entry].a)
                                                          : Json(nullptr)},
         {"b", UsesPair(spec.entries[run.entry].analysis) ? Json(spec.entries[run.entry].b)
                                                          : Json(nullptr)}});
  });
  j["rows"] = Json::array();
  for (const BatchRow& row : rows) {
    j["rows"].push_back({{"run", row.run + 1},
                         {"weight_set", row.weight_set},
                         {"item", row.item},
                         {"metric", row.metric},
                         {"value", detail::Rounded(row.value, 6)}});
  }
  return j;
}

detail::Table BatchCsv(const BatchSpec& spec, const std::vector<BatchRow>& rows) {
  using detail::TextColumn;
  detail::Table t(
      "", {detail::CountColumn("run"), TextColumn("analysis"), TextColumn("model"),
           TextColumn("scenarios"), TextColumn("weights"), TextColumn("seed"), TextColumn("a"),
           TextColumn("b"), TextColumn("weight_set"), TextColumn("item"), TextColumn("metric"),
           detail::NumberColumn("value", detail::kAllDigits)});
  // Rows come in run order: each run takes the rows of its index.
  size_t next = 0;
  ForEachBatchRun(spec, [&](const BatchRun& run, size_t r) {
    const BatchEntry& entry = spec.entries[run.entry];
    BatchAnalysis analysis = entry.analysis;
    bool pair = UsesPair(analysis);
    for (; next < rows.size() && rows[next].run == r; ++next) {
      const BatchRow& row = rows[next];
      t.rows.push_back({static_cast<int64_t>(row.run + 1), std::string(BatchAnalysisName(analysis)),
                        run.model, detail::Joined(run.scenarios, " "), run.weights,
                        UsesSeed(analysis) ? Cell(static_cast<int64_t>(run.seed)) : Cell(),
                        pair ? Cell(entry.a) : Cell(), pair ? Cell(entry.b) : Cell(),
                        row.weight_set, row.item, row.metric, row.value});
    }
  });
  return t;
}

}  // namespace

void RenderBatch(const BatchSpec& spec, const std::vector<BatchRow>& rows, OutputFormat format,
                 Lang lang, std::ostream& out) {
  if (format == OutputFormat::kJson) return detail::WriteJson(BatchJson(spec, rows), out);
  if (format == OutputFormat::kCsv) return detail::WriteCsv({BatchCsv(spec, rows)}, out);
  detail::WriteDocument(BatchDocument(spec, rows, lang), format, lang, out);
}

}  // namespace allot
