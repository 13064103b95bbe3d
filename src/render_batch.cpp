// Rendering batch rows: one tidy long table, CSV or JSON.
#include <nlohmann/json.hpp>

#include "allot/batch.hpp"
#include "analysis_output.hpp"

namespace allot {

namespace {

using Json = nlohmann::ordered_json;

bool UsesSeed(BatchAnalysis a) { return a == BatchAnalysis::kSensitivity || a == BatchAnalysis::kExplain; }

std::string Joined(const std::vector<std::string>& paths) {
  std::string text;
  for (const std::string& p : paths) text += (text.empty() ? "" : " ") + p;
  return text;
}

}  // namespace

void RenderBatch(const BatchSpec& spec, const std::vector<BatchRun>& runs,
                 const std::vector<BatchRow>& rows, OutputFormat format, std::ostream& out) {
  if (format == OutputFormat::kJson) {
    Json j;
    j["format"] = "allot/1";
    j["analysis"] = "batch";
    j["runs"] = Json::array();
    for (size_t r = 0; r < runs.size(); ++r) {
      const BatchRun& run = runs[r];
      j["runs"].push_back({{"run", r + 1},
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
                           {"value", detail::Rounded(row.value)}});
    }
    out << j.dump(2) << '\n';
    return;
  }
  std::vector<std::vector<std::string>> cells;
  for (const BatchRow& row : rows) {
    const BatchRun& run = runs[row.run];
    cells.push_back({std::to_string(row.run + 1), BatchAnalysisName(spec.entries[run.entry].analysis), run.model,
                     Joined(run.scenarios), run.weights,
                     UsesSeed(spec.entries[run.entry].analysis) ? std::to_string(run.seed) : "", row.weight_set, row.item,
                     row.metric, detail::CsvNumber(row.value)});
  }
  detail::WriteCsv({"run", "analysis", "model", "scenarios", "weights", "seed", "weight_set", "item", "metric",
                    "value"},
                   cells, out);
}

}  // namespace allot
