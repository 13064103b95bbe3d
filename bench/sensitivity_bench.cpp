// Throughput and memory of allot sensitivity (SMAA-2) on a generated model.
//
// A model of 200 action lines and 6 objectives, every effect uncertain
// ([low, likely, high]; a saturating curve's half-way spend in one case in
// three), and 15 scenarios that each move money between a few
// lines or rescale one (plus the model itself: 16 scenarios ranked per
// sample). Weights uniform, effects uncertain. Prints scenario-evaluations
// per second per core (samples x scenarios / CPU seconds) for 1 and 2
// threads, and the peak resident memory after 100k and after 500k samples,
// which must not grow with the sample count.
//
//   allot_bench_sensitivity            500,000 samples
//   allot_bench_sensitivity 2000000    another sample count
//   allot_bench_sensitivity --peer FILE [SAMPLES]
//       for bench/sensitivity_numpy.py: times 1 thread and one per core, and
//       writes the model (as dense arrays), the timings and the rank counts
//       to FILE as JSON, for the numpy peer to run the same SMAA on
//
// Generation is deterministic, so two runs time the same inputs.
#include <sys/resource.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>
#include <thread>

#include "allot/resolve.hpp"
#include "allot/sensitivity.hpp"

namespace {

using namespace allot;

constexpr int kLines = 200, kObjectives = 6, kScenarios = 15;

class Rng {
 public:
  uint64_t Next() { return Mix64(state_ += 0x9e3779b97f4a7c15ULL); }
  int Between(int lo, int hi) {
    return lo + static_cast<int>(Next() % static_cast<uint64_t>(hi - lo + 1));
  }

 private:
  uint64_t state_ = 2024;
};

Money Eur(int64_t euros) { return Money::FromCents(euros * 100); }

Param Uncertain(double likely, Rng& rng) {
  double spread = 0.2 + 0.6 * rng.Between(0, 100) / 100.0;
  return Param{likely * (1 - spread), likely, likely * (1 + spread), true};
}

Effect RandomEffect(const std::string& objective, Rng& rng) {
  Effect e;
  e.objective = objective;
  if (rng.Between(0, 1) == 0) {
    e.curve.kind = CurveKind::kLinear;
    e.curve.points = Uncertain(rng.Between(1, 10) / 100.0, rng);
    e.curve.per = Eur(100000);
  } else {
    e.curve.kind = CurveKind::kSaturating;
    e.curve.max = Uncertain(rng.Between(5, 25) / 10.0, rng);
    double half = rng.Between(100, 600) * 1000.0;
    e.curve.half = rng.Between(0, 2) == 0 ? Uncertain(half, rng) : Param::Exact(half);
  }
  return e;
}

Model GenerateModel(Rng& rng) {
  Model m;
  m.title = "Generated";
  m.years = {2024, 2025, 2026};
  for (int j = 0; j < kObjectives; ++j)
    m.objectives.push_back(Objective{"o" + std::to_string(j), "O", "", {}});
  m.weights.push_back(
      WeightSet{"even", std::vector<double>(kObjectives, 1.0 / kObjectives), {}, {}, {}});
  for (int l = 0; l < kLines; ++l) {
    Line line;
    line.id = "line" + std::to_string(l);
    line.name = line.id;
    for (int year : m.years) line.budget[year] = Eur(rng.Between(10, 400) * 1000);
    int first = rng.Between(0, kObjectives - 1);
    line.effects.push_back(RandomEffect(m.objectives[static_cast<size_t>(first)].id, rng));
    if (rng.Between(0, 1)) {
      line.effects.push_back(
          RandomEffect(m.objectives[static_cast<size_t>((first + 1) % kObjectives)].id, rng));
    }
    m.lines.push_back(line);
  }
  return m;
}

std::vector<Scenario> GenerateScenarios(Rng& rng) {
  std::vector<Scenario> scenarios;
  for (int s = 0; s < kScenarios; ++s) {
    Scenario sc;
    sc.id = "s" + std::to_string(s);
    sc.name = sc.id;
    int changes = rng.Between(1, 4);
    for (int c = 0; c < changes; ++c) {
      MoveChange move{Eur(rng.Between(1, 9) * 1000),
                      "line" + std::to_string(rng.Between(0, kLines / 2 - 1)),
                      "line" + std::to_string(rng.Between(kLines / 2, kLines - 1)), std::nullopt};
      sc.changes.push_back(Change{move, {}});
    }
    if (s % 3 == 0) {
      sc.changes.push_back(Change{
          ScaleChange{"line" + std::to_string(rng.Between(0, kLines - 1)), Decimal{12, 1}}, {}});
    }
    scenarios.push_back(sc);
  }
  return scenarios;
}

double CpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](timeval t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
  };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// A fingerprint of everything a run counts (rank counts, pairwise counts,
// exact score and weight sums, histogram bins): two builds, or two thread
// counts, computed the same results if and only if (barring a 64-bit hash
// collision) they print the same fingerprint.
uint64_t Fingerprint(const SmaaAccumulator& acc) {
  uint64_t h = 0;
  auto mix = [&h](uint64_t v) { h = Mix64(h ^ v) + 0x9e3779b97f4a7c15ULL; };
  for (uint64_t c : acc.rank_counts) mix(c);
  for (uint64_t c : acc.beats) mix(c);
  for (const ExactSum& x : acc.score_sum) mix(x.low), mix(x.high);
  for (const SquareSum& x : acc.score_square_sum) mix(x.low), mix(x.middle), mix(x.high);
  for (const ExactSum& x : acc.best_weight_sum) mix(x.low), mix(x.high);
  for (const ScoreHistogram& histogram : acc.histograms) {
    for (const auto& [key, count] : histogram.Bins()) mix(static_cast<uint64_t>(key)), mix(count);
  }
  return h;
}

long PeakRssKb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

struct Timing {
  unsigned threads = 1;
  double wall = 0, cpu = 0;
  std::vector<uint64_t> rank_counts;
};

Timing Time(const SmaaPlan& plan, uint64_t samples, unsigned threads, size_t scenarios) {
  double cpu0 = CpuSeconds();
  auto wall0 = std::chrono::steady_clock::now();
  SmaaAccumulator acc = plan.Run(0, samples, threads, samples);
  double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count();
  double cpu = CpuSeconds() - cpu0;
  double evaluations = static_cast<double>(samples) * static_cast<double>(scenarios);
  std::printf(
      "%9llu samples  %u thread%s  wall %6.3f s  cpu %6.3f s  %6.2f M evaluations/s/core  %6.2f "
      "M/s wall  peak RSS %ld KiB  results %016llx\n",
      static_cast<unsigned long long>(samples), threads, threads == 1 ? " " : "s", wall, cpu,
      evaluations / cpu / 1e6, evaluations / wall / 1e6, PeakRssKb(),
      static_cast<unsigned long long>(Fingerprint(acc)));
  return Timing{threads, wall, cpu, acc.rank_counts};
}

// The generated model for the numpy peer, as the arrays it computes on:
// every effect parameter once ([low, likely, high]; low = high when exact),
// each effect as (line, objective, curve, parameter indexes), and each
// scenario's total spend per line in EUR (0 when it does not fund a line).
// Doubles in %.17g, so the peer reads exactly allot's values.
void WritePeer(const char* path, const Model& model, const std::vector<ResolvedScenario>& resolved,
               uint64_t samples, const std::vector<Timing>& timings) {
  std::FILE* f = std::fopen(path, "w");
  if (f == nullptr) {
    std::fprintf(stderr, "cannot write %s: %s\n", path, std::strerror(errno));
    std::exit(1);
  }
  std::vector<const Param*> params;
  auto ref = [&params](const Param& p) {
    params.push_back(&p);
    return params.size() - 1;
  };
  std::map<std::string, size_t> line_index, objective_index;
  for (size_t l = 0; l < model.lines.size(); ++l) line_index[model.lines[l].id] = l;
  for (size_t j = 0; j < model.objectives.size(); ++j) objective_index[model.objectives[j].id] = j;
  std::fprintf(f, "{\"objectives\": %zu,\n\"effects\": [", model.objectives.size());
  const char* sep = "";
  for (size_t l = 0; l < model.lines.size(); ++l) {
    for (const Effect& e : model.lines[l].effects) {
      size_t j = objective_index.at(e.objective);
      if (e.curve.kind == CurveKind::kLinear) {
        std::fprintf(f,
                     "%s\n {\"line\": %zu, \"objective\": %zu, \"kind\": \"linear\", "
                     "\"points\": %zu, \"per\": %.17g}",
                     sep, l, j, ref(e.curve.points),
                     static_cast<double>(e.curve.per.cents()) / 100);
      } else {
        size_t max = ref(e.curve.max), half = ref(e.curve.half);
        std::fprintf(f,
                     "%s\n {\"line\": %zu, \"objective\": %zu, \"kind\": \"saturating\", "
                     "\"max\": %zu, \"half\": %zu}",
                     sep, l, j, max, half);
      }
      sep = ",";
    }
  }
  std::fprintf(f, "],\n\"params\": [");
  for (size_t k = 0; k < params.size(); ++k) {
    const Param& p = *params[k];
    std::fprintf(f, "%s[%.17g, %.17g, %.17g]", k ? ", " : "", p.low, p.likely, p.high);
  }
  std::fprintf(f, "],\n\"scenarios\": [");
  for (size_t s = 0; s < resolved.size(); ++s)
    std::fprintf(f, "%s\"%s\"", s ? ", " : "", resolved[s].id.c_str());
  std::fprintf(f, "],\n\"spend\": [");
  for (size_t s = 0; s < resolved.size(); ++s) {
    std::vector<double> spend(model.lines.size(), 0.0);
    for (const ResolvedLine& line : resolved[s].lines) {
      Money total;
      for (Money m : line.by_year) total = total + m;
      spend[line_index.at(line.def->id)] = static_cast<double>(total.cents()) / 100;
    }
    std::fprintf(f, "%s\n [", s ? "," : "");
    for (size_t l = 0; l < spend.size(); ++l) std::fprintf(f, "%s%.17g", l ? ", " : "", spend[l]);
    std::fprintf(f, "]");
  }
  std::fprintf(f, "],\n\"allot\": {\"samples\": %llu, \"rank_counts\": [",
               static_cast<unsigned long long>(samples));
  for (size_t k = 0; k < timings[0].rank_counts.size(); ++k) {
    std::fprintf(f, "%s%llu", k ? ", " : "",
                 static_cast<unsigned long long>(timings[0].rank_counts[k]));
  }
  std::fprintf(f, "],\n  \"runs\": [");
  for (size_t t = 0; t < timings.size(); ++t) {
    std::fprintf(f, "%s{\"threads\": %u, \"wall\": %.6f, \"cpu\": %.6f}", t ? ", " : "",
                 timings[t].threads, timings[t].wall, timings[t].cpu);
  }
  std::fprintf(f, "]}}\n");
  if (std::fclose(f) != 0) {
    std::fprintf(stderr, "cannot write %s\n", path);
    std::exit(1);
  }
}

}  // namespace

int main(int argc, char** argv) {
  const char* peer = nullptr;
  if (argc > 2 && std::strcmp(argv[1], "--peer") == 0) {
    peer = argv[2];
    argc -= 2, argv += 2;
  }
  uint64_t samples = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 500000;
  Rng rng;
  Model model = GenerateModel(rng);
  std::vector<Scenario> scenarios = GenerateScenarios(rng);
  Diagnostics diags;
  std::vector<ResolvedScenario> resolved = ResolveScenarios(model, scenarios, diags);
  if (!diags.empty() || resolved.size() != kScenarios + 1) {
    std::fprintf(stderr, "generated scenarios did not resolve: %s\n",
                 diags.empty() ? "?" : diags[0].message.c_str());
    return 1;
  }
  std::string error;
  std::unique_ptr<SmaaPlan> plan = CompileSmaa(
      model, resolved,
      SmaaOptions{*ParseWeightSpec("uniform", model, error), EffectsMode::kUncertain, 1});
  std::printf(
      "SMAA-2: %d lines, %d objectives, %zu scenarios (model + %d), weights uniform, effects "
      "uncertain\n",
      kLines, kObjectives, resolved.size(), kScenarios);
  if (peer != nullptr) {
    // As `allot sensitivity` runs by default: one thread per core.
    unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    std::vector<Timing> timings = {Time(*plan, samples, 1, resolved.size())};
    if (cores > 1) timings.push_back(Time(*plan, samples, cores, resolved.size()));
    WritePeer(peer, model, resolved, samples, timings);
    return 0;
  }
  Time(*plan, 100000, 1, resolved.size());
  Time(*plan, samples, 1, resolved.size());
  Time(*plan, samples, 2, resolved.size());
  return 0;
}
