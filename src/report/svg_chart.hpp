// Hand-written SVG charts for the HTML report (internal). What is drawn is
// simple (bars on a linear axis, a grid of shaded cells, lines and points
// on two linear axes), so a few hundred lines of SVG text beat a charting
// dependency; see docs/report.md.
//
// Every chart is readable in greyscale: bar series differ in lightness and
// in hatching, line series in dash pattern and marker shape, every bar and
// labelled point carries its text as a direct label, and each bar and
// marker has a <title> (a tooltip and the accessible name).
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace allot::detail {

struct BarSeries {
  std::string name;                 // legend entry
  std::vector<double> values;       // one per category; used for geometry only
  std::vector<std::string> labels;  // one per category: the exact text shown at the bar
};

// Horizontal bars: one group per category, one bar per series inside each
// group, in series order (top to bottom, the same order as the legend).
// Negative values extend left of a zero line.
struct BarChart {
  std::string id;           // unique within the document, [a-z0-9-] only; prefixes its element ids
  std::string title;        // drawn above the plot and used as <title>
  std::string description;  // <desc>: one sentence on what the chart shows
  std::string axis_label;   // the value axis, with its unit
  std::vector<std::string> categories;
  std::vector<BarSeries> series;
  double min_extent = 0;  // the axis covers at least [0, min_extent] (e.g. 100 points)
  std::function<std::string(double)> tick_format;  // labels of the value axis
};

// The chart as an <svg> element (no XML declaration), to be inlined in HTML.
// All text is escaped; so is everything RenderHeatmap writes.
std::string RenderBarChart(const BarChart& chart);

// A grid of cells shaded from light (0) to dark (1), each with a text label:
// e.g. scenarios x ranks with the share of samples at each rank.
struct Heatmap {
  std::string id;  // as BarChart::id
  std::string title;
  std::string description;
  std::string column_axis;  // what the columns are, e.g. "rank"
  std::vector<std::string> rows;
  std::vector<std::string> columns;
  std::vector<std::vector<double>> values;       // rows x columns, in [0, 1]
  std::vector<std::vector<std::string>> labels;  // rows x columns
};

std::string RenderHeatmap(const Heatmap& heatmap);

// Lines and points on two linear axes (e.g. score against budget). Series
// tell apart by dash pattern and marker shape, not by colour alone.
enum class XyLine { kNone, kSolid, kDashed, kDotted };
enum class XyMarker { kNone, kDot, kDiamond, kOpenCircle, kOpenSquare };

struct XyMark {
  double x = 0, y = 0;
  std::string label;   // drawn beside the marker (moved clear of other labels); may be empty
  std::string tip;     // the marker's <title>
  bool marker = true;  // false: a path vertex without a marker
};

struct XySeries {
  std::string name;  // legend entry
  XyLine line = XyLine::kSolid;
  XyMarker marker = XyMarker::kDot;
  bool steps = false;                      // join points by steps (across, then up or down)
  std::vector<std::vector<XyMark>> paths;  // each path is drawn as one connected line
};

struct XyChart {
  std::string id;  // as BarChart::id
  std::string title;
  std::string description;
  std::string x_label;                          // with unit
  std::string y_label;                          // with unit
  std::vector<XySeries> series;                 // drawn in order: later series on top
  std::function<std::string(double)> x_format;  // tick labels
  std::function<std::string(double)> y_format;
};

// Both axes start at zero (or below, for negative values).
std::string RenderXyChart(const XyChart& chart);

// --- shared by the chart files ------------------------------------------

// Round tick positions covering [lo, hi]: about `target` steps of 1, 2 or 5
// times a power of ten. Always contains 0 when lo <= 0 <= hi.
std::vector<double> NiceTicks(double lo, double hi, int target);

// The fill colour of series `index` (four shades, dark to light), and the
// hatching that tells series beyond the fourth apart in greyscale (none,
// vertical, horizontal, crossed stripes) as SVG strokes over the rectangle
// x, y, w, h (inside its outline): draw it after the bar's <rect>; "" when the series has none
// (svg_series_fill.cpp).
std::string SeriesFill(size_t index);
std::string SeriesHatching(size_t index, double x, double y, double w, double h);

// Estimated width in pixels of `text` in the report's sans-serif font.
double TextWidth(const std::string& text, double font_size);

// `text` cut to about `max_width` pixels with an ellipsis.
std::string Truncate(const std::string& text, double max_width, double font_size);

// A number for SVG coordinates: at most two decimals, '.' as separator.
std::string Coord(double value);

// <text x=X y=Y ATTRS>TEXT</text> with TEXT escaped; `attrs` is the chart's
// own markup (class, anchor), never text from a file.
std::string SvgText(double x, double y, const std::string& text, const std::string& attrs);

}  // namespace allot::detail
