// Reports for people: a self-contained HTML document with SVG charts, and an
// XLSX workbook, from a compare result and the model it was computed on.
//
// Both work from allot::CompareResult (the numbers), allot::Model and the
// scenarios it was computed from (the provenance: Line::source /
// illustrative / note, lines that scenarios add, Scenario::source / note,
// Motion ref / date / asks, Effect source / note). Every string from a file is escaped in HTML and
// neutralised in XLSX (text starting with = + - @ tab or CR is written as a
// string with a leading quote mark, never as a formula).
#pragma once

#include <optional>
#include <string>

#include "allot/compare.hpp"
#include "allot/frontier.hpp"
#include "allot/model.hpp"
#include "allot/money.hpp"
#include "allot/provenance_summary.hpp"
#include "allot/scenario.hpp"
#include "allot/sensitivity.hpp"
#include "allot/tornado.hpp"
#include "allot/uncertain_amounts.hpp"

namespace allot {

// What goes into a report besides the comparison, and in which language.
struct ReportOptions {
  Lang lang = Lang::kEn;  // labels, number formats (€ 650.000 / €650,000), dates
  // When set, the HTML report gets a section "Sensitivity" with the rank
  // acceptability heatmap of this SMAA run (allot/sensitivity.hpp), which
  // must be over the same scenarios, in the same order, as the result; the
  // workbook a sheet Sensitivity with the shares.
  std::optional<SmaaResult> sensitivity;
  // When set, the HTML report gets a section "Tornado" with the largest
  // swings of this tornado (allot/tornado.hpp) as a chart and a table; the
  // workbook a sheet Tornado with every swing.
  std::optional<TornadoResult> tornado;
  // When set, the HTML report gets a section "Frontier": the efficient
  // frontier (allot/frontier.hpp) as a chart of the best score against the
  // total budget with every scenario as a point, and tables of the numbers;
  // the workbook the sheets Frontier and Frontier scenarios. Its base must
  // be the result's baseline (the notes say so).
  // `weights_label` names the weight set; the core index is not shown.
  // The frontier must place the same scenarios, in the same order, as the
  // result.
  std::optional<FrontierReport> frontier;
  // When set, the HTML report's header says what its figures rest on, the
  // one line every command's output carries (docs/output.md, "What the
  // figures rest on"), counted over the scenarios shown.
  std::optional<ProvenanceCounts> rests_on;
  // The workbook's creation time (docProps/core.xml, shown by Excel), in
  // seconds since 1970-01-01 UTC, at least 1; none: 1980-01-01 00:00 UTC.
  // Never the clock: the same inputs give the same bytes. `allot report`
  // sets it from SOURCE_DATE_EPOCH when that is set.
  std::optional<int64_t> created = std::nullopt;
  // When set, the HTML report's summary ("In brief") says which first
  // places, rankings and pairwise statements of this `sensitivity
  // --amounts uncertain` run (allot/uncertain_amounts.hpp) hold, which are
  // borderline and which pairs are not settled. Same scenarios, same order,
  // as the result. `allot report` runs it with --sensitivity.
  std::optional<UncertainResult> amounts = std::nullopt;
};

// The whole HTML document: no network, no scripts, no external fonts; inline
// CSS with print rules for A4. Deterministic: no timestamps. `model` must be
// the model and `scenarios` the scenarios `result` was computed on.
std::string RenderReportHtml(const CompareResult& result, const Model& model,
                             const std::vector<Scenario>& scenarios, const ReportOptions& options);

// Writes the workbook (sheets Summary, Allocations, Objectives, Motions,
// Provenance, then Sensitivity, Tornado, and Frontier and Frontier
// scenarios when those options are set) to `path`, replacing it. Totals are live SUM formulas whose
// cached values are allot's own totals to the cent. Returns false with
// `error` set when libxlsxwriter cannot write the file. The file is written
// in place: callers that need all-or-nothing write to a temporary path and
// move it (the CLI does).
bool WriteReportXlsx(const CompareResult& result, const Model& model,
                     const std::vector<Scenario>& scenarios, const ReportOptions& options,
                     const std::string& path, std::string& error);

}  // namespace allot
