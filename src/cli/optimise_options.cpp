#include "cli/optimise_options.hpp"

#include <algorithm>
#include <chrono>
#include <cstdint>

#include "allot/weight_sampling.hpp"
#include "cli/option_values.hpp"

namespace allot::cli {

namespace {

bool ParseAmount(const std::string& text, Money& out) {
  MoneyParse parsed = ParseMoney(text);
  if (!parsed.value) return false;
  out = *parsed.value;
  return true;
}

// "LINE=AMOUNT".
bool ParseLineAmount(const std::string& option, const std::string& text, LineAmount& out,
                     std::string& problem) {
  size_t eq = text.find('=');
  if (eq == std::string::npos || eq == 0 || !ParseAmount(text.substr(eq + 1), out.amount)) {
    problem = option + " expects LINE=AMOUNT (euros, at most two decimals), not '" + text + "'";
    return false;
  }
  out.line = text.substr(0, eq);
  return true;
}

// "2024=2000000,2025=2100000": every model year exactly once.
bool ParseBudget(const std::string& text, const Model& model, std::vector<Money>& budget,
                 std::string& problem) {
  budget.assign(model.years.size(), Money());
  std::vector<bool> seen(model.years.size(), false);
  for (const std::string& part : SplitList(text)) {
    size_t eq = part.find('=');
    Money amount;
    int index = -1;
    if (eq != std::string::npos) {
      try {
        index = model.YearIndex(std::stoi(part.substr(0, eq)));
      } catch (const std::exception&) {
        index = -1;
      }
    }
    if (index < 0 || !ParseAmount(part.substr(eq + 1), amount) ||
        seen[static_cast<size_t>(index)]) {
      problem = "--budget expects YEAR=AMOUNT for each model year once, not '" + part + "'";
      return false;
    }
    seen[static_cast<size_t>(index)] = true;
    budget[static_cast<size_t>(index)] = amount;
  }
  for (size_t t = 0; t < seen.size(); ++t) {
    if (!seen[t]) {
      problem = "--budget has no amount for " + std::to_string(model.years[t]);
      return false;
    }
  }
  return true;
}

bool ParseMaxChange(const std::string& text, OptimiseConstraints& c, std::string& problem) {
  if (!text.empty() && text.back() == '%') {
    try {
      size_t used = 0;
      double percent = std::stod(text.substr(0, text.size() - 1), &used);
      if (used == text.size() - 1 && percent >= 0 && percent <= 1e6) {
        c.max_change_fraction = percent / 100;
        return true;
      }
    } catch (const std::exception&) {
    }
  } else if (Money amount; ParseAmount(text, amount)) {
    c.max_change = amount;
    return true;
  }
  problem = "--max-change expects a percentage such as 20% or an amount, not '" + text + "'";
  return false;
}

bool ParseObjective(const OptimiseArgs& a, const Model& model, std::vector<double>& weights,
                    std::string& label, std::string& problem) {
  std::string text = a.weights.empty() ? model.weights.front().name : a.weights;
  std::string error;
  std::optional<WeightSpec> spec = ParseWeightSpec(text, model, error);
  if (!spec) {
    problem = "--weights: " + error;
    return false;
  }
  size_t n = model.objectives.size();
  if (spec->mode == WeightMode::kFixed) {
    weights = spec->mean;
    label = text;
    return true;
  }
  // The expected weighted score is linear in the weights: maximising it is
  // maximising the score under the mean of the sampled weights.
  weights.assign(n, 0.0);
  std::vector<double> w(n);
  for (int s = 0; s < a.samples; ++s) {
    DrawWeights(*spec, a.seed, static_cast<uint64_t>(s), n, w.data());
    for (size_t j = 0; j < n; ++j) weights[j] += w[j] / a.samples;
  }
  label = text + " (mean of " + std::to_string(a.samples) + " samples, seed " +
          std::to_string(a.seed) + ")";
  return true;
}

bool ParseConstraints(const OptimiseArgs& a, const Model& model, const ResolvedScenario& base,
                      OptimiseConstraints& c, std::string& problem) {
  c.budget = base.by_year;
  if (!a.budget.empty() && !a.total.empty()) {
    problem = "give --budget or --total, not both";
    return false;
  }
  if (!a.budget.empty() && !ParseBudget(a.budget, model, c.budget, problem)) return false;
  if (!a.total.empty()) {
    Money total;
    if (!ParseAmount(a.total, total)) {
      problem = "--total expects an amount in euros, not '" + a.total + "'";
      return false;
    }
    std::vector<Money> shape = base.by_year;
    if (base.total.IsZero()) shape.assign(shape.size(), Money::FromCents(1));  // evenly
    c.budget =
        total.IsZero() ? std::vector<Money>(shape.size()) : SplitProportionally(total, shape);
  }
  for (const std::string& text : a.min) {
    LineAmount m;
    if (!ParseLineAmount("--min", text, m, problem)) return false;
    c.min.push_back(m);
  }
  for (const std::string& text : a.max) {
    LineAmount m;
    if (!ParseLineAmount("--max", text, m, problem)) return false;
    c.max.push_back(m);
  }
  c.lock = SplitList(a.lock);
  if (!a.max_change.empty() && !ParseMaxChange(a.max_change, c, problem)) return false;
  if (!ParseAmount(a.motion_minimum, c.motion_minimum)) {
    problem = "--motion-minimum expects an amount in euros, not '" + a.motion_minimum + "'";
    return false;
  }
  if (a.fund_motions == "all") {
    for (const Motion& m : model.motions) c.fund_motions.push_back(m.id);
  } else {
    c.fund_motions = SplitList(a.fund_motions);
  }
  return true;
}

}  // namespace

void AddOptimiseOptions(OptionList& options, OptimiseArgs& a) {
  options.Add()(
      "weights,w", po::value<std::string>(&a.weights),
      "weight set to maximise (e.g. ckm), or a sampling spec (uniform, SET:KAPPA, SET:order): "
      "then the expected score over --samples draws, i.e. the score under their mean weights")(
      "samples", po::value<int>(&a.samples)->default_value(a.samples),
      "draws for a sampling spec (1 to 1000000)")(
      "seed", po::value<uint64_t>(&a.seed)->default_value(a.seed), "seed for a sampling spec")(
      "base", po::value<std::string>(&a.base)->default_value(a.base),
      "scenario whose lines and per-year money are the starting point")(
      "segments", po::value<int>(&a.segments)->default_value(a.segments),
      "linear pieces per nonlinear curve to start from; more are added around the optimum")(
      "tolerance", po::value<double>(&a.tolerance)->default_value(a.tolerance, "0.01"),
      "points: refine the curves until upper bound - score is at most this")(
      "time-limit", po::value<double>(&a.time_limit)->default_value(a.time_limit),
      "seconds for the whole command, all its solves together")(
      "budget", po::value<std::string>(&a.budget),
      "money per year, e.g. 2024=2000000,2025=2000000,2026=2000000 (default: the base's)")(
      "total", po::value<std::string>(&a.total),
      "total money, split over the years in proportion to the base's")(
      "min", po::value<std::vector<std::string>>(&a.min),
      "LINE=AMOUNT: at least this in total (repeatable)")(
      "max", po::value<std::vector<std::string>>(&a.max),
      "LINE=AMOUNT: at most this in total (repeatable)")(
      "lock", po::value<std::vector<std::string>>(&a.lock),
      "LINE[,LINE]: keep at the base's amounts")(
      "max-change", po::value<std::string>(&a.max_change),
      "largest change of any line's total against the base: 20% or an amount")(
      "fund-motions", po::value<std::string>(&a.fund_motions),
      "all, or motion ids: their lines must spend the motion's min_spend")(
      "motion-minimum", po::value<std::string>(&a.motion_minimum)->default_value(a.motion_minimum),
      "with --fund-motions: what a motion without min_spend must get, in total");
}

void CheckOptimiseArgs(const OptimiseArgs& a, std::vector<std::string>& problems) {
  if (a.samples < 1 || a.samples > kMaxOptimiseSamples)
    problems.push_back("--samples must be a whole number from 1 to " +
                       std::to_string(kMaxOptimiseSamples) + ", not '" + std::to_string(a.samples) +
                       "'");
}

bool SetUpOptimise(const OptimiseArgs& a, const Model& model,
                   const std::vector<ResolvedScenario>& resolved, OptimiseSetup& setup,
                   std::string& problem) {
  // Checked before anything is solved: GLPK aborts the process on a
  // negative time limit, and NaN or infinity would never stop.
  if (!(a.time_limit > 0) || !(a.time_limit <= 1e6)) {
    problem = "--time-limit must be a number of seconds above 0 and at most 1000000";
    return false;
  }
  if (!(a.tolerance >= 0) || !(a.tolerance <= 100)) {
    problem = "--tolerance must be a number of points from 0 to 100";
    return false;
  }
  std::vector<std::string> ids;
  for (const ResolvedScenario& r : resolved) {
    if (r.id == a.base) setup.base = &r;
    ids.push_back(r.id);
  }
  if (setup.base == nullptr) {
    problem = "--base: unknown scenario '" + a.base + "'" + DidYouMean(ClosestMatch(a.base, ids));
    return false;
  }
  if (!ParseObjective(a, model, setup.options.weights, setup.weights_label, problem)) return false;
  if (!ParseConstraints(a, model, *setup.base, setup.constraints, problem)) return false;
  setup.options.segments = a.segments;
  setup.options.time_limit_seconds = a.time_limit;
  setup.options.tolerance = a.tolerance;
  // One deadline for the whole command, from now: every solve shares it.
  setup.options.deadline = std::chrono::steady_clock::now() +
                           std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                               std::chrono::duration<double>(a.time_limit));
  return true;
}

Money DefaultFrontierTo(const std::vector<ResolvedScenario>& resolved) {
  Money largest;
  for (const ResolvedScenario& r : resolved) largest = std::max(largest, r.total);
  // 1.5x, saturated: near the int64 bound it would wrap to a negative budget.
  int64_t cents = largest.cents();
  return Money::FromCents(cents <= INT64_MAX / 3 * 2 ? cents / 2 * 3 : INT64_MAX);
}

}  // namespace allot::cli
