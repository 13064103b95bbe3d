// Shared pieces of the human-readable renderers (internal): labels in each
// language, number formats, and the compare report as language-neutral
// sections that the table and Markdown renderers lay out.
#pragma once

#include <string>
#include <vector>

#include "allot/compare.hpp"
#include "allot/money.hpp"
#include "render/display_width.hpp"
#include "render/number.hpp"

namespace allot::detail {

// Every label the human-readable outputs use, in one language.
struct Labels {
  const char* scenarios_title;  // "Scenarios"
  const char* name;
  const char* scenario;
  const char* total;
  const char* money_title;       // "Money per year"
  const char* change_vs;         // "change vs"
  const char* objectives_title;  // "Objective scores (0-100)"
  const char* weighted_title;    // "Weighted score: %s"
  const char* score;
  const char* rank;
  const char* change;
  const char* cost_per_point;
  const char* motions_title;  // "Motions left unfunded"
  const char* none;
  const char* all_funded;
  const char* illustrative_mark;  // footnote for '*'
  const char* objectives_legend;  // "Objectives"
  const char* baseline;           // "baseline"
  const char* weights_legend;     // "Weights"
};

const Labels& LabelsFor(Lang lang);

// A score with `decimals` decimals in the language's notation ("17.3" /
// "17,3"); with `sign`, a leading '+' for positive values. The one rule of
// render/number.hpp (Decimal).
std::string FormatScore(double value, int decimals, Lang lang, bool sign = false);

// One table of a report: a header row and body rows of cells. The first
// `text_columns` columns are text (left-aligned); the others are numbers
// (right-aligned).
struct Section {
  std::string title;
  size_t text_columns = 1;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> notes;  // lines printed under the table
};

// The ids of the motions a scenario leaves unfunded, in model order.
std::vector<std::string> UnfundedMotions(const CompareResult& result, const ScenarioResult& s);

// `parts` with `separator` between them: "a, b, c".
std::string Joined(const std::vector<std::string>& parts, const std::string& separator = ", ");

}  // namespace allot::detail
