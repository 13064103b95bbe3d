// The HTML report: one self-contained document. No scripts, no external
// fonts or images, so it opens offline and leaks nothing when opened;
// inline CSS with print rules so that it prints on A4.
#include "report/html.hpp"

#include <string>
#include <utility>
#include <vector>

#include "allot/report.hpp"
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
.wide{overflow-x:auto}
td small{display:block;color:var(--muted);font-size:.75rem}
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
td:first-child{overflow-wrap:anywhere;min-width:24mm}td small{font-size:6pt}}
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

std::string CellHtml(const HtmlCell& cell, bool number) {
  std::string cls = number ? "num" : "";
  if (!cell.css_class.empty()) cls += (cls.empty() ? "" : " ") + cell.css_class;
  std::string html = cls.empty() ? "<td>" : "<td class=\"" + EscapeHtml(cls) + "\">";
  html += EscapeHtml(cell.text);
  if (!cell.sub.empty()) html += "<small>" + EscapeHtml(cell.sub) + "</small>";
  return html + "</td>";
}

}  // namespace

std::string RenderTable(const HtmlTable& t) {
  // The wrapper scrolls a wide table on a narrow screen instead of the page.
  std::string html = "<div class=\"wide\"><table id=\"" + EscapeHtml(t.id) + "\"><caption>" +
                     EscapeHtml(t.caption) + "</caption><thead><tr>";
  for (size_t i = 0; i < t.header.size(); ++i) {
    html += (i < t.text_columns ? "<th scope=\"col\">" : "<th scope=\"col\" class=\"num\">") +
            EscapeHtml(t.header[i]) + "</th>";
  }
  html += "</tr></thead><tbody>";
  for (const std::vector<HtmlCell>& row : t.rows) {
    html += "<tr>";
    for (size_t i = 0; i < row.size(); ++i) html += CellHtml(row[i], i >= t.text_columns);
    html += "</tr>";
  }
  html += "</tbody></table></div>";
  for (const std::string& note : t.notes) html += "<p class=\"note\">" + EscapeHtml(note) + "</p>";
  return html;
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
