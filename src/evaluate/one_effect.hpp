// A scenario's scores with one line's effect on one objective changed,
// without evaluating the scenario again: tornado moves every uncertain
// parameter of every line, and a full Evaluate per move is quadratic in
// the number of lines (issue 13).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "allot/evaluate.hpp"
#include "allot/model.hpp"
#include "allot/resolve.hpp"

namespace allot::detail {

class OneEffectEvaluator {
 public:
  // Evaluates `scenario` once; both arguments must outlive the evaluator.
  OneEffectEvaluator(const Model& model, const ResolvedScenario& scenario);

  // Evaluate(model, scenario).objectives, bit for bit.
  const std::vector<double>& objectives() const { return capped_; }

  // Evaluate(...).objectives of the scenario in which effect `effect` of
  // every line defined by `line` has curve `moved` instead (the scenario
  // unchanged when it has no such line). Bit for bit: the changed
  // objective's terms are added again in Evaluate's order from the first
  // changed one on, starting from the partial sum before it, so the cost is
  // the number of that objective's terms after it, not the whole scenario.
  std::vector<double> ObjectivesWith(const Line* line, size_t effect, const Curve& moved) const;

 private:
  struct Occurrence {
    size_t term = 0;  // position in the objective's terms
    Money total;      // the line's spend in this scenario
  };
  struct EffectTerms {
    size_t objective = 0;
    std::vector<Occurrence> occurrences;  // ascending term
  };
  struct EffectKey {
    const Line* line;
    size_t effect;
    bool operator==(const EffectKey& o) const { return line == o.line && effect == o.effect; }
  };
  struct EffectKeyHash {
    size_t operator()(const EffectKey& k) const {
      return std::hash<const Line*>()(k.line) * 31 + k.effect;
    }
  };

  // Per objective, every line's term in the order Evaluate adds them, and
  // the partial sum before each term (before[k] = terms 0..k-1 added).
  std::vector<std::vector<double>> terms_;
  std::vector<std::vector<double>> before_;
  std::vector<double> uncapped_;
  std::vector<double> capped_;
  std::unordered_map<EffectKey, EffectTerms, EffectKeyHash> where_;
};

}  // namespace allot::detail
