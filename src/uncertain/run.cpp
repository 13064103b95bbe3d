// The sample loop of `allot sensitivity --amounts uncertain`: draw the
// model's assumed amounts, resolve every scenario on the drawn model, draw
// the effects and weights, score, and count first places, pairwise wins and
// whole rankings. Counts are integers added up per block of samples, so the
// result does not depend on the number of threads.
#include <algorithm>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "allot/evaluate.hpp"
#include "allot/resolve.hpp"
#include "allot/uncertain_amounts.hpp"
#include "evaluate/line_order.hpp"
#include "sensitivity/draw.hpp"

namespace allot {

namespace {

bool Drawn(const Param& p, EffectsMode effects) {
  return effects == EffectsMode::kUncertain && p.uncertain && p.high > p.low;
}

// The effects of one line definition with their uncertain parameters drawn
// for the current sample (curves copied once, parameters overwritten). Keys
// and draws are the SMAA kernel's, so a parameter gets the same value there
// and here. The kernel numbers the effects of a line on one objective
// (EffectKeyPrefix's ordinal) counting only those at or above their
// threshold at the line's total (sensitivity/plan.cpp); the total moves
// with the drawn amounts, so an effect after one with a threshold keeps a
// copy per ordinal it can have, and each evaluation picks the one the
// kernel would use at that total.
struct DrawnLine {
  struct Uncertain {
    Param* target = nullptr;
    SmaaSlot slot;
  };
  // An effect's curve, drawn under the keys of one ordinal.
  struct Keyed {
    Curve curve;
    std::vector<Uncertain> params;
    uint64_t drawn_for = 0;  // sample + 1 whose draws the curve holds; 0: none
  };
  std::vector<size_t> objective;  // per effect: its objective index
  std::vector<int> min_ordinal;   // per effect: its ordinal when no threshold before it bites
  std::vector<size_t> first;      // per effect: index in keyed of min_ordinal's copy
  std::vector<Keyed> keyed;
  size_t drawn_params = 0;  // uncertain parameters per sample (one copy per effect)
  std::vector<int> active;  // per objective: effects counted so far (scratch)

  DrawnLine(const Model& model, const Line& line, EffectsMode effects)
      : active(model.objectives.size(), 0) {
    // Earlier effects on the objective: without a threshold, and in all.
    std::map<std::string, std::pair<int, int>> before;
    std::vector<int> max_ordinal;
    for (const Effect& e : line.effects) {
      objective.push_back(static_cast<size_t>(model.ObjectiveIndex(e.objective)));
      auto& [unconditional, all] = before[e.objective];
      min_ordinal.push_back(unconditional);
      max_ordinal.push_back(all);
      first.push_back(keyed.size());
      for (int o = unconditional; o <= all; ++o) keyed.push_back({e.curve, {}, 0});
      unconditional += e.curve.threshold ? 0 : 1;
      ++all;
    }
    // Pointers into keyed only once it no longer grows.
    for (size_t k = 0; k < line.effects.size(); ++k) {
      for (int o = min_ordinal[k]; o <= max_ordinal[k]; ++o) {
        Keyed& copy = keyed[first[k] + static_cast<size_t>(o - min_ordinal[k])];
        std::string prefix = EffectKeyPrefix(line.id, line.effects[k].objective, o);
        auto add = [&](Param& p, const std::string& role) {
          if (!Drawn(p, effects)) return;
          SmaaSlot slot = TriangleSlot(p);
          slot.key = StreamKey(prefix + role);
          copy.params.push_back({&p, slot});
        };
        Curve& c = copy.curve;
        if (c.kind == CurveKind::kLinear) add(c.points, "points");
        if (c.kind == CurveKind::kSaturating) add(c.max, "max"), add(c.half, "half");
        for (size_t i = 0; c.kind == CurveKind::kTable && i < c.table.size(); ++i) {
          add(c.table[i].value, "table" + std::to_string(i));
        }
        if (o == min_ordinal[k]) drawn_params += copy.params.size();
      }
    }
  }

  // Adds the line's effects at `total` under sample i's draws to `row` (one
  // value per objective).
  void AddTo(Money total, uint64_t sample, uint64_t base, double* row) {
    std::fill(active.begin(), active.end(), 0);
    for (size_t k = 0; k < objective.size(); ++k) {
      const std::optional<Money>& threshold = keyed[first[k]].curve.threshold;
      if (threshold && total < *threshold) continue;  // adds 0; the kernel does not count it
      int ordinal = active[objective[k]]++;
      Keyed& copy = keyed[first[k] + static_cast<size_t>(ordinal - min_ordinal[k])];
      if (copy.drawn_for != sample + 1) {
        for (Uncertain& u : copy.params) {
          *u.target = Param::Exact(DrawSlot(u.slot, base));
        }
        copy.drawn_for = sample + 1;
      }
      row[objective[k]] += CurveValue(copy.curve, total);
    }
  }
};

// Per weighting, the counts of one block of samples.
struct Counts {
  std::vector<uint64_t> first, beats;
  // ranking -> (samples, first sample in which it occurred)
  std::map<std::vector<int>, std::pair<uint64_t, uint64_t>> rankings;
};

struct BlockResult {
  std::vector<Counts> counts;  // per weighting
  uint64_t redraws = 0, redraws_for_year_totals = 0;
  std::vector<uint64_t> redraws_by_scenario;
};

class Worker {
 public:
  Worker(const Model& model, const std::vector<Scenario>& scenarios,
         const std::vector<std::string>& ids, const AmountSampler& sampler,
         const std::vector<std::vector<double>>& fixed_weights, const UncertainOptions& options)
      : model_(model),
        drawn_model_(model),
        scenarios_(scenarios),
        ids_(ids),
        sampler_(sampler),
        fixed_weights_(fixed_weights),
        options_(options) {
    for (size_t s = 0; s < ids.size(); ++s) position_[ids[s]] = s;
  }

  BlockResult Run(uint64_t first, uint64_t end) {
    const size_t S = ids_.size(), W = 1 + fixed_weights_.size();
    BlockResult out;
    out.counts.resize(W);
    for (Counts& c : out.counts) c.first.assign(S, 0), c.beats.assign(S * S, 0);
    out.redraws_by_scenario.assign(S, 0);
    std::vector<double> objectives(S * model_.objectives.size());
    std::vector<double> weights(model_.objectives.size()), scores(S);
    std::vector<int> ranking(S);
    for (uint64_t i = first; i < end; ++i) {
      std::vector<ResolvedScenario> resolved = ResolveSample(i, out);
      Objectives(i, resolved, objectives);
      for (size_t w = 0; w < W; ++w) {
        if (w == 0) {
          DrawWeights(options_.weights, options_.seed, i, weights.size(), weights.data());
        } else {
          weights = fixed_weights_[w - 1];
        }
        const size_t J = weights.size();
        for (size_t s = 0; s < S; ++s) {
          double score = 0;
          for (size_t j = 0; j < J; ++j) score += weights[j] * objectives[s * J + j];
          scores[s] = score;
        }
        Count(i, scores, ranking, out.counts[w]);
      }
    }
    return out;
  }

 private:
  // The scenarios resolved on the first draw of the amounts that every one
  // of them fits, in the order of ids_.
  std::vector<ResolvedScenario> ResolveSample(uint64_t i, BlockResult& out) {
    for (uint32_t attempt = 0; attempt < options_.max_attempts; ++attempt) {
      if (attempt > 0) ++out.redraws;
      if (!sampler_.Draw(options_.seed, i, attempt, drawn_model_)) {
        ++out.redraws_for_year_totals;
        continue;
      }
      Diagnostics diags;
      std::vector<ResolvedScenario> all = ResolveScenarios(drawn_model_, scenarios_, diags);
      std::vector<ResolvedScenario> shown(ids_.size());
      std::vector<bool> found(ids_.size(), false);
      for (ResolvedScenario& r : all) {
        auto it = position_.find(r.id);
        if (it == position_.end()) continue;
        found[it->second] = true;
        shown[it->second] = std::move(r);
      }
      auto missing = std::find(found.begin(), found.end(), false);
      if (missing == found.end()) return shown;
      ++out.redraws_by_scenario[static_cast<size_t>(missing - found.begin())];
    }
    throw std::runtime_error("sample " + std::to_string(i) +
                             ": no draw of the assumed amounts in " +
                             std::to_string(options_.max_attempts) +
                             " fits every scenario's changes and keeps every sourced total");
  }

  // Capped objective scores of every scenario (S x J) under sample i's
  // effect draws.
  void Objectives(uint64_t i, const std::vector<ResolvedScenario>& resolved,
                  std::vector<double>& out) {
    const size_t J = model_.objectives.size();
    const uint64_t base = SampleBase(options_.seed, i);
    std::fill(out.begin(), out.end(), 0.0);
    for (size_t s = 0; s < resolved.size(); ++s) {
      double* row = out.data() + s * J;
      for (const ResolvedLine& line : resolved[s].lines) {
        DrawnOf(*line.def).AddTo(detail::LineTotal(line), i, base, row);
      }
      for (size_t j = 0; j < J; ++j) row[j] = std::min(100.0, row[j]);
    }
  }

  DrawnLine& DrawnOf(const Line& line) {
    auto it = drawn_.find(&line);
    if (it == drawn_.end())
      it = drawn_.emplace(&line, DrawnLine(model_, line, options_.effects)).first;
    return it->second;
  }

  static void Count(uint64_t i, const std::vector<double>& scores, std::vector<int>& ranking,
                    Counts& c) {
    const size_t S = scores.size();
    double best = *std::max_element(scores.begin(), scores.end());
    for (size_t a = 0; a < S; ++a) {
      if (scores[a] == best) ++c.first[a];
      int above = 0;
      for (size_t b = 0; b < S; ++b) {
        if (scores[a] > scores[b]) ++c.beats[a * S + b];
        if (scores[b] > scores[a]) ++above;
      }
      ranking[a] = 1 + above;
    }
    auto [it, added] = c.rankings.try_emplace(ranking, 0, i);
    ++it->second.first;
  }

  const Model& model_;
  Model drawn_model_;  // the model with this sample's amounts
  const std::vector<Scenario>& scenarios_;
  const std::vector<std::string>& ids_;
  const AmountSampler& sampler_;
  const std::vector<std::vector<double>>& fixed_weights_;
  const UncertainOptions& options_;
  std::unordered_map<std::string, size_t> position_;
  // Keyed by definition: drawn_model_'s lines and the scenarios' added
  // lines, both stable for the whole run.
  std::unordered_map<const Line*, DrawnLine> drawn_;
};

void MergeBlock(BlockResult& into, const BlockResult& part) {
  into.redraws += part.redraws;
  into.redraws_for_year_totals += part.redraws_for_year_totals;
  for (size_t s = 0; s < into.redraws_by_scenario.size(); ++s) {
    into.redraws_by_scenario[s] += part.redraws_by_scenario[s];
  }
  for (size_t w = 0; w < into.counts.size(); ++w) {
    Counts& a = into.counts[w];
    const Counts& b = part.counts[w];
    for (size_t k = 0; k < a.first.size(); ++k) a.first[k] += b.first[k];
    for (size_t k = 0; k < a.beats.size(); ++k) a.beats[k] += b.beats[k];
    for (const auto& [ranking, seen] : b.rankings) {
      auto [it, added] = a.rankings.try_emplace(ranking, 0, seen.second);
      it->second.first += seen.first;
      it->second.second = std::min(it->second.second, seen.second);
    }
  }
}

// Effect parameters a sample draws, over every line definition in play.
size_t UncertainEffects(const Model& model, const std::vector<ResolvedScenario>& resolved,
                        EffectsMode effects) {
  std::unordered_set<const Line*> seen;
  size_t n = 0;
  for (const ResolvedScenario& r : resolved) {
    for (const ResolvedLine& line : r.lines) {
      if (seen.insert(line.def).second) n += DrawnLine(model, *line.def, effects).drawn_params;
    }
  }
  return n;
}

}  // namespace

UncertainResult RunUncertainAmounts(const Model& model, const std::vector<Scenario>& scenarios,
                                    const std::vector<ResolvedScenario>& resolved,
                                    const UncertainOptions& options) {
  AmountSampler sampler(model, options.default_range);
  UncertainResult result;
  result.samples = options.samples;
  result.seed = options.seed;
  result.weights = options.weights.text;
  result.effects = options.effects == EffectsMode::kUncertain ? "uncertain" : "fixed";
  result.default_range = options.default_range;
  result.holds_at = options.holds_at;
  for (const ResolvedScenario& r : resolved) {
    result.scenario_ids.push_back(r.id);
    result.scenario_names.push_back(r.name);
  }
  result.amounts = sampler.amounts();
  result.kept = sampler.kept();
  result.uncertain_effects = UncertainEffects(model, resolved, options.effects);

  // The weightings: the --weights distribution, then every weight set
  // exactly (but the one --weights already names exactly).
  result.weightings.push_back(
      {options.weights.text, options.weights.mode != WeightMode::kFixed, {}, {}, {}, 0});
  std::vector<std::vector<double>> fixed_weights;
  for (const WeightSet& set : model.weights) {
    if (options.weights.mode == WeightMode::kFixed && options.weights.set == set.name) continue;
    result.weightings.push_back({set.name, false, {}, {}, {}, 0});
    fixed_weights.push_back(set.weights);
  }

  // Contiguous blocks, one per thread, merged in order.
  const unsigned threads = static_cast<unsigned>(
      std::max<uint64_t>(1, std::min<uint64_t>(options.threads, options.samples)));
  std::vector<BlockResult> blocks(threads);
  std::vector<std::exception_ptr> errors(threads);
  auto work = [&](unsigned t) {
    try {
      uint64_t first = options.samples * t / threads, end = options.samples * (t + 1) / threads;
      Worker worker(model, scenarios, result.scenario_ids, sampler, fixed_weights, options);
      blocks[t] = worker.Run(first, end);
    } catch (...) {
      errors[t] = std::current_exception();
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, t);
  work(0);
  for (std::thread& th : pool) th.join();
  for (const std::exception_ptr& e : errors) {
    if (e) std::rethrow_exception(e);
  }
  BlockResult total = std::move(blocks[0]);
  for (unsigned t = 1; t < threads; ++t) MergeBlock(total, blocks[t]);

  result.redraws = total.redraws;
  result.redraws_for_year_totals = total.redraws_for_year_totals;
  result.redraws_by_scenario = total.redraws_by_scenario;
  for (size_t w = 0; w < result.weightings.size(); ++w) {
    UncertainWeighting& out = result.weightings[w];
    Counts& c = total.counts[w];
    out.first = std::move(c.first);
    out.beats = std::move(c.beats);
    uint64_t first_seen = 0;
    for (const auto& [ranking, seen] : c.rankings) {
      if (seen.first > out.commonest_count ||
          (seen.first == out.commonest_count && seen.second < first_seen)) {
        out.commonest_ranking = ranking;
        out.commonest_count = seen.first;
        first_seen = seen.second;
      }
    }
  }
  return result;
}

}  // namespace allot
