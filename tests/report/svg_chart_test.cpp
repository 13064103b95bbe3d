#include "report/svg_chart.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <set>
#include <string>
#include <utility>

#include "core/finite_output.hpp"
#include "test_support.hpp"

using allot::detail::BarChart;
using allot::detail::NiceTicks;
using allot::detail::RenderBarChart;
using allot::testing::Count;

namespace {

BarChart TwoByThree() {
  BarChart chart;
  chart.id = "c";
  chart.title = "Money <per> line";
  chart.description = "d";
  chart.axis_label = "euro";
  chart.categories = {"one", "two", "three"};
  chart.series = {{"s1", {1, 2, 3}, {"1", "2", "3"}}, {"s2", {-1, 0, 4}, {"-1", "0", "4"}}};
  return chart;
}

}  // namespace

TEST_CASE("axis ticks are round numbers that cover the range and include zero", "[report]") {
  CHECK(NiceTicks(0, 6'000'000, 5) == std::vector<double>{0, 1e6, 2e6, 3e6, 4e6, 5e6, 6e6});
  CHECK(NiceTicks(0, 100, 5) == std::vector<double>{0, 20, 40, 60, 80, 100});
  CHECK(NiceTicks(-650'000, 2'000'000, 5) ==
        std::vector<double>{-1e6, -5e5, 0, 5e5, 1e6, 1.5e6, 2e6});
  std::vector<double> empty = NiceTicks(0, 0, 5);  // an empty range still gets an axis
  CHECK(empty.front() == 0);
  CHECK(empty.back() == Approx(1));
}

TEST_CASE("axis ticks near the largest amounts end, and a NaN never reaches the SVG", "[report]") {
  // 10^16 EUR and up: a range of a few euros is below the spacing of
  // doubles there, where adding the step to the last tick did not move it
  // (an endless loop before ticks were counted).
  for (double lo : {1e16, 9.2e16, -9.2e16}) {
    std::vector<double> ticks = NiceTicks(lo, lo + 16, 5);
    REQUIRE(ticks.size() >= 2);
    CHECK(ticks.size() <= 1001);
    CHECK(ticks.front() <= lo);
    CHECK(std::is_sorted(ticks.begin(), ticks.end()));
  }
  CHECK_THROWS_AS(NiceTicks(0, std::nan(""), 5), allot::detail::NonFiniteOutput);
  CHECK_THROWS_AS(NiceTicks(-HUGE_VAL, 0, 5), allot::detail::NonFiniteOutput);
}

TEST_CASE("a bar chart draws one titled bar per category and series, with a legend", "[report]") {
  std::string svg = RenderBarChart(TwoByThree());
  CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) == 0);
  CHECK(Count(svg, "<title>s1 \u2014 ") == 3);
  CHECK(Count(svg, "<title>s2 \u2014 ") == 3);
  CHECK(Count(svg, "stroke-dasharray") == 0);  // two series: shades alone, no hatching
  CHECK(Count(svg, "class=\"legend\"") == 2);
  CHECK(svg.find("Money &lt;per&gt; line") != std::string::npos);
  CHECK(svg.find("<per>") == std::string::npos);
  CHECK(svg.find(">euro</text>") != std::string::npos);
}

// Chromium prints a <pattern> fill to PDF tile by tile: a report of 15
// scenarios, whose bars were all pattern-filled, printed to about 50 MB.
TEST_CASE("16 series differ in shade and hatching without any SVG pattern", "[report]") {
  BarChart chart = TwoByThree();
  chart.series.clear();
  for (int i = 0; i < 16; ++i) {
    std::string name = "s" + std::to_string(i);
    chart.series.push_back({name, {1, 2, 3}, {"1", "2", "3"}});
  }
  std::string svg = RenderBarChart(chart);
  CHECK(Count(svg, "<pattern") == 0);
  CHECK(Count(svg, "url(#") == 0);
  // Per bar and legend swatch (3 + 1 per series): vertical stripes for
  // series 4-7 and 12-15, horizontal ones for series 8-15.
  CHECK(Count(svg, "stroke-dasharray=\"2.5 3.5\"") == 8 * 4);
  CHECK(Count(svg, "<path d=\"M") == 8 * 4);
  // Each look (shade x hatching) is used by exactly one series.
  std::set<std::pair<std::string, std::string>> looks;
  for (size_t i = 0; i < 16; ++i) {
    looks.insert({allot::detail::SeriesFill(i), allot::detail::SeriesHatching(i, 0, 0, 10, 10)});
  }
  CHECK(looks.size() == 16);
}

// The x and width of the bar whose <title> starts with `tip`.
std::pair<double, double> BarExtent(const std::string& svg, const std::string& tip) {
  size_t title = svg.find("<title>" + tip);
  REQUIRE(title != std::string::npos);
  size_t rect = svg.rfind("<rect x=\"", title);
  double x = 0, y = 0, width = 0;
  REQUIRE(std::sscanf(svg.c_str() + rect, "<rect x=\"%lf\" y=\"%lf\" width=\"%lf\"", &x, &y,
                      &width) == 3);
  return {x, width};
}

TEST_CASE("a negative bar ends at the zero line and is labelled to its left", "[report]") {
  BarChart chart = TwoByThree();
  chart.series = {{"s", {-2, 2}, {"minus", "plus"}}};
  chart.categories = {"neg", "pos"};
  std::string svg = RenderBarChart(chart);
  auto [neg_x, neg_width] = BarExtent(svg, "s \u2014 neg");
  auto [pos_x, pos_width] = BarExtent(svg, "s \u2014 pos");
  CHECK(neg_width == Approx(pos_width));
  CHECK(neg_x + neg_width == Approx(pos_x));  // both meet at zero
  CHECK(svg.find("text-anchor=\"end\">minus</text>") != std::string::npos);
  CHECK(svg.find("text-anchor=\"start\">plus</text>") != std::string::npos);
}

namespace {

using allot::detail::RenderXyChart;
using allot::detail::XyChart;
using allot::detail::XyLine;
using allot::detail::XyMark;
using allot::detail::XyMarker;
using allot::detail::XySeries;

// A step line through (0, 0), (5, 5), (10, 10) and two labelled points at
// the same place, whose labels must not sit on top of each other.
XyChart StepsAndPoints() {
  XyChart chart;
  chart.id = "xy";
  chart.title = "Score <per> budget";
  chart.x_label = "budget (euro)";
  chart.y_label = "score (points)";
  XySeries line{"line",
                XyLine::kSolid,
                XyMarker::kDot,
                true,
                {{{0, 0, "", "p0", true}, {5, 5, "", "p5", true}, {10, 10, "", "p10", true}}}};
  XySeries guide{"guide",
                 XyLine::kDashed,
                 XyMarker::kOpenCircle,
                 false,
                 {{{8, 4, "", "", false}, {4, 4, "", "g", true}}}};
  XySeries points{"points",
                  XyLine::kNone,
                  XyMarker::kDiamond,
                  false,
                  {{{8, 4, "a<b", "ta", true}, {8, 4, "c", "tc", true}}}};
  chart.series = {line, guide, points};
  return chart;
}

// The y of the <text> whose content is `label`.
double LabelY(const std::string& svg, const std::string& label) {
  size_t end = svg.find(">" + label + "</text>");
  REQUIRE(end != std::string::npos);
  size_t text = svg.rfind("<text x=\"", end);
  double x = 0, y = 0;
  REQUIRE(std::sscanf(svg.c_str() + text, "<text x=\"%lf\" y=\"%lf\"", &x, &y) == 2);
  return y;
}

}  // namespace

TEST_CASE("an xy chart draws steps, dashed guides and titled markers with a legend", "[report]") {
  std::string svg = RenderXyChart(StepsAndPoints());
  CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) == 0);
  CHECK(Count(svg, "class=\"legend\"") == 3);
  // One step path: across, then up, twice.
  size_t d = svg.rfind("<path d=\"M", svg.find("fill=\"none\""));
  REQUIRE(d != std::string::npos);
  std::string path = svg.substr(d, svg.find('"', d + 9) - d);
  CHECK(Count(path, "H") == 2);
  CHECK(Count(path, "V") == 2);
  CHECK(Count(path, "L") == 0);
  CHECK(Count(svg, "stroke-dasharray=\"6 4\"") == 2);  // the guide and its legend sample
  // Markers: three dots, one open circle (the guide's start has none), two diamonds.
  for (const char* tip : {"p0", "p5", "p10", "g", "ta", "tc"})
    CHECK(Count(svg, std::string("<title>") + tip + "</title>") == 1);
  CHECK(svg.find(">Score &lt;per&gt; budget</title>") != std::string::npos);
  CHECK(svg.find(">a&lt;b</text>") != std::string::npos);
  CHECK(svg.find(">score (points)</text>") != std::string::npos);
  CHECK(svg.find("rotate(-90") != std::string::npos);
}

TEST_CASE("labels of points at the same place are moved a row apart", "[report]") {
  std::string svg = RenderXyChart(StepsAndPoints());
  CHECK(std::abs(LabelY(svg, "a&lt;b") - LabelY(svg, "c")) == Approx(13));
}
