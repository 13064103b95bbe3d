#include "cli/optimise_cli.hpp"

#include <sstream>

#include "allot/weight_sampling.hpp"
#include "cli/output_file.hpp"

namespace allot::cli {

namespace {

bool ParseAmount(const std::string& text, Money& out) {
  MoneyParse parsed = ParseMoney(text);
  if (!parsed.value) return false;
  out = *parsed.value;
  return true;
}

// "LINE=AMOUNT".
bool ParseLineAmount(const std::string& command, const std::string& option, const std::string& text,
                     LineAmount& out, std::ostream& err) {
  size_t eq = text.find('=');
  if (eq == std::string::npos || eq == 0 || !ParseAmount(text.substr(eq + 1), out.amount)) {
    UsageError(command,
               option + " expects LINE=AMOUNT (euros, at most two decimals), not '" + text + "'",
               err);
    return false;
  }
  out.line = text.substr(0, eq);
  return true;
}

// "2024=2000000,2025=2100000": every model year exactly once.
bool ParseBudget(const std::string& command, const std::string& text, const Model& model,
                 std::vector<Money>& budget, std::ostream& err) {
  budget.assign(model.years.size(), Money());
  std::vector<bool> seen(model.years.size(), false);
  for (const std::string& part : SplitAll({text})) {
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
      UsageError(command,
                 "--budget expects YEAR=AMOUNT for each model year once, not '" + part + "'", err);
      return false;
    }
    seen[static_cast<size_t>(index)] = true;
    budget[static_cast<size_t>(index)] = amount;
  }
  for (size_t t = 0; t < seen.size(); ++t) {
    if (!seen[t]) {
      UsageError(command, "--budget has no amount for " + std::to_string(model.years[t]), err);
      return false;
    }
  }
  return true;
}

bool ParseMaxChange(const std::string& command, const std::string& text, OptimiseConstraints& c,
                    std::ostream& err) {
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
  UsageError(command,
             "--max-change expects a percentage such as 20% or an amount, not '" + text + "'", err);
  return false;
}

}  // namespace

std::vector<std::string> SplitAll(const std::vector<std::string>& values) {
  std::vector<std::string> parts;
  for (const std::string& value : values) {
    std::stringstream stream(value);
    for (std::string part; std::getline(stream, part, ',');) {
      if (!part.empty()) parts.push_back(part);
    }
  }
  return parts;
}

void AddOptimiseOptions(po::options_description& options, OptimiseArgs& a, bool constraints) {
  options.add_options()(
      "weights,w", po::value<std::string>(&a.weights),
      "weight set to maximise (e.g. ckm), or a sampling spec (uniform, SET:KAPPA, SET:order): "
      "then the expected score over --samples draws, i.e. the score under their mean weights")(
      "samples", po::value<int>(&a.samples)->default_value(a.samples), "draws for a sampling spec")(
      "seed", po::value<uint64_t>(&a.seed)->default_value(a.seed), "seed for a sampling spec")(
      "base", po::value<std::string>(&a.base)->default_value(a.base),
      "scenario whose lines and per-year money are the starting point")(
      "segments", po::value<int>(&a.segments)->default_value(a.segments),
      "linear pieces per nonlinear curve (more: smaller gap, slower)")(
      "time-limit", po::value<double>(&a.time_limit)->default_value(a.time_limit),
      "seconds per solver call");
  if (!constraints) return;
  options.add_options()(
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
      "all, or motion ids: their lines must spend the motion's min_spend");
}

bool ParseObjective(const std::string& command, const OptimiseArgs& a, const Model& model,
                    std::vector<double>& weights, std::string& label, std::ostream& err) {
  std::string text = a.weights.empty() ? model.weights.front().name : a.weights;
  std::string error;
  std::optional<WeightSpec> spec = ParseWeightSpec(text, model, error);
  if (!spec) {
    UsageError(command, "--weights: " + error, err);
    return false;
  }
  size_t n = model.objectives.size();
  if (spec->mode == WeightMode::kFixed) {
    weights = spec->mean;
    label = text;
    return true;
  }
  if (a.samples < 1) {
    UsageError(command, "--samples must be at least 1", err);
    return false;
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

bool ParseConstraints(const std::string& command, const OptimiseArgs& a, const Model& model,
                      const ResolvedScenario& base, OptimiseConstraints& c, std::ostream& err) {
  c.budget = base.by_year;
  if (!a.budget.empty() && !a.total.empty()) {
    UsageError(command, "give --budget or --total, not both", err);
    return false;
  }
  if (!a.budget.empty() && !ParseBudget(command, a.budget, model, c.budget, err)) return false;
  if (!a.total.empty()) {
    Money total;
    if (!ParseAmount(a.total, total)) {
      UsageError(command, "--total expects an amount in euros, not '" + a.total + "'", err);
      return false;
    }
    std::vector<Money> shape = base.by_year;
    if (base.total.IsZero()) shape.assign(shape.size(), Money::FromCents(1));  // evenly
    c.budget =
        total.IsZero() ? std::vector<Money>(shape.size()) : SplitProportionally(total, shape);
  }
  for (const std::string& text : a.min) {
    LineAmount m;
    if (!ParseLineAmount(command, "--min", text, m, err)) return false;
    c.min.push_back(m);
  }
  for (const std::string& text : a.max) {
    LineAmount m;
    if (!ParseLineAmount(command, "--max", text, m, err)) return false;
    c.max.push_back(m);
  }
  c.lock = SplitAll(a.lock);
  if (!a.max_change.empty() && !ParseMaxChange(command, a.max_change, c, err)) return false;
  if (a.fund_motions == "all") {
    for (const Motion& m : model.motions) c.fund_motions.push_back(m.id);
  } else {
    c.fund_motions = SplitAll({a.fund_motions});
  }
  return true;
}

bool LoadForOptimise(const std::string& command, const std::vector<std::string>& files,
                     const CliContext& context, const OptimiseArgs& a, Inputs& inputs,
                     std::vector<ResolvedScenario>& resolved, const ResolvedScenario*& base,
                     std::ostream& err) {
  Diagnostics diags;
  std::string usage_error;
  if (!LoadInputs(files, context, a.limits, inputs, diags, usage_error)) {
    PrintDiagnostics(diags, err);
    UsageError(command, usage_error, err);
    return false;
  }
  if (diags.empty()) resolved = ResolveScenarios(*inputs.model, inputs.scenarios, diags);
  if (!diags.empty()) {
    PrintDiagnostics(diags, err);
    return false;
  }
  std::vector<std::string> ids;
  for (const ResolvedScenario& r : resolved) {
    if (r.id == a.base) base = &r;
    ids.push_back(r.id);
  }
  if (base == nullptr) {
    UsageError(command,
               "--base: unknown scenario '" + a.base + "'" + DidYouMean(ClosestMatch(a.base, ids)),
               err);
    return false;
  }
  return true;
}

void AddFormatOptions(po::options_description& options, OptimiseArgs& a) {
  options.add_options()("format,f", po::value<std::string>(&a.format)->default_value(a.format),
                        "table | csv | json | md")(
      "lang,l", po::value<std::string>(&a.lang)->default_value(a.lang),
      "en | nl: number formats of table and md");
}

bool ParseFormatAndLang(const std::string& command, const OptimiseArgs& a,
                        std::optional<OutputFormat>& format, std::optional<Lang>& lang,
                        std::ostream& err) {
  format = ParseOutputFormat(a.format);
  lang = ParseLang(a.lang);
  if (!format)
    UsageError(command, "--format must be table, csv, json or md, not '" + a.format + "'", err);
  if (!lang) UsageError(command, "--lang must be en or nl, not '" + a.lang + "'", err);
  return format && lang;
}

bool SetUpOptimise(const std::string& command, const po::variables_map& values,
                   const CliContext& context, const OptimiseArgs& a, OptimiseSetup& setup,
                   std::ostream& err) {
  std::vector<std::string> files;
  if (values.count("files")) files = values["files"].as<std::vector<std::string>>();
  if (!LoadForOptimise(command, files, context, a, setup.inputs, setup.resolved, setup.base, err))
    return false;
  const Model& model = *setup.inputs.model;
  if (!ParseObjective(command, a, model, setup.options.weights, setup.weights_label, err))
    return false;
  if (!ParseConstraints(command, a, model, *setup.base, setup.constraints, err)) return false;
  setup.options.segments = a.segments;
  setup.options.time_limit_seconds = a.time_limit;
  return true;
}

bool OutputIsAnInput(const std::string& command, const OptimiseArgs& a, const Inputs& inputs,
                     std::ostream& err) {
  if (a.output.empty() || !IsOneOf(a.output, inputs.files)) return false;
  UsageError(command,
             "--output '" + a.output + "' is one of the input files; refusing to overwrite it",
             err);
  return true;
}

void PrintOptionDiagnostics(const std::string& command, const Diagnostics& diags,
                            std::ostream& err) {
  for (const Diagnostic& d : diags) {
    if (d.where.source) {
      err << FormatDiagnostic(d);
    } else {
      err << "allot " << command << ": error: " << d.message << '\n';
    }
  }
}

}  // namespace allot::cli
