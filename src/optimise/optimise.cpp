// Optimise: solve the inner (chords) and outer (tangents) approximations,
// round the better answer to cents, and score it with allot's own Evaluate.
#include "allot/optimise.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "allot/evaluate.hpp"
#include "optimise/setup.hpp"

namespace allot {

namespace {

using detail::Approx;
using detail::Problem;
using detail::Solution;
using detail::SolveStatus;

double Score(const std::vector<double>& w, const std::vector<double>& s) {
  double sum = 0;
  for (size_t j = 0; j < s.size(); ++j) sum += w[j] * s[j];
  return sum;
}

ResolvedScenario WithAmounts(const ResolvedScenario& base,
                             const std::vector<std::vector<Money>>& amounts) {
  ResolvedScenario r = base;
  r.by_year.assign(base.by_year.size(), Money());
  r.total = Money();
  for (size_t i = 0; i < r.lines.size(); ++i) {
    r.lines[i].by_year = amounts[i];
    for (size_t t = 0; t < amounts[i].size(); ++t) r.by_year[t] += amounts[i][t];
  }
  for (Money m : r.by_year) r.total += m;
  return r;
}

// The chosen level of each line: its name, "(none)", or "" for other lines.
std::vector<std::string> ChosenLevels(const Model& model, const ResolvedScenario& a) {
  std::vector<std::string> names;
  for (const ResolvedLine& line : a.lines) {
    std::string name;
    if (!line.def->levels.empty()) {
      name = "(none)";
      for (const Level& level : line.def->levels) {
        bool same = true;
        for (size_t t = 0; t < model.years.size(); ++t) {
          auto it = level.budget.find(model.years[t]);
          same = same && (it == level.budget.end() ? Money() : it->second) == line.by_year[t];
        }
        if (same) name = level.name;
      }
      if (name == "(none)" && detail::TotalOf(line.by_year) > Money()) name = "";  // locked
    }
    names.push_back(name);
  }
  return names;
}

struct Candidate {
  ResolvedScenario allocation;
  std::vector<double> objectives;
  double score = -1e300;
};

Candidate Round(const Model& model, const ResolvedScenario& base, const Problem& p,
                const Solution& s, const OptimiseConstraints& c, const std::vector<double>& w) {
  Candidate cand;
  cand.allocation = WithAmounts(base, detail::RoundToCents(p, s, c.budget));
  cand.objectives = Evaluate(model, cand.allocation).objectives;
  cand.score = Score(w, cand.objectives);
  return cand;
}

}  // namespace

double BuyStep::points_per_100k() const {
  double euros = static_cast<double>((to - from).cents()) / 100.0;
  return euros > 0 ? points * 100000.0 / euros : 0;
}

std::optional<OptimiseResult> Optimise(const Model& model, const ResolvedScenario& base,
                                       const OptimiseConstraints& constraints,
                                       const OptimiseOptions& options, Diagnostics& diags) {
  if (!detail::CheckConstraints(model, base, constraints, options, diags)) return std::nullopt;
  OptimiseResult result;
  result.base_objectives = Evaluate(model, base).objectives;
  result.base_score = Score(options.weights, result.base_objectives);
  detail::SolveSettings settings;
  settings.time_limit_seconds = options.time_limit_seconds;
  settings.mip_gap = options.mip_gap;
  Problem inner = detail::MakeProblem(model, base, constraints, options, Approx::kInner);
  Solution si = detail::SolveProblem(inner, settings);
  result.stats = SolverStats{si.rows, si.columns, si.integers, si.seconds, 1};
  if (si.status == SolveStatus::kInfeasible) {
    result.conflicts =
        detail::FindConflicts(model, base, constraints, options, result.stats.solves);
    if (result.conflicts.empty()) {
      result.conflict_note = "no single constraint can be dropped to make it feasible";
    }
    return result;
  }
  if (si.status == SolveStatus::kFailed) {
    AddError(diags, {}, "the solver found no allocation within the time limit (--time-limit)");
    return std::nullopt;
  }
  Problem outer = detail::MakeProblem(model, base, constraints, options, Approx::kOuter);
  Solution so = detail::SolveProblem(outer, settings);
  result.stats.seconds += so.seconds;
  ++result.stats.solves;
  Candidate best = Round(model, base, inner, si, constraints, options.weights);
  if (so.status == SolveStatus::kOptimal || so.status == SolveStatus::kFeasible) {
    // The outer problem keeps constraints exact, without the inner one's
    // margin: its answer, rounded to cents, may miss a --min by a cent.
    Candidate other = Round(model, base, outer, so, constraints, options.weights);
    std::vector<std::vector<Money>> amounts;
    for (const ResolvedLine& line : other.allocation.lines) amounts.push_back(line.by_year);
    if (other.score > best.score + 1e-12 &&
        detail::MeetsConstraints(model, base, constraints, amounts)) {
      best = std::move(other);
    }
  }
  result.feasible = true;
  result.allocation = std::move(best.allocation);
  result.objectives = std::move(best.objectives);
  result.score = best.score;
  // The outer bound when the outer solve finished; else no bound is
  // known and the reported bound is the cap of 100.
  bool bounded = so.status != SolveStatus::kFailed && std::isfinite(so.bound);
  result.upper_bound = std::max(result.score, bounded ? so.bound : 100.0);
  result.level = ChosenLevels(model, result.allocation);
  return result;
}

std::vector<MarginalValue> MarginalValues(const Model& model, const ResolvedScenario& base,
                                          const OptimiseConstraints& constraints,
                                          const OptimiseOptions& options, Money extra,
                                          Diagnostics& diags) {
  std::optional<OptimiseResult> now = Optimise(model, base, constraints, options, diags);
  if (!now || !now->feasible) return {};
  return MarginalValues(model, base, constraints, options, *now, extra, diags);
}

std::vector<MarginalValue> MarginalValues(const Model& model, const ResolvedScenario& base,
                                          const OptimiseConstraints& constraints,
                                          const OptimiseOptions& options, const OptimiseResult& now,
                                          Money extra, Diagnostics& diags) {
  std::vector<MarginalValue> values;
  for (size_t t = 0; t < model.years.size(); ++t) {
    OptimiseConstraints more = constraints;
    more.budget[t] += extra;
    std::optional<OptimiseResult> then = Optimise(model, base, more, options, diags);
    if (!then || !then->feasible) continue;
    MarginalValue mv{model.years[t], extra, then->score - now.score, {}};
    for (size_t i = 0; i < base.lines.size(); ++i) {
      Money before = detail::TotalOf(now.allocation.lines[i].by_year);
      Money after = detail::TotalOf(then->allocation.lines[i].by_year);
      if (after > before)
        mv.best_spent_on.push_back(LineAmount{base.lines[i].def->id, after - before});
    }
    std::stable_sort(mv.best_spent_on.begin(), mv.best_spent_on.end(),
                     [](const LineAmount& a, const LineAmount& b) { return a.amount > b.amount; });
    values.push_back(std::move(mv));
  }
  return values;
}

std::string Fnv1a64Hex(const std::string& text) {
  uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(hash));
  return buffer;
}

}  // namespace allot
