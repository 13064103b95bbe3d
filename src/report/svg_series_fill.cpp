// How the bar chart tells its series apart without colour: four shades from
// dark to light, and beyond four series, hatching drawn as plain strokes
// over the bar.
//
// Never an SVG <pattern>: Chromium prints a pattern-filled shape to PDF as
// its tiles, one by one, so a report of 15 scenarios printed to about
// 50 MB (and took minutes). A dashed line and two thin lines per bar print
// as three vector strokes.
#include <algorithm>
#include <cmath>

#include "report/svg_chart.hpp"

namespace allot::detail {

namespace {

// Fills from dark to light, far enough apart to tell in greyscale.
constexpr const char* kFills[] = {"#1f3b5a", "#5b86b0", "#a9c4de", "#e4edf6"};
constexpr size_t kFillCount = sizeof kFills / sizeof kFills[0];

// Hatch line colour against each fill: light lines on dark fills and back.
constexpr const char* kHatch[] = {"#ffffff", "#ffffff", "#1f3b5a", "#1f3b5a"};

// The hatchings, in the order series use them after the plain fills: so no
// two of 16 series look alike (the report of 15 scenarios has 15).
enum class Hatching { kNone, kVertical, kHorizontal, kCrossed };
constexpr Hatching kHatchings[] = {Hatching::kNone, Hatching::kVertical, Hatching::kHorizontal,
                                   Hatching::kCrossed};
constexpr size_t kHatchingCount = sizeof kHatchings / sizeof kHatchings[0];

// Vertical stripes: a line along the middle of the bar, as thick as the
// bar, dashed 2.5 on, 3.5 off (butt ends, so nothing leaves the bar).
std::string VerticalStripes(const char* colour, double x, double y, double w, double h) {
  std::string mid = Coord(y + h / 2);
  return "<line x1=\"" + Coord(x) + "\" y1=\"" + mid + "\" x2=\"" + Coord(x + w) + "\" y2=\"" +
         mid + "\" stroke=\"" + colour + "\" stroke-width=\"" + Coord(h) +
         "\" stroke-dasharray=\"2.5 3.5\" pointer-events=\"none\"/>";
}

// Horizontal stripes: lines 1.5 thick, evenly spaced about 4.5 apart.
std::string HorizontalStripes(const char* colour, double x, double y, double w, double h) {
  int lines = std::max(1, static_cast<int>(std::floor(h / 4.5)));
  std::string d;
  for (int k = 1; k <= lines; ++k) {
    d += "M" + Coord(x) + " " + Coord(y + h * k / (lines + 1)) + "H" + Coord(x + w);
  }
  return "<path d=\"" + d + "\" stroke=\"" + colour +
         "\" stroke-width=\"1.5\" fill=\"none\" pointer-events=\"none\"/>";
}

}  // namespace

std::string SeriesFill(size_t index) { return kFills[index % kFillCount]; }

std::string SeriesHatching(size_t index, double x, double y, double w, double h) {
  Hatching hatching = kHatchings[(index / kFillCount) % kHatchingCount];
  const char* colour = kHatch[index % kFillCount];
  // Inside the bar's outline (0.5 to 0.6 wide), which stays whole.
  x += 0.3, y += 0.3, w -= 0.6, h -= 0.6;
  if (hatching == Hatching::kNone || w < 0.5 || h < 0.5) return "";
  std::string svg;
  if (hatching == Hatching::kVertical || hatching == Hatching::kCrossed)
    svg += VerticalStripes(colour, x, y, w, h);
  if (hatching == Hatching::kHorizontal || hatching == Hatching::kCrossed)
    svg += HorizontalStripes(colour, x, y, w, h);
  return svg;
}

}  // namespace allot::detail
