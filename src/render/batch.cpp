// Rendering batch rows: one tidy long table as CSV or JSON for programs, or
// for people as a table / Markdown with one section per run.
#include "allot/batch.hpp"

#include <cmath>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "analyse/analysis_common.hpp"
#include "core/finite_output.hpp"
#include "render/analysis_output.hpp"
#include "render/text.hpp"

namespace allot {

namespace {

using Json = nlohmann::ordered_json;

bool UsesSeed(BatchAnalysis a) {
  return a == BatchAnalysis::kSensitivity || a == BatchAnalysis::kExplain;
}

// The words of the table and md in each language; analysis, metric, item
// and weight set names stay as written (they are the csv's values).
struct Words {
  const char* title;  // "Batch: 3 runs"
  const char* runs;
  const char* run;  // "Run 2: what-it-takes, model M, scenarios S, weights W, seed 1"
  const char* model;
  const char* scenarios;
  const char* weights;
  const char* seed;
  std::vector<std::string> header;
};

const Words kEn{"Batch: ",      " runs",      "Run ",    ", model ",
                ", scenarios ", ", weights ", ", seed ", {"weight set", "item", "metric", "value"}};
const Words kNl{
    "Batch: ",       " runs",        "Run ",    ", model ",
    ", scenario's ", ", gewichten ", ", seed ", {"weging", "onderdeel", "maat", "waarde"}};

bool EndsWith(const std::string& text, const std::string& end) {
  return text.size() >= end.size() && text.compare(text.size() - end.size(), end.size(), end) == 0;
}

// A value for people: amounts ("..._cents") as money, "€ 6.000.000" /
// "€6,000,000"; other numbers to six decimals (csv and json keep every digit).
std::string Value(const BatchRow& row, Lang lang) {
  // Whole cents below 2^53 are exact in a double; anything else stays a number.
  if (EndsWith(row.metric, "_cents") && std::fabs(row.value) < 9e15 &&
      std::floor(row.value) == row.value) {
    return FormatMoney(Money::FromCents(static_cast<int64_t>(row.value)), lang);
  }
  return detail::Number(detail::Rounded(row.value, 6), lang);
}

// One section per run: what the run was in the title, its rows below.
void WriteBatchSections(const BatchSpec& spec, const std::vector<BatchRun>& runs,
                        const std::vector<BatchRow>& rows, OutputFormat format, Lang lang,
                        std::ostream& out) {
  const Words& w = lang == Lang::kNl ? kNl : kEn;
  std::vector<detail::Section> sections(runs.size());
  for (size_t r = 0; r < runs.size(); ++r) {
    const BatchRun& run = runs[r];
    BatchAnalysis analysis = spec.entries[run.entry].analysis;
    detail::Section& s = sections[r];
    s.title = w.run + std::to_string(r + 1) + ": " + BatchAnalysisName(analysis);
    if (!run.model.empty()) s.title += w.model + run.model;
    if (!run.scenarios.empty()) s.title += w.scenarios + detail::Joined(run.scenarios, " ");
    if (!run.weights.empty()) s.title += w.weights + run.weights;
    if (UsesSeed(analysis)) s.title += w.seed + std::to_string(run.seed);
    s.text_columns = 3;
    s.header = w.header;
  }
  for (const BatchRow& row : rows) {
    sections[row.run].rows.push_back({row.weight_set, row.item, row.metric, Value(row, lang)});
  }
  detail::WriteSections(w.title + std::to_string(runs.size()) + w.runs, sections, format, out);
}

}  // namespace

void RenderBatch(const BatchSpec& spec, const std::vector<BatchRun>& runs,
                 const std::vector<BatchRow>& rows, OutputFormat format, Lang lang,
                 std::ostream& out) {
  if (format == OutputFormat::kTable || format == OutputFormat::kMarkdown) {
    WriteBatchSections(spec, runs, rows, format, lang, out);
    return;
  }
  if (format == OutputFormat::kJson) {
    Json j;
    j["format"] = "allot/1";
    j["analysis"] = "batch";
    j["runs"] = Json::array();
    for (size_t r = 0; r < runs.size(); ++r) {
      const BatchRun& run = runs[r];
      j["runs"].push_back(
          {{"run", r + 1},
           {"analysis", BatchAnalysisName(spec.entries[run.entry].analysis)},
           {"model", run.model},
           {"scenarios", run.scenarios},
           {"weights", run.weights},
           {"seed", UsesSeed(spec.entries[run.entry].analysis) ? Json(run.seed) : Json(nullptr)}});
    }
    j["rows"] = Json::array();
    for (const BatchRow& row : rows) {
      j["rows"].push_back({{"run", row.run + 1},
                           {"weight_set", row.weight_set},
                           {"item", row.item},
                           {"metric", row.metric},
                           {"value", detail::Rounded(row.value, 6)}});
    }
    out << detail::CheckedJson(j).dump(2) << '\n';
    return;
  }
  std::vector<std::vector<std::string>> cells;
  for (const BatchRow& row : rows) {
    const BatchRun& run = runs[row.run];
    cells.push_back({std::to_string(row.run + 1),
                     BatchAnalysisName(spec.entries[run.entry].analysis), run.model,
                     detail::Joined(run.scenarios, " "), run.weights,
                     UsesSeed(spec.entries[run.entry].analysis) ? std::to_string(run.seed) : "",
                     row.weight_set, row.item, row.metric, detail::CsvNumber(row.value)});
  }
  detail::WriteCsv({"run", "analysis", "model", "scenarios", "weights", "seed", "weight_set",
                    "item", "metric", "value"},
                   cells, out);
}

}  // namespace allot
