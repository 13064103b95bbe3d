// Times the analyses beyond compare on a generated model: 200 action lines,
// 6 objectives with saturating effects and uncertain parameters, 15
// scenarios that each change a few lines, one weight set. Prints the best
// of 5 repetitions per analysis, in milliseconds:
//   stability       every objective of one weight set, 16 scenarios
//   what-it-takes   one LP (model vs a scenario that trails it)
//   tornado         model vs scenario 1: every uncertain parameter + weights
//   explain exact   12 changed lines: 4,096 coalitions
//   explain sampled 40 changed lines: 10,000 random orders
//
//   allot_bench_analyses
// Generation is deterministic, so two runs time the same inputs.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "allot/explain.hpp"
#include "allot/stability.hpp"
#include "allot/tornado.hpp"
#include "allot/what_it_takes.hpp"

namespace {

using namespace allot;

const int kLines = 200, kObjectives = 6, kScenarios = 15;

Model MakeModel() {
  Model m;
  m.title = "bench";
  m.years = {2024, 2025};
  for (int j = 0; j < kObjectives; ++j)
    m.objectives.push_back({"o" + std::to_string(j), "", "", {}});
  m.weights.push_back({"w", {0.3, 0.2, 0.2, 0.1, 0.1, 0.1}, {}, {}, {}});
  for (int i = 0; i < kLines; ++i) {
    Line line;
    char id[16];
    std::snprintf(id, sizeof id, "l%03d", i);
    line.id = id;
    line.budget = {{2024, Money::FromCents(100000 * (i % 7 + 1))}, {2025, Money::FromCents(50000)}};
    for (int e = 0; e < 2; ++e) {
      Effect effect;
      effect.objective = "o" + std::to_string((i + e * 3) % kObjectives);
      effect.curve.kind = CurveKind::kSaturating;
      double max = 2 + i % 5;
      effect.curve.max = Param{max * 0.5, max, max * 1.5, true};
      effect.curve.half = Param{800, 1000, 1500, true};
      line.effects.push_back(effect);
    }
    m.lines.push_back(line);
  }
  return m;
}

// Scenario s sets the budget of `changed` lines starting at line 7 s.
Scenario MakeScenario(int s, int changed) {
  Scenario sc;
  sc.id = "s" + std::to_string(s);
  for (int k = 0; k < changed; ++k) {
    char id[16];
    std::snprintf(id, sizeof id, "l%03d", (7 * s + 5 * k) % kLines);
    sc.changes.push_back({SetChange{id, {{2024, Money::FromCents(300000 + 10000 * k)}}}, {}});
  }
  return sc;
}

double BestMs(const std::function<void()>& run) {
  double best = 1e300;
  for (int rep = 0; rep < 5; ++rep) {
    auto start = std::chrono::steady_clock::now();
    run();
    best = std::min(
        best, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                  .count());
  }
  return best;
}

}  // namespace

int main() {
  Model model = MakeModel();
  std::vector<Scenario> scenarios;
  for (int s = 1; s <= kScenarios; ++s)
    scenarios.push_back(MakeScenario(s, s == 1 ? 12 : s == 2 ? 40 : 4));
  Diagnostics diags;
  std::vector<ResolvedScenario> resolved = ResolveScenarios(model, scenarios, diags);
  if (!diags.empty() || resolved.size() != kScenarios + 1) {
    std::fprintf(stderr, "bench inputs did not resolve: %s\n",
                 diags.empty() ? "" : diags[0].message.c_str());
    return 1;
  }
  size_t bars = 0;
  std::printf("%d lines, %d objectives, %d scenarios; best of 5, milliseconds\n", kLines,
              kObjectives, kScenarios + 1);
  std::printf("%-16s %10.3f\n", "stability",
              BestMs([&] { Stability(model, resolved, {}, diags); }));
  std::printf("%-16s %10.3f\n", "what-it-takes",
              BestMs([&] { WhatItTakes(model, resolved, "s1", "model", "w", diags); }));
  std::printf("%-16s %10.3f", "tornado", BestMs([&] {
                bars = Tornado(model, resolved, "model", "s1", "w", diags)->bars.size();
              }));
  std::printf("   (%zu factors)\n", bars);
  ExplainOptions options;
  std::printf("%-16s %10.3f   (12 lines, 4,096 coalitions)\n", "explain exact",
              BestMs([&] { Explain(model, resolved, "model", "s1", options, diags); }));
  std::printf("%-16s %10.3f   (40 lines, %zu random orders)\n", "explain sampled",
              BestMs([&] { Explain(model, resolved, "model", "s2", options, diags); }),
              options.permutations);
  return diags.empty() ? 0 : 1;
}
