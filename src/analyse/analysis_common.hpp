// Helpers shared by the analyses beyond compare (internal).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "allot/diagnostic.hpp"
#include "allot/model.hpp"
#include "allot/money.hpp"
#include "allot/resolve.hpp"

namespace allot::detail {

// The named weight sets (empty = all, model order); an unknown name is a
// diagnostic "--weights: unknown weight set 'x' (did you mean 'y'?)".
std::optional<std::vector<WeightSet>> PickWeightSets(const Model& model,
                                                     const std::vector<std::string>& names,
                                                     Diagnostics& diags);

// The resolved scenario with id `id`, or null after a diagnostic naming
// `what` ("A", "--a", ...).
const ResolvedScenario* FindScenario(const std::vector<ResolvedScenario>& scenarios,
                                     const std::string& id, const std::string& what,
                                     Diagnostics& diags);

// Capped objective scores of every scenario, indexed [scenario][objective].
std::vector<std::vector<double>> ObjectiveScores(const Model& model,
                                                 const std::vector<ResolvedScenario>& scenarios);

// sum_k w_k s_k.
double Dot(const std::vector<double>& w, const std::vector<double>& s);

}  // namespace allot::detail
