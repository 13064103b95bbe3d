// "What would it take" as a linear program, solved by GLPK:
//
//   minimise   sum_k (p_k + m_k)
//   subject to w_k - p_k + m_k = w0_k   for every objective k
//              sum_k w_k = 1
//              sum_k (s_Bk - s_Ak) w_k >= 0
//              w, p, m >= 0
//
// At the optimum p_k + m_k = |w_k - w0_k|, so the objective is the L1
// distance. glp_simplex finds a basis in floating point, glp_exact then
// proves it optimal in exact rational arithmetic on the given data.
#include "allot/what_it_takes.hpp"

#include <glpk.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>
#include <stdexcept>

#include "analyse/analysis_common.hpp"
#include "render/number.hpp"

namespace allot {

namespace {

struct ProblemDeleter {
  void operator()(glp_prob* p) const { glp_delete_prob(p); }
};

// The program above; also asked, once its optimum d* is known, for the
// extremes of one weight over every weighting at distance d* (when the
// nearest weights are not unique, they form a segment or a larger face).
// Column indexes are 1-based in GLPK: w_k = 1 + k, p_k = 1 + n + k,
// m_k = 1 + 2n + k.
class NearestProgram {
 public:
  NearestProgram(const std::vector<double>& d, const std::vector<double>& w0)
      : n_(static_cast<int>(w0.size())), lp_(glp_create_prob()) {
    glp_add_cols(lp_.get(), 3 * n_);
    for (int c = 1; c <= 3 * n_; ++c) glp_set_col_bnds(lp_.get(), c, GLP_LO, 0, 0);
    glp_add_rows(lp_.get(), n_ + 3);
    std::vector<int> rows{0}, cols{0};
    std::vector<double> values{0};
    auto put = [&](int r, int c, double v) {
      rows.push_back(r);
      cols.push_back(c);
      values.push_back(v);
    };
    for (int k = 0; k < n_; ++k) {
      glp_set_row_bnds(lp_.get(), k + 1, GLP_FX, w0[static_cast<size_t>(k)], 0);
      put(k + 1, 1 + k, 1);
      put(k + 1, 1 + n_ + k, -1);
      put(k + 1, 1 + 2 * n_ + k, 1);
      put(n_ + 1, 1 + k, 1);
      put(n_ + 2, 1 + k, d[static_cast<size_t>(k)]);
      put(n_ + 3, 1 + n_ + k, 1);  // the distance, bounded once it is known
      put(n_ + 3, 1 + 2 * n_ + k, 1);
    }
    glp_set_row_bnds(lp_.get(), n_ + 1, GLP_FX, 1, 0);
    glp_set_row_bnds(lp_.get(), n_ + 2, GLP_LO, 0, 0);
    glp_set_row_bnds(lp_.get(), n_ + 3, GLP_FR, 0, 0);
    glp_load_matrix(lp_.get(), static_cast<int>(rows.size()) - 1, rows.data(), cols.data(),
                    values.data());
  }

  // The nearest weights: minimise the distance.
  std::vector<double> Nearest() {
    for (int c = 1; c <= 3 * n_; ++c) glp_set_obj_coef(lp_.get(), c, c > n_ ? 1 : 0);
    std::optional<std::vector<double>> w = Solve(GLP_MIN);
    // Feasibility was established by the caller (some objective favours B:
    // all weight on it is feasible), and the distance is bounded below by
    // 0, so an optimum exists.
    if (!w) throw std::logic_error("what-it-takes: the nearest weights have no optimum");
    return *w;
  }

  // Keeps only weightings at most `distance` away.
  void LimitDistance(double distance) { glp_set_row_bnds(lp_.get(), n_ + 3, GLP_UP, 0, distance); }

  // The weightings with the lowest and highest weight of objective k.
  // None when the solver finds no optimum (the bound too tight for its
  // rounding): the caller then does not claim a second end.
  std::optional<std::vector<double>> Extreme(int k, bool highest) {
    for (int c = 1; c <= 3 * n_; ++c) glp_set_obj_coef(lp_.get(), c, c == 1 + k ? 1 : 0);
    return Solve(highest ? GLP_MAX : GLP_MIN);
  }

 private:
  std::optional<std::vector<double>> Solve(int direction) {
    glp_set_obj_dir(lp_.get(), direction);
    glp_smcp params;
    glp_init_smcp(&params);
    params.msg_lev = GLP_MSG_OFF;
    glp_simplex(lp_.get(), &params);
    int failed = glp_exact(lp_.get(), &params);
    if (failed != 0 || glp_get_status(lp_.get()) != GLP_OPT) return std::nullopt;
    std::vector<double> w(static_cast<size_t>(n_));
    for (int k = 0; k < n_; ++k) w[static_cast<size_t>(k)] = glp_get_col_prim(lp_.get(), 1 + k);
    return w;
  }

  int n_;
  std::unique_ptr<glp_prob, ProblemDeleter> lp_;
};

double L1(const std::vector<double>& w, const std::vector<double>& w0) {
  double sum = 0;
  for (size_t k = 0; k < w.size(); ++k) sum += std::fabs(w[k] - w0[k]);
  return sum;
}

// Weights closer than this are the same weighting: the solver's rounding.
constexpr double kSameWeight = 1e-9;

// The two ends of a set of nearest weightings.
struct Ends {
  std::vector<double> one, other;
};

// When more than one weighting is nearest: the weightings with the highest
// and the lowest value of the weight that varies most over them (the ends
// of the segment, when they form one); none when the nearest is unique.
std::optional<Ends> NearestEnds(NearestProgram& program, const std::vector<double>& nearest,
                                const std::vector<double>& w0) {
  // The exact optimum, rounded to doubles and summed again: room for that
  // rounding (with 1e-12 the exact solver found no optimum of an extreme
  // on the shipped model), far below kSameWeight.
  program.LimitDistance(L1(nearest, w0) * (1 + 1e-10) + 1e-12);
  std::optional<Ends> ends;
  double widest = kSameWeight;
  for (size_t k = 0; k < w0.size(); ++k) {
    std::optional<std::vector<double>> low = program.Extreme(static_cast<int>(k), false);
    std::optional<std::vector<double>> high = program.Extreme(static_cast<int>(k), true);
    if (!low || !high) continue;
    if ((*high)[k] - (*low)[k] > widest) {
      widest = (*high)[k] - (*low)[k];
      ends = Ends{std::move(*high), std::move(*low)};
    }
  }
  return ends;
}

}  // namespace

OvertakeResult NearestOvertake(const std::vector<double>& s_a, const std::vector<double>& s_b,
                               const std::vector<double>& w0) {
  OvertakeResult r;
  std::vector<double> d(w0.size());
  for (size_t k = 0; k < d.size(); ++k) d[k] = s_b[k] - s_a[k];
  r.score_a = detail::Dot(w0, s_a);
  r.score_b = detail::Dot(w0, s_b);
  std::vector<double> w;
  if (detail::Dot(w0, d) >= 0) {
    r.status = OvertakeStatus::kAlreadyWins;
    w = w0;
  } else if (*std::max_element(d.begin(), d.end()) < 0) {
    // B is behind on every objective: any weights average negative gaps.
    r.status = OvertakeStatus::kImpossible;
    w = w0;
  } else {
    r.status = OvertakeStatus::kFound;
    NearestProgram program(d, w0);
    w = program.Nearest();
    if (std::optional<Ends> ends = NearestEnds(program, w, w0)) {
      w = ends->one;
      for (size_t k = 0; k < w0.size(); ++k)
        r.other_weights.push_back({"", w0[k], ends->other[k], ends->other[k] - w0[k]});
      r.other_score_a = detail::Dot(ends->other, s_a);
      r.other_score_b = detail::Dot(ends->other, s_b);
    }
  }
  for (size_t k = 0; k < w.size(); ++k) {
    r.weights.push_back({"", w0[k], w[k], w[k] - w0[k]});
    r.distance += std::fabs(w[k] - w0[k]);
  }
  r.new_score_a = detail::Dot(w, s_a);
  r.new_score_b = detail::Dot(w, s_b);
  return r;
}

std::optional<OvertakeResult> WhatItTakes(const Model& model,
                                          const std::vector<ResolvedScenario>& scenarios,
                                          const std::string& a, const std::string& b,
                                          const std::string& weight_set, Diagnostics& diags) {
  const ResolvedScenario* ra = detail::FindScenario(scenarios, a, "A", diags);
  const ResolvedScenario* rb = detail::FindScenario(scenarios, b, "B", diags);
  auto sets = detail::PickWeightSets(model, {weight_set}, diags);
  if (!ra || !rb || !sets) return std::nullopt;
  auto scores = detail::ObjectiveScores(model, {*ra, *rb});
  OvertakeResult r = NearestOvertake(scores[0], scores[1], sets->front().weights);
  r.title = model.title;
  r.weight_set = weight_set;
  r.a = a;
  r.b = b;
  for (size_t k = 0; k < r.weights.size(); ++k) r.weights[k].objective = model.objectives[k].id;
  for (size_t k = 0; k < r.other_weights.size(); ++k)
    r.other_weights[k].objective = model.objectives[k].id;
  for (const WeightChange& c : r.weights) {
    // Below 1e-9 a change is rounding in the solver's output, not a move.
    if (std::fabs(c.change) > 1e-9) r.changes.push_back(c);
  }
  // Largest change first; changes equal to 9 decimals keep model order.
  std::stable_sort(
      r.changes.begin(), r.changes.end(), [](const WeightChange& x, const WeightChange& y) {
        return detail::Rounded(std::fabs(x.change), 9) > detail::Rounded(std::fabs(y.change), 9);
      });
  return r;
}

}  // namespace allot
