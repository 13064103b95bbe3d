// One call of Optimise (internal): the solves, the checks of every answer,
// the bounds and the refinement of the curves around the optimum.
// src/optimise/search.cpp runs the rounds and checks the answers;
// src/optimise/refine.cpp adds breakpoints and bounds the score from an
// LP's prices.
#pragma once

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "allot/optimise.hpp"
#include "optimise/session.hpp"
#include "optimise/setup.hpp"

namespace allot::detail {

// An allocation meeting the constraints to the cent, scored by Evaluate.
struct Candidate {
  ResolvedScenario allocation;
  std::vector<double> objectives;
  double score = -std::numeric_limits<double>::infinity();
};

// Two ways of computing one score agree to this (doubles, solver tolerances).
inline double Slack(double score) { return 1e-7 * (1 + std::fabs(score)); }

class Search {
 public:
  Search(Session& session, const Model& model, const ResolvedScenario& base,
         const OptimiseConstraints& c, const OptimiseOptions& o);

  OptimiseResult Run();

 private:
  // Solving and checking (search.cpp).
  Problem Make(Approx approx) const;
  Solution Solve(MilpSolver& solver, const Problem& p, bool presolve, bool marginal);
  Candidate Round(const Problem& p, const Solution& s) const;
  std::string InnerProblem(const Problem& p, const Solution& s, Candidate& cand) const;
  std::string OuterProblem(const Solution& s) const;
  void Consider(Candidate cand);
  bool SolveInner(bool first);
  void SolveOuter();
  void Infeasible();
  void SetMarginal();
  OptimiseResult Finish(bool base_fits);

  // Bounds from prices and refinement (refine.cpp).
  double TrueValue(size_t line, double total, const std::vector<double>& worth) const;
  std::vector<double> Worth(const Prices& prices) const;
  void BoundFromPrices(const Problem& p, const Solution& s);
  int RefineAtPrices(const Problem& p, const Solution& s);
  int RefineRelaxation();
  int RefineOuter(const Problem& p, const Solution& s);
  void Predict();
  void Remember();

  Session& session_;
  const Model& model_;
  const ResolvedScenario& base_;
  const OptimiseConstraints& c_;
  const OptimiseOptions& o_;
  Clock::time_point deadline_;
  OptimiseResult result_;
  Candidate best_;
  bool have_answer_ = false;
  double bound_ = std::numeric_limits<double>::infinity();
  Problem inner_;
  Solution inner_solution_;  // the last verified inner answer (its LP gives the marginal)
  bool inner_infeasible_ = false;
  bool outer_ok_ = false;  // the last round's outer problem gave a bound
  int refined_ = 0;        // lines the last outer round refined
};

}  // namespace allot::detail
