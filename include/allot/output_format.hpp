// The formats results are written in, and the languages of their words,
// as named on the command line. Apart from render.hpp so that a result
// header (what an analysis computes) need not know how it is printed.
#pragma once

#include <optional>
#include <string>

#include "allot/money.hpp"  // Lang

namespace allot {

// The formats results are written in: table and md for people, csv and
// json for programs.
enum class OutputFormat { kTable, kCsv, kJson, kMarkdown };

// "table" | "csv" | "json" | "md"; nullopt otherwise.
std::optional<OutputFormat> ParseOutputFormat(const std::string& text);
// "en" | "nl"; nullopt otherwise.
std::optional<Lang> ParseLang(const std::string& text);

}  // namespace allot
