#include "allot/render.hpp"

#include "render/layout.hpp"

namespace allot {

namespace detail {
Document CompareDocument(const CompareResult& result, Lang lang);
Table CompareCsv(const CompareResult& result);
void RenderJson(const CompareResult& result, std::ostream& out);
}  // namespace detail

std::optional<OutputFormat> ParseOutputFormat(const std::string& text) {
  if (text == "table") return OutputFormat::kTable;
  if (text == "csv") return OutputFormat::kCsv;
  if (text == "json") return OutputFormat::kJson;
  if (text == "md" || text == "markdown") return OutputFormat::kMarkdown;
  return std::nullopt;
}

std::optional<Lang> ParseLang(const std::string& text) {
  if (text == "en") return Lang::kEn;
  if (text == "nl") return Lang::kNl;
  return std::nullopt;
}

void RenderCompare(const CompareResult& result, OutputFormat format, Lang lang, std::ostream& out) {
  switch (format) {
    case OutputFormat::kTable:
      return detail::WriteText(detail::CompareDocument(result, lang), lang, out);
    case OutputFormat::kMarkdown:
      return detail::WriteMarkdown(detail::CompareDocument(result, lang), lang, out);
    case OutputFormat::kCsv:
      return detail::WriteCsv({detail::CompareCsv(result)}, out);
    case OutputFormat::kJson:
      return detail::RenderJson(result, out);
  }
}

}  // namespace allot
