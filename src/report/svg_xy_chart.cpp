// Lines and points on two linear axes in SVG: a legend on top, the y axis
// on the left (its label turned upright), the x axis at the bottom.
#include <algorithm>
#include <cmath>

#include "report/html_escape.hpp"
#include "report/svg_chart.hpp"

namespace allot::detail {

namespace {

constexpr double kWidth = 880;
constexpr double kPlotHeight = 320;
constexpr double kTickFont = 10;
constexpr double kLabelFont = 11;
constexpr double kLegendFont = 12;
constexpr double kLegendRow = 18;
constexpr double kLabelRow = 13;  // vertical step when a point label must move

// Dark to mid-dark: every series stays visible on white in greyscale; what
// tells them apart is the dash pattern and the marker.
constexpr const char* kInk[] = {"#1f3b5a", "#1a1a1a", "#4d6f91", "#5a5a5a"};

const char* Ink(size_t series) { return kInk[series % (sizeof kInk / sizeof kInk[0])]; }

std::string Dash(XyLine line) {
  switch (line) {
    case XyLine::kDashed:
      return " stroke-dasharray=\"6 4\"";
    case XyLine::kDotted:
      return " stroke-dasharray=\"1.5 3\" stroke-linecap=\"round\"";
    default:
      return "";
  }
}

// The marker shape centred on (x, y), with `inner` (e.g. a <title>) inside.
std::string Marker(XyMarker m, double x, double y, const char* ink, const std::string& inner) {
  std::string filled = std::string(" fill=\"") + ink + "\" stroke=\"#ffffff\" stroke-width=\"1\">";
  std::string open = std::string(" fill=\"#ffffff\" stroke=\"") + ink + "\" stroke-width=\"1.6\">";
  switch (m) {
    case XyMarker::kDot:
      return "<circle cx=\"" + Coord(x) + "\" cy=\"" + Coord(y) + "\" r=\"3.5\"" + filled + inner +
             "</circle>";
    case XyMarker::kOpenCircle:
      return "<circle cx=\"" + Coord(x) + "\" cy=\"" + Coord(y) + "\" r=\"4\"" + open + inner +
             "</circle>";
    case XyMarker::kDiamond:
      return "<path d=\"M" + Coord(x) + " " + Coord(y - 6) + "L" + Coord(x + 6) + " " + Coord(y) +
             "L" + Coord(x) + " " + Coord(y + 6) + "L" + Coord(x - 6) + " " + Coord(y) + "Z\"" +
             filled + inner + "</path>";
    case XyMarker::kOpenSquare:
      return "<rect x=\"" + Coord(x - 3.5) + "\" y=\"" + Coord(y - 3.5) +
             "\" width=\"7\" height=\"7\"" + open + inner + "</rect>";
    case XyMarker::kNone:
      break;
  }
  return "";
}

struct Box {
  double left, top, right, bottom;
  bool Overlaps(const Box& o) const {
    return left < o.right && o.left < right && top < o.bottom && o.top < bottom;
  }
};

struct Layout {
  double plot_left = 0, plot_right = 0, plot_top = 0, plot_bottom = 0;
  std::vector<double> x_ticks, y_ticks;
  std::string legend;
  double X(double v) const {
    return plot_left +
           (v - x_ticks.front()) / (x_ticks.back() - x_ticks.front()) * (plot_right - plot_left);
  }
  double Y(double v) const {
    return plot_bottom -
           (v - y_ticks.front()) / (y_ticks.back() - y_ticks.front()) * (plot_bottom - plot_top);
  }
};

// The legend's sample of a series: a short stretch of its line and its marker.
std::string LegendSample(const XySeries& s, size_t index, double x, double y) {
  std::string svg;
  if (s.line != XyLine::kNone) {
    svg += "<line x1=\"" + Coord(x) + "\" y1=\"" + Coord(y) + "\" x2=\"" + Coord(x + 28) +
           "\" y2=\"" + Coord(y) + "\" stroke=\"" + Ink(index) + "\" stroke-width=\"2\"" +
           Dash(s.line) + "/>";
  }
  return svg + Marker(s.marker, x + 14, y, Ink(index), "");
}

Layout LayOut(const XyChart& c) {
  Layout l;
  double x_lo = 0, x_hi = 0, y_lo = 0, y_hi = 0;
  for (const XySeries& s : c.series) {
    for (const std::vector<XyMark>& path : s.paths) {
      for (const XyMark& m : path) {
        x_lo = std::min(x_lo, m.x);
        x_hi = std::max(x_hi, m.x);
        y_lo = std::min(y_lo, m.y);
        y_hi = std::max(y_hi, m.y);
      }
    }
  }
  l.x_ticks = NiceTicks(x_lo, x_hi, 6);
  l.y_ticks = NiceTicks(y_lo, y_hi, 5);
  double tick_width = 0;
  for (double t : l.y_ticks)
    tick_width = std::max(tick_width, TextWidth(c.y_format ? c.y_format(t) : Coord(t), kTickFont));
  l.plot_left = 26 + tick_width + 8;  // the upright axis label, then the tick labels
  // The last x tick's label is centred on the plot's right edge: room for its half.
  std::string last = c.x_format ? c.x_format(l.x_ticks.back()) : Coord(l.x_ticks.back());
  l.plot_right = kWidth - std::max(16.0, TextWidth(last, kTickFont) / 2 + 6);
  // The legend in rows that fit the width.
  double x = 0, y = 44;
  for (size_t i = 0; i < c.series.size(); ++i) {
    double w = 36 + TextWidth(c.series[i].name, kLegendFont) + 20;
    if (x > 0 && l.plot_left + x + w > kWidth - 10) {
      x = 0;
      y += kLegendRow;
    }
    l.legend += LegendSample(c.series[i], i, l.plot_left + x, y - 4) +
                SvgText(l.plot_left + x + 36, y, c.series[i].name, "class=\"legend\"");
    x += w;
  }
  l.plot_top = y + 18;
  l.plot_bottom = l.plot_top + kPlotHeight;
  return l;
}

std::string Axes(const XyChart& c, const Layout& l) {
  std::string svg;
  for (double t : l.x_ticks) {
    std::string x = Coord(l.X(t));
    svg += "<line x1=\"" + x + "\" y1=\"" + Coord(l.plot_top) + "\" x2=\"" + x + "\" y2=\"" +
           Coord(l.plot_bottom) + "\" stroke=\"" + (t == 0 ? "#333" : "#d0d0d0") +
           "\" stroke-width=\"" + (t == 0 ? "1" : "0.6") + "\"/>";
    svg += SvgText(l.X(t), l.plot_bottom + 14, c.x_format ? c.x_format(t) : Coord(t),
                   "class=\"tick\" text-anchor=\"middle\"");
  }
  for (double t : l.y_ticks) {
    std::string y = Coord(l.Y(t));
    svg += "<line x1=\"" + Coord(l.plot_left) + "\" y1=\"" + y + "\" x2=\"" + Coord(l.plot_right) +
           "\" y2=\"" + y + "\" stroke=\"" + (t == 0 ? "#333" : "#d0d0d0") + "\" stroke-width=\"" +
           (t == 0 ? "1" : "0.6") + "\"/>";
    svg += SvgText(l.plot_left - 6, l.Y(t) + 3.5, c.y_format ? c.y_format(t) : Coord(t),
                   "class=\"tick\" text-anchor=\"end\"");
  }
  svg += SvgText((l.plot_left + l.plot_right) / 2, l.plot_bottom + 32, c.x_label,
                 "class=\"axis\" text-anchor=\"middle\"");
  double mid = (l.plot_top + l.plot_bottom) / 2;
  svg += "<text x=\"14\" y=\"" + Coord(mid) +
         "\" class=\"axis\" text-anchor=\"middle\" transform=\"rotate(-90 14 " + Coord(mid) +
         ")\">" + EscapeHtml(c.y_label) + "</text>";
  return svg;
}

std::string PathData(const std::vector<XyMark>& path, bool steps, const Layout& l) {
  std::string d;
  for (size_t i = 0; i < path.size(); ++i) {
    double x = l.X(path[i].x), y = l.Y(path[i].y);
    if (i == 0)
      d += "M" + Coord(x) + " " + Coord(y);
    else if (steps)
      d += "H" + Coord(x) + "V" + Coord(y);
    else
      d += "L" + Coord(x) + " " + Coord(y);
  }
  return d;
}

// Puts a label beside its marker: right of it, or left near the right edge;
// moved down or up a row at a time until it overlaps no label placed
// before it, with a thin leader when it moved.
std::string PlaceLabel(const XyMark& m, const Layout& l, std::vector<Box>& placed) {
  double x = l.X(m.x), y = l.Y(m.y);
  double w = TextWidth(m.label, kLabelFont);
  bool left = x + 9 + w > kWidth - 4;
  double lx = left ? x - 9 : x + 9;
  Box box{};
  double ly = y + 4;
  for (int step = 0; step < 40; ++step) {
    int k = (step + 1) / 2;
    double offset = (step % 2 == 1 ? 1 : -1) * k * kLabelRow;  // 0, +1, -1, +2, -2 rows ...
    ly = y + 4 + offset;
    box = Box{left ? lx - w : lx, ly - 10, left ? lx : lx + w, ly + 2};
    bool clear =
        std::none_of(placed.begin(), placed.end(), [&](const Box& b) { return b.Overlaps(box); });
    if (clear && box.top >= l.plot_top - 12 && box.bottom <= l.plot_bottom + 2) break;
  }
  placed.push_back(box);
  std::string svg;
  if (std::abs(ly - (y + 4)) > 1) {
    svg += "<line x1=\"" + Coord(x) + "\" y1=\"" + Coord(y) + "\" x2=\"" + Coord(lx) + "\" y2=\"" +
           Coord(ly - 4) + "\" stroke=\"#8a8a8a\" stroke-width=\"0.6\"/>";
  }
  return svg + SvgText(lx, ly, m.label,
                       std::string("class=\"point-label\" text-anchor=\"") +
                           (left ? "end" : "start") + "\"");
}

std::string Series(const XyChart& c, const Layout& l, std::vector<Box>& placed,
                   std::string& labels) {
  std::string svg;
  for (size_t i = 0; i < c.series.size(); ++i) {
    const XySeries& s = c.series[i];
    std::string group = "<g class=\"series\"><title>" + EscapeHtml(s.name) + "</title>";
    for (const std::vector<XyMark>& path : s.paths) {
      if (s.line != XyLine::kNone && path.size() > 1) {
        group += "<path d=\"" + PathData(path, s.steps, l) + "\" fill=\"none\" stroke=\"" + Ink(i) +
                 "\" stroke-width=\"" + (s.line == XyLine::kSolid ? "2" : "1.4") + "\"" +
                 Dash(s.line) + "/>";
      }
      for (const XyMark& m : path) {
        if (m.marker)
          group += Marker(s.marker, l.X(m.x), l.Y(m.y), Ink(i),
                          "<title>" + EscapeHtml(m.tip) + "</title>");
        if (!m.label.empty()) labels += PlaceLabel(m, l, placed);
      }
    }
    svg += group + "</g>";
  }
  return svg;
}

}  // namespace

std::string RenderXyChart(const XyChart& c) {
  Layout l = LayOut(c);
  std::string id = EscapeHtml(c.id);
  double height = l.plot_bottom + 44;
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"" + id +
                    "\" role=\"img\" viewBox=\"0 0 " + Coord(kWidth) + " " + Coord(height) +
                    "\" aria-labelledby=\"" + id + "-title " + id + "-desc\">";
  svg += "<title id=\"" + id + "-title\">" + EscapeHtml(c.title) + "</title>";
  svg += "<desc id=\"" + id + "-desc\">" + EscapeHtml(c.description) + "</desc>";
  svg += SvgText(10, 22, c.title, "class=\"chart-title\"");
  std::vector<Box> placed;
  std::string labels;
  svg += l.legend + Axes(c, l) + Series(c, l, placed, labels);
  // Labels last, on a white halo, so that no line runs through their text.
  svg += "<g class=\"point-labels\">" + labels + "</g>";
  return svg + "</svg>";
}

}  // namespace allot::detail
