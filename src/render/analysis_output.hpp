// Shared output plumbing of the analyses beyond compare (internal): the
// human-readable reports are lists of Sections laid out as a plain-text
// table or Markdown, the CSV is one long-format table, the JSON is built by
// each analysis.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "allot/render.hpp"
#include "render/number.hpp"
#include "render/text.hpp"

namespace allot::detail {

// Writes `sections` under `title` as a plain-text table (kTable) or Markdown
// (kMarkdown). Other formats are the caller's job.
void WriteSections(const std::string& title, const std::vector<Section>& sections,
                   OutputFormat format, std::ostream& out);

// Writes one table as RFC 4180 CSV: the header, then the rows; cells with
// a comma, quote or newline are quoted.
void WriteCsv(const std::vector<std::string>& header,
              const std::vector<std::vector<std::string>>& rows, std::ostream& out);

// A number for CSV: every digit (render/number.hpp, Shortest).
inline std::string CsvNumber(double value) { return Shortest(value); }

}  // namespace allot::detail
