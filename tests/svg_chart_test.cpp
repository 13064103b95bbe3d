#include <catch2/catch.hpp>
#include <cstdio>
#include <utility>

#include "svg_chart.hpp"

using allot::detail::BarChart;
using allot::detail::NiceTicks;
using allot::detail::RenderBarChart;

namespace {

size_t Count(const std::string& text, const std::string& part) {
  size_t n = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

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

TEST_CASE("a bar chart draws one titled bar per category and series, with a legend", "[report]") {
  std::string svg = RenderBarChart(TwoByThree());
  CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) == 0);
  CHECK(Count(svg, "<title>s1 \u2014 ") == 3);
  CHECK(Count(svg, "<title>s2 \u2014 ") == 3);
  CHECK(Count(svg, "<pattern id=\"c-s") == 2);
  CHECK(Count(svg, "class=\"legend\"") == 2);
  CHECK(svg.find("Money &lt;per&gt; line") != std::string::npos);
  CHECK(svg.find("<per>") == std::string::npos);
  CHECK(svg.find(">euro</text>") != std::string::npos);
}

// The x and width of the bar whose <title> starts with `tip`.
std::pair<double, double> BarExtent(const std::string& svg, const std::string& tip) {
  size_t title = svg.find("<title>" + tip);
  REQUIRE(title != std::string::npos);
  size_t rect = svg.rfind("<rect x=\"", title);
  double x = 0, y = 0, width = 0;
  REQUIRE(std::sscanf(svg.c_str() + rect, "<rect x=\"%lf\" y=\"%lf\" width=\"%lf\"", &x, &y, &width) == 3);
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
