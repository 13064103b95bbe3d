#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "report/html.hpp"
#include "test_support.hpp"

using allot::detail::HtmlCell;
using allot::detail::HtmlTable;
using allot::detail::RenderTable;
using allot::testing::Count;

namespace {

// A key column and `columns` amount columns "€1,000,0NN" (10 characters,
// 11 in print with the padding), two rows; column c holds unique values.
HtmlTable Amounts(size_t columns) {
  HtmlTable t{"t", "Money", 1, {"line"}, {}, {"a note"}};
  for (size_t c = 0; c < columns; ++c) t.header.push_back("s" + std::to_string(c) + "x");
  for (int r = 0; r < 2; ++r) {
    std::vector<HtmlCell> row = {{"line" + std::to_string(r) + "y", "", ""}};
    for (size_t c = 0; c < columns; ++c) {
      row.push_back({"\u20ac1,000," + std::to_string(100 + 10 * c + r), "", ""});
    }
    t.rows.push_back(row);
  }
  return t;
}

}  // namespace

TEST_CASE("a table that fits A4 prints as it shows: one table, no print copy", "[report]") {
  // 16 (the key column) + 8 × 11 = 104 characters, within the 125 of A4.
  std::string html = RenderTable(Amounts(8));
  CHECK(Count(html, "<table") == 1);
  CHECK(Count(html, "print-only") == 0);
  CHECK(Count(html, "screen-only") == 0);
  CHECK(Count(html, "<div class=\"wide\"><table id=\"t\"><caption>Money</caption>") == 1);
}

TEST_CASE("a table too wide for A4 prints in column groups that repeat the key column",
          "[report]") {
  // 16 + 15 × 11 = 181 characters: two groups of 7 and 8 columns (16 + 88).
  std::string html = RenderTable(Amounts(15));
  CHECK(Count(html, "<table") == 3);
  CHECK(Count(html, "<div class=\"wide screen-only\"><table id=\"t\">") == 1);
  CHECK(Count(html, "<div class=\"print-only\"><table><caption>Money (1/2)</caption>") == 1);
  CHECK(Count(html, "</table><table><caption>Money (2/2)</caption>") == 1);
  // Every column once on screen and once in print; the key column in each group.
  for (size_t c = 0; c < 15; ++c) {
    CAPTURE(c);
    CHECK(Count(html, ">s" + std::to_string(c) + "x<") == 2);
    CHECK(Count(html, ">\u20ac1,000," + std::to_string(100 + 10 * c) + "<") == 2);
  }
  CHECK(Count(html, ">line0y<") == 3);
  CHECK(Count(html, ">line<") == 3);
  // The second group starts with the key column, then the 8th amount column.
  size_t second = html.find("Money (2/2)");
  CHECK(html.find(">line<", second) < html.find(">s7x<", second));
  CHECK(html.find(">s6x<", second) == std::string::npos);
  // The note once, under the table and its print groups.
  CHECK(Count(html, "a note") == 1);
  CHECK(html.find("a note") > html.rfind("</table>"));
}

TEST_CASE("the key columns of the print groups can be fewer than the text columns", "[report]") {
  // Marks are text columns, but only the first two repeat in each group.
  HtmlTable t{"m", "Motions", 0, {"motion", "asks"}, {}, {}};
  std::vector<HtmlCell> row = {{"m1", "", ""}, {"what it asks", "", ""}};
  for (int c = 0; c < 15; ++c) {
    t.header.push_back("s" + std::to_string(c));
    row.push_back({"\u2717 unfunded mark", "", "down"});
  }
  t.rows.push_back(row);
  t.text_columns = t.header.size();
  std::string html = RenderTable(t, 2);
  // 2 × 16 + 15 × 16 = 272 characters: three groups of 5 (32 + 80 = 112).
  CHECK(Count(html, "<table") == 4);
  CHECK(Count(html, ">what it asks<") == 4);
  CHECK(Count(html, "Motions (3/3)") == 1);
  CHECK(Count(html, "class=\"num\"") == 0);
}

TEST_CASE("the words under a muted cell wrap in print and do not widen its column", "[report]") {
  // With "not in this scenario" counted, 8 columns would need 16 + 8 × 21.
  HtmlTable t = Amounts(8);
  t.rows[0][3] = {"\u2013", "not in this scenario", "muted"};
  CHECK(Count(RenderTable(t), "<table") == 1);
  // A change that long does count: 7 × 11 + 38 = 115 > 125 - 16.
  t.rows[0][3] = {"\u20ac1", "\u25bc -\u20ac1,000,000,000,000,000,000,000,000", "down"};
  CHECK(Count(RenderTable(t), "<table") == 3);
}

TEST_CASE("a marked table gives every number a mark slot, and the slots count in print",
          "[report][marks]") {
  // 16 + 9 × 11 = 115 characters fit A4 without marks ...
  HtmlTable t = Amounts(9);
  CHECK(Count(RenderTable(t), "<table") == 1);
  CHECK(Count(RenderTable(t), "class=\"mark\"") == 0);
  // ... but one mark gives all 18 numbers a slot: 16 + 9 × 13 = 133 do not.
  t.rows[0][1].mark = "~";
  std::string html = RenderTable(t);
  CHECK(Count(html, "<table") == 3);
  CHECK(Count(html, ">\u20ac1,000,100 <span class=\"mark\">~</span></td>") == 2);
  CHECK(Count(html, ">\u20ac1,000,101 <span class=\"mark\"></span></td>") == 2);
  CHECK(Count(html, "<span class=\"mark\">") == 2 * 18);
  // A key column gets no slot.
  CHECK(Count(html, ">line0y<") == 3);
}
