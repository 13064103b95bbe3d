// The HTML report's building blocks (internal): tables and sections.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "allot/compare.hpp"
#include "allot/frontier.hpp"
#include "allot/model.hpp"
#include "allot/provenance_summary.hpp"
#include "allot/scenario.hpp"
#include "allot/sensitivity.hpp"
#include "allot/tornado.hpp"
#include "report/labels.hpp"

namespace allot::detail {

// A table cell. `text` and `sub` are plain text (escaped when rendered);
// `css_class` is one of the report's own classes ("up", "down", "muted").
struct HtmlCell {
  std::string text;
  std::string sub;  // a second, smaller line (e.g. the change)
  std::string css_class;
  // What the figure in `text` and the one in `sub` rest on, as a mark of
  // render/marks.hpp ("" = sourced), shown after each in a slot of its own
  // so that numbers stay aligned.
  std::string mark{};
  std::string sub_mark{};
};

// A table: the first `text_columns` columns are text, the rest numbers.
// Named HtmlTable/HtmlCell, not Table/Cell: render/table.hpp defines
// allot::detail::Table too, and two classes of one name in one namespace
// break the one-definition rule (the ASan build freed one as the other).
struct HtmlTable {
  std::string id;  // the table element's id
  std::string caption;
  size_t text_columns = 1;
  std::vector<std::string> header;
  std::vector<std::vector<HtmlCell>> rows;
  std::vector<std::string> notes;  // paragraphs under the table
};

// In print, a table too wide for A4 portrait is shown as several tables
// (column groups), each repeating the first `key_columns` columns (default:
// the text columns) so that every row stays identifiable; on screen it is
// one table that scrolls.
std::string RenderTable(const HtmlTable& table, std::optional<size_t> key_columns = {});

// Appends to `table`'s notes the legend of the marks its cells show, and
// of the levels `in_text` shown within its text (render/marks.hpp);
// nothing when it shows none.
void AddMarkLegend(HtmlTable& table, Lang lang, const std::vector<ProvenanceLevel>& in_text = {});

// Everything a section needs.
struct ReportContext {
  const CompareResult& result;
  const Model& model;
  const std::vector<Scenario>& scenarios;
  Lang lang;
  Words labels;
  const std::optional<ProvenanceCounts>& rests_on;
};

// Each section as a <section id=...> element: summary, allocations,
// objectives, motions, provenance.
std::string SummarySection(const ReportContext& c);
std::string AllocationSection(const ReportContext& c);
std::string ObjectivesSection(const ReportContext& c);
std::string MotionsSection(const ReportContext& c);
std::string ProvenanceSection(const ReportContext& c);
// Rank acceptability of an SMAA run over the same scenarios.
std::string SensitivitySection(const ReportContext& c, const SmaaResult& smaa);
// The largest swings of a tornado between two scenarios.
std::string TornadoSection(const ReportContext& c, const TornadoResult& tornado);
// The efficient frontier with the scenarios placed against it.
std::string FrontierSection(const ReportContext& c, const FrontierReport& frontier);

// "<section id=ID><h2>TITLE</h2>BODY</section>" with TITLE escaped.
std::string SectionHtml(const std::string& id, const std::string& title, const std::string& body);

}  // namespace allot::detail
