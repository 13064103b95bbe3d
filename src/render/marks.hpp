// Marks per figure (internal; docs/output.md, "Marks"): what each figure
// rests on, as one character after it in text and md output, with a legend
// under each table that shows any.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "allot/money.hpp"
#include "allot/provenance.hpp"
#include "render/table.hpp"

namespace allot::detail {

// No mark for sourced; "^" reported, "~" assumed, "*" judgement, "?" not
// stated. ASCII, one character each: they survive any terminal, and the
// md layout escapes them.
std::string Mark(ProvenanceLevel level);

// `text` with the mark of `level` after it ("wiersma (adopted) ~"), for
// figures shown within a text.
std::string Marked(const std::string& text, ProvenanceLevel level);

// The marks of one row: one per column, "" where a column holds no figure
// (an id, a name) or the figure is sourced.
class RowMarks {
 public:
  explicit RowMarks(size_t columns) : marks_(columns) {}
  void Set(size_t column, ProvenanceLevel level) { marks_[column] = Mark(level); }
  std::vector<std::string> Take() { return std::move(marks_); }

 private:
  std::vector<std::string> marks_;
};

// The legend of the marks of `shown` ("marks: ~ assumed, * judgement; no
// mark: sourced. ..."), in the order of Mark's comment; "" when `shown`
// holds no level with a mark. Duplicates in `shown` are fine.
std::string MarkLegend(const std::vector<ProvenanceLevel>& shown, Lang lang);

// The levels that have a mark, weakest last as MarkLegend lists them:
// reported, assumed, judgement, not stated.
const std::vector<ProvenanceLevel>& MarkedLevels();

// The marks of `levels`, each once, in the legend's order, for a short
// list such as "~ assumed, * judgement" (no legend sentence around it);
// "" when all are sourced.
std::string MarkList(const std::vector<ProvenanceLevel>& levels, Lang lang);

// Appends to `shown` the level whose mark is `mark` ("~": assumed);
// nothing for "" (sourced) or text that is no mark.
void NoteMark(const std::string& mark, std::vector<ProvenanceLevel>& shown);

// Appends the legend of the marks `table` shows in its marks, or within
// its text as the levels `in_text` ("marks: ~ assumed, * judgement; no
// mark: sourced. ..."), as a note; nothing when it shows none.
void AddMarkLegend(Table& table, Lang lang, const std::vector<ProvenanceLevel>& in_text = {});

}  // namespace allot::detail
