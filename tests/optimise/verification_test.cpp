// The randomised verification suite of optimise and frontier (issue 11):
// 240 small generated models (2-6 lines; table, linear and saturating
// curves, thresholds, levels, motions, locks, --min/--max/--max-change)
// solved by allot and by exact enumeration written here: every line total
// on a grid, each line's value from CurveValue, the best grid allocation
// meeting every constraint. Not the solver's formulation: no pieces, no
// binaries, no LP.
//
// Every answer must meet every constraint to the cent, score exactly what
// Evaluate says, never less than the base when the base is allowed, and
// its upper bound must be at least the best grid allocation. When every
// number of the model lies on the grid, curves are piecewise linear and
// no cap of 100 can bind, the grid optimum is the true optimum (the LP's
// vertices lie on the grid), so the answer must be within its gap of it.
#include <catch2/catch.hpp>
#include <cmath>
#include <functional>
#include <map>
#include <random>
#include <sstream>

#include "allot/evaluate.hpp"
#include "allot/frontier.hpp"
#include "allot/optimise.hpp"
#include "test_support.hpp"

using namespace allot;
using allot::testing::ModelFrom;
using allot::testing::Render;
using allot::testing::ResolveOk;

namespace {

constexpr int64_t kStep = 50000;  // EUR: the grid of the enumeration

Money Eur(int64_t euros) { return Money::FromCents(euros * 100); }

// Deterministic across standard libraries: mt19937's output is specified,
// its distributions are not.
struct Rng {
  std::mt19937 engine;
  int Below(int n) { return static_cast<int>(engine() % static_cast<uint32_t>(n)); }
  int Between(int lo, int hi) { return lo + Below(hi - lo + 1); }
  bool Chance(int percent) { return Below(100) < percent; }
};

struct Generated {
  std::string yaml;
  std::string described;  // the constraints, for failure messages
  OptimiseConstraints constraints;
  bool exact = true;  // the grid optimum is the true optimum
};

std::string Objective(int j) { return std::string(1, static_cast<char>('a' + j)); }

// One effect; clears `exact` for curves the grid cannot follow exactly.
std::string EffectYaml(Rng& rng, bool smooth, bool& exact, double& most) {
  std::ostringstream y;
  int kind = rng.Below(smooth ? 3 : 2);
  if (kind == 0) {
    int points = rng.Between(1, 8);
    y << "{curve: linear, points: " << points << ", per: 100000";
    most = points * 10.0;  // at most EUR 1,000,000 on one line
  } else if (kind == 1) {
    y << "{curve: table, points: [";
    int n = rng.Between(1, 3);
    int64_t x = 0;
    int value = 0;
    for (int k = 0; k < n; ++k) {
      x += kStep * rng.Between(1, 4);
      value += rng.Between(0, 12);
      y << (k ? ", " : "") << "[" << x << ", " << value << "]";
    }
    y << "]";
    most = value;
  } else {
    int max = rng.Between(5, 40);
    y << "{curve: saturating, max: " << max << ", half: " << kStep * rng.Between(1, 12);
    exact = false;
    most = max;
  }
  if (rng.Chance(30)) y << ", threshold: " << kStep * rng.Between(1, 5);
  y << "}";
  return y.str();
}

// Every third model has piecewise-linear curves only, so that the grid
// optimum is often the true one.
Generated Generate(uint32_t seed) {
  Rng rng{std::mt19937(seed)};
  Generated g;
  bool smooth = seed % 3 != 0;
  int years = rng.Between(1, 2);
  int objectives = rng.Between(2, 3);
  int lines = rng.Between(2, 6);
  std::ostringstream y;
  y << "format: allot/1\ntitle: generated\nyears: [2024" << (years == 2 ? ", 2025" : "")
    << "]\nobjectives:\n";
  for (int j = 0; j < objectives; ++j)
    y << "  - {id: " << Objective(j) << ", name: " << Objective(j) << "}\n";
  y << "weights:\n  w: {";
  for (int j = 0; j < objectives; ++j)
    y << (j ? ", " : "") << Objective(j) << ": " << rng.Between(1, 5);
  y << "}\nmotions:\n  - {id: m, ref: r, asks: x";
  bool min_spend = rng.Chance(50);
  if (min_spend) y << ", min_spend: " << kStep * rng.Between(1, 4);
  y << "}\nlines:\n";
  std::vector<double> most(static_cast<size_t>(objectives), 0.0);
  for (int i = 0; i < lines; ++i) {
    y << "  - id: l" << i << "\n    name: L" << i
      << "\n    budget: {2024: " << kStep * rng.Between(0, 3);
    if (years == 2) y << ", 2025: " << kStep * rng.Between(0, 3);
    y << "}\n";
    if (rng.Chance(35)) y << "    motions: [m]\n";
    y << "    effects:\n";
    int first = rng.Below(objectives);
    int effects = rng.Between(1, std::min(2, objectives));
    for (int e = 0; e < effects; ++e) {
      int j = (first + e) % objectives;
      double top = 0;
      y << "      " << Objective(j) << ": " << EffectYaml(rng, smooth, g.exact, top) << "\n";
      most[static_cast<size_t>(j)] += top;
    }
    if (rng.Chance(20)) {
      y << "    levels:\n";
      int n = rng.Between(1, 2);
      for (int k = 0; k < n; ++k) {
        y << "      - {name: v" << k << ", budget: {2024: " << kStep * rng.Between(1, 4);
        if (years == 2) y << ", 2025: " << kStep * rng.Between(0, 3);
        y << "}}\n";
      }
    }
  }
  // The cap of 100 makes the optimum leave the grid where it binds.
  for (double m : most) g.exact = g.exact && m <= 100;
  g.yaml = y.str();
  OptimiseConstraints& c = g.constraints;
  for (int t = 0; t < years; ++t) c.budget.push_back(Eur(kStep * rng.Between(4, 8)));
  c.motion_minimum = Eur(kStep);
  for (int i = 0; i < lines; ++i) {
    std::string id = "l" + std::to_string(i);
    if (rng.Chance(10)) c.lock.push_back(id);
    int lo = rng.Chance(15) ? rng.Between(1, 3) : 0;
    if (lo > 0) c.min.push_back({id, Eur(kStep * lo)});
    if (rng.Chance(15)) c.max.push_back({id, Eur(kStep * rng.Between(lo, 4))});
  }
  if (rng.Chance(25)) c.fund_motions = {"m"};
  if (rng.Chance(10)) c.max_change = Eur(kStep * rng.Between(2, 6));
  std::ostringstream d;
  d << "budget";
  for (Money b : c.budget) d << " " << FormatMoneyPlain(b);
  for (const LineAmount& a : c.min) d << "; min " << a.line << "=" << FormatMoneyPlain(a.amount);
  for (const LineAmount& a : c.max) d << "; max " << a.line << "=" << FormatMoneyPlain(a.amount);
  for (const std::string& id : c.lock) d << "; lock " << id;
  for (const std::string& id : c.fund_motions) d << "; fund " << id;
  if (c.max_change) d << "; max change " << FormatMoneyPlain(*c.max_change);
  g.described = d.str();
  return g;
}

// A line's possible totals, cents; each with its amounts per year.
struct Choice {
  int64_t total = 0;
  std::vector<int64_t> years;  // fixed profile (locks, levels); empty: free
};

struct Enumeration {
  bool feasible = false;
  double best = -1;
};

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// The best grid allocation meeting every constraint of `c`, by
// enumeration. Free lines take totals on the grid; their split over the
// years is free, so only the money left after fixed profiles matters.
Enumeration Enumerate(const Model& m, const ResolvedScenario& base, const OptimiseConstraints& c,
                      const std::vector<double>& w) {
  size_t n = base.lines.size();
  size_t years = c.budget.size();
  int64_t budget = 0;
  for (Money b : c.budget) budget += b.cents();
  std::vector<std::vector<Choice>> choices(n);
  for (size_t i = 0; i < n; ++i) {
    const ResolvedLine& line = base.lines[i];
    const std::string& id = line.def->id;
    int64_t base_total = 0;
    for (Money a : line.by_year) base_total += a.cents();
    int64_t lo = 0, hi = budget;
    for (const LineAmount& a : c.min)
      if (a.line == id) lo = std::max(lo, a.amount.cents());
    for (const LineAmount& a : c.max)
      if (a.line == id) hi = std::min(hi, a.amount.cents());
    if (c.max_change) {
      lo = std::max(lo, base_total - c.max_change->cents());
      hi = std::min(hi, base_total + c.max_change->cents());
    }
    auto allowed = [&](int64_t total) { return total >= lo && total <= hi; };
    if (Contains(c.lock, id)) {
      std::vector<int64_t> profile;
      for (Money a : line.by_year) profile.push_back(a.cents());
      if (allowed(base_total)) choices[i].push_back({base_total, profile});
    } else if (!line.def->levels.empty()) {
      if (allowed(0)) choices[i].push_back({0, std::vector<int64_t>(years, 0)});
      for (const Level& level : line.def->levels) {
        std::vector<int64_t> profile;
        int64_t total = 0;
        for (int year : m.years) {
          auto it = level.budget.find(year);
          profile.push_back(it == level.budget.end() ? 0 : it->second.cents());
          total += profile.back();
        }
        if (allowed(total)) choices[i].push_back({total, profile});
      }
    } else {
      for (int64_t x = 0; x <= budget; x += kStep * 100)
        if (allowed(x)) choices[i].push_back({x, {}});
    }
  }
  // Each line's weighted contribution per objective, by CurveValue.
  std::vector<std::map<int64_t, std::vector<double>>> value(n);
  for (size_t i = 0; i < n; ++i) {
    for (const Choice& ch : choices[i]) {
      std::vector<double> v(m.objectives.size(), 0.0);
      for (const allot::Effect& e : base.lines[i].def->effects)
        v[static_cast<size_t>(m.ObjectiveIndex(e.objective))] +=
            CurveValue(e.curve, Money::FromCents(ch.total));
      value[i].emplace(ch.total, std::move(v));
    }
  }
  Enumeration result;
  std::vector<const Choice*> pick(n);
  std::function<void(size_t)> rec = [&](size_t i) {
    if (i < n) {
      for (const Choice& ch : choices[i]) {
        pick[i] = &ch;
        rec(i + 1);
      }
      return;
    }
    std::vector<int64_t> left(years);
    int64_t free = 0, all = 0;
    bool any_free = false;
    for (size_t t = 0; t < years; ++t) left[t] = c.budget[t].cents();
    for (size_t k = 0; k < n; ++k) {
      all += pick[k]->total;
      if (pick[k]->years.empty()) {
        free += pick[k]->total;
        any_free = true;
      } else {
        for (size_t t = 0; t < years; ++t) left[t] -= pick[k]->years[t];
      }
    }
    int64_t room = 0;
    for (int64_t l : left) {
      if (l < 0) return;
      room += l;
    }
    if (free != room || (!any_free && room != 0) || all != budget) return;
    for (const std::string& id : c.fund_motions) {
      const Motion& motion = m.motions[static_cast<size_t>(m.MotionIndex(id))];
      int64_t spent = 0;
      for (size_t k = 0; k < n; ++k)
        if (Contains(base.lines[k].def->motions, id)) spent += pick[k]->total;
      if (spent < (motion.min_spend ? *motion.min_spend : c.motion_minimum).cents()) return;
    }
    std::vector<double> sum(m.objectives.size(), 0.0);
    for (size_t k = 0; k < n; ++k) {
      const std::vector<double>& v = value[k][pick[k]->total];
      for (size_t j = 0; j < sum.size(); ++j) sum[j] += v[j];
    }
    double score = 0;
    for (size_t j = 0; j < sum.size(); ++j) score += w[j] * std::min(100.0, sum[j]);
    result.feasible = true;
    result.best = std::max(result.best, score);
  };
  rec(0);
  return result;
}

// Every constraint, checked here independently of the library.
void CheckConstraintsMet(const Model& m, const ResolvedScenario& base, const OptimiseConstraints& c,
                         const ResolvedScenario& a) {
  for (size_t t = 0; t < c.budget.size(); ++t) CHECK(a.by_year[t] == c.budget[t]);
  for (size_t i = 0; i < base.lines.size(); ++i) {
    const std::string& id = base.lines[i].def->id;
    Money total, base_total;
    for (Money x : a.lines[i].by_year) {
      CHECK(x >= Money());
      total += x;
    }
    for (Money x : base.lines[i].by_year) base_total += x;
    INFO("line " << id << " total " << total.cents());
    if (Contains(c.lock, id)) CHECK(a.lines[i].by_year == base.lines[i].by_year);
    for (const LineAmount& x : c.min)
      if (x.line == id) CHECK(total >= x.amount);
    for (const LineAmount& x : c.max)
      if (x.line == id) CHECK(total <= x.amount);
    if (c.max_change) CHECK(std::llabs((total - base_total).cents()) <= c.max_change->cents());
    if (!Contains(c.lock, id) && !base.lines[i].def->levels.empty() && !total.IsZero()) {
      bool at_level = false;
      for (const Level& level : base.lines[i].def->levels) {
        bool same = true;
        for (size_t t = 0; t < m.years.size(); ++t) {
          auto it = level.budget.find(m.years[t]);
          same = same && a.lines[i].by_year[t] == (it == level.budget.end() ? Money() : it->second);
        }
        at_level = at_level || same;
      }
      CHECK(at_level);
    }
  }
  std::vector<Money> spend = MotionSpend(m, a);
  for (const std::string& id : c.fund_motions) {
    const Motion& motion = m.motions[static_cast<size_t>(m.MotionIndex(id))];
    CHECK(spend[static_cast<size_t>(m.MotionIndex(id))] >=
          (motion.min_spend ? *motion.min_spend : c.motion_minimum));
  }
}

double Weighted(const Model& m, const std::vector<double>& w, const ResolvedScenario& r) {
  std::vector<double> s = Evaluate(m, r).objectives;
  double sum = 0;
  for (size_t j = 0; j < s.size(); ++j) sum += w[j] * s[j];
  return sum;
}

}  // namespace

TEST_CASE("240 generated models: every answer verified against exact enumeration",
          "[optimise][verification]") {
  int exact = 0, feasible = 0, infeasible = 0;
  for (uint32_t seed = 1; seed <= 240; ++seed) {
    Generated g = Generate(seed);
    Model m = ModelFrom(g.yaml);
    ResolvedScenario base = ResolveOk(m, {})[0];
    const std::vector<double>& w = m.weights[0].weights;
    OptimiseOptions o;
    o.weights.assign(w.begin(), w.end());
    Diagnostics diags;
    std::optional<OptimiseResult> r = Optimise(m, base, g.constraints, o, diags);
    Enumeration truth = Enumerate(m, base, g.constraints, w);
    INFO("seed " << seed << "\n" << g.yaml << g.described << "\n" << Render(diags));
    REQUIRE(r);
    INFO("score " << r->score << " bound " << r->upper_bound << " grid best " << truth.best
                  << " error " << r->error);
    CHECK(r->error.empty());
    // The constraints' numbers all lie on the grid: feasible iff a grid
    // allocation is.
    CHECK(r->feasible == truth.feasible);
    if (!r->feasible || !truth.feasible) {
      infeasible += truth.feasible ? 0 : 1;
      continue;
    }
    ++feasible;
    CheckConstraintsMet(m, base, g.constraints, r->allocation);
    CHECK(r->score == Weighted(m, w, r->allocation));
    CHECK(r->bounded);
    CHECK(r->upper_bound >= truth.best - 1e-6);
    CHECK(r->upper_bound - r->score <= o.tolerance + 1e-9);
    if (g.exact) {
      ++exact;
      CHECK(r->score >= truth.best - (r->upper_bound - r->score) - 1e-6);
    }
  }
  // The suite covers what it claims.
  CHECK(feasible >= 150);
  INFO("exact " << exact << " feasible " << feasible << " infeasible " << infeasible);
  CHECK(exact >= 40);
  CHECK(infeasible >= 5);
}

TEST_CASE("the frontier never falls as the budget grows, and its bounds hold",
          "[optimise][frontier][verification]") {
  for (uint32_t seed = 1000; seed < 1030; ++seed) {
    Generated g = Generate(seed);
    Model m = ModelFrom(g.yaml);
    std::vector<ResolvedScenario> all = ResolveOk(m, {});
    OptimiseOptions o;
    o.weights.assign(m.weights[0].weights.begin(), m.weights[0].weights.end());
    FrontierOptions f;
    f.points = 8;
    f.to = Eur(kStep * 20);
    Diagnostics diags;
    OptimiseConstraints c = g.constraints;
    std::optional<FrontierResult> r = Frontier(m, all[0], {}, c, o, f, diags);
    INFO("seed " << seed << "\n" << g.yaml << g.described << "\n" << Render(diags));
    REQUIRE(r);
    double last = -1;
    for (const FrontierPoint& p : r->points) {
      INFO("budget " << p.budget.cents() << " score " << p.score << " status " << p.status);
      CHECK((p.status.empty() || p.status == "infeasible"));
      if (!p.status.empty()) continue;
      CHECK(p.score >= last - 1e-9);
      CHECK(p.upper_bound >= p.score);
      last = p.score;
    }
  }
}
