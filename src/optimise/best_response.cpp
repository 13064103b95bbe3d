// A line at its best for given prices, on its true curves: where the
// refinement puts new breakpoints, and each line's share of the dual bound
// (src/optimise/dual_bound.cpp).
#include <algorithm>
#include <cmath>

#include "optimise/problem.hpp"

namespace allot::detail {

namespace {

double Euros(Money m) { return static_cast<double>(m.cents()) / 100.0; }

// A saturating curve with a negative maximum is convex; every other curve
// is concave (or linear) between its table points.
bool Convex(const Curve& curve) {
  return curve.kind == CurveKind::kSaturating && curve.max.likely < 0;
}

// The gain at given prices on one stretch of totals, where every effect
// is either past its threshold or not (decided at a point inside).
struct Stretch {
  const Line& line;
  const std::vector<double>& worth;  // per effect of the line
  double cost;
  double inside;

  bool Active(const Effect& e) const {
    return !e.curve.threshold || inside >= Euros(*e.curve.threshold);
  }
  // The concave part (with the cost) or the convex part at x.
  double Part(double x, bool convex) const {
    double g = convex ? 0 : -cost * x;
    for (size_t k = 0; k < line.effects.size(); ++k) {
      const Effect& e = line.effects[k];
      if (Active(e) && Convex(e.curve) == convex) g += worth[k] * CurveValueAt(e.curve, x);
    }
    return g;
  }
  // The slope inside the stretch: at its right end the one from the left
  // (past a table point the slope is another stretch's; a tangent with it
  // would not bound this one).
  double PartSlope(double x, bool convex) const {
    double d = convex ? 0 : -cost;
    for (size_t k = 0; k < line.effects.size(); ++k) {
      const Effect& e = line.effects[k];
      if (Active(e) && Convex(e.curve) == convex)
        d += worth[k] * CurveSlopeAt(e.curve, x, x > inside);
    }
    return d;
  }
  bool AnyConvex() const {
    for (size_t k = 0; k < line.effects.size(); ++k) {
      if (Active(line.effects[k]) && Convex(line.effects[k].curve) && worth[k] != 0) return true;
    }
    return false;
  }
  double Gain(double x) const { return Part(x, false) + Part(x, true); }
  double Slope(double x) const { return PartSlope(x, false) + PartSlope(x, true); }

  // Where the slope turns from up to down on [a, b] (bisection), or the
  // better end.
  double Peak(double a, double b) const {
    if (!(Slope(a) > 0)) return a;
    if (!(Slope(b) < 0)) return b;
    for (int step = 0; step < 200 && b - a > 1e-12 * (1 + b); ++step) {
      double mid = a + (b - a) / 2;
      (Slope(mid) > 0 ? a : b) = mid;
    }
    return a;
  }

  // At least the gain anywhere on [a, b]: the concave part lies below its
  // tangent at any point m, a convex part below its chord, so their sum
  // lies below a line, which is highest at an end.
  double Bound(double a, double b, double m) const {
    double c = Part(m, false);
    double d = PartSlope(m, false);
    double va = Part(a, true);
    double vb = Part(b, true);
    return std::max(c + d * (a - m) + va, c + d * (b - m) + vb);
  }
  double UpperBound(double a, double b) const {
    if (!AnyConvex()) return Bound(a, b, Peak(a, b));
    // Concave and convex together: the tangent and the chord are close
    // only on short stretches.
    constexpr int kParts = 32;
    double most = -HUGE_VAL;
    for (int k = 0; k < kParts; ++k) {
      double p = a + (b - a) * k / kParts;
      double q = k + 1 == kParts ? b : a + (b - a) * (k + 1) / kParts;
      most = std::max(most, Bound(p, q, p + (q - p) / 2));
    }
    return most;
  }
};

}  // namespace

LineGain BestResponse(const Model& model, const Line& line, const std::vector<double>& worth,
                      double cost, double lo, double hi) {
  hi = std::max(lo, hi);
  // Stretches between thresholds and table points are smooth.
  std::vector<double> xs = {lo, hi};
  for (const Effect& e : line.effects) {
    if (e.curve.threshold) xs.push_back(Euros(*e.curve.threshold));
    for (const TablePoint& point : e.curve.table) xs.push_back(Euros(point.x));
  }
  xs.erase(std::remove_if(xs.begin(), xs.end(), [&](double x) { return x < lo || x > hi; }),
           xs.end());
  std::sort(xs.begin(), xs.end());
  xs.erase(std::unique(xs.begin(), xs.end()), xs.end());
  std::vector<double> per_effect;
  for (const Effect& e : line.effects)
    per_effect.push_back(worth[static_cast<size_t>(model.ObjectiveIndex(e.objective))]);
  LineGain best{lo, -HUGE_VAL};
  double best_gain = -HUGE_VAL;
  auto consider = [&](const Stretch& s, double x) {
    double gain = s.Gain(x);
    if (gain > best_gain) best_gain = gain, best.total = x;
  };
  // Each point itself, with every threshold it reaches.
  for (double x : xs) {
    Stretch at{line, per_effect, cost, x};
    consider(at, x);
    best.bound = std::max(best.bound, at.Gain(x));
  }
  for (size_t k = 0; k + 1 < xs.size(); ++k) {
    double a = xs[k];
    double b = xs[k + 1];
    Stretch s{line, per_effect, cost, a + (b - a) / 2};
    consider(s, s.Peak(a, b));
    best.bound = std::max(best.bound, s.UpperBound(a, b));
  }
  return best;
}

}  // namespace allot::detail
