// Times `optimise` and a 20-point `frontier` on a generated model: 500
// lines, 3 years, 8 objectives, saturating curves cut into 10 pieces, some
// thresholds (every 10th line) and some levels (every 20th line, three
// levels each). Prints the model size the solver sees (rows, columns,
// binaries), the solver time and the gap.
//
//   allot_bench_optimise              500 lines
//   allot_bench_optimise 2000         another number of lines
//   allot_bench_optimise 500 1e-3     ... and a relative MIP gap (default 1e-4)
//   allot_bench_optimise --write FILE [LINES]
//                                     write the model as YAML instead, to time
//                                     `allot optimise` / `allot frontier` end to end
//
// Generation is deterministic (a fixed-seed splitmix64).
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <sstream>
#include <string>

#include "allot/frontier.hpp"
#include "allot/load.hpp"
#include "allot/optimise.hpp"
#include "allot/resolve.hpp"

namespace {

class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  int64_t Between(int64_t lo, int64_t hi) {
    return lo + static_cast<int64_t>(Next() % static_cast<uint64_t>(hi - lo + 1));
  }

 private:
  uint64_t state_;
};

std::string Generate(int lines) {
  Rng rng(42);
  std::ostringstream y;
  y << "format: allot/1\ntitle: bench\nyears: [2024, 2025, 2026]\nobjectives:\n";
  for (int j = 0; j < 8; ++j) y << "  - {id: o" << j << ", name: O" << j << "}\n";
  y << "weights:\n  w: {";
  for (int j = 0; j < 8; ++j) y << (j ? ", " : "") << "o" << j << ": " << rng.Between(1, 5);
  y << "}\nlines:\n";
  for (int i = 0; i < lines; ++i) {
    int64_t b = rng.Between(50, 500) * 1000;
    y << "  - id: l" << i << "\n    name: L" << i << "\n    budget: {2024: " << b << ", 2025: " << b
      << ", 2026: " << b << "}\n    effects:\n";
    int effects = static_cast<int>(rng.Between(1, 2));
    for (int e = 0; e < effects; ++e) {
      y << "      o" << (i + 3 * e) % 8
        << ": {curve: saturating, max: " << static_cast<double>(rng.Between(2, 15)) / 10.0
        << ", half: " << rng.Between(100, 2000) * 1000;
      if (i % 10 == 3) y << ", threshold: " << rng.Between(100, 600) * 1000;
      y << "}\n";
    }
    if (i % 20 == 7) {
      y << "    levels:\n";
      for (int k = 1; k <= 3; ++k) {
        y << "      - {name: level" << k << ", budget: {2024: " << b * k / 2
          << ", 2025: " << b * k / 2 << ", 2026: " << b * k / 2 << "}}\n";
      }
    }
  }
  return y.str();
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

// CPU time of this process since `since` (one thread): on the shared, loaded
// machine the wall time is several times what the work takes.
double CpuSeconds(std::clock_t since) {
  return static_cast<double>(std::clock() - since) / CLOCKS_PER_SEC;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 2 && std::string(argv[1]) == "--write") {
    std::FILE* file = std::fopen(argv[2], "w");
    std::string text = Generate(argc > 3 ? std::atoi(argv[3]) : 500);
    bool ok = file && std::fwrite(text.data(), 1, text.size(), file) == text.size();
    if (file && std::fclose(file) != 0) ok = false;
    if (!ok) std::fprintf(stderr, "cannot write %s\n", argv[2]);
    return ok ? 0 : 1;
  }
  int lines = argc > 1 ? std::atoi(argv[1]) : 500;
  allot::Diagnostics diags;
  std::optional<allot::Model> model = allot::LoadModel(Generate(lines), "bench.yaml", diags);
  if (!model) {
    std::fprintf(stderr, "generated model did not load\n");
    return 1;
  }
  std::vector<allot::ResolvedScenario> resolved = allot::ResolveScenarios(*model, {}, diags);
  const allot::ResolvedScenario& base = resolved[0];
  allot::OptimiseOptions options;
  options.weights = model->weights[0].weights;
  options.segments = 10;
  if (argc > 2) options.mip_gap = std::atof(argv[2]);
  allot::OptimiseConstraints c;
  c.budget = base.by_year;

  auto start = std::chrono::steady_clock::now();
  std::clock_t cpu = std::clock();
  std::optional<allot::OptimiseResult> r = allot::Optimise(*model, base, c, options, diags);
  double optimise_seconds = Seconds(start);
  double optimise_cpu = CpuSeconds(cpu);
  if (!r || !r->feasible) {
    std::fprintf(stderr, "optimise failed\n");
    return 1;
  }
  std::printf("optimise: %d lines x 3 years, 10 pieces per curve\n", lines);
  std::printf("  model size        %d rows, %d columns, %d binaries\n", r->stats.rows,
              r->stats.columns, r->stats.integers);
  std::printf("  solver time       %.3f s over %d solves (inner + outer)\n", r->stats.seconds,
              r->stats.solves);
  std::printf(
      "  optimise total    %.3f s wall, %.3f s CPU (issue 11 target for the whole command: "
      "< 1 s)\n",
      optimise_seconds, optimise_cpu);
  std::printf("  score %.4f, upper bound %.4f, gap %.4f points (base %.4f)\n", r->score,
              r->upper_bound, r->upper_bound - r->score, r->base_score);

  allot::FrontierOptions f;
  f.points = 20;
  f.to = allot::Money::FromCents(base.total.cents() / 2 * 3);
  start = std::chrono::steady_clock::now();
  cpu = std::clock();
  std::optional<allot::FrontierResult> fr = allot::Frontier(*model, base, {}, c, options, f, diags);
  double frontier_seconds = Seconds(start);
  double frontier_cpu = CpuSeconds(cpu);
  if (!fr) {
    std::fprintf(stderr, "frontier failed\n");
    return 1;
  }
  std::printf("frontier: 20 points up to %.0f EUR\n", static_cast<double>(f.to.cents()) / 100);
  std::printf("  frontier total    %.3f s wall, %.3f s CPU (issue 11 target: < 5 s)\n",
              frontier_seconds, frontier_cpu);
  std::printf("  first %.4f, middle %.4f, last %.4f points\n", fr->points.front().score,
              fr->points[fr->points.size() / 2].score, fr->points.back().score);
  double widest = 0;
  int failed = 0;
  for (const allot::FrontierPoint& p : fr->points) {
    if (!p.status.empty()) {
      ++failed;
      continue;
    }
    widest = std::max(widest, p.upper_bound - p.score);
  }
  std::printf("  largest gap       %.4f points (upper bound - score, over the solved points)\n",
              widest);
  std::printf("  failed points     %d of 20 (e.g. the time limit)\n", failed);
  return 0;
}
