#include "evaluate/one_effect.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <random>
#include <string>
#include <unordered_set>
#include <vector>

#include "allot/evaluate.hpp"
#include "evaluate/line_order.hpp"
#include "test_support.hpp"

using namespace allot;
using allot::detail::OneEffectEvaluator;
using allot::testing::ModelFrom;
using allot::testing::ResolveOk;
using allot::testing::ScenarioFrom;

namespace {

// Random numbers from the raw generator, whose sequence the standard fixes
// (distributions are left to the library).
struct Random {
  std::mt19937 gen;
  uint32_t Below(uint32_t n) { return static_cast<uint32_t>(gen() % n); }
  // A triple of points with two decimals, likely strictly inside.
  std::string Triple(uint32_t scale) {
    uint32_t low = Below(scale * 100), likely = low + 1 + Below(scale * 100),
             high = likely + 1 + Below(scale * 100);
    auto text = [](uint32_t c) {
      return std::to_string(c / 100) + "." + std::to_string(c % 100 / 10) + std::to_string(c % 10);
    };
    return "[" + text(low) + ", " + text(likely) + ", " + text(high) + "]";
  }
};

// A model of `lines` lines over 4 objectives, every effect uncertain, with
// every curve kind and thresholds; line ids are shuffled against the file
// order, so that Evaluate's order (by id) is not the file's. Points are
// sized so that some objectives pass the cap of 100 and some do not.
std::string RandomModel(Random& r, int lines) {
  std::string y =
      "format: allot/1\ntitle: Random\nyears: [2024, 2025]\nobjectives:\n"
      "  - {id: o0, name: O0}\n  - {id: o1, name: O1}\n  - {id: o2, name: O2}\n"
      "  - {id: o3, name: O3}\nweights:\n  even: {o0: 1, o1: 1, o2: 1, o3: 1}\nlines:\n";
  std::vector<int> ids(lines);
  for (int i = 0; i < lines; ++i) ids[i] = i;
  std::shuffle(ids.begin(), ids.end(), r.gen);
  for (int i = 0; i < lines; ++i) {
    std::string id = "l" + std::to_string(ids[i]);
    y += "  - id: " + id + "\n    name: " + id +
         "\n    budget: {2024: " + std::to_string(1000 + r.Below(50000)) + "." +
         std::to_string(10 + r.Below(90)) + ", 2025: " + std::to_string(r.Below(50000)) +
         "}\n    effects:\n";
    for (int j = 0; j < 4; ++j) {
      if (j != i % 4 && r.Below(3) == 0) continue;  // every line has an effect
      std::string effect = "      o" + std::to_string(j) + ": {";
      // Objective o0 small, o3 large: o0 stays under the cap, o3 passes it.
      uint32_t scale = 1 + 2 * static_cast<uint32_t>(j);
      switch (r.Below(3)) {
        case 0:
          effect += "curve: linear, points: " + r.Triple(scale) + ", per: 10000";
          break;
        case 1:
          effect += "curve: saturating, max: " + r.Triple(scale) + ", half: [5000, " +
                    std::to_string(5001 + r.Below(20000)) + ", 40000]";
          break;
        default:
          effect += "curve: table, points: [[20000, " + r.Triple(scale) + "], [60000, " +
                    r.Triple(scale) + "]]";
      }
      if (r.Below(4) == 0) effect += ", threshold: " + std::to_string(1 + r.Below(30000));
      y += effect + "}\n";
    }
  }
  return y;
}

std::string RandomScenario(Random& r, int lines) {
  std::string y = "format: allot/1\nscenario: s\nname: S\nchanges:\n";
  for (int i = 0; i < lines; ++i) {
    if (r.Below(2) == 0)
      y += "  - scale: {line: l" + std::to_string(i) + ", by: 1." + std::to_string(1 + r.Below(9)) +
           "}\n";
  }
  return y;
}

// Every uncertain Param of a curve.
std::vector<Param*> ParamsOf(Curve& c) {
  std::vector<Param*> params{&c.points, &c.max, &c.half};
  for (TablePoint& p : c.table) params.push_back(&p.value);
  std::vector<Param*> uncertain;
  for (Param* p : params) {
    if (p->uncertain) uncertain.push_back(p);
  }
  return uncertain;
}

}  // namespace

TEST_CASE("one changed effect scores bit for bit as evaluating the changed scenario",
          "[evaluate][one_effect]") {
  int compared = 0, mismatches = 0, naive_differs = 0, capped = 0, uncapped = 0;
  for (uint32_t seed = 1; seed <= 4; ++seed) {
    Random r{std::mt19937(seed)};
    const int kLines = 60;
    Model model = ModelFrom(RandomModel(r, kLines));
    std::vector<Scenario> scenarios{ScenarioFrom(RandomScenario(r, kLines))};
    std::vector<ResolvedScenario> resolved = ResolveOk(model, scenarios);
    for (const ResolvedScenario& scenario : resolved) {
      OneEffectEvaluator incremental(model, scenario);
      Evaluation base = Evaluate(model, scenario);
      CHECK(incremental.objectives() == base.objectives);
      for (double s : base.uncapped) (s > 100 ? capped : uncapped) += 1;
      for (const ResolvedLine& line : scenario.lines) {
        for (size_t e = 0; e < line.def->effects.size(); ++e) {
          Line moved_line = *line.def;
          Curve& moved = moved_line.effects[e].curve;
          for (Param* p : ParamsOf(moved)) {
            for (double end : {p->low, p->high}) {
              double likely = p->likely;
              p->likely = end;
              ResolvedScenario swapped = scenario;
              for (ResolvedLine& l : swapped.lines) {
                if (l.def == line.def) l.def = &moved_line;
              }
              Evaluation full = Evaluate(model, swapped);
              ++compared;
              if (incremental.ObjectivesWith(line.def, e, moved) != full.objectives) ++mismatches;
              // Subtracting the old term and adding the new one is not
              // Evaluate's sum: that the model tells them apart shows the
              // comparison above can fail.
              auto j = static_cast<size_t>(model.ObjectiveIndex(moved_line.effects[e].objective));
              Money total = detail::LineTotal(line);
              double naive = base.uncapped[j] - CurveValue(line.def->effects[e].curve, total) +
                             CurveValue(moved, total);
              if (naive != full.uncapped[j]) ++naive_differs;
              p->likely = likely;
            }
          }
        }
      }
    }
  }
  CHECK(mismatches == 0);
  CHECK(compared > 1000);
  CHECK(naive_differs > 0);
  CHECK(capped > 0);
  CHECK(uncapped > 0);
}

TEST_CASE("a line the scenario does not have leaves its scores as they are",
          "[evaluate][one_effect]") {
  Random r{std::mt19937(7)};
  Model model = ModelFrom(RandomModel(r, 10));
  std::vector<ResolvedScenario> resolved = ResolveOk(model, {});
  OneEffectEvaluator incremental(model, resolved.front());
  Line other = model.lines.front();
  CHECK(incremental.ObjectivesWith(&other, 0, other.effects.front().curve) ==
        incremental.objectives());
}
