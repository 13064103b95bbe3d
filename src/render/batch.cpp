// Batch rows: one tidy long table as CSV or JSON for programs, or for
// people as a table / Markdown with one table per run; written run by run,
// never all at once (a batch may have 100,000 runs).
#include "allot/batch.hpp"

#include <cmath>
#include <string>
#include <vector>

#include "allot/render.hpp"
#include "core/finite_output.hpp"
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

// The columns of a run's table for people.
std::vector<detail::Column> PeopleColumns(Lang lang) {
  detail::Column value = detail::NumberColumn(Say(Key::kBatchValue, lang), 6);
  value.trim = true;
  return {detail::TextColumn(Say(Key::kBatchWeightSet, lang)),
          detail::TextColumn(Say(Key::kBatchItem, lang)),
          detail::TextColumn(Say(Key::kBatchMetric, lang)), value};
}

// The one long table of csv, without rows.
detail::Table CsvTable() {
  using detail::TextColumn;
  return detail::Table(
      "", {detail::CountColumn("run"), TextColumn("analysis"), TextColumn("model"),
           TextColumn("scenarios"), TextColumn("weights"), TextColumn("seed"), TextColumn("a"),
           TextColumn("b"), TextColumn("weight_set"), TextColumn("item"), TextColumn("metric"),
           detail::NumberColumn("value", detail::kAllDigits)});
}

Json RunJson(const BatchSpec& spec, const BatchRun& run, size_t r) {
  const BatchEntry& entry = spec.entries[run.entry];
  bool pair = UsesPair(entry.analysis);
  return {{"run", r + 1},
          {"analysis", BatchAnalysisName(entry.analysis)},
          {"model", run.model},
          {"scenarios", run.scenarios},
          {"weights", run.weights},
          {"seed", UsesSeed(entry.analysis) ? Json(run.seed) : Json(nullptr)},
          {"a", pair ? Json(entry.a) : Json(nullptr)},
          {"b", pair ? Json(entry.b) : Json(nullptr)}};
}

Json RowJson(const BatchRow& row) {
  return {{"run", row.run + 1},
          {"weight_set", row.weight_set},
          {"item", row.item},
          {"metric", row.metric},
          {"value", detail::Rounded(row.value, 6)}};
}

// One element of a top-level array, as WriteJson indents it: ",\n" before
// all but the first, then the element at four spaces. (A string in JSON
// holds no raw line break: every '\n' of the dump is a line of it.)
void WriteElement(const Json& element, bool first, std::ostream& out) {
  std::string text =
      detail::CheckedJson(element).dump(2, ' ', false, Json::error_handler_t::replace);
  out << (first ? "\n    " : ",\n    ");
  size_t from = 0;
  for (size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', from)) {
    out.write(text.data() + from, static_cast<std::streamsize>(at + 1 - from));
    out << "    ";
    from = at + 1;
  }
  out.write(text.data() + from, static_cast<std::streamsize>(text.size() - from));
}

// The end of a top-level array of WriteElement's: "[]" when empty.
void EndArray(bool empty, std::ostream& out) { out << (empty ? "]" : "\n  ]"); }

}  // namespace

BatchWriter::BatchWriter(const BatchSpec& spec, OutputFormat format, Lang lang, std::ostream& out)
    : spec_(spec), format_(format), lang_(lang), out_(out) {}

void BatchWriter::Start() {
  switch (format_) {
    case OutputFormat::kJson: {
      // Everything up to the rows, the runs as they are listed: the object
      // WriteJson would write, in its key order.
      out_ << "{\n  \"format\": \"allot/1\",\n  \"analysis\": \"batch\",\n  \"runs\": [";
      bool first = true;
      ForEachBatchRun(spec_, [&](const BatchRun& run, size_t r) {
        WriteElement(RunJson(spec_, run, r), first, out_);
        first = false;
      });
      EndArray(first, out_);
      out_ << ",\n  \"rows\": [";
      break;
    }
    case OutputFormat::kCsv:
      detail::WriteCsv({CsvTable()}, out_);
      break;
    default:
      detail::WriteDocument(
          {Say(Key::kBatchTitle, lang_, {std::to_string(CountBatchRuns(spec_))}), {}, {}, {}},
          format_, lang_, out_);
  }
}

void BatchWriter::Run(const BatchRun& run, size_t r, const std::vector<BatchRow>& rows) {
  if (format_ == OutputFormat::kJson) {
    for (const BatchRow& row : rows) {
      WriteElement(RowJson(row), rows_ == 0, out_);
      ++rows_;
    }
    return;
  }
  const BatchEntry& entry = spec_.entries[run.entry];
  if (format_ == OutputFormat::kCsv) {
    bool pair = UsesPair(entry.analysis);
    detail::Table t = CsvTable();
    for (const BatchRow& row : rows) {
      t.rows.push_back({static_cast<int64_t>(r + 1), std::string(BatchAnalysisName(entry.analysis)),
                        run.model, detail::Joined(run.scenarios, " "), run.weights,
                        UsesSeed(entry.analysis) ? Cell(static_cast<int64_t>(run.seed)) : Cell(),
                        pair ? Cell(entry.a) : Cell(), pair ? Cell(entry.b) : Cell(),
                        row.weight_set, row.item, row.metric, row.value});
    }
    return detail::WriteCsvRows(t, out_);
  }
  detail::Table t(RunTitle(spec_, run, r, lang_), PeopleColumns(lang_));
  for (const BatchRow& row : rows)
    t.rows.push_back({row.weight_set, row.item, row.metric, Value(row)});
  detail::WriteDocumentTable(t, format_, lang_, out_);
}

void BatchWriter::End() {
  if (format_ != OutputFormat::kJson) return;
  EndArray(rows_ == 0, out_);
  out_ << "\n}\n";
}

}  // namespace allot
