// A horizontal (grouped) bar chart in SVG: categories down the left, one bar
// per series in each group, a value axis with ticks at the bottom.
#include <algorithm>

#include "report/html_escape.hpp"
#include "report/svg_chart.hpp"

namespace allot::detail {

namespace {

constexpr double kWidth = 880;
constexpr double kCategoryFont = 12;
constexpr double kValueFont = 10;
constexpr double kLegendRow = 18;

struct Layout {
  double label_width = 0;  // category labels, left
  double value_room = 0;   // room for value labels beside the bars
  double legend_top = 40;
  double plot_top = 0;
  double plot_left = 0;
  double plot_right = 0;
  double bar_height = 0;
  double group_height = 0;
  double lo = 0, hi = 0;  // the axis range (first and last tick)
  std::vector<double> ticks;
  std::string legend;  // the legend's SVG, laid out
  double X(double v) const { return plot_left + (v - lo) / (hi - lo) * (plot_right - plot_left); }
  double PlotBottom(size_t groups) const {
    return plot_top + group_height * static_cast<double>(groups);
  }
};

// Lays the legend out in rows that fit the width; returns its height.
double LayOutLegend(const BarChart& c, Layout& l) {
  double x = 0, y = l.legend_top;
  double right = kWidth - 10;
  for (size_t i = 0; i < c.series.size(); ++i) {
    double w = 20 + TextWidth(c.series[i].name, kCategoryFont) + 18;
    if (x > 0 && l.label_width + x + w > right) {
      x = 0;
      y += kLegendRow;
    }
    double sx = l.label_width + x;
    l.legend += "<rect x=\"" + Coord(sx) + "\" y=\"" + Coord(y - 11) +
                "\" width=\"14\" height=\"14\" fill=\"" + SeriesFill(i) +
                "\" stroke=\"#333\" stroke-width=\"0.6\"/>" + SeriesHatching(i, sx, y - 11, 14, 14);
    l.legend += SvgText(sx + 20, y, c.series[i].name, "class=\"legend\"");
    x += w;
  }
  return y - l.legend_top + kLegendRow;
}

Layout LayOut(const BarChart& c) {
  Layout l;
  double widest = 0, widest_value = 0, lo = 0, hi = c.min_extent;
  for (const std::string& cat : c.categories)
    widest = std::max(widest, TextWidth(cat, kCategoryFont));
  for (const BarSeries& s : c.series) {
    for (const std::string& label : s.labels)
      widest_value = std::max(widest_value, TextWidth(label, kValueFont));
    for (double v : s.values) {
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
  }
  l.label_width = std::min(widest, 230.0) + 14;
  l.value_room = std::min(widest_value, 120.0) + 8;
  l.plot_top = l.legend_top + (c.series.size() > 1 ? LayOutLegend(c, l) : 0) + 6;
  l.plot_left = l.label_width + (lo < 0 ? l.value_room : 0);
  l.plot_right = kWidth - l.value_room;
  l.bar_height = c.series.size() > 3 ? 11 : 16;
  l.group_height = l.bar_height * static_cast<double>(c.series.size()) + 10;
  l.ticks = NiceTicks(lo, hi, 5);
  l.lo = l.ticks.front();
  l.hi = l.ticks.back();
  return l;
}

std::string Axis(const BarChart& c, const Layout& l) {
  double bottom = l.PlotBottom(c.categories.size());
  std::string svg;
  for (double t : l.ticks) {
    std::string x = Coord(l.X(t));
    bool zero = t == 0;
    svg += "<line x1=\"" + x + "\" y1=\"" + Coord(l.plot_top) + "\" x2=\"" + x + "\" y2=\"" +
           Coord(bottom) + "\" stroke=\"" + (zero ? "#333" : "#d0d0d0") + "\" stroke-width=\"" +
           (zero ? "1" : "0.6") + "\"/>";
    svg += SvgText(l.X(t), bottom + 14, c.tick_format ? c.tick_format(t) : Coord(t),
                   "class=\"tick\" text-anchor=\"middle\"");
  }
  svg += SvgText((l.plot_left + l.plot_right) / 2, bottom + 32, c.axis_label,
                 "class=\"axis\" text-anchor=\"middle\"");
  return svg;
}

std::string Bar(const BarChart& c, const Layout& l, size_t g, size_t s) {
  const BarSeries& series = c.series[s];
  double v = series.values[g];
  double y = l.plot_top + l.group_height * static_cast<double>(g) + 5 +
             l.bar_height * static_cast<double>(s);
  double x0 = l.X(0), x1 = l.X(v);
  std::string tip = series.name + " \u2014 " + c.categories[g] + ": " + series.labels[g];
  double left_edge = std::min(x0, x1), width = std::abs(x1 - x0), height = l.bar_height - 2;
  std::string svg = "<rect x=\"" + Coord(left_edge) + "\" y=\"" + Coord(y + 1) + "\" width=\"" +
                    Coord(width) + "\" height=\"" + Coord(height) + "\" fill=\"" + SeriesFill(s) +
                    "\" stroke=\"#333\" stroke-width=\"0.5\"><title>" + EscapeHtml(tip) +
                    "</title></rect>" + SeriesHatching(s, left_edge, y + 1, width, height);
  bool left = v < 0;
  svg += SvgText(left ? x1 - 3 : x1 + 3, y + l.bar_height / 2 + 3.5, series.labels[g],
                 std::string("class=\"value\" text-anchor=\"") + (left ? "end" : "start") + "\"");
  return svg;
}

std::string Groups(const BarChart& c, const Layout& l) {
  std::string svg;
  for (size_t g = 0; g < c.categories.size(); ++g) {
    double top = l.plot_top + l.group_height * static_cast<double>(g);
    if (g > 0) {
      svg += "<line x1=\"4\" y1=\"" + Coord(top) + "\" x2=\"" + Coord(kWidth - 4) + "\" y2=\"" +
             Coord(top) + "\" stroke=\"#ececec\" stroke-width=\"0.6\"/>";
    }
    const std::string& name = c.categories[g];
    svg += "<g><title>" + EscapeHtml(name) + "</title>" +
           SvgText(l.label_width - 8, top + l.group_height / 2 + 4,
                   Truncate(name, 230, kCategoryFont), "class=\"category\" text-anchor=\"end\"") +
           "</g>";
    for (size_t s = 0; s < c.series.size(); ++s) svg += Bar(c, l, g, s);
  }
  return svg;
}

}  // namespace

std::string RenderBarChart(const BarChart& c) {
  Layout l = LayOut(c);
  double height = l.PlotBottom(c.categories.size()) + 44;
  std::string id = EscapeHtml(c.id);
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"" + id +
                    "\" role=\"img\" viewBox=\"0 0 " + Coord(kWidth) + " " + Coord(height) +
                    "\" aria-labelledby=\"" + id + "-title " + id + "-desc\">";
  svg += "<title id=\"" + id + "-title\">" + EscapeHtml(c.title) + "</title>";
  svg += "<desc id=\"" + id + "-desc\">" + EscapeHtml(c.description) + "</desc>";
  svg += SvgText(10, 22, c.title, "class=\"chart-title\"");
  svg += l.legend + Axis(c, l) + Groups(c, l) + "</svg>";
  return svg;
}

}  // namespace allot::detail
