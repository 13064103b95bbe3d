// Explain: Shapley values of the changed lines, and the objective split.
#include "allot/explain.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <random>

#include "allot/evaluate.hpp"
#include "analyse/analysis_common.hpp"

namespace allot {

std::vector<std::vector<double>> ExactShapley(const std::vector<double>& base,
                                              const std::vector<std::vector<double>>& delta) {
  size_t n = delta.size(), objectives = base.size();
  size_t coalitions = size_t{1} << n;
  // value[mask * objectives + j]: the capped score of coalition `mask`.
  std::vector<double> value(coalitions * objectives);
  for (size_t mask = 0; mask < coalitions; ++mask) {
    for (size_t j = 0; j < objectives; ++j) {
      double sum = base[j];
      for (size_t i = 0; i < n; ++i) sum += (mask >> i & 1) ? delta[i][j] : 0.0;
      value[mask * objectives + j] = std::min(100.0, sum);
    }
  }
  // weight[s] = s! (n - s - 1)! / n!: the share of orders in which exactly
  // the s players of a coalition come before player i.
  std::vector<double> weight(n);
  for (size_t s = 0; s < n; ++s) {
    double w = 1.0 / static_cast<double>(n);
    for (size_t k = 1; k <= s; ++k) w *= static_cast<double>(k) / static_cast<double>(n - k);
    weight[s] = w;
  }
  std::vector<std::vector<double>> shapley(n, std::vector<double>(objectives, 0.0));
  for (size_t mask = 0; mask < coalitions; ++mask) {
    size_t size = static_cast<size_t>(__builtin_popcountll(mask));
    for (size_t i = 0; i < n; ++i) {
      if (mask >> i & 1) continue;
      const double* without = &value[mask * objectives];
      const double* with = &value[(mask | size_t{1} << i) * objectives];
      for (size_t j = 0; j < objectives; ++j)
        shapley[i][j] += weight[size] * (with[j] - without[j]);
    }
  }
  return shapley;
}

namespace {

// An unbiased integer in [0, bound): std::uniform_int_distribution is
// implementation-defined, and results must be the same everywhere.
uint64_t Below(std::mt19937_64& rng, uint64_t bound) {
  uint64_t threshold = (0 - bound) % bound;
  for (;;) {
    uint64_t r = rng();
    if (r >= threshold) return r % bound;
  }
}

// Welford's running mean and sum of squared deviations: no cancellation
// when the values are large and nearly equal (the textbook sum of squares
// minus the squared sum printed SEs of 0 or noise for such lines).
struct Running {
  double n = 0, mean = 0, squares = 0;
  void Add(double x) {
    n += 1;
    double step = x - mean;
    mean += step / n;
    squares += step * (x - mean);
  }
  // The standard error of the mean; none below 2 values.
  std::optional<double> StandardError() const {
    if (n < 2) return std::nullopt;
    return std::sqrt(squares / (n - 1) / n);
  }
};

}  // namespace

ShapleyEstimate SampledShapley(const std::vector<double>& base,
                               const std::vector<std::vector<double>>& delta,
                               const std::vector<std::vector<double>>& weights, size_t permutations,
                               uint64_t seed) {
  const size_t n = delta.size(), objectives = base.size(), sets = weights.size();
  ShapleyEstimate out;
  out.replicates = std::max<size_t>(1, (permutations + n - 1) / std::max<size_t>(n, 1));
  out.orders = out.replicates * n;
  std::vector<std::vector<double>> sum_obj(n, std::vector<double>(objectives, 0.0));
  std::vector<std::vector<Running>> block_means(n, std::vector<Running>(sets));
  std::vector<std::vector<double>> block(n, std::vector<double>(sets));
  std::mt19937_64 rng(seed);
  std::vector<size_t> order(n);
  std::vector<double> current(objectives), marginal(objectives);
  for (size_t r = 0; r < out.replicates; ++r) {
    std::iota(order.begin(), order.end(), size_t{0});
    for (size_t i = n; i > 1; --i) std::swap(order[i - 1], order[Below(rng, i)]);
    for (auto& row : block) std::fill(row.begin(), row.end(), 0.0);
    // The n rotations of the order: each player comes at each position once
    // (stratified by position, where caps make marginals differ most), and
    // each rotation alone is a uniformly random order.
    for (size_t shift = 0; shift < n; ++shift) {
      current = base;
      for (size_t k = 0; k < n; ++k) {
        size_t i = order[(k + shift) % n];
        for (size_t j = 0; j < objectives; ++j) {
          double next = current[j] + delta[i][j];
          marginal[j] = std::min(100.0, next) - std::min(100.0, current[j]);
          current[j] = next;
          sum_obj[i][j] += marginal[j];
        }
        for (size_t s = 0; s < sets; ++s) block[i][s] += detail::Dot(weights[s], marginal);
      }
    }
    for (size_t i = 0; i < n; ++i) {
      for (size_t s = 0; s < sets; ++s) block_means[i][s].Add(block[i][s] / static_cast<double>(n));
    }
  }
  out.value = sum_obj;
  out.by_set.assign(n, std::vector<double>(sets));
  out.error_by_set.assign(n, std::vector<std::optional<double>>(sets));
  for (size_t i = 0; i < n; ++i) {
    for (double& v : out.value[i]) v /= static_cast<double>(out.orders);
    for (size_t s = 0; s < sets; ++s) {
      out.by_set[i][s] = block_means[i][s].mean;
      out.error_by_set[i][s] = block_means[i][s].StandardError();
    }
  }
  return out;
}

namespace {

// A line's uncapped points per objective at its resolved spend.
std::vector<double> Contribution(const Model& model, const ResolvedLine* line) {
  std::vector<double> points(model.objectives.size(), 0.0);
  if (!line) return points;
  Money total = std::accumulate(line->by_year.begin(), line->by_year.end(), Money());
  for (const Effect& e : line->def->effects) {
    points[static_cast<size_t>(model.ObjectiveIndex(e.objective))] += CurveValue(e.curve, total);
  }
  return points;
}

Money Total(const ResolvedLine* line) {
  return line ? std::accumulate(line->by_year.begin(), line->by_year.end(), Money()) : Money();
}

// The changed lines of a -> b, in order of line id, with their deltas.
void ChangedLines(const Model& model, const ResolvedScenario& a, const ResolvedScenario& b,
                  std::vector<LineAttribution>& lines, std::vector<std::vector<double>>& delta) {
  std::map<std::string, std::pair<const ResolvedLine*, const ResolvedLine*>> by_id;
  for (const ResolvedLine& l : a.lines) by_id[l.def->id].first = &l;
  for (const ResolvedLine& l : b.lines) by_id[l.def->id].second = &l;
  for (const auto& [id, pair] : by_id) {
    const auto& [la, lb] = pair;
    LineAttribution line;
    line.line = id;
    line.total_a = Total(la);
    line.total_b = Total(lb);
    if (!la) {
      line.change = LineChange::kAdded;
    } else if (!lb) {
      line.change = LineChange::kRemoved;
    } else if (la->def != lb->def) {
      line.change = LineChange::kDefinition;
    } else if (la->by_year == lb->by_year) {
      continue;  // unchanged: not a player
    }
    std::vector<double> ca = Contribution(model, la), cb = Contribution(model, lb);
    for (size_t j = 0; j < ca.size(); ++j) cb[j] -= ca[j];
    lines.push_back(std::move(line));
    delta.push_back(std::move(cb));
  }
}

void Attribute(const std::vector<double>& base, const std::vector<std::vector<double>>& delta,
               const ExplainOptions& options, ExplainResult& r) {
  const std::vector<WeightSet>& sets = r.weight_sets;
  if (delta.size() <= options.exact_max_lines) {
    std::vector<std::vector<double>> shapley = ExactShapley(base, delta);
    for (size_t i = 0; i < delta.size(); ++i) {
      r.lines[i].by_objective = shapley[i];
      for (const WeightSet& set : sets)
        r.lines[i].by_set.push_back(detail::Dot(set.weights, shapley[i]));
      r.lines[i].error_by_set.assign(sets.size(), 0.0);
    }
    return;
  }
  r.exact = false;
  r.seed = options.seed;
  std::vector<std::vector<double>> weights;
  for (const WeightSet& set : sets) weights.push_back(set.weights);
  ShapleyEstimate sampled =
      SampledShapley(base, delta, weights, options.permutations, options.seed);
  r.permutations = sampled.orders;
  r.replicates = sampled.replicates;
  for (size_t i = 0; i < delta.size(); ++i) {
    r.lines[i].by_objective = sampled.value[i];
    r.lines[i].by_set = sampled.by_set[i];
    for (const std::optional<double>& error : sampled.error_by_set[i])
      r.lines[i].error_by_set.push_back(error.value_or(0.0));
  }
}

}  // namespace

std::optional<ExplainResult> Explain(const Model& model,
                                     const std::vector<ResolvedScenario>& scenarios,
                                     const std::string& a, const std::string& b,
                                     const ExplainOptions& options, Diagnostics& diags) {
  const ResolvedScenario* ra = detail::FindScenario(scenarios, a, "A", diags);
  const ResolvedScenario* rb = detail::FindScenario(scenarios, b, "B", diags);
  auto sets = detail::PickWeightSets(model, options.weight_sets, diags);
  if (options.permutations == 0) AddError(diags, {}, "--permutations must be at least 1");
  if (!ra || !rb || !sets || options.permutations == 0) return std::nullopt;

  ExplainResult r;
  r.title = model.title;
  r.a = a;
  r.b = b;
  for (const Objective& o : model.objectives) r.objectives.push_back(o.id);
  r.weight_sets = *sets;
  Evaluation ea = Evaluate(model, *ra), eb = Evaluate(model, *rb);
  r.objectives_a = ea.objectives;
  r.objectives_b = eb.objectives;
  for (const WeightSet& set : r.weight_sets) {
    r.score_a.push_back(detail::Dot(set.weights, ea.objectives));
    r.score_b.push_back(detail::Dot(set.weights, eb.objectives));
    r.difference.push_back(r.score_b.back() - r.score_a.back());
    std::vector<double> split;
    for (size_t j = 0; j < ea.objectives.size(); ++j) {
      split.push_back(set.weights[j] * (eb.objectives[j] - ea.objectives[j]));
    }
    r.by_objective.push_back(std::move(split));
  }
  std::vector<std::vector<double>> delta;
  ChangedLines(model, *ra, *rb, r.lines, delta);
  Attribute(ea.uncapped, delta, options, r);
  return r;
}

}  // namespace allot
