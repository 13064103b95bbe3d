// A heatmap in SVG: rows x columns of cells shaded by a value in [0, 1],
// each cell labelled with its text, so that it reads in greyscale too.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "report/html_escape.hpp"
#include "report/svg_chart.hpp"

namespace allot::detail {

namespace {

constexpr double kWidth = 880;
constexpr double kFont = 12;

// Light to dark blue-grey by value: the lightness alone carries the value,
// so greyscale keeps the order.
std::string Shade(double value) {
  double v = std::clamp(value, 0.0, 1.0);
  auto channel = [v](double light, double dark) {
    return static_cast<int>(std::lround(light + (dark - light) * v));
  };
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x", channel(0xf4, 0x12), channel(0xf6, 0x2a),
                channel(0xf8, 0x45));
  return buffer;
}

}  // namespace

std::string RenderHeatmap(const Heatmap& h) {
  double label_width = 0;
  for (const std::string& row : h.rows) label_width = std::max(label_width, TextWidth(row, kFont));
  label_width = std::min(label_width, 260.0) + 14;
  double top = 62, cell_h = 26;
  double cell_w =
      (kWidth - label_width - 10) / static_cast<double>(std::max<size_t>(h.columns.size(), 1));
  double height = top + cell_h * static_cast<double>(h.rows.size()) + 10;
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"" + h.id +
                    "\" role=\"img\" viewBox=\"0 0 " + Coord(kWidth) + " " + Coord(height) +
                    "\" aria-labelledby=\"" + h.id + "-title " + h.id + "-desc\">";
  svg += "<title id=\"" + h.id + "-title\">" + EscapeHtml(h.title) + "</title>";
  svg += "<desc id=\"" + h.id + "-desc\">" + EscapeHtml(h.description) + "</desc>";
  svg += SvgText(10, 22, h.title, "class=\"chart-title\"");
  svg += SvgText(label_width + (kWidth - label_width - 10) / 2, 42, h.column_axis,
                 "class=\"axis\" text-anchor=\"middle\"");
  for (size_t c = 0; c < h.columns.size(); ++c) {
    double x = label_width + cell_w * (static_cast<double>(c) + 0.5);
    svg += SvgText(x, top - 6, h.columns[c], "class=\"tick\" text-anchor=\"middle\"");
  }
  for (size_t r = 0; r < h.rows.size(); ++r) {
    double y = top + cell_h * static_cast<double>(r);
    svg += "<g><title>" + EscapeHtml(h.rows[r]) + "</title>" +
           SvgText(label_width - 8, y + cell_h / 2 + 4, Truncate(h.rows[r], 260, kFont),
                   "class=\"category\" text-anchor=\"end\"") +
           "</g>";
    for (size_t c = 0; c < h.columns.size(); ++c) {
      double v = h.values[r][c], x = label_width + cell_w * static_cast<double>(c);
      std::string tip =
          h.rows[r] + " \u2014 " + h.column_axis + " " + h.columns[c] + ": " + h.labels[r][c];
      svg += "<rect x=\"" + Coord(x) + "\" y=\"" + Coord(y) + "\" width=\"" + Coord(cell_w) +
             "\" height=\"" + Coord(cell_h) + "\" fill=\"" + Shade(v) +
             "\" stroke=\"#ffffff\" stroke-width=\"1\"><title>" + EscapeHtml(tip) +
             "</title></rect>";
      svg += SvgText(x + cell_w / 2, y + cell_h / 2 + 4, h.labels[r][c],
                     std::string("class=\"value\" text-anchor=\"middle\"") +
                         (v > 0.5 ? " style=\"fill:#ffffff\"" : ""));
    }
  }
  return svg + "</svg>";
}

}  // namespace allot::detail
