// Compiling scenarios for SMAA: the lines that are the same in most
// scenarios form a common allocation whose points are computed once per
// sample; each scenario keeps only its few differences to it. This is what
// makes a sample of 15 scenarios cost little more than one.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <numeric>
#include <sstream>
#include <tuple>
#include <utility>

#include "allot/evaluate.hpp"
#include "sensitivity/draw.hpp"
#include "sensitivity/evaluator.hpp"
#include "sensitivity/plan_impl.hpp"

namespace allot {

namespace {

// A line as one scenario has it: which definition, at which total spend.
struct Variant {
  const Line* def = nullptr;  // null: the scenario does not have the line
  Money total;
  bool operator==(const Variant& o) const { return def == o.def && total == o.total; }
};

// What a variant adds to one objective: a fixed value or an item.
struct Contribution {
  uint32_t objective = 0;
  bool constant = true;
  double value = 0;   // constant
  uint32_t item = 0;  // otherwise
};

double Euros(Money m) { return static_cast<double>(m.cents()) / 100.0; }

class Compiler {
 public:
  Compiler(const Model& model, CompiledSmaa& plan) : model_(model), plan_(plan) {}

  const std::vector<Contribution>& ContributionsOf(const std::string& line_id, const Variant& v) {
    auto key = std::make_pair(v.def, v.total.cents());
    auto found = cache_.find(key);
    if (found != cache_.end()) return found->second;
    std::vector<Contribution>& out = cache_[key];
    if (v.def == nullptr) return out;
    std::map<std::string, int> ordinal;  // effects on the same objective: 0, 1, ...
    for (const Effect& effect : v.def->effects) {
      if (effect.curve.threshold && v.total < *effect.curve.threshold) continue;
      std::string prefix = EffectKeyPrefix(line_id, effect.objective, ordinal[effect.objective]++);
      uint32_t j = static_cast<uint32_t>(model_.ObjectiveIndex(effect.objective));
      out.push_back(Compile(effect.curve, Euros(v.total), prefix, j));
    }
    return out;
  }

 private:
  // The parameter's index in the plan's array: a slot when it is drawn, a
  // constant (the likely value) otherwise.
  uint32_t Ref(const Param& p, const std::string& key, bool& constant) {
    uint32_t index = static_cast<uint32_t>(plan_.params.size());
    bool drawn = plan_.options.effects == EffectsMode::kUncertain && p.uncertain && p.high > p.low;
    if (!drawn) {
      plan_.params.push_back(p.likely);
      return index;
    }
    auto found = slot_of_.find(&p);
    if (found != slot_of_.end()) {
      constant = false;
      return found->second;
    }
    SmaaSlot slot = TriangleSlot(p);
    slot.key = StreamKey(key);
    slot.param = index;
    plan_.slots.push_back(slot);
    plan_.params.push_back(p.likely);
    slot_of_[&p] = index;
    constant = false;
    return index;
  }

  SmaaItem TableItem(const Curve& curve, double x, const std::string& prefix, bool& constant) {
    double x0 = 0;
    const Param* previous = nullptr;
    Param zero = Param::Exact(0);
    for (size_t i = 0; i < curve.table.size(); ++i) {
      double x1 = Euros(curve.table[i].x);
      if (x <= x1) {
        SmaaItem item{SmaaItemKind::kTable, 0, 0, (x - x0) / (x1 - x0)};
        item.a = previous ? Ref(*previous, prefix + "table" + std::to_string(i - 1), constant)
                          : Ref(zero, "", constant);
        item.b = Ref(curve.table[i].value, prefix + "table" + std::to_string(i), constant);
        return item;
      }
      x0 = x1;
      previous = &curve.table[i].value;
    }
    size_t last = curve.table.size() - 1;  // flat after the last point
    uint32_t ref = Ref(curve.table[last].value, prefix + "table" + std::to_string(last), constant);
    return SmaaItem{SmaaItemKind::kTable, ref, ref, 0};
  }

  Contribution Compile(const Curve& curve, double x, const std::string& prefix, uint32_t j) {
    bool constant = true;
    SmaaItem item;
    switch (curve.kind) {
      case CurveKind::kLinear:
        item = SmaaItem{SmaaItemKind::kLinear, Ref(curve.points, prefix + "points", constant), 0,
                        x / Euros(curve.per)};
        break;
      case CurveKind::kSaturating: {
        item.kind = SmaaItemKind::kSaturating;
        item.a = Ref(curve.max, prefix + "max", constant);
        bool half_constant = true;
        item.b = Ref(curve.half, prefix + "half", half_constant);
        item.k = x;
        constant = constant && half_constant;
        // With a known half-way spend the curve is linear in max: no
        // division per sample.
        if (!constant && half_constant)
          item = SmaaItem{SmaaItemKind::kLinear, item.a, 0, x / (x + plan_.params[item.b])};
        break;
      }
      case CurveKind::kTable:
        item = TableItem(curve, x, prefix, constant);
        break;
    }
    Contribution c;
    c.objective = j;
    c.constant = constant;
    if (constant) {
      c.value = ItemValue(item, plan_.params.data());
    } else {
      c.item = static_cast<uint32_t>(plan_.items.size());
      plan_.items.push_back(item);
    }
    return c;
  }

  const Model& model_;
  CompiledSmaa& plan_;
  std::map<std::pair<const Line*, int64_t>, std::vector<Contribution>> cache_;
  std::map<const Param*, uint32_t> slot_of_;
};

Money TotalOf(const ResolvedLine& line) {
  return std::accumulate(line.by_year.begin(), line.by_year.end(), Money());
}

// Per line id (sorted, so file order does not matter), each scenario's variant.
std::map<std::string, std::vector<Variant>> VariantsById(
    const std::vector<ResolvedScenario>& scenarios) {
  std::map<std::string, std::vector<Variant>> by_id;
  for (size_t s = 0; s < scenarios.size(); ++s) {
    for (const ResolvedLine& line : scenarios[s].lines) {
      std::vector<Variant>& variants = by_id[line.def->id];
      variants.resize(scenarios.size());
      variants[s] = Variant{line.def, TotalOf(line)};
    }
  }
  return by_id;
}

// The variant most scenarios share; ties go to the earliest scenario's.
Variant Commonest(const std::vector<Variant>& variants) {
  size_t best = 0, best_count = 0;
  for (size_t s = 0; s < variants.size(); ++s) {
    size_t count = static_cast<size_t>(std::count(variants.begin(), variants.end(), variants[s]));
    if (count > best_count) best = s, best_count = count;
  }
  return variants[best];
}

void AddContributions(const std::vector<Contribution>& cs, double sign, double* constants,
                      std::vector<SmaaTerm>& terms) {
  for (const Contribution& c : cs) {
    if (c.constant) {
      constants[c.objective] += sign * c.value;
    } else {
      terms.push_back(SmaaTerm{c.item, c.objective, sign});
    }
  }
}

// FNV-1a over a canonical dump of the compiled arrays (doubles in hex, so
// the dump is exact): two runs merge only if this agrees.
std::string HashPlan(const CompiledSmaa& p) {
  std::ostringstream dump;
  dump << std::hexfloat << p.header.weights << '|' << p.header.effects << '|';
  for (const std::string& id : p.header.objectives) dump << id << ',';
  for (const std::string& id : p.header.scenario_ids) dump << id << ',';
  for (double v : p.params) dump << v << ',';
  for (const SmaaSlot& s : p.slots)
    dump << s.key << ':' << s.low << ':' << s.high << ':' << s.down << ':' << s.up << ',';
  for (const SmaaItem& i : p.items)
    dump << int(i.kind) << ':' << i.a << ':' << i.b << ':' << i.k << ',';
  for (double v : p.common_constant) dump << v << ',';
  for (const SmaaTerm& t : p.common_terms) dump << t.item << ':' << t.objective << ',';
  for (uint32_t b : p.direct_begin) dump << b << ',';
  for (double c : p.direct_coef) dump << c << ',';
  for (double v : p.offsets) dump << v << ',';
  for (uint32_t b : p.term_begin) dump << b << ',';
  for (const SmaaTerm& t : p.terms) dump << t.item << ':' << t.objective << ':' << t.sign << ',';
  for (uint32_t b : p.linear_begin) dump << b << ',';
  for (const SmaaLinearTerm& t : p.linear_terms)
    dump << t.param << ':' << t.objective << ':' << t.coef << ',';
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(StreamKey(dump.str())));
  return hex;
}

// The order of the slots in the parameter array: first the direct ones
// (see CompiledSmaa), grouped by objective, then the rest. Moves the
// common terms of the direct slots out of `common_terms` into
// direct_begin / direct_coef (indexed by new slot position).
std::vector<uint32_t> OrderSlots(CompiledSmaa& p) {
  std::vector<int64_t> slot_of_param(p.params.size(), -1);
  for (size_t k = 0; k < p.slots.size(); ++k)
    slot_of_param[p.slots[k].param] = static_cast<int64_t>(k);
  std::vector<uint32_t> common_reads(p.params.size(), 0);
  for (const SmaaTerm& t : p.common_terms) {
    const SmaaItem& item = p.items[t.item];
    ++common_reads[item.a];
    if (item.kind != SmaaItemKind::kLinear && item.b != item.a) ++common_reads[item.b];
  }
  struct Direct {
    uint32_t slot, objective;
    double coef;
  };
  std::vector<Direct> direct;
  std::vector<SmaaTerm> rest;
  for (const SmaaTerm& t : p.common_terms) {
    const SmaaItem& item = p.items[t.item];
    if (item.kind == SmaaItemKind::kLinear && slot_of_param[item.a] >= 0 &&
        common_reads[item.a] == 1) {
      direct.push_back(
          Direct{static_cast<uint32_t>(slot_of_param[item.a]), t.objective, t.sign * item.k});
    } else {
      rest.push_back(t);
    }
  }
  std::stable_sort(direct.begin(), direct.end(),
                   [](const Direct& a, const Direct& b) { return a.objective < b.objective; });
  p.common_terms = std::move(rest);
  p.direct_begin.assign(p.objectives + 1, 0);
  std::vector<uint32_t> order;
  std::vector<bool> placed(p.slots.size(), false);
  for (const Direct& d : direct) {
    order.push_back(d.slot);
    placed[d.slot] = true;
    p.direct_coef.push_back(d.coef);
    ++p.direct_begin[d.objective + 1];
  }
  std::partial_sum(p.direct_begin.begin(), p.direct_begin.end(), p.direct_begin.begin());
  for (uint32_t k = 0; k < p.slots.size(); ++k) {
    if (!placed[k]) order.push_back(k);
  }
  return order;
}

// Moves each scenario's linear terms out of `terms` into `linear_terms`,
// merged per (parameter, objective) and sorted by objective; `new_index`
// maps the items' parameter indexes to the final parameter array.
void SplitLinearTerms(CompiledSmaa& p, const std::vector<uint32_t>& new_index) {
  std::vector<SmaaTerm> rest;
  std::vector<uint32_t> rest_begin;
  p.linear_begin.clear();
  for (size_t s = 0; s < p.scenarios; ++s) {
    rest_begin.push_back(static_cast<uint32_t>(rest.size()));
    p.linear_begin.push_back(static_cast<uint32_t>(p.linear_terms.size()));
    std::map<std::pair<uint32_t, uint32_t>, double> merged;  // (objective, param) -> coef
    for (uint32_t t = p.term_begin[s]; t < p.term_begin[s + 1]; ++t) {
      const SmaaTerm& term = p.terms[t];
      const SmaaItem& item = p.items[term.item];
      if (item.kind == SmaaItemKind::kLinear) {
        merged[{term.objective, new_index[item.a]}] += term.sign * item.k;
      } else {
        rest.push_back(term);
      }
    }
    for (const auto& [key, coef] : merged) {
      if (coef != 0) p.linear_terms.push_back(SmaaLinearTerm{key.second, key.first, coef});
    }
  }
  rest_begin.push_back(static_cast<uint32_t>(rest.size()));
  p.linear_begin.push_back(static_cast<uint32_t>(p.linear_terms.size()));
  p.terms = std::move(rest);
  p.term_begin = std::move(rest_begin);
}

// Lays the compiled arrays out for the per-sample loop: the slots' values
// at the end of the parameter array in OrderSlots' order (so the draw
// writes one contiguous run), the slots as parallel arrays, and only the
// items some term still reads, grouped by kind (one loop per kind, no
// switch).
void Finalise(CompiledSmaa& p) {
  std::vector<uint32_t> slot_order = OrderSlots(p);
  std::vector<uint32_t> new_index(p.params.size(), 0);
  std::vector<bool> is_slot(p.params.size(), false);
  std::vector<double> params;
  for (const SmaaSlot& slot : p.slots) is_slot[slot.param] = true;
  for (size_t i = 0; i < p.params.size(); ++i) {
    if (is_slot[i]) continue;
    new_index[i] = static_cast<uint32_t>(params.size());
    params.push_back(p.params[i]);
  }
  p.first_slot_param = params.size();
  std::vector<SmaaSlot> slots;
  for (uint32_t k : slot_order) {
    SmaaSlot slot = p.slots[k];
    new_index[slot.param] = static_cast<uint32_t>(params.size());
    params.push_back(p.params[slot.param]);
    slot.param = new_index[slot.param];
    AddSlot(p.slot_arrays, slot);
    slots.push_back(slot);
  }
  p.slots = std::move(slots);
  p.params = std::move(params);
  SplitLinearTerms(p, new_index);
  std::vector<bool> read(p.items.size(), false);
  for (const SmaaTerm& t : p.common_terms) read[t.item] = true;
  for (const SmaaTerm& t : p.terms) read[t.item] = true;
  std::vector<uint32_t> order;
  for (uint32_t i = 0; i < p.items.size(); ++i) {
    if (read[i]) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](uint32_t a, uint32_t b) { return p.items[a].kind < p.items[b].kind; });
  std::vector<uint32_t> item_index(p.items.size(), 0);
  std::vector<SmaaItem> items;
  for (uint32_t k = 0; k < order.size(); ++k) {
    item_index[order[k]] = k;
    SmaaItem item = p.items[order[k]];
    item.a = new_index[item.a];
    item.b = new_index[item.b];
    items.push_back(item);
    p.item_kind_end[static_cast<int>(item.kind)] = k + 1;
  }
  for (int kind = 1; kind < 3; ++kind) {
    p.item_kind_end[kind] = std::max(p.item_kind_end[kind], p.item_kind_end[kind - 1]);
  }
  p.items = std::move(items);
  for (SmaaTerm& t : p.common_terms) t.item = item_index[t.item];
  for (SmaaTerm& t : p.terms) t.item = item_index[t.item];
}

// An upper bound of |weighted score| over every scenario and every draw:
// 100, or the largest sum of the absolute values every term can take.
double ScoreBound(const CompiledSmaa& p) {
  auto param = [&](uint32_t i) {
    if (i < p.first_slot_param) return std::fabs(p.params[i]);
    size_t k = i - p.first_slot_param;
    return std::max(std::fabs(p.slot_arrays.low[k]), std::fabs(p.slot_arrays.high[k]));
  };
  auto item = [&](const SmaaItem& it) {
    switch (it.kind) {
      case SmaaItemKind::kLinear:
        return param(it.a) * std::fabs(it.k);
      case SmaaItemKind::kSaturating:
        return param(it.a);  // spend / (spend + half) is below 1
      case SmaaItemKind::kTable:
        return std::max(param(it.a), param(it.b));
    }
    return 0.0;
  };
  const size_t J = p.objectives;
  std::vector<double> common(J, 0.0);
  for (size_t j = 0; j < J; ++j) {
    common[j] = std::fabs(p.common_constant[j]);
    for (uint32_t k = p.direct_begin[j]; k < p.direct_begin[j + 1]; ++k)
      common[j] +=
          std::fabs(p.direct_coef[k]) * param(static_cast<uint32_t>(p.first_slot_param + k));
  }
  for (const SmaaTerm& t : p.common_terms) common[t.objective] += item(p.items[t.item]);
  double bound = 100;
  for (size_t s = 0; s < p.scenarios; ++s) {
    std::vector<double> u = common;
    for (size_t j = 0; j < J; ++j) u[j] += std::fabs(p.offsets[s * J + j]);
    for (uint32_t t = p.term_begin[s]; t < p.term_begin[s + 1]; ++t)
      u[p.terms[t].objective] += item(p.items[p.terms[t].item]);
    for (uint32_t t = p.linear_begin[s]; t < p.linear_begin[s + 1]; ++t) {
      const SmaaLinearTerm& term = p.linear_terms[t];
      u[term.objective] += std::fabs(term.coef) * param(term.param);
    }
    for (double v : u) bound = std::max(bound, v);
  }
  return bound;
}

// The most fraction bits (at most kScoreBits) with which every score fits
// |trunc(score * 2^bits)| < 2^62, so that sums and squares stay exact.
int ScoreBits(double bound) {
  int bits = kScoreBits;
  while (bits > 0 && std::ldexp(bound, bits) >= std::ldexp(1.0, 62)) --bits;
  return bits;
}

SmaaHeader HeaderOf(const Model& model, const std::vector<ResolvedScenario>& scenarios,
                    const SmaaOptions& options) {
  SmaaHeader h;
  h.weights = options.weights.text;
  h.effects = options.effects == EffectsMode::kUncertain ? "uncertain" : "fixed";
  h.seed = options.seed;
  h.pairwise = scenarios.size() <= options.max_pairwise;
  for (const Objective& o : model.objectives) h.objectives.push_back(o.id);
  for (const ResolvedScenario& s : scenarios) {
    h.scenario_ids.push_back(s.id);
    h.scenario_names.push_back(s.name);
  }
  return h;
}

// The public interface over the compiled arrays.
class CompiledPlan final : public SmaaPlan {
 public:
  explicit CompiledPlan(CompiledSmaa compiled) : compiled_(std::move(compiled)) {}

  const SmaaHeader& header() const override { return compiled_.header; }

  SmaaAccumulator Run(uint64_t first, uint64_t end, unsigned threads,
                      uint64_t total_samples) const override {
    return RunCompiled(compiled_, first, end, threads, total_samples);
  }

  std::vector<uint64_t> ConfidenceHits(const CentralWeights& central, uint64_t first, uint64_t end,
                                       unsigned threads) const override {
    return ConfidenceHitsCompiled(compiled_, central, first, end, threads);
  }

  std::vector<double> ObjectiveScores(uint64_t sample) const override {
    SampleEvaluator evaluator(compiled_);
    evaluator.Objectives(sample);
    return evaluator.capped();
  }

 private:
  CompiledSmaa compiled_;
};

CompiledSmaa Compile(const Model& model, const std::vector<ResolvedScenario>& scenarios,
                     const SmaaOptions& options) {
  CompiledSmaa p;
  p.options = options;
  p.header = HeaderOf(model, scenarios, options);
  p.objectives = model.objectives.size();
  p.scenarios = scenarios.size();
  p.common_constant.assign(p.objectives, 0.0);
  p.offsets.assign(p.scenarios * p.objectives, 0.0);
  Compiler compiler(model, p);
  auto by_id = VariantsById(scenarios);
  std::vector<Variant> common;
  for (const auto& [id, variants] : by_id) {
    common.push_back(Commonest(variants));
    AddContributions(compiler.ContributionsOf(id, common.back()), 1.0, p.common_constant.data(),
                     p.common_terms);
  }
  for (size_t s = 0; s < p.scenarios; ++s) {
    p.term_begin.push_back(static_cast<uint32_t>(p.terms.size()));
    size_t line = 0;
    for (const auto& [id, variants] : by_id) {
      const Variant& c = common[line++];
      if (variants[s] == c) continue;
      double* offsets = &p.offsets[s * p.objectives];
      AddContributions(compiler.ContributionsOf(id, c), -1.0, offsets, p.terms);
      AddContributions(compiler.ContributionsOf(id, variants[s]), 1.0, offsets, p.terms);
    }
  }
  p.term_begin.push_back(static_cast<uint32_t>(p.terms.size()));
  Finalise(p);
  p.header.score_bits = ScoreBits(ScoreBound(p));
  p.header.inputs_hash = HashPlan(p);
  return p;
}

}  // namespace

std::unique_ptr<SmaaPlan> CompileSmaa(const Model& model,
                                      const std::vector<ResolvedScenario>& scenarios,
                                      const SmaaOptions& options) {
  return std::make_unique<CompiledPlan>(Compile(model, scenarios, options));
}

}  // namespace allot
