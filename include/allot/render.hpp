// Rendering compare results for people (table, Markdown) and programs
// (CSV, JSON).
#pragma once

#include <optional>
#include <ostream>
#include <string>

#include "allot/compare.hpp"
#include "allot/money.hpp"

namespace allot {

// The formats results are written in: table and md for people, csv and
// json for programs.
enum class OutputFormat { kTable, kCsv, kJson, kMarkdown };

// "table" | "csv" | "json" | "md"; nullopt otherwise.
std::optional<OutputFormat> ParseOutputFormat(const std::string& text);
// "en" | "nl"; nullopt otherwise.
std::optional<Lang> ParseLang(const std::string& text);

// Writes `result` in `format`. JSON follows DESIGN.md's core exactly, with
// stable ordering and no timestamps; `lang` affects labels and number
// formats of table and Markdown only (CSV and JSON are for programs).
void RenderCompare(const CompareResult& result, OutputFormat format, Lang lang, std::ostream& out);

}  // namespace allot
