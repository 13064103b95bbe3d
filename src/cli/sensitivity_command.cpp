// allot sensitivity: SMAA-2 over whole scenarios, whole or as one shard.
#include <sstream>

#include "allot/render_sensitivity.hpp"
#include "allot/resolve.hpp"
#include "allot/sensitivity.hpp"
#include "allot/sensitivity_io.hpp"
#include "cli/commands.hpp"
#include "cli/common_options.hpp"
#include "cli/inputs.hpp"
#include "cli/output_file.hpp"

namespace allot::cli {

namespace {

constexpr const char* kSensitivityHelp = R"(Usage: allot sensitivity [MODEL] [SCENARIO...] [options]

How robust is the ranking? Draws many samples of the weights (and, with
--effects uncertain, of every [low, likely, high] effect estimate), ranks the
scenarios in each sample, and reports per scenario how often it takes each
rank (rank acceptability, with its standard error), the probability of being
best, its weighted score's mean, sd, 5th and 95th percentile, its central
weights (average weights where it is best) and confidence factor, and for
each pair of scenarios how often one scores higher than the other. The
model itself takes part as scenario 'model'. See docs/sensitivity.md.

Weights (--weights):
  uniform     every weighting equally likely (uniform on the simplex)
  SET         exactly the model's weight set SET, e.g. ckm
  SET:KAPPA   weights scattered around SET (Dirichlet, concentration KAPPA;
              larger = closer to SET; objectives SET ignores stay at 0)
  SET:order   every weighting that respects SET's order: (most important
              first), equally likely

Results depend only on the inputs, --samples and --seed: never on --threads
or on how the run is split. To split it over machines, run each shard with
--shard K/N --output part-K.json and add them up with 'allot merge'.

Examples:
  allot sensitivity --samples 100000 --seed 7
  allot sensitivity --weights ckm:order --effects fixed --format md
  allot sensitivity --precision 0.005 --threads 2
  allot sensitivity --samples 1000000 --seed 7 --shard 3/10 --output part-3.json

)";

struct SensitivityArgs {
  std::string samples, seed = "1", threads = "1", shard, max_samples = "10000000";
  std::string weights = "uniform", effects = "uncertain";
  double precision = 0;
  std::string format = "table", output, lang = "en";
  LoadLimits limits;
};

po::options_description Options(SensitivityArgs& a) {
  po::options_description options("Options");
  options.add_options()("help,h", "show this help")("samples,n", po::value<std::string>(&a.samples),
                                                    "number of samples N (default 10000)")(
      "seed,s", po::value<std::string>(&a.seed)->default_value(a.seed), "random seed, 0 to 2^64-1")(
      "threads,t", po::value<std::string>(&a.threads)->default_value(a.threads),
      "threads to use (results do not depend on it)")(
      "weights,w", po::value<std::string>(&a.weights)->default_value(a.weights),
      "uniform | SET | SET:KAPPA | SET:order")(
      "effects,e", po::value<std::string>(&a.effects)->default_value(a.effects),
      "fixed (likely values) | uncertain (triangular draws)")(
      "precision,p", po::value<double>(&a.precision),
      "instead of --samples: double the samples from 1000 until every rank acceptability's "
      "95% half-width is below P, e.g. 0.005")(
      "max-samples", po::value<std::string>(&a.max_samples)->default_value(a.max_samples),
      "with --precision: stop at this many samples")(
      "shard", po::value<std::string>(&a.shard),
      "K/N: compute only shard K of N and write the partial result (JSON) for 'allot merge'")(
      "format,f", po::value<std::string>(&a.format)->default_value(a.format),
      "table | csv | json | md")("output,o", po::value<std::string>(&a.output),
                                 "write to FILE (whole or not at all) instead of standard output")(
      "lang,l", po::value<std::string>(&a.lang)->default_value(a.lang),
      "en | nl: labels of table and md")("files", po::value<std::vector<std::string>>(),
                                         "model and scenario files");
  AddLimitOptions(options, a.limits);
  return options;
}

// A whole number in [low, high] written in plain digits.
std::optional<uint64_t> ParseCount(const std::string& text, uint64_t low, uint64_t high) {
  if (text.empty() || text.size() > 20 || text.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  uint64_t v = 0;
  for (char c : text) {
    uint64_t digit = static_cast<uint64_t>(c - '0');
    if (v > (UINT64_MAX - digit) / 10) return std::nullopt;  // over 2^64 - 1
    v = v * 10 + digit;
  }
  if (v < low || v > high) return std::nullopt;
  return v;
}

struct Plan {
  uint64_t samples = 10000, seed = 1, max_samples = 0;
  unsigned threads = 1;
  uint32_t shard_index = 0, shard_count = 0;  // 0: no shard
  OutputFormat format = OutputFormat::kTable;
  Lang lang = Lang::kEn;
  EffectsMode effects = EffectsMode::kUncertain;
};

// Checks every option; prints each problem; false when any.
bool CheckOptions(const SensitivityArgs& a, const po::variables_map& values, Plan& p,
                  std::ostream& err) {
  bool ok = true;
  auto fail = [&](const std::string& message) {
    UsageError("sensitivity", message, err), ok = false;
  };
  auto count = [&](const std::string& text, uint64_t low, uint64_t high, const char* what,
                   auto& into) {
    std::optional<uint64_t> v = ParseCount(text, low, high);
    if (v)
      into = static_cast<std::remove_reference_t<decltype(into)>>(*v);
    else
      fail(std::string(what) + " must be a whole number from " + std::to_string(low) + " to " +
           std::to_string(high) + ", not '" + text + "'");
  };
  if (values.count("samples")) count(a.samples, 1, uint64_t{1} << 48, "--samples", p.samples);
  count(a.seed, 0, UINT64_MAX, "--seed", p.seed);
  count(a.threads, 1, 1024, "--threads", p.threads);
  count(a.max_samples, 1000, uint64_t{1} << 48, "--max-samples", p.max_samples);
  std::optional<OutputFormat> format = ParseOutputFormat(a.format);
  std::optional<Lang> lang = ParseLang(a.lang);
  if (format)
    p.format = *format;
  else
    fail("--format must be table, csv, json or md, not '" + a.format + "'");
  if (lang)
    p.lang = *lang;
  else
    fail("--lang must be en or nl, not '" + a.lang + "'");
  if (a.effects == "fixed")
    p.effects = EffectsMode::kFixed;
  else if (a.effects != "uncertain")
    fail("--effects must be fixed or uncertain, not '" + a.effects + "'");
  bool precision = values.count("precision") > 0;
  if (precision && !(a.precision > 0 && a.precision < 1))
    fail("--precision must be between 0 and 1 (e.g. 0.005)");
  if (precision && values.count("samples"))
    fail("give --samples or --precision, not both: --precision chooses the sample count");
  if (!a.shard.empty()) {
    size_t slash = a.shard.find('/');
    std::optional<uint64_t> k = ParseCount(a.shard.substr(0, slash), 1, 1000000);
    std::optional<uint64_t> n = slash == std::string::npos
                                    ? std::nullopt
                                    : ParseCount(a.shard.substr(slash + 1), 1, 1000000);
    if (!k || !n || *k > *n)
      fail("--shard must be K/N with 1 <= K <= N, e.g. 3/10, not '" + a.shard + "'");
    else
      p.shard_index = static_cast<uint32_t>(*k), p.shard_count = static_cast<uint32_t>(*n);
    if (precision) fail("--shard needs a fixed --samples; --precision cannot be split");
    if (!values["format"].defaulted())
      fail("--shard writes a partial result (JSON) for 'allot merge'; leave out --format");
  }
  return ok;
}

// Loads, resolves and compiles the inputs; prints diagnostics on failure.
std::unique_ptr<SmaaPlan> Compile(const std::vector<std::string>& files, const SensitivityArgs& a,
                                  const Plan& p, const CliContext& context, Inputs& inputs,
                                  std::ostream& err) {
  Diagnostics diags;
  std::string usage_error;
  if (!LoadInputs(files, context, a.limits, inputs, diags, usage_error)) {
    PrintDiagnostics(diags, err);
    UsageError("sensitivity", usage_error, err);
    return nullptr;
  }
  std::vector<ResolvedScenario> resolved;
  if (diags.empty()) resolved = ResolveScenarios(*inputs.model, inputs.scenarios, diags);
  if (!diags.empty()) {
    PrintDiagnostics(diags, err);
    return nullptr;
  }
  std::string error;
  std::optional<WeightSpec> weights = ParseWeightSpec(a.weights, *inputs.model, error);
  if (!weights) {
    UsageError("sensitivity", "--weights: " + error, err);
    return nullptr;
  }
  return CompileSmaa(*inputs.model, resolved, SmaaOptions{*weights, p.effects, p.seed});
}

std::string Render(const SmaaPlan& plan, const SensitivityArgs& a, const Plan& p, bool precision) {
  std::ostringstream rendered;
  if (p.shard_count > 0) {
    auto [first, end] = ShardRange(p.samples, p.shard_index, p.shard_count);
    rendered << SmaaPartToJson(
        SmaaPart{plan.Run(first, end, p.threads, p.samples), p.shard_index, p.shard_count, {}});
    return rendered.str();
  }
  SmaaAccumulator acc = precision ? RunToPrecision(plan, a.precision, p.max_samples, p.threads)
                                  : plan.Run(0, p.samples, p.threads, p.samples);
  SmaaResult result = Finish(acc);
  if (precision) result.precision = a.precision;
  RenderSensitivity(result, p.format, p.lang, rendered);
  return rendered.str();
}

}  // namespace

int RunSensitivity(const Args& args, std::ostream& out, std::ostream& err,
                   const CliContext& context) {
  SensitivityArgs a;
  po::options_description options = Options(a);
  po::variables_map values;
  if (!ParseArgs("sensitivity", args, options, values, err)) return kExitBadInput;
  if (values.count("help")) {
    out << kSensitivityHelp << options << '\n';
    return kExitSuccess;
  }
  Plan p;
  if (!CheckOptions(a, values, p, err)) return kExitBadInput;
  std::vector<std::string> files;
  if (values.count("files")) files = values["files"].as<std::vector<std::string>>();
  Inputs inputs;
  std::unique_ptr<SmaaPlan> plan = Compile(files, a, p, context, inputs, err);
  if (!plan) return kExitBadInput;
  if (!a.output.empty() && IsOneOf(a.output, inputs.files)) {
    UsageError("sensitivity",
               "--output '" + a.output + "' is one of the input files; refusing to overwrite it",
               err);
    return kExitBadInput;
  }
  std::string rendered = Render(*plan, a, p, values.count("precision") > 0);
  if (a.output.empty()) {
    out << rendered;
    return kExitSuccess;
  }
  std::string error;
  if (!WriteFileAtomically(a.output, rendered, error)) {
    err << "allot sensitivity: error: " << error << '\n';
    return kExitFailure;
  }
  return kExitSuccess;
}

}  // namespace allot::cli
