// The public optimise API: one call is one search in a session of its
// own (search.hpp); the marginal values from its answer; the model hash.
#include "allot/optimise.hpp"

#include <algorithm>
#include <cstdio>

#include "optimise/search.hpp"

namespace allot {

double BuyStep::points_per_100k() const {
  double euros = static_cast<double>((to - from).cents()) / 100.0;
  return euros > 0 ? points * 100000.0 / euros : 0;
}

std::optional<OptimiseResult> Optimise(const Model& model, const ResolvedScenario& base,
                                       const OptimiseConstraints& constraints,
                                       const OptimiseOptions& options, Diagnostics& diags) {
  if (!detail::CheckConstraints(model, base, constraints, options, diags)) return std::nullopt;
  detail::Session session;
  return detail::OptimiseIn(session, model, base, constraints, options);
}

namespace detail {

OptimiseResult OptimiseIn(Session& session, const Model& model, const ResolvedScenario& base,
                          const OptimiseConstraints& constraints, const OptimiseOptions& options) {
  return Search(session, model, base, constraints, options).Run();
}

}  // namespace detail

std::vector<MarginalValue> MarginalValues(const Model& model, const ResolvedScenario& base,
                                          const OptimiseConstraints& constraints,
                                          const OptimiseOptions& options, Money extra,
                                          Diagnostics& diags) {
  OptimiseOptions o = options;
  o.marginal_step = extra;
  std::optional<OptimiseResult> now = Optimise(model, base, constraints, o, diags);
  if (!now || !now->feasible || !now->marginal) return {};
  return MarginalValues(model, base, constraints, o, *now, extra, diags);
}

std::vector<MarginalValue> MarginalValues(const Model& model, const ResolvedScenario& base,
                                          const OptimiseConstraints& constraints,
                                          const OptimiseOptions& options, const OptimiseResult& now,
                                          Money extra, Diagnostics& diags) {
  if (!now.marginal || now.marginal->extra != extra)
    return MarginalValues(model, base, constraints, options, extra, diags);
  const Marginal& m = *now.marginal;
  MarginalValue mv{0, extra, m.points, m.points_per_euro * 100000.0, {}, m.tied};
  for (size_t i = 0; i < base.lines.size(); ++i) {
    Money change = detail::TotalOf(m.then[i]) - detail::TotalOf(now.allocation.lines[i].by_year);
    // A cent a year either way is rounding, not reallocation.
    if (std::llabs(change.cents()) > static_cast<int64_t>(model.years.size()))
      mv.best_spent_on.push_back(LineAmount{base.lines[i].def->id, change});
  }
  std::stable_sort(mv.best_spent_on.begin(), mv.best_spent_on.end(),
                   [](const LineAmount& a, const LineAmount& b) {
                     return std::llabs(a.amount.cents()) > std::llabs(b.amount.cents());
                   });
  std::vector<MarginalValue> values;
  for (int year : model.years) {
    mv.year = year;
    values.push_back(mv);
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
