// Piecewise-linear approximations of effect curves for the MILP: chords
// (inner, below a concave curve) or left tangents (outer, above it).
#include <algorithm>
#include <cmath>

#include "allot/evaluate.hpp"
#include "optimise/problem.hpp"

namespace allot::detail {

namespace {

double Euros(Money m) { return static_cast<double>(m.cents()) / 100.0; }

// The curve's value at x EUR, ignoring any threshold (applied by the caller).
double Value(const Curve& curve, double x) {
  Curve plain = curve;
  plain.threshold.reset();
  // CurveValue takes cents; the breakpoints here need not be whole cents,
  // so evaluate the formula directly for the smooth curves.
  switch (curve.kind) {
    case CurveKind::kLinear:
      return curve.points.likely * x / Euros(curve.per);
    case CurveKind::kSaturating:
      return curve.max.likely * x / (x + curve.half.likely);
    case CurveKind::kTable:
      break;
  }
  double x0 = 0;
  double v0 = 0;
  for (const TablePoint& point : plain.table) {
    double x1 = Euros(point.x);
    double v1 = point.value.likely;
    if (x <= x1) return v0 + (v1 - v0) * (x - x0) / (x1 - x0);
    x0 = x1;
    v0 = v1;
  }
  return v0;
}

// Derivative of a saturating curve: max * half / (x + half)^2.
double SaturatingSlope(const Curve& curve, double x) {
  double h = curve.half.likely;
  return curve.max.likely * h / ((x + h) * (x + h));
}

// The slope of a table curve just right of x (0 past its last point), or
// just left of it: at a table point the two differ.
double TableSlope(const Curve& curve, double x, bool left) {
  double x0 = 0;
  double v0 = 0;
  for (const TablePoint& point : curve.table) {
    double x1 = Euros(point.x);
    double v1 = point.value.likely;
    if (left ? x <= x1 : x < x1) return (v1 - v0) / (x1 - x0);
    x0 = x1;
    v0 = v1;
  }
  return 0;
}

// Breakpoints on [start, upper]. Saturating: equal steps in value, where
// the curve bends most; table: its own points; linear: the two ends.
std::vector<double> Breakpoints(const Curve& curve, double start, double upper, int segments,
                                const std::vector<double>& extra) {
  std::vector<double> xs = {start};
  if (curve.kind == CurveKind::kSaturating) {
    double h = curve.half.likely;
    double u0 = start / (start + h);
    double u1 = upper / (upper + h);
    for (int k = 1; k < segments; ++k) {
      double u = u0 + (u1 - u0) * k / segments;
      xs.push_back(h * u / (1 - u));
    }
  } else if (curve.kind == CurveKind::kTable) {
    for (const TablePoint& point : curve.table) {
      double x = Euros(point.x);
      if (x > start && x < upper) xs.push_back(x);
    }
  }
  // Refinement (saturating curves only: tables and lines are exact already).
  if (curve.kind == CurveKind::kSaturating) {
    for (double x : extra) {
      if (x > start && x < upper) xs.push_back(x);
    }
    std::sort(xs.begin(), xs.end());
    // Points closer than this add nothing but a degenerate piece.
    double tiny = 1e-9 * (1 + upper);
    std::vector<double> unique;
    for (double x : xs) {
      if (unique.empty() || x > unique.back() + tiny) unique.push_back(x);
    }
    xs = unique;
  }
  xs.push_back(upper);
  return xs;
}

Piece MakePiece(const Curve& curve, double x0, double x1, Approx approx) {
  Piece piece{x0, x1, Value(curve, x0), 0};
  double chord = x1 > x0 ? (Value(curve, x1) - piece.v0) / (x1 - x0) : 0;
  piece.slope = chord;
  if (curve.kind == CurveKind::kSaturating) {
    // Concave (max >= 0): the chord is below, the left tangent above;
    // convex (max < 0): the other way round.
    double tangent = SaturatingSlope(curve, x0);
    bool concave = curve.max.likely >= 0;
    bool want_tangent = (approx == Approx::kOuter) == concave;
    piece.slope = want_tangent ? tangent : chord;
  }
  return piece;
}

}  // namespace

double CurveValueAt(const Curve& curve, double x) { return Value(curve, x); }

double CurveSlopeAt(const Curve& curve, double x, bool left) {
  switch (curve.kind) {
    case CurveKind::kLinear:
      return curve.points.likely / Euros(curve.per);
    case CurveKind::kSaturating:
      return SaturatingSlope(curve, x);
    case CurveKind::kTable:
      return TableSlope(curve, x, left);
  }
  return 0;
}

std::vector<Piece> CurvePieces(const Curve& curve, double upper, int segments, double margin,
                               Approx approx, const std::vector<double>& extra) {
  std::vector<Piece> pieces;
  if (upper <= 0) return pieces;
  double start = 0;
  if (curve.threshold && !curve.threshold->IsZero()) {
    // Below the threshold nothing; the jump sits a margin above it so that
    // rounding the answer to cents cannot fall below the threshold.
    start = Euros(*curve.threshold) + margin;
    if (start >= upper) return {Piece{0, upper, 0, 0}};
    pieces.push_back(Piece{0, start, 0, 0});
  }
  std::vector<double> xs = Breakpoints(curve, start, upper, std::max(1, segments), extra);
  for (size_t k = 0; k + 1 < xs.size(); ++k) {
    if (xs[k + 1] > xs[k]) pieces.push_back(MakePiece(curve, xs[k], xs[k + 1], approx));
  }
  return pieces;
}

std::vector<Piece> TangentEnvelope(const Curve& curve, const std::vector<Piece>& inner) {
  if (inner.empty()) return {};
  struct Tangent {
    double x;  // where it touches the curve
    double v;
    double slope;
  };
  std::vector<Tangent> tangents;
  for (const Piece& p : inner)
    tangents.push_back({p.x0, Value(curve, p.x0), SaturatingSlope(curve, p.x0)});
  double end = inner.back().x1;
  tangents.push_back({end, Value(curve, end), SaturatingSlope(curve, end)});
  std::vector<Piece> pieces;
  double from = inner.front().x0;
  for (size_t k = 0; k < tangents.size(); ++k) {
    const Tangent& t = tangents[k];
    double to = end;
    if (k + 1 < tangents.size()) {
      const Tangent& u = tangents[k + 1];
      // The crossing lies between the two touching points; equal slopes
      // (touching points too close to tell apart) hand over at u.x.
      double gap = t.slope - u.slope;
      to = gap > 0 ? (u.v - t.v + t.slope * t.x - u.slope * u.x) / gap : u.x;
      to = std::clamp(to, std::max(from, t.x), u.x);
    }
    if (to > from) {
      pieces.push_back(Piece{from, to, t.v + t.slope * (from - t.x), t.slope});
    }
    from = std::max(from, to);
  }
  return pieces;
}

bool IsConcave(const std::vector<Piece>& pieces) {
  if (pieces.empty()) return true;
  if (pieces.front().x0 != 0 || pieces.front().v0 != 0) return false;
  for (size_t k = 1; k < pieces.size(); ++k) {
    const Piece& a = pieces[k - 1];
    const Piece& b = pieces[k];
    double end = a.v0 + a.slope * (a.x1 - a.x0);
    // Outer pieces of a concave curve do not join up (each starts on the
    // curve, below the previous tangent), which the LP fill handles too:
    // in order, the sum of slopes times lengths stays above the curve.
    if (b.slope > a.slope) return false;
    if (b.v0 > end + 1e-9 * (1 + std::fabs(end))) return false;
  }
  return true;
}

}  // namespace allot::detail
