// Times the compare pipeline on generated allot/1 inputs.
//
// For each size it generates, in memory, a model of N action lines and S
// scenarios as YAML text, then times every stage through the public API
// (load model, load scenarios, resolve, compare, render JSON), keeping the
// best of several repetitions. The table shows time per stage and the total
// in nanoseconds per (line x scenario): when that column stays flat the
// pipeline grows linearly in lines x scenarios.
//
//   allot_bench_compare                     the four standard sizes
//   allot_bench_compare 2000x100 500x25     chosen sizes
//   allot_bench_compare --reps 9            more repetitions (default 5)
//   allot_bench_compare --write DIR 2000x100
//                                           write the inputs as files instead,
//                                           DIR/model.yaml and DIR/scenarios/,
//                                           to time `allot compare` end to end
//
// Generation is deterministic (a fixed-seed splitmix64), so two runs time
// the same inputs.
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "allot/compare.hpp"
#include "allot/load.hpp"
#include "allot/render.hpp"
#include "allot/resolve.hpp"

namespace {

constexpr int kYears[] = {2024, 2025, 2026};
constexpr int kNumYears = 3;
constexpr int kNumObjectives = 8;

using Budget = std::array<int64_t, kNumYears>;  // whole euros per year

// splitmix64: tiny, fast and the same on every platform.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // Uniform in [lo, hi].
  int64_t Between(int64_t lo, int64_t hi) {
    return lo + static_cast<int64_t>(Next() % static_cast<uint64_t>(hi - lo + 1));
  }
  bool OneIn(int n) { return Next() % static_cast<uint64_t>(n) == 0; }

 private:
  uint64_t state_;
};

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

std::string Padded(const char* prefix, int i) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s%05d", prefix, i);
  return buf;
}

std::string Objective(int j) { return "obj_" + std::to_string(j + 1); }

int64_t Sum(const Budget& b) { return b[0] + b[1] + b[2]; }

// With `cents`, the first year gets 50 cents more than `b` says (the
// tracked State ignores them: see there).
std::string BudgetYaml(const Budget& b, bool cents = false) {
  std::string s = "{";
  for (int y = 0; y < kNumYears; ++y) {
    s += (y ? ", " : "") + std::to_string(kYears[y]) + ": " + std::to_string(b[y]);
    if (cents && y == 0) s += ".50";
  }
  return s + "}";
}

// A parameter, sometimes as [low, likely, high].
std::string Param(Rng& rng, double likely) {
  if (!rng.OneIn(3)) return Num(likely);
  return "[" + Num(likely * 0.5) + ", " + Num(likely) + ", " + Num(likely * 1.6) + "]";
}

// 1-3 effects on distinct objectives, mixing the three curve kinds. `scale`
// is the points a typical line adds to one objective, chosen so that the
// sums stay below the cap of 100 and the scores differ between scenarios.
void AppendEffects(std::string& out, Rng& rng, int salt, double scale, const char* indent) {
  std::string in(indent);
  out += in + "effects:\n";
  int count = static_cast<int>(rng.Between(1, 3));
  int first = static_cast<int>(rng.Between(0, kNumObjectives - 1));
  for (int e = 0; e < count; ++e) {
    out += in + "  " + Objective((first + 3 * e) % kNumObjectives) + ":\n";
    std::string field = in + "    ";
    switch ((salt + e) % 3) {
      case 0:  // about `scale` points at a total spend of 600,000
        out += field + "curve: linear\n";
        out += field + "points: " + Param(rng, scale / 6) + "\n";
        out += field + "per: 100000\n";
        break;
      case 1:
        out += field + "curve: saturating\n";
        out += field + "max: " + Param(rng, scale * 1.3) + "\n";
        out += field + "half: " + (rng.OneIn(2) ? "250000" : "[150000, 250000, 400000]") + "\n";
        break;
      default:
        out += field + "curve: table\n";
        out += field + "points: [[50000, " + Num(scale * 0.2) + "], [300000, " + Num(scale * 0.7) +
               "], [900000, " + Num(scale * 1.2) + "]]\n";
        break;
    }
    if (rng.OneIn(5)) out += field + "threshold: 100000\n";
  }
}

Budget RandomBudget(Rng& rng) {
  Budget b;
  for (int64_t& amount : b) amount = rng.Between(40, 400) * 500;  // 20,000-200,000
  return b;
}

// The money of one generated scenario, tracked approximately (whole euros)
// so that generated changes stay valid: moves take at most a tenth of what a
// line has, so rounding differences with the real resolver cannot matter.
struct State {
  std::vector<std::string> ids;
  std::vector<Budget> budget;
  std::vector<bool> alive;

  int64_t Total() const {
    int64_t t = 0;
    for (size_t i = 0; i < ids.size(); ++i) t += alive[i] ? Sum(budget[i]) : 0;
    return t;
  }
  // A live line with at least `min_total` euros, or -1.
  int Pick(Rng& rng, int64_t min_total) const {
    for (int attempt = 0; attempt < 50; ++attempt) {
      size_t i = static_cast<size_t>(rng.Next() % ids.size());
      if (alive[i] && Sum(budget[i]) >= min_total) return static_cast<int>(i);
    }
    return -1;
  }
};

struct Generated {
  std::string model;
  std::vector<std::string> scenarios;
};

std::string ModelYaml(int lines, Rng& rng, State& state) {
  const double scale = 240.0 / lines;
  const int motions = std::max(5, lines / 100);
  std::string y;
  y.reserve(static_cast<size_t>(lines) * 400);
  y += "format: allot/1\ntitle: Generated benchmark model\ncurrency: EUR\n";
  y += "years: [2024, 2025, 2026]\n\nobjectives:\n";
  for (int j = 0; j < kNumObjectives; ++j) {
    y += "  - id: " + Objective(j) + "\n    name: Objective " + std::to_string(j + 1) + "\n";
  }
  y += "\nweights:\n  balanced: {";
  for (int j = 0; j < kNumObjectives; ++j) y += (j ? ", " : "") + Objective(j) + ": 1";
  y += "}\n  enforcement: {obj_1: 4, obj_2: 3, obj_3: 1}\n";
  y += "  prevention: {obj_5: 3, obj_6: 2, obj_7: 2, obj_8: 1}\n\nmotions:\n";
  for (int m = 0; m < motions; ++m) {
    y += "  - id: " + Padded("motion_", m) + "\n    ref: Kamerstuk 00000 nr. " +
         std::to_string(m + 1) + "\n    date: 2023-10-03\n    asks: Fund measure " +
         std::to_string(m + 1) + ".\n";
    if (m % 2 == 0) y += "    min_spend: 150000\n";
  }
  y += "\nlines:\n";
  for (int i = 0; i < lines; ++i) {
    Budget b = RandomBudget(rng);
    state.ids.push_back(Padded("line_", i));
    state.budget.push_back(b);
    state.alive.push_back(true);
    y += "  - id: " + state.ids.back() + "\n    name: Action line " + std::to_string(i) + "\n";
    y += "    budget: " + BudgetYaml(b, i % 7 == 0) + "\n";
    y += std::string("    illustrative: ") + (i % 4 ? "true" : "false") + "\n";
    if (i % 50 == 0) y += "    motions: [" + Padded("motion_", (i / 50) % motions) + "]\n";
    AppendEffects(y, rng, i, scale, "    ");
  }
  return y;
}

// A move of at most a tenth of the source, sometimes within one year.
std::string Move(Rng& rng, State& s) {
  int from = s.Pick(rng, 10000);
  int to = s.Pick(rng, 0);
  if (from < 0 || to < 0 || from == to) return "";
  Budget& src = s.budget[static_cast<size_t>(from)];
  Budget& dst = s.budget[static_cast<size_t>(to)];
  std::string head = "  - move: {amount: ";
  std::string ids =
      ", from: " + s.ids[static_cast<size_t>(from)] + ", to: " + s.ids[static_cast<size_t>(to)];
  size_t y = static_cast<size_t>(rng.Between(0, kNumYears - 1));
  if (rng.OneIn(3) && src[y] >= 10000) {
    int64_t amount = src[y] / 10 / 100 * 100;
    src[y] -= amount;
    dst[y] += amount;
    return head + std::to_string(amount) + ids + ", year: " + std::to_string(kYears[y]) + "}\n";
  }
  int64_t total = Sum(src);
  int64_t amount = total / 10 / 100 * 100;
  for (size_t k = 0; k < kNumYears; ++k) {
    int64_t part = amount * src[k] / total;  // approximate; see State
    src[k] -= part;
    dst[k] += part;
  }
  return head + std::to_string(amount) + ids + "}\n";
}

std::string OtherChange(Rng& rng, State& s, int scenario, int change, double scale) {
  int line = s.Pick(rng, 0);
  if (line < 0) return Move(rng, s);
  size_t i = static_cast<size_t>(line);
  switch (rng.Next() % 5) {
    case 0: {
      Budget b = {0, rng.Between(40, 400) * 500, rng.Between(40, 400) * 500};
      s.budget[i] = b;
      return "  - set: {line: " + s.ids[i] + ", budget: {2025: " + std::to_string(b[1]) +
             ", 2026: " + std::to_string(b[2]) + "}}\n";
    }
    case 1: {
      static const char* const kFactors[] = {"0.5", "0.75", "1.1", "1.25", "1.333"};
      static const int64_t kPerMille[] = {500, 750, 1100, 1250, 1333};
      size_t f = static_cast<size_t>(rng.Next() % 5);
      for (int64_t& amount : s.budget[i]) amount = amount * kPerMille[f] / 1000;
      return "  - scale: {line: " + s.ids[i] + ", by: " + kFactors[f] + "}\n";
    }
    case 2: {
      Budget b = RandomBudget(rng);
      s.ids.push_back(Padded("added_", scenario) + "_" + std::to_string(change));
      s.budget.push_back(b);
      s.alive.push_back(true);
      std::string y = "  - add:\n      id: " + s.ids.back() + "\n      name: Added line\n";
      y += "      budget: " + BudgetYaml(b) + "\n      illustrative: true\n";
      AppendEffects(y, rng, scenario + change, scale, "      ");
      return y;
    }
    case 3:
      s.alive[i] = false;
      return "  - remove: " + s.ids[i] + "\n";
    default:
      return Move(rng, s);
  }
}

// Scenario k: every fourth starts a base chain of three; a third are
// budget-neutral (moves only), some neutral per year, some capped.
std::string ScenarioYaml(int k, int lines, Rng& rng, std::vector<State>& states) {
  const int base = (k % 4 == 1 || k % 4 == 2) ? k - 1 : -1;
  State s = base < 0 ? states.front() : states[static_cast<size_t>(base) + 1];
  std::string y = "format: allot/1\nscenario: " + Padded("scenario_", k) +
                  "\nname: Generated scenario " + std::to_string(k) + "\n";
  if (base >= 0) y += "base: " + Padded("scenario_", base) + "\n";
  const int rule = k % 6;  // 0, 3: neutral; 2: neutral-per-year; 5: cap; else none
  const bool moves_only = rule == 0 || rule == 2 || rule == 3;
  if (rule == 0 || rule == 3) y += "budget: neutral\n";
  if (rule == 2) y += "budget: neutral-per-year\n";
  std::string changes;
  int count = static_cast<int>(rng.Between(2, 5));
  for (int c = 0; c < count; ++c) {
    changes += moves_only || rng.OneIn(3) ? Move(rng, s) : OtherChange(rng, s, k, c, 240.0 / lines);
  }
  if (changes.empty()) changes = "  - remove: " + s.ids[static_cast<size_t>(s.Pick(rng, 0))] + "\n";
  if (rule == 5) y += "budget: {cap: " + std::to_string(s.Total() + s.Total() / 10) + "}\n";
  states.push_back(std::move(s));
  return y + "changes:\n" + changes;
}

Generated Generate(int lines, int scenarios) {
  Rng rng(0x5EED0000ULL + static_cast<uint64_t>(lines) * 1000 + static_cast<uint64_t>(scenarios));
  std::vector<State> states(1);  // [0] the model, [k + 1] scenario k
  Generated g;
  g.model = ModelYaml(lines, rng, states.front());
  for (int k = 0; k < scenarios; ++k) g.scenarios.push_back(ScenarioYaml(k, lines, rng, states));
  return g;
}

using Clock = std::chrono::steady_clock;

// Runs `f` once and returns its wall time in seconds.
double Time(const std::function<void()>& f) {
  Clock::time_point start = Clock::now();
  f();
  return std::chrono::duration<double>(Clock::now() - start).count();
}

enum Stage { kLoadModel, kLoadScenarios, kResolve, kCompare, kRender, kNumStages };
const char* const kStageNames[] = {"load model", "load scen.", "resolve", "compare", "render json"};

void PrintDiagnostics(const allot::Diagnostics& diags) {
  size_t shown = std::min<size_t>(diags.size(), 5);
  for (size_t i = 0; i < shown; ++i) std::cerr << allot::FormatDiagnostic(diags[i]);
  if (diags.size() > shown) std::cerr << "... and " << diags.size() - shown << " more\n";
}

// One repetition of the whole pipeline; false (with diagnostics) on failure.
bool RunOnce(const Generated& g, std::array<double, kNumStages>& t, size_t& json_bytes) {
  allot::Diagnostics diags;
  std::optional<allot::Model> model;
  t[kLoadModel] = Time([&] { model = allot::LoadModel(g.model, "bench-model.yaml", diags); });
  std::vector<allot::Scenario> scenarios;
  t[kLoadScenarios] = Time([&] {
    scenarios.reserve(g.scenarios.size());
    for (size_t k = 0; k < g.scenarios.size(); ++k) {
      std::optional<allot::Scenario> s = allot::LoadScenario(
          g.scenarios[k], "bench-scenario-" + std::to_string(k) + ".yaml", diags);
      if (s) scenarios.push_back(std::move(*s));
    }
  });
  if (!model || !diags.empty()) return PrintDiagnostics(diags), false;
  std::vector<allot::ResolvedScenario> resolved;
  t[kResolve] = Time([&] { resolved = allot::ResolveScenarios(*model, scenarios, diags); });
  if (!diags.empty() || resolved.size() != scenarios.size() + 1)
    return PrintDiagnostics(diags), false;
  std::optional<allot::CompareResult> result;
  t[kCompare] = Time([&] { result = allot::Compare(*model, resolved, {}, diags); });
  if (!result) return PrintDiagnostics(diags), false;
  std::ostringstream json;
  t[kRender] = Time(
      [&] { allot::RenderCompare(*result, allot::OutputFormat::kJson, allot::Lang::kEn, json); });
  json_bytes = json.str().size();
  return true;
}

struct Size {
  int lines;
  int scenarios;
};

bool ParseSize(const std::string& text, Size& size) {
  size_t x = text.find('x');
  if (x == std::string::npos) return false;
  size.lines = std::atoi(text.substr(0, x).c_str());
  size.scenarios = std::atoi(text.substr(x + 1).c_str());
  return size.lines > 0 && size.scenarios > 0;
}

bool WriteFiles(const std::string& dir, const Size& size) {
  namespace fs = std::filesystem;
  Generated g = Generate(size.lines, size.scenarios);
  std::error_code ec;
  fs::create_directories(fs::path(dir) / "scenarios", ec);
  if (ec) return std::cerr << "cannot create " << dir << ": " << ec.message() << "\n", false;
  std::ofstream(fs::path(dir) / "model.yaml") << g.model;
  for (size_t k = 0; k < g.scenarios.size(); ++k) {
    std::ofstream(fs::path(dir) / "scenarios" /
                  (Padded("scenario_", static_cast<int>(k)) + ".yaml"))
        << g.scenarios[k];
  }
  std::cout << "wrote " << dir << "/model.yaml (" << size.lines << " lines) and " << size.scenarios
            << " files in " << dir << "/scenarios/\n";
  return true;
}

void PrintHeader() {
  std::printf("%6s %6s %10s", "lines", "scen.", "lines*scen");
  for (const char* name : kStageNames) std::printf(" %11s", name);
  std::printf(" %10s %12s %10s\n", "total", "ns/(l*s)", "json");
}

int Usage() {
  std::cerr << "usage: allot_bench_compare [--reps N] [LINESxSCENARIOS ...]\n"
               "       allot_bench_compare --write DIR LINESxSCENARIOS\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<Size> sizes;
  int reps = 5;
  std::string write_dir;
  for (int a = 1; a < argc; ++a) {
    std::string arg = argv[a];
    Size size{};
    if (arg == "--reps" && a + 1 < argc) {
      reps = std::max(1, std::atoi(argv[++a]));
    } else if (arg == "--write" && a + 1 < argc) {
      write_dir = argv[++a];
    } else if (ParseSize(arg, size)) {
      sizes.push_back(size);
    } else {
      return Usage();
    }
  }
  if (!write_dir.empty()) return sizes.size() == 1 && WriteFiles(write_dir, sizes[0]) ? 0 : Usage();
  if (sizes.empty()) sizes = {{500, 25}, {1000, 50}, {2000, 100}, {4000, 200}};

  std::printf("allot compare pipeline, best of %d runs per stage, one thread; times in ms\n", reps);
  PrintHeader();
  for (const Size& size : sizes) {
    Generated g = Generate(size.lines, size.scenarios);
    std::array<double, kNumStages> best;
    best.fill(1e300);
    size_t json_bytes = 0;
    for (int r = 0; r < reps; ++r) {
      std::array<double, kNumStages> t{};
      if (!RunOnce(g, t, json_bytes)) {
        std::cerr << "allot_bench_compare: the generated " << size.lines << "x" << size.scenarios
                  << " inputs did not load or resolve (diagnostics above)\n";
        return 1;
      }
      for (int s = 0; s < kNumStages; ++s) best[s] = std::min(best[s], t[s]);
    }
    double total = 0;
    for (double t : best) total += t;
    double cells = static_cast<double>(size.lines) * size.scenarios;
    std::printf("%6d %6d %10.0f", size.lines, size.scenarios, cells);
    for (double t : best) std::printf(" %11.1f", t * 1e3);
    std::printf(" %10.1f %12.0f %8.1fMB\n", total * 1e3, total * 1e9 / cells,
                static_cast<double>(json_bytes) / 1e6);
    std::fflush(stdout);
  }
  return 0;
}
