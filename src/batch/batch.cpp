// Expanding a batch into runs, and one run's analysis as rows of numbers.
#include "allot/batch.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <tuple>

#include "allot/compare.hpp"
#include "allot/explain.hpp"
#include "allot/provenance_summary.hpp"
#include "allot/sensitivity.hpp"
#include "allot/stability.hpp"
#include "allot/tornado.hpp"
#include "allot/weight_sampling.hpp"
#include "allot/what_it_takes.hpp"
#include "batch/run_lists.hpp"

namespace allot {

namespace detail {

std::array<RunList, 4> RunLists(const BatchEntry& entry) {
  auto at_least_one = [](size_t size) { return std::max<uint64_t>(size, 1); };
  return {RunList{"models", at_least_one(entry.models.size())},
          RunList{"scenarios", at_least_one(entry.scenario_sets.size())},
          RunList{"weights", at_least_one(entry.weights.size())},
          RunList{"seeds", entry.seeds.size()}};
}

}  // namespace detail

void ForEachBatchRun(const BatchSpec& spec,
                     const std::function<void(const BatchRun& run, size_t index)>& visit) {
  size_t index = 0;
  BatchRun run;
  for (size_t e = 0; e < spec.entries.size(); ++e) {
    const BatchEntry& entry = spec.entries[e];
    const std::array<detail::RunList, 4> lists = detail::RunLists(entry);
    run.entry = e;
    // An empty list's one run takes the default, "" or no scenario paths.
    for (uint64_t m = 0; m < lists[0].runs; ++m) {
      run.model = entry.models.empty() ? "" : entry.models[m];
      for (uint64_t s = 0; s < lists[1].runs; ++s) {
        run.scenarios =
            entry.scenario_sets.empty() ? std::vector<std::string>{} : entry.scenario_sets[s];
        for (uint64_t w = 0; w < lists[2].runs; ++w) {
          run.weights = entry.weights.empty() ? "" : entry.weights[w];
          for (uint64_t seed = 0; seed < lists[3].runs; ++seed) {
            run.seed = entry.seeds[seed];
            visit(run, index++);
          }
        }
      }
    }
  }
}

uint64_t CountBatchRuns(const BatchSpec& spec) {
  uint64_t runs = 0;
  for (const BatchEntry& entry : spec.entries) {
    uint64_t product = 1;
    for (const detail::RunList& list : detail::RunLists(entry)) product *= list.runs;
    runs += product;
  }
  return runs;
}

namespace {

struct Rows {
  std::vector<BatchRow>& rows;
  size_t run;
  void Add(const std::string& set, const std::string& item, const std::string& metric,
           double value) {
    rows.push_back(BatchRow{run, set, item, metric, value});
  }
};

std::vector<std::string> SetsOf(const BatchRun& run) {
  return run.weights.empty() ? std::vector<std::string>{} : std::vector<std::string>{run.weights};
}

// Diagnostics of the library calls have no position: give them the entry's.
bool Relocate(Diagnostics& diags, size_t first, const SourceLocation& where) {
  for (size_t i = first; i < diags.size(); ++i) {
    if (!diags[i].where.source) diags[i].where = where;
  }
  return diags.size() == first;
}

// What the run's figures rest on (docs/output.md, "What the figures rest
// on"), as counts for the run as a whole: "rests_on:line_amounts",
// "rests_on:line_amounts_estimated", "rests_on:line_amounts_not_stated",
// and the same for model_line_amounts, effects and weight_sets. A run on a
// pair (a and b) counts those two scenarios, any other run every one.
void RestsOnRows(const BatchEntry& entry, const Model& model,
                 const std::vector<ResolvedScenario>& scenarios, Rows& out) {
  std::vector<std::string> shown;
  if (!entry.a.empty()) shown = {entry.a, entry.b};
  ProvenanceCounts c = CountProvenance(model, scenarios, shown);
  const std::tuple<const char*, int, int, int> parts[] = {
      {"line_amounts", c.lines, c.lines_estimated, c.lines_unstated},
      {"model_line_amounts", c.model_lines, c.model_lines_estimated, c.model_lines_unstated},
      {"effects", c.effects, c.effects_estimated, c.effects_unstated},
      {"weight_sets", c.weight_sets, c.weight_sets_estimated, c.weight_sets_unstated}};
  for (const auto& [name, count, estimated, unstated] : parts) {
    std::string metric = std::string("rests_on:") + name;
    out.Add("", "", metric, count);
    out.Add("", "", metric + "_estimated", estimated);
    out.Add("", "", metric + "_not_stated", unstated);
  }
}

void CompareRows(const CompareResult& r, Rows& out) {
  for (const ScenarioResult& s : r.scenarios) {
    out.Add("", s.id, "total_cents", static_cast<double>(s.total.cents()));
    for (size_t j = 0; j < r.objectives.size(); ++j)
      out.Add("", s.id, "objective:" + r.objectives[j].id, s.objectives[j]);
    for (size_t w = 0; w < r.weight_sets.size(); ++w) {
      out.Add(r.weight_sets[w].name, s.id, "score", s.weighted[w]);
      out.Add(r.weight_sets[w].name, s.id, "rank", s.rank[w]);
    }
  }
}

void StabilityRows(const StabilityResult& r, Rows& out) {
  for (const WeightSetStability& s : r.sets) {
    for (size_t i = 0; i < s.ranking.size(); ++i)
      out.Add(s.weight_set, s.ranking[i], "rank", static_cast<double>(s.ranks[i]));
    for (const ObjectiveStability& o : s.objectives) {
      out.Add(s.weight_set, o.objective, "weight", o.weight);
      out.Add(s.weight_set, o.objective, "top_low", o.top_low.t);
      out.Add(s.weight_set, o.objective, "top_high", o.top_high.t);
      out.Add(s.weight_set, o.objective, "ranking_low", o.rank_low.t);
      out.Add(s.weight_set, o.objective, "ranking_high", o.rank_high.t);
    }
  }
}

void OvertakeRows(const OvertakeResult& r, Rows& out) {
  bool possible = r.status != OvertakeStatus::kImpossible;
  out.Add(r.weight_set, "", "b_can_catch_up", possible ? 1 : 0);
  if (!possible) return;
  out.Add(r.weight_set, "", "distance", r.distance);
  for (const WeightChange& c : r.weights) out.Add(r.weight_set, c.objective, "weight_needed", c.to);
}

void TornadoRows(const TornadoResult& r, Rows& out) {
  out.Add(r.weight_set, "", "base_gap", r.base_gap);
  for (const TornadoBar& bar : r.bars) {
    out.Add(r.weight_set, bar.factor, "change_low", bar.gap_low - r.base_gap);
    out.Add(r.weight_set, bar.factor, "change_high", bar.gap_high - r.base_gap);
    out.Add(r.weight_set, bar.factor, "swing", bar.swing);
  }
}

void ExplainRows(const ExplainResult& r, Rows& out) {
  for (size_t w = 0; w < r.weight_sets.size(); ++w) {
    const std::string& set = r.weight_sets[w].name;
    out.Add(set, "", "difference", r.difference[w]);
    for (const LineAttribution& l : r.lines) {
      out.Add(set, l.line, "line_attribution", l.by_set[w]);
      if (!r.exact && !r.errors_unknown()) out.Add(set, l.line, "std_error", l.error_by_set[w]);
    }
    for (size_t j = 0; j < r.objectives.size(); ++j)
      out.Add(set, r.objectives[j], "objective_attribution", r.by_objective[w][j]);
  }
}

void SensitivityRows(const SmaaResult& r, const std::string& spec, Rows& out) {
  size_t count = r.scenarios.size();
  for (size_t s = 0; s < count; ++s) {
    const SmaaScenarioResult& sc = r.scenarios[s];
    for (size_t k = 0; k < sc.rank_acceptability.size(); ++k) {
      out.Add(spec, sc.id, "rank" + std::to_string(k + 1) + "_acceptability",
              sc.rank_acceptability[k]);
      out.Add(spec, sc.id, "rank" + std::to_string(k + 1) + "_se", sc.rank_acceptability_se[k]);
    }
    out.Add(spec, sc.id, "mean_score", sc.mean_score);
    out.Add(spec, sc.id, "sd_score", sc.sd_score);
    out.Add(spec, sc.id, "p5_score", sc.p5_score);
    out.Add(spec, sc.id, "p95_score", sc.p95_score);
    if (sc.confidence_factor) out.Add(spec, sc.id, "confidence_factor", *sc.confidence_factor);
    for (size_t o = 0; !r.beats.empty() && o < count; ++o) {  // empty above max_pairwise
      if (o != s) out.Add(spec, sc.id, "beats:" + r.scenarios[o].id, r.beats[s * count + o]);
    }
  }
}

bool RunSensitivity(const BatchEntry& entry, const BatchRun& run, const Model& model,
                    const std::vector<ResolvedScenario>& scenarios, Rows& out, Diagnostics& diags) {
  std::string text = run.weights.empty() ? "uniform" : run.weights;
  std::string error;
  std::optional<WeightSpec> spec = ParseWeightSpec(text, model, error);
  if (!spec) {
    AddError(diags, entry.weights_where, "weights: " + error);
    return false;
  }
  std::unique_ptr<SmaaPlan> plan = CompileSmaa(
      model, scenarios,
      SmaaOptions{*spec, entry.uncertain ? EffectsMode::kUncertain : EffectsMode::kFixed,
                  run.seed});
  SmaaRun smaa;
  smaa.samples = entry.samples;
  SensitivityRows(RunSmaa(*plan, smaa), text, out);
  return true;
}

bool HasScenario(const std::vector<ResolvedScenario>& scenarios, const std::string& id) {
  for (const ResolvedScenario& r : scenarios) {
    if (r.id == id) return true;
  }
  return false;
}

}  // namespace

bool CheckBatchRun(const BatchEntry& entry, const BatchRun& run, const Model& model,
                   const std::vector<ResolvedScenario>& scenarios, Diagnostics& diags) {
  size_t first = diags.size();
  std::string path = "batch[" + std::to_string(run.entry) + "].";
  std::string in = run.model.empty() ? "" : " in " + run.model;
  std::vector<std::string> ids, sets;
  for (const ResolvedScenario& r : scenarios) ids.push_back(r.id);
  for (const WeightSet& w : model.weights) sets.push_back(w.name);
  auto hint = [](const std::string& word, const std::vector<std::string>& known) {
    return DidYouMean(ClosestMatch(word, known));
  };
  for (const auto& [id, where, key] :
       {std::tuple{entry.a, entry.a_where, "a"}, std::tuple{entry.b, entry.b_where, "b"}}) {
    if (!id.empty() && !HasScenario(scenarios, id)) {
      AddError(diags, where, path + key + ": unknown scenario '" + id + "'" + in + hint(id, ids));
    }
  }
  if (entry.analysis == BatchAnalysis::kSensitivity) {
    std::string error;
    if (!ParseWeightSpec(run.weights.empty() ? "uniform" : run.weights, model, error)) {
      AddError(diags, entry.weights_where, path + "weights: " + error);
    }
  } else if (!run.weights.empty() && model.WeightSetIndex(run.weights) < 0) {
    AddError(
        diags, entry.weights_where,
        path + "weights: unknown weight set '" + run.weights + "'" + in + hint(run.weights, sets));
  }
  return diags.size() == first;
}

bool RunBatchAnalysis(const BatchEntry& entry, const BatchRun& run, size_t run_index,
                      const Model& model, const std::vector<ResolvedScenario>& scenarios,
                      std::vector<BatchRow>& rows, Diagnostics& diags) {
  Rows out{rows, run_index};
  size_t first = diags.size();
  switch (entry.analysis) {
    case BatchAnalysis::kCompare:
      if (auto r = Compare(model, scenarios, CompareOptions{SetsOf(run), kModelScenarioId}, diags))
        CompareRows(*r, out);
      break;
    case BatchAnalysis::kStability:
      if (auto r = Stability(model, scenarios, SetsOf(run), diags)) StabilityRows(*r, out);
      break;
    case BatchAnalysis::kWhatItTakes:
      if (auto r = WhatItTakes(model, scenarios, entry.a, entry.b, run.weights, diags))
        OvertakeRows(*r, out);
      break;
    case BatchAnalysis::kTornado:
      if (auto r = Tornado(model, scenarios, entry.a, entry.b, run.weights, diags))
        TornadoRows(*r, out);
      break;
    case BatchAnalysis::kExplain: {
      ExplainOptions options;
      options.weight_sets = SetsOf(run);
      options.seed = run.seed;
      if (auto r = Explain(model, scenarios, entry.a, entry.b, options, diags))
        ExplainRows(*r, out);
      break;
    }
    case BatchAnalysis::kSensitivity:
      RunSensitivity(entry, run, model, scenarios, out, diags);
      break;
  }
  if (diags.size() == first) RestsOnRows(entry, model, scenarios, out);
  return Relocate(diags, first, entry.where);
}

}  // namespace allot
