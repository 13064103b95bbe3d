// The one Table model and its three layouts (render/table.hpp, layout.hpp).
#include "render/layout.hpp"

#include <catch2/catch.hpp>
#include <sstream>
#include <stdexcept>

using namespace allot;
using namespace allot::detail;

namespace {

Table Sample() {
  Table t("Money", {TextColumn("scenario"), MoneyColumn("total"), NumberColumn("score", 2),
                    ChangeColumn("change", 2), CountColumn("rank"), PercentColumn("P(best) %", 1),
                    MoneyChangeColumn("vs base")});
  t.rows.push_back({std::string("model"), Money::FromCents(60000000), 19.485, 0.0, int64_t{5},
                    Estimate{0.937, 0.011}, Money()});
  t.rows.push_back({std::string("=cmd|x"), Money::FromCents(-5000), 100.0, 0.125, int64_t{1},
                    std::string("-"), Money::FromCents(250050)});
  t.notes.push_back("a note");
  return t;
}

std::string Text(const Document& d, Lang lang = Lang::kEn) {
  std::ostringstream out;
  WriteText(d, lang, out);
  return out.str();
}

std::string Markdown(const Document& d) {
  std::ostringstream out;
  WriteMarkdown(d, Lang::kEn, out);
  return out.str();
}

std::string Csv(const std::vector<Table>& tables) {
  std::ostringstream out;
  WriteCsv(tables, out);
  return out.str();
}

}  // namespace

TEST_CASE("text: title and tags, text left, numbers right, notes indented", "[layout]") {
  Document d{"Title", {{"baseline", "model"}}, {Sample()}, {"closing line"}};
  CHECK(Text(d) ==
        "Title  (baseline: model)\n"
        "\n"
        "Money\n"
        "scenario     total   score  change  rank  P(best) %     vs base\n"
        "---------------------------------------------------------------\n"
        "model     €600,000   19.49    0.00     5  93.7 ±1.1           0\n"
        "=cmd|x        -€50  100.00   +0.13     1          -  +€2,500.50\n"
        "  a note\n"
        "\n"
        "closing line\n");
}

TEST_CASE("text in Dutch: decimal commas and Dutch money", "[layout]") {
  Table t("T", {TextColumn("a"), NumberColumn("b", 3), MoneyColumn("c")});
  t.rows.push_back({std::string("x"), 0.0625, Money::FromCents(65000000)});
  CHECK(Text({"D", {}, {t}, {}}, Lang::kNl) ==
        "D\n\nT\na      b          c\n-------------------\nx  0,063  € 650.000\n");
}

TEST_CASE("text: no header row when every column name is empty, and notes-only tables",
          "[layout]") {
  Table kv("Solver", {TextColumn(""), TextColumn("")});
  kv.rows.push_back({std::string("solver"), std::string("GLPK")});
  Table words("In words");
  words.notes = {"one sentence", "another"};
  CHECK(Text({"D", {}, {kv, words}, {}}) ==
        "D\n\nSolver\nsolver  GLPK\n\nIn words\n  one sentence\n  another\n");
}

TEST_CASE("markdown: escaped cells, alignment row from the column kinds", "[layout]") {
  Document d{"A_b", {{"baseline", "my_id"}}, {Sample()}, {"* footnote"}};
  std::string md = Markdown(d);
  CHECK(md.rfind("# A\\_b\n\nbaseline: `my_id`\n\n## Money\n\n", 0) == 0);
  CHECK(md.find("| :--- | ---: | ---: | ---: | ---: | ---: | ---: |\n") != std::string::npos);
  CHECK(md.find("| =cmd\\|x | -€50 | 100.00 | +0.13 | 1 | - | +€2,500.50 |\n") !=
        std::string::npos);
  CHECK(md.find("\n- a note\n") != std::string::npos);
  CHECK(md.substr(md.size() - 13) == "\n\\* footnote\n");
}

TEST_CASE("csv: plain numbers, plain euros, formula guard on every text cell", "[layout][csv]") {
  Table t("T", {TextColumn("id"), MoneyColumn("eur"), ChangeColumn("change", 2),
                NumberColumn("all", kAllDigits), PercentColumn("share", 1), CountColumn("n")});
  t.rows.push_back(
      {std::string("=1+1"), Money::FromCents(-5000), 0.125, 0.1 + 0.2, 0.937, int64_t{3}});
  t.rows.push_back({std::string("a, \"b\""), Money(), -0.001, 1.0, 0.5, Cell()});
  CHECK(Csv({t}) ==
        "id,eur,change,all,share,n\r\n"
        "'=1+1,-50.00,0.13,0.30000000000000004,0.937,3\r\n"
        "\"a, \"\"b\"\"\",0.00,0.00,1,0.5,\r\n");
}

TEST_CASE("csv: several tables are blocks with a section column", "[layout][csv]") {
  Table a("First, table", {TextColumn("x")});
  a.rows.push_back({std::string("1")});
  Table b("@Second", {CountColumn("y"), TextColumn("-z")});
  b.rows.push_back({int64_t{2}, std::string("+3")});
  Table notes_only("Notes");
  notes_only.notes = {"not in csv"};
  CHECK(Csv({a, b, notes_only}) ==
        "section,x\r\n\"First, table\",1\r\n"
        "section,y,'-z\r\n'@Second,2,'+3\r\n");
}

TEST_CASE("csv: an estimate needs two columns", "[layout][csv]") {
  Table t("T", {NumberColumn("p", 2)});
  t.rows.push_back({Estimate{0.5, 0.1}});
  CHECK_THROWS_AS(Csv({t}), std::logic_error);
}
