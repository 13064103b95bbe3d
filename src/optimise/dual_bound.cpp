// An upper bound on every allocation's score from an LP's prices, computed
// by allot on the true curves (weak Lagrangian duality): no solver answer
// is trusted for it, only arithmetic on the model.
//
// For multipliers mu_j in [0, w_j] (score rows), lambda (the total budget;
// >= 0 when it is an upper bound only), rho_t >= 0 (yearly budgets) and
// nu_m >= 0 (motion minimums), every allocation meeting the constraints
// scores at most
//   sum_j (w_j - mu_j) * 100 + lambda * B + sum_t rho_t * B_t - sum_m nu_m * min_m
//     + sum_l max over the line's choices of
//         [sum_j mu_j * v_lj - lambda * total_l - sum_t rho_t * a_lt + sum_{m of l} nu_m * total_l]
// because each relaxed term is >= 0 at such an allocation and s_j <= 100.
#include <algorithm>
#include <cmath>
#include <limits>

#include "optimise/problem.hpp"

namespace allot::detail {

namespace {

// The multipliers as the bound needs them: signs and ranges enforced (an
// LP's duals may be a rounding error outside them), per kept objective.
struct Multipliers {
  std::vector<double> objective;
  double total = 0;
  std::vector<double> year;
  std::vector<double> motion;
};

Multipliers Clamped(const Problem& p, const Prices& prices) {
  Multipliers m;
  for (size_t j = 0; j < p.weights.size(); ++j) {
    double mu = j < prices.objective.size() ? prices.objective[j] : p.weights[j];
    m.objective.push_back(std::clamp(mu, 0.0, p.weights[j]));
  }
  m.total = p.spend_exactly ? prices.total : std::max(0.0, prices.total);
  for (size_t t = 0; t < p.budget.size(); ++t)
    m.year.push_back(t < prices.year.size() ? std::max(0.0, prices.year[t]) : 0.0);
  for (size_t k = 0; k < p.motions.size(); ++k)
    m.motion.push_back(k < prices.motion.size() ? std::max(0.0, prices.motion[k]) : 0.0);
  return m;
}

// Per line: the motion multipliers it earns per EUR of its total.
std::vector<double> MotionCredit(const Problem& p, const Multipliers& m) {
  std::vector<double> credit(p.lines.size(), 0.0);
  for (size_t k = 0; k < p.motions.size(); ++k) {
    for (int i : p.motions[k].lines) credit[static_cast<size_t>(i)] += m.motion[k];
  }
  return credit;
}

// The best option of a line with levels or a lock (or none, when allowed).
double DiscreteGain(const ProblemLine& l, const Multipliers& m, double cost) {
  double best = l.none_allowed ? 0 : -std::numeric_limits<double>::infinity();
  for (size_t o = 0; o < l.options.size(); ++o) {
    double gain = 0;
    double total = 0;
    for (size_t j = 0; j < m.objective.size(); ++j) gain += m.objective[j] * l.values[o][j];
    for (size_t t = 0; t < l.options[o].size(); ++t) {
      total += l.options[o][t];
      if (t < m.year.size()) gain -= m.year[t] * l.options[o][t];
    }
    best = std::max(best, gain - cost * total);
  }
  return best;
}

}  // namespace

double DualBound(const Problem& p, const Model& model, const ResolvedScenario& base,
                 const std::vector<double>& weights, const Prices& prices) {
  constexpr double kNone = std::numeric_limits<double>::infinity();
  if (!prices.known || !p.budget_rows || p.lines.size() != base.lines.size()) return kNone;
  Multipliers m = Clamped(p, prices);
  // The kept objectives' multipliers by model objective (0 for the others:
  // an objective nobody weighs is worth nothing).
  std::vector<double> worth(model.objectives.size(), 0.0);
  for (size_t j = 0, k = 0; j < weights.size() && k < m.objective.size(); ++j) {
    if (weights[j] > 0) worth[j] = m.objective[k++];
  }
  double bound = 0;
  double all = 0;
  for (size_t j = 0; j < m.objective.size(); ++j) bound += (p.weights[j] - m.objective[j]) * 100;
  for (size_t t = 0; t < p.budget.size(); ++t) {
    bound += m.year[t] * p.budget[t];
    all += p.budget[t];
  }
  bound += m.total * all;
  for (size_t k = 0; k < p.motions.size(); ++k) bound -= m.motion[k] * p.motions[k].min;
  std::vector<double> credit = MotionCredit(p, m);
  // Each line's share is rounded up a little: the sum of many doubles.
  double slack = 0;
  for (size_t i = 0; i < p.lines.size(); ++i) {
    const ProblemLine& l = p.lines[i];
    double cost = m.total - credit[i];
    double gain = l.discrete
                      ? DiscreteGain(l, m, cost)
                      : BestResponse(model, *base.lines[i].def, worth, cost, l.lo, l.hi).bound;
    if (!std::isfinite(gain)) return kNone;  // a line with no allowed choice
    bound += gain;
    slack += 1e-12 * (1 + std::fabs(gain));
  }
  return bound + slack + 1e-12 * (1 + std::fabs(bound));
}

}  // namespace allot::detail
