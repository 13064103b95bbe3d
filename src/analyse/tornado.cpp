// Tornado. A parameter is moved by scoring each scenario with that one
// effect's curve changed: OneEffectEvaluator adds the changed objective's
// terms again from the moved line on, in Evaluate's order, so every bar is
// bit for bit what evaluating the whole changed scenario gives, without
// evaluating it (a full evaluation per parameter was quadratic, issue 13).
#include "allot/tornado.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <unordered_set>

#include "allot/evaluate.hpp"
#include "analyse/analysis_common.hpp"
#include "evaluate/one_effect.hpp"
#include "render/number.hpp"

namespace allot {

namespace {

// Where one uncertain Param lives: a line, one of its effects, a field.
struct ParamSlot {
  const Line* line = nullptr;
  size_t effect = 0;
  std::string field;                     // "points", "max", "half", "table[2]"
  std::function<Param&(Curve&)> access;  // the Param inside a copy of the curve
};

void AddSlot(std::vector<ParamSlot>& slots, const Line* line, size_t e, const Param& p,
             std::string field, std::function<Param&(Curve&)> access) {
  if (p.uncertain) slots.push_back({line, e, std::move(field), std::move(access)});
}

void SlotsOfLine(const Line* line, std::vector<ParamSlot>& slots) {
  for (size_t e = 0; e < line->effects.size(); ++e) {
    const Curve& c = line->effects[e].curve;
    switch (c.kind) {
      case CurveKind::kLinear:
        AddSlot(slots, line, e, c.points, "points", [](Curve& m) -> Param& { return m.points; });
        break;
      case CurveKind::kSaturating:
        AddSlot(slots, line, e, c.max, "max", [](Curve& m) -> Param& { return m.max; });
        AddSlot(slots, line, e, c.half, "half", [](Curve& m) -> Param& { return m.half; });
        break;
      case CurveKind::kTable:
        for (size_t i = 0; i < c.table.size(); ++i) {
          AddSlot(slots, line, e, c.table[i].value, "table[" + std::to_string(i + 1) + "]",
                  [i](Curve& m) -> Param& { return m.table[i].value; });
        }
        break;
    }
  }
}

// Every uncertain parameter of the lines of a and b, each line once, in
// order of line id.
std::vector<ParamSlot> UncertainSlots(const ResolvedScenario& a, const ResolvedScenario& b) {
  std::vector<const Line*> lines;
  std::unordered_set<const Line*> seen;
  for (const ResolvedScenario* r : {&a, &b}) {
    for (const ResolvedLine& l : r->lines) {
      if (seen.insert(l.def).second) lines.push_back(l.def);
    }
  }
  std::stable_sort(lines.begin(), lines.end(),
                   [](const Line* x, const Line* y) { return x->id < y->id; });
  std::vector<ParamSlot> slots;
  for (const Line* line : lines) SlotsOfLine(line, slots);
  return slots;
}

// The gap between A's and B's weighted scores, as they are and with one
// effect's curve changed in both.
struct Gap {
  detail::OneEffectEvaluator a;
  detail::OneEffectEvaluator b;
  const std::vector<double>& w;

  double Base() const { return detail::Dot(w, a.objectives()) - detail::Dot(w, b.objectives()); }
  double With(const ParamSlot& slot, const Curve& moved) const {
    return detail::Dot(w, a.ObjectivesWith(slot.line, slot.effect, moved)) -
           detail::Dot(w, b.ObjectivesWith(slot.line, slot.effect, moved));
  }
};

TornadoBar EffectBar(const Gap& gap, const ParamSlot& slot, TornadoRange range) {
  const Effect& effect = slot.line->effects[slot.effect];
  TornadoBar bar;
  bar.range = range;
  bar.factor = slot.line->id + ": " + effect.objective + " " + slot.field;
  Curve moved = effect.curve;
  Param& p = slot.access(moved);
  bool percentiles = range == TornadoRange::kP10P90;
  bar.low_value = percentiles ? TriangularQuantile(p, 0.1) : p.low;
  bar.high_value = percentiles ? TriangularQuantile(p, 0.9) : p.high;
  // Evaluate uses `likely`: set it to the end being tried.
  p.likely = bar.low_value;
  bar.gap_low = gap.With(slot, moved);
  p.likely = bar.high_value;
  bar.gap_high = gap.With(slot, moved);
  return bar;
}

std::vector<double> Scaled(const std::vector<double>& w, size_t k, double factor) {
  std::vector<double> scaled = w;
  scaled[k] *= factor;
  double sum = 0;
  for (double v : scaled) sum += v;
  for (double& v : scaled) v /= sum;
  return scaled;
}

}  // namespace

double TriangularQuantile(const Param& param, double p) {
  double low = param.low, likely = param.likely, high = param.high;
  if (!param.uncertain || !(high > low)) return likely;
  // The CDF reaches (likely - low) / (high - low) at likely; below it the
  // density rises linearly from low, above it falls linearly to high.
  double width = high - low;
  if (p * width < likely - low) return low + std::sqrt(p * width * (likely - low));
  return high - std::sqrt((1 - p) * width * (high - likely));
}

std::optional<TornadoResult> Tornado(const Model& model,
                                     const std::vector<ResolvedScenario>& scenarios,
                                     const std::string& a, const std::string& b,
                                     const std::string& weight_set, Diagnostics& diags,
                                     TornadoRange effect_range) {
  const ResolvedScenario* ra = detail::FindScenario(scenarios, a, "A", diags);
  const ResolvedScenario* rb = detail::FindScenario(scenarios, b, "B", diags);
  auto sets = detail::PickWeightSets(model, {weight_set}, diags);
  if (!ra || !rb || !sets) return std::nullopt;
  const std::vector<double>& w = sets->front().weights;

  TornadoResult result{model.title, weight_set, a, b, effect_range, 0, {}};
  Gap gap{detail::OneEffectEvaluator(model, *ra), detail::OneEffectEvaluator(model, *rb), w};
  result.base_gap = gap.Base();
  for (const ParamSlot& slot : UncertainSlots(*ra, *rb))
    result.bars.push_back(EffectBar(gap, slot, effect_range));

  const std::vector<double>& s_a = gap.a.objectives();
  const std::vector<double>& s_b = gap.b.objectives();
  for (size_t k = 0; k < w.size(); ++k) {
    if (w[k] == 0) continue;  // 25% of nothing moves nothing
    TornadoBar bar;
    bar.kind = TornadoFactorKind::kWeight;
    bar.range = TornadoRange::kWeight25;
    bar.factor = model.objectives[k].id;
    std::vector<double> low = Scaled(w, k, 0.75), high = Scaled(w, k, 1.25);
    bar.low_value = low[k];
    bar.high_value = high[k];
    bar.gap_low = detail::Dot(low, s_a) - detail::Dot(low, s_b);
    bar.gap_high = detail::Dot(high, s_a) - detail::Dot(high, s_b);
    result.bars.push_back(bar);
  }
  for (TornadoBar& bar : result.bars) {
    bar.change_low = bar.gap_low - result.base_gap;
    bar.change_high = bar.gap_high - result.base_gap;
    bar.swing = std::fabs(bar.gap_high - bar.gap_low);
  }
  // Swings equal to 9 decimals count as tied, so that rounding noise does
  // not decide the order of bars that are equal on paper.
  std::stable_sort(result.bars.begin(), result.bars.end(),
                   [](const TornadoBar& x, const TornadoBar& y) {
                     double sx = detail::Rounded(x.swing, 9), sy = detail::Rounded(y.swing, 9);
                     return sx != sy ? sx > sy : x.factor < y.factor;
                   });
  return result;
}

}  // namespace allot
