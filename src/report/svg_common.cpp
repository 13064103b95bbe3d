// Pieces shared by the SVG charts: axis ticks, text metrics, coordinates.
#include <cmath>
#include <cstdio>

#include "core/finite_output.hpp"
#include "render/display_width.hpp"
#include "render/number.hpp"
#include "render/text.hpp"
#include "report/html_escape.hpp"
#include "report/svg_chart.hpp"

namespace allot::detail {

std::vector<double> NiceTicks(double lo, double hi, int target) {
  CheckFinite(lo);
  CheckFinite(hi);
  // Wide enough that the range is more than rounding: near 10^16 EUR,
  // lo + 1 == lo, and a step below the spacing of doubles would never move.
  hi = std::max(hi, lo + std::max(1.0, std::abs(lo) * 1e-9));
  double raw = (hi - lo) / std::max(target, 1);
  double power = std::pow(10.0, std::floor(std::log10(raw)));
  // The step of 1, 2, 5 or 10 times the power nearest to the raw step.
  double step = power;
  for (double factor : {2.0, 5.0, 10.0}) {
    if (std::abs(factor * power - raw) < std::abs(step - raw)) step = factor * power;
  }
  std::vector<double> ticks;
  double first = std::floor(lo / step) * step;
  double last = std::ceil(hi / step) * step;
  // Counted, not accumulated: t += step could stall or drift.
  double count = std::round((last - first) / step);
  for (double k = 0; k <= count && k <= 1000; ++k) {
    double t = first + k * step;
    ticks.push_back(std::abs(t) < step / 1e6 ? 0.0 : t);  // no "-0" from rounding
  }
  return ticks;
}

double TextWidth(const std::string& text, double font_size) {
  // 0.56 em is the average advance of the system sans-serif fonts for mixed
  // lower-case text; the estimate only sizes margins, it never clips text.
  return static_cast<double>(DisplayWidth(text)) * font_size * 0.56;
}

std::string Truncate(const std::string& text, double max_width, double font_size) {
  if (TextWidth(text, font_size) <= max_width) return text;
  std::string cut;
  size_t kept = 0;
  size_t limit = static_cast<size_t>(std::max(1.0, max_width / (font_size * 0.56) - 1));
  for (size_t i = 0; i < text.size(); ++i) {
    bool lead = (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    if (lead && kept++ == limit) break;
    cut += text[i];
  }
  return cut + "\u2026";
}

std::string Coord(double value) {
  CheckFinite(value);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  std::string text = buffer;
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text == "-0" ? "0" : text;
}

std::string SvgText(double x, double y, const std::string& text, const std::string& attrs) {
  return "<text x=\"" + Coord(x) + "\" y=\"" + Coord(y) + "\" " + attrs + ">" + EscapeHtml(text) +
         "</text>";
}

}  // namespace allot::detail
