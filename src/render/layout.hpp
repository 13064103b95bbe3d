// The three layouts of a Table (internal; docs/output.md, "Tables"): an
// aligned plain-text table for the terminal, Markdown for memos, CSV for
// spreadsheets and scripts. Each is one small function; nothing else in
// allot lays out a table.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "allot/money.hpp"
#include "allot/render.hpp"
#include "render/display_width.hpp"
#include "render/table.hpp"

namespace allot::detail {

// Plain text, in the notation of `lang`:
//
//   TITLE  (LABEL: ID)
//
//   TABLE TITLE
//   scenario    total  rank      <- header: text left, numbers right
//   ------------------------
//   model  €6,000,000     5
//     a note, indented
//
//   CLOSING LINE
void WriteText(const Document& document, Lang lang, std::ostream& out);
// One table as WriteText writes it, blank line first (WriteDocumentTable).
void WriteTextTable(const Table& table, Lang lang, std::ostream& out);

// GitHub-flavoured Markdown: "# TITLE", "LABEL: `ID`", a "## TABLE TITLE"
// and a pipe table (":---" text, "---:" numbers) per table, notes as a
// list. Every text is escaped so that ids with '_' or '*' stay literal.
void WriteMarkdown(const Document& document, Lang lang, std::ostream& out);
// One table as WriteMarkdown writes it, blank line first (WriteDocumentTable).
void WriteMarkdownTable(const Table& table, Lang lang, std::ostream& out);

// RFC 4180 CSV with CRLF line ends, for programs: English notation, no
// thousands separators, no '+', money as plain euros ("650000.00"),
// percents as the fraction itself. Every text cell (headers included) is
// neutralised against formula injection (render/spreadsheet_text.hpp) and
// quoted when it holds a comma, quote or line break. One table: its header
// then its rows. Several: each as a block whose first column, `section`,
// holds the table's title. Notes are not written; an Estimate cell is a
// bug (give the value and its error a column each) and throws logic_error.
void WriteCsv(const std::vector<Table>& tables, std::ostream& out);

// The records of `table` without its header, as WriteCsv({table}) writes
// them after it: for one table written in parts, whose header is
// WriteCsv of the table without rows (batch writes each run's rows as the
// run is done).
void WriteCsvRows(const Table& table, std::ostream& out);

// One record of a single text cell (neutralised and quoted like every
// text cell), for the sentence that precedes a command's CSV tables: what
// the figures rest on (docs/output.md).
std::string CsvTextRecord(const std::string& text);

// WriteText for OutputFormat::kTable, WriteMarkdown for kMarkdown (the
// other formats are not documents: callers write CSV and JSON themselves).
void WriteDocument(const Document& document, OutputFormat format, Lang lang, std::ostream& out);

// One table of a document as WriteDocument writes it, blank line first:
// for a document written in parts, too long to hold (batch writes each
// run's table as the run is done). WriteDocument of the document without
// tables, then this for each table, then its closing, is WriteDocument of
// the whole.
void WriteDocumentTable(const Table& table, OutputFormat format, Lang lang, std::ostream& out);

// One cell as the people's layouts show it (for tests and the HTML report).
std::string CellText(const Cell& cell, const Column& column, Lang lang);

// Cell `column` of row `row` with its mark after it ("€150,000 ~"). With
// `slot`, a figure without a mark in a column with marks ends in two
// blanks instead ("€6,000,000  "), so that right-aligned numbers stay
// aligned in plain text.
std::string MarkedCellText(const Table& table, size_t row, size_t column, Lang lang, bool slot);

}  // namespace allot::detail
