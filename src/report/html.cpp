// The HTML report: one self-contained document. No scripts, no external
// fonts or images, so it opens offline and leaks nothing when opened;
// inline CSS with print rules so that it prints on A4.
#include "report/html.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "allot/report.hpp"
#include "render/display_width.hpp"
#include "render/marks.hpp"
#include "render/provenance_text.hpp"
#include "report/html_escape.hpp"
#include "report/in_brief.hpp"

namespace allot::detail {

namespace {

// System font stack: looks native everywhere and needs no font file.
constexpr const char* kCss = R"(
:root{--ink:#1a1a1a;--muted:#5a5a5a;--rule:#c8c8c8;--up:#dcebdc;--down:#f6dede}
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans","Liberation Sans",sans-serif;
color:var(--ink);max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.4;font-size:15px}
h1{font-size:1.6rem;margin:0 0 .3rem}h2{font-size:1.25rem;border-bottom:2px solid var(--ink);padding-bottom:.2rem;margin-top:2.2rem}
h3{font-size:1.05rem;margin:1.4rem 0 .4rem}
p.meta,p.note,.muted{color:var(--muted)}p.note{font-size:.85rem;margin:.3rem 0}
nav ol{columns:2;padding-left:1.2rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0;font-size:.85rem;font-variant-numeric:tabular-nums}
caption{text-align:left;font-weight:600;padding:.3rem 0}
th,td{border-bottom:1px solid var(--rule);padding:.25rem .4rem;vertical-align:top}
th{text-align:left;border-bottom:2px solid var(--ink);font-weight:600}
td.num{text-align:right;white-space:nowrap}th.num{text-align:right}
.wide{overflow-x:auto}.print-only{display:none}
td small{display:block;color:var(--muted);font-size:.75rem}
.mark{display:inline-block;width:1ch;text-align:left}
td.up{background:var(--up);font-weight:600}td.down{background:var(--down);font-weight:600}
td.up small,td.down small{color:var(--ink)}
figure{margin:1rem 0}svg.chart{width:100%;height:auto;display:block}
svg .chart-title{font-size:15px;font-weight:600}svg text{font-family:inherit;fill:#1a1a1a}
svg .category,svg .legend{font-size:12px}
svg .point-label{font-size:11px;paint-order:stroke;stroke:#ffffff;stroke-width:3px;stroke-linejoin:round}svg .value,svg .tick{font-size:10px}svg .axis{font-size:12px}
@page{size:A4;margin:15mm 12mm}
@media print{body{margin:0;max-width:none;font-size:10.5pt}nav{display:none}
section{break-before:page}section#in-brief,section#summary{break-before:auto}
figure,tr,.keep{break-inside:avoid}thead{display:table-header-group}h2,h3{break-after:avoid}
td.up,td.down{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.wide{overflow:visible}table{font-size:7pt}th,td{padding:.1rem .15rem}th{overflow-wrap:anywhere}
td:first-child{overflow-wrap:anywhere;min-width:24mm}td small{font-size:6pt}
td.muted small{white-space:normal}.screen-only{display:none}.print-only{display:block}}
)";

std::string Header(const ReportContext& c) {
  const CompareResult& r = c.result;
  std::string html = "<header><h1>" + EscapeHtml(r.title) + "</h1>";
  html += "<p class=\"meta\">" +
          EscapeHtml(std::string(c.labels(Key::kReportReport)) + " \u00b7 " +
                     c.labels(Key::kReportBaselineIs) + " '" + r.baseline + "'") +
          "</p>";
  html += "<p class=\"meta\">" + EscapeHtml(c.labels(Key::kReportGeneratedBy)) + "</p>";
  if (c.rests_on) {
    html += "<p class=\"meta\">" + EscapeHtml(ProvenanceCaveat(*c.rests_on, c.lang)) + "</p>";
  }
  html += "</header>";
  return html;
}

// The plain-language summary that opens the report (docs/report.md).
std::string InBrief(const ReportContext& c, const ReportOptions& options) {
  std::string body;
  for (const std::string& paragraph : InBriefParagraphs(
           {c.result, options.sensitivity, options.amounts, options.rests_on, c.lang})) {
    body += "<p>" + EscapeHtml(paragraph) + "</p>";
  }
  return SectionHtml("in-brief", c.labels(Key::kBriefTitle), body);
}

std::string Contents(const Words& l, const ReportOptions& options) {
  std::string html = "<nav><h2>" + EscapeHtml(l(Key::kReportContents)) + "</h2><ol>";
  std::vector<std::pair<std::string, std::string>> entries = {
      {"summary", l(Key::kReportSummary)},
      {"allocations", l(Key::kReportAllocations)},
      {"objectives", l(Key::kReportObjectives)}};
  if (options.sensitivity) entries.push_back({"sensitivity", l(Key::kReportSensitivity)});
  if (options.tornado) entries.push_back({"tornado", l(Key::kReportTornado)});
  if (options.frontier) entries.push_back({"frontier", l(Key::kReportFrontier)});
  entries.push_back({"motions", l(Key::kReportMotions)});
  entries.push_back({"provenance", l(Key::kReportProvenance)});
  for (const auto& [id, title] : entries) {
    html += "<li><a href=\"#" + std::string(id) + "\">" + EscapeHtml(title) + "</a></li>";
  }
  return html + "</ol></nav>";
}

// `text` and, when the table shows marks, its mark in a slot one
// character wide, empty for a sourced figure, so that marked and unmarked
// numbers of a column stay aligned.
std::string WithMark(const std::string& text, const std::string& mark, bool slot) {
  if (!slot) return EscapeHtml(text);
  return EscapeHtml(text) + " <span class=\"mark\">" + EscapeHtml(mark) + "</span>";
}

std::string CellHtml(const HtmlCell& cell, bool number, bool marks) {
  std::string cls = number ? "num" : "";
  if (!cell.css_class.empty()) cls += (cls.empty() ? "" : " ") + cell.css_class;
  std::string html = cls.empty() ? "<td>" : "<td class=\"" + EscapeHtml(cls) + "\">";
  html += WithMark(cell.text, cell.mark, number && marks);
  // The words under a muted cell ("not in this scenario") are no figure.
  bool sub_slot = number && marks && cell.css_class != "muted";
  if (!cell.sub.empty())
    html += "<small>" + WithMark(cell.sub, cell.sub_mark, sub_slot) + "</small>";
  return html + "</td>";
}

// Whether any cell of `t` carries a mark: then every number has a slot.
bool HasMarks(const HtmlTable& t) {
  for (const std::vector<HtmlCell>& row : t.rows) {
    for (const HtmlCell& cell : row) {
      if (!cell.mark.empty() || !cell.sub_mark.empty()) return true;
    }
  }
  return false;
}

// The print width of A4 portrait less the margins (186 mm), in characters
// of the 7 pt print font (about 1.5 mm each; a cell's padding is about one
// more). Calibrated with chromium --print-to-pdf and pdftotext: 8 scenario
// columns of the allocations table fit, 15 do not (docs/report.md).
constexpr size_t kPrintWidth = 125;
// A key column wraps its text; the first one is at least 24 mm wide.
constexpr size_t kKeyColumnWidth = 16;

// The width a column needs in print: its widest amount or change with the
// mark slot (numbers never wrap; headers may break anywhere and the words
// under a muted cell, "not in this scenario", wrap in print, so they do not
// count).
size_t PrintWidth(const HtmlTable& t, size_t column) {
  size_t width = 0;
  const size_t slot = HasMarks(t) ? 2 : 0;
  for (const std::vector<HtmlCell>& row : t.rows) {
    if (column >= row.size()) continue;
    const HtmlCell& cell = row[column];
    width = std::max(width, DisplayWidth(cell.text));
    if (cell.css_class != "muted") width = std::max(width, DisplayWidth(cell.sub));
  }
  return width + slot + 1;
}

// The columns after the key columns cut into as few contiguous groups of
// nearly equal count as fit the print width beside the key columns. One
// group when the table fits as it is.
std::vector<std::pair<size_t, size_t>> PrintGroups(const HtmlTable& t, size_t key) {
  size_t count = t.header.size() - key;
  size_t budget = kPrintWidth - std::min(kPrintWidth, key * kKeyColumnWidth);
  std::vector<size_t> widths;
  for (size_t i = key; i < t.header.size(); ++i) widths.push_back(PrintWidth(t, i));
  for (size_t k = 1; k < count; ++k) {
    std::vector<std::pair<size_t, size_t>> groups;
    bool fits = true;
    for (size_t g = 0; g < k; ++g) {
      size_t begin = count * g / k, end = count * (g + 1) / k;
      size_t width = 0;
      for (size_t i = begin; i < end; ++i) width += widths[i];
      fits = fits && width <= budget;
      groups.emplace_back(key + begin, key + end);
    }
    if (fits) return groups;
  }
  // As many groups as columns: each column alone beside the key columns.
  std::vector<std::pair<size_t, size_t>> singles;
  for (size_t i = key; i < t.header.size(); ++i) singles.emplace_back(i, i + 1);
  return singles;
}

// A <table> of the given columns of `t`.
std::string TableHtml(const HtmlTable& t, const std::string& id, const std::string& caption,
                      const std::vector<size_t>& columns) {
  std::string html = id.empty() ? "<table>" : "<table id=\"" + EscapeHtml(id) + "\">";
  html += "<caption>" + EscapeHtml(caption) + "</caption><thead><tr>";
  for (size_t i : columns) {
    html += (i < t.text_columns ? "<th scope=\"col\">" : "<th scope=\"col\" class=\"num\">") +
            EscapeHtml(t.header[i]) + "</th>";
  }
  html += "</tr></thead><tbody>";
  const bool marks = HasMarks(t);
  for (const std::vector<HtmlCell>& row : t.rows) {
    html += "<tr>";
    for (size_t i : columns) {
      if (i < row.size()) html += CellHtml(row[i], i >= t.text_columns, marks);
    }
    html += "</tr>";
  }
  return html + "</tbody></table>";
}

std::vector<size_t> ColumnRange(size_t begin, size_t end) {
  std::vector<size_t> columns;
  for (size_t i = begin; i < end; ++i) columns.push_back(i);
  return columns;
}

}  // namespace

std::string RenderTable(const HtmlTable& t, std::optional<size_t> key_columns) {
  size_t key = std::min(key_columns.value_or(t.text_columns), t.header.size());
  std::vector<std::pair<size_t, size_t>> groups = PrintGroups(t, key);
  // The wrapper scrolls a wide table on a narrow screen instead of the page.
  std::string html =
      groups.size() > 1 ? "<div class=\"wide screen-only\">" : "<div class=\"wide\">";
  html += TableHtml(t, t.id, t.caption, ColumnRange(0, t.header.size())) + "</div>";
  if (groups.size() > 1) {
    // Too wide for A4: print shows the columns in groups, one table each,
    // every one with the key columns, instead of the table above.
    html += "<div class=\"print-only\">";
    for (size_t g = 0; g < groups.size(); ++g) {
      std::vector<size_t> columns = ColumnRange(0, key);
      for (size_t i : ColumnRange(groups[g].first, groups[g].second)) columns.push_back(i);
      html += TableHtml(
          t, "",
          t.caption + " (" + std::to_string(g + 1) + "/" + std::to_string(groups.size()) + ")",
          columns);
    }
    html += "</div>";
  }
  for (const std::string& note : t.notes) html += "<p class=\"note\">" + EscapeHtml(note) + "</p>";
  return html;
}

void AddMarkLegend(HtmlTable& t, Lang lang, const std::vector<ProvenanceLevel>& in_text) {
  std::vector<ProvenanceLevel> shown = in_text;
  for (const std::vector<HtmlCell>& row : t.rows) {
    for (const HtmlCell& cell : row) {
      NoteMark(cell.mark, shown);
      NoteMark(cell.sub_mark, shown);
    }
  }
  std::string legend = MarkLegend(shown, lang);
  if (!legend.empty()) t.notes.push_back(legend);
}

std::string SectionHtml(const std::string& id, const std::string& title, const std::string& body) {
  return "<section id=\"" + EscapeHtml(id) + "\"><h2>" + EscapeHtml(title) + "</h2>" + body +
         "</section>";
}

}  // namespace allot::detail

namespace allot {

std::string RenderReportHtml(const CompareResult& result, const Model& model,
                             const std::vector<Scenario>& scenarios, const ReportOptions& options) {
  using namespace detail;
  Words labels(options.lang);
  ReportContext c{result, model, scenarios, options.lang, labels, options.rests_on};
  std::string html = "<!DOCTYPE html>\n<html lang=\"" + std::string(labels(Key::kReportLangCode)) +
                     "\">\n<head>\n";
  html +=
      "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, "
      "initial-scale=1\">\n";
  // Defence in depth: even a string that escaped escaping could not run a
  // script or fetch anything.
  html +=
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'\">\n";
  html += "<meta name=\"generator\" content=\"allot\">\n";
  html +=
      "<title>" + EscapeHtml(result.title + " \u2014 " + labels(Key::kReportReport)) + "</title>\n";
  html += "<style>" + std::string(kCss) + "</style>\n</head>\n<body>\n";
  html += Header(c) + "\n" + InBrief(c, options) + "\n" + Contents(labels, options) + "\n";
  html += SummarySection(c) + "\n" + AllocationSection(c) + "\n" + ObjectivesSection(c) + "\n";
  if (options.sensitivity) html += SensitivitySection(c, *options.sensitivity) + "\n";
  if (options.tornado) html += TornadoSection(c, *options.tornado) + "\n";
  if (options.frontier) html += FrontierSection(c, *options.frontier) + "\n";
  html += MotionsSection(c) + "\n" + ProvenanceSection(c) + "\n";
  return html + "</body>\n</html>\n";
}

}  // namespace allot
