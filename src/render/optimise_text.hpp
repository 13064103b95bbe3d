// Titled tables laid out as aligned text, Markdown or CSV (internal): the
// human-readable side of optimise and frontier.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace allot::report_text {

struct Section {
  std::string title;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;  // each as long as header
};

// What every optimise and frontier score rests on, said beside them (one
// sentence, to move into the language catalogue with the other texts).
inline constexpr const char* kRestsOnCurves =
    "Every score here rests on the model's effect curves: judgements of what money buys, not "
    "measurements.";

// "12.35": two decimals, English notation, no -0.00.
std::string Fixed2(double value);

// Columns padded to their widest cell; text left, numbers right.
void RenderSectionsTable(const std::vector<Section>& sections, std::ostream& out);
void RenderSectionsMarkdown(const std::vector<Section>& sections, std::ostream& out);
// One CSV table: section,<the section's header cells...>, RFC 4180 quoting.
void RenderSectionsCsv(const std::vector<Section>& sections, std::ostream& out);

}  // namespace allot::report_text
