// allot sensitivity: SMAA-2 over whole scenarios, whole or as one shard.
#include <cmath>
#include <memory>
#include <stdexcept>

#include "allot/render.hpp"
#include "allot/sensitivity.hpp"
#include "allot/sensitivity_io.hpp"
#include "allot/uncertain_amounts.hpp"
#include "cli/command.hpp"
#include "cli/commands.hpp"
#include "cli/option_values.hpp"

namespace allot::cli {

namespace {

// Scenario files of one sensitivity run (its --max-scenarios default,
// lower than other commands' 10,000): the rank counts and rank
// acceptabilities are a scenarios x scenarios table in memory and in the
// output, 10^6 cells at this limit (about 8 MB of counts per thread and
// 40 MB of JSON). 10,001 scenarios with pairwise counts took 15.6 GB.
constexpr int kSensitivityMaxScenarios = 1000;

constexpr const char* kHelp = R"(Usage: allot sensitivity [MODEL] [SCENARIO...] [options]

How robust is the ranking? Draws many samples of the weights (and, with
--effects uncertain, of every [low, likely, high] effect estimate), ranks the
scenarios in each sample, and reports per scenario how often it takes each
rank (rank acceptability, with its 95% Wilson interval), the probability of
being best, its weighted score's mean, sd, 5th and 95th percentile, its
central weights (average weights where it is best) and confidence factor
(how often it stays best at those weights over the effect draws; marked
"too few samples" when it is best in fewer than 100 samples), and for each
pair of scenarios how often one scores higher than the other (for runs of
at most --max-pairwise scenarios). The model itself takes part as scenario
'model'. See docs/sensitivity.md; time and memory: docs/limits.md.

Weights (--weights):
  uniform     every weighting equally likely (uniform on the simplex)
  SET         exactly the model's weight set SET, e.g. ckm
  SET:KAPPA   weights scattered around SET (Dirichlet, concentration KAPPA;
              larger = closer to SET; objectives SET ignores stay at 0)
  SET:order   every weighting that respects SET's order: (most important
              first), equally likely

Amounts (--amounts):
  fixed       every amount as written (the default)
  uncertain   the model's assumed amounts are drawn too, within their
              stated bounds (or --amount-range), every sourced or reported
              total kept exact to the cent; every scenario is applied to
              each drawn model. Reports which first places, rankings and
              pairwise statements ("A scores higher than B") hold in at
              least --holds-at of the samples, under the --weights
              distribution and under each weight set exactly
              (docs/sensitivity.md, "Unknown amounts"). Runs whole: no
              --shard, --precision or --cf-samples.

Results depend only on the inputs, --samples and --seed: never on --threads
(default: this machine's cores) or on how the run is split. To split it over
machines, run each shard with --shard K/N --output part-K.json and add them
up with 'allot merge' (which needs the same model and scenario files, with
--inputs, for the confidence factors).

Examples:
  allot sensitivity --samples 100000 --seed 7
  allot sensitivity --weights ckm:order --effects fixed --format md
  allot sensitivity --precision 0.005 --threads 2
  allot sensitivity --amounts uncertain --samples 2000 --format md
  allot sensitivity --samples 1000000 --seed 7 --shard 3/10 --output part-3.json

)";

class SensitivityCommand final : public Command {
 public:
  // The caveat under table and md, not in json: `allot merge` of the shards
  // must give the single run's json to the byte, and runs without the model
  // and scenarios (docs/output.md, "What the figures rest on").
  // A shard writes a part for `allot merge`, never a table: no caveat.
  bool CaveatInJson() const override { return false; }
  bool ShowsFigures() const override { return shard_count_ == 0; }
  void Options(OptionList& options) override {
    options.Add()("samples,n", po::value<std::string>(&samples_text_),
                  "number of samples N (default 10000)")(
        "seed,s", po::value<std::string>(&seed_text_)->default_value(seed_text_),
        "random seed, 0 to 2^64-1")(
        "threads,t", po::value<std::string>(&threads_text_),
        "threads to use (default: this machine's cores; results do not depend on it)")(
        "weights,w", po::value<std::string>(&weights_)->default_value(weights_),
        "uniform | SET | SET:KAPPA | SET:order")(
        "effects,e", po::value<std::string>(&effects_text_)->default_value(effects_text_),
        "fixed (likely values) | uncertain (triangular draws)")(
        "precision,p", po::value<double>(&precision_),
        "instead of --samples: double the samples from 1000 until every rank acceptability's "
        "95% interval is within P of it, e.g. 0.005")(
        "max-samples", po::value<std::string>(&max_samples_text_)->default_value(max_samples_text_),
        "with --precision: stop at this many samples")(
        "cf-samples", po::value<std::string>(&cf_samples_text_),
        "effect draws behind the confidence factors (default: as many as samples; 0: none)")(
        "shard", po::value<std::string>(&shard_text_),
        "K/N: compute only shard K of N and write the partial result (JSON) for 'allot merge'")(
        "max-pairwise",
        po::value<std::string>(&max_pairwise_text_)->default_value(max_pairwise_text_),
        "count how often each scenario scores above each other one only when the run has at "
        "most N scenarios, the model included (0: never): that table has N x N cells and costs "
        "N^2 comparisons per sample")(
        "amounts,a", po::value<std::string>(&amounts_text_)->default_value(amounts_text_),
        "fixed (as written) | uncertain (draw the model's assumed amounts too)")(
        "amount-range",
        po::value<std::string>(&amount_range_text_)->default_value(amount_range_text_),
        "with --amounts uncertain: an assumed amount without stated bounds lies within this "
        "share of it either way (0.5: 50% down to 50% up)")(
        "holds-at", po::value<std::string>(&holds_at_text_)->default_value(holds_at_text_),
        "with --amounts uncertain: a statement holds when it is true in at least this share "
        "of the samples");
    options.Results("en | nl: labels of table and md");
    options.limits().max_scenarios = kSensitivityMaxScenarios;
    options.Files("model and scenario files");
  }

  void Check(const po::variables_map& values, std::vector<std::string>& problems) override {
    auto count = [&](const std::string& text, uint64_t low, uint64_t high, const char* what,
                     auto& into) {
      if (std::optional<uint64_t> v = ParseCount(text, low, high)) {
        into = static_cast<std::remove_reference_t<decltype(into)>>(*v);
      } else {
        problems.push_back(std::string(what) + " must be a whole number from " +
                           std::to_string(low) + " to " + std::to_string(high) + ", not '" + text +
                           "'");
      }
    };
    if (values.count("samples")) count(samples_text_, 1, uint64_t{1} << 48, "--samples", samples_);
    count(seed_text_, 0, UINT64_MAX, "--seed", seed_);
    ReadThreads(threads_text_, threads_, problems);
    count(max_samples_text_, 1000, uint64_t{1} << 48, "--max-samples", max_samples_);
    count(max_pairwise_text_, 0, 1000000, "--max-pairwise", max_pairwise_);
    if (values.count("cf-samples")) {
      uint64_t draws = 0;
      count(cf_samples_text_, 0, uint64_t{1} << 48, "--cf-samples", draws);
      cf_samples_ = draws;
    }
    if (effects_text_ == "fixed") {
      effects_ = EffectsMode::kFixed;
    } else if (effects_text_ != "uncertain") {
      problems.push_back("--effects must be fixed or uncertain, not '" + effects_text_ + "'");
    }
    precision_given_ = values.count("precision") > 0;
    if (precision_given_ && !(precision_ > 0 && precision_ < 1))
      problems.push_back("--precision must be between 0 and 1 (e.g. 0.005)");
    if (precision_given_ && values.count("samples"))
      problems.push_back(
          "give --samples or --precision, not both: --precision chooses the sample count");
    if (!shard_text_.empty()) CheckShard(values, problems);
    CheckAmounts(values, problems);
  }

  int Run(Session& s) override {
    std::string error;
    std::optional<WeightSpec> weights = ParseWeightSpec(weights_, s.model(), error);
    if (!weights) return s.UsageError("--weights: " + error);
    if (amounts_uncertain_) {
      UncertainOptions options;
      options.weights = *weights;
      options.effects = effects_;
      options.seed = seed_;
      options.samples = samples_;
      options.default_range = amount_range_;
      options.holds_at = holds_at_;
      options.threads = threads_;
      try {
        RenderUncertainAmounts(
            RunUncertainAmounts(s.model(), s.inputs().scenarios, s.resolved(), options), s.format(),
            s.lang(), s.text());
      } catch (const std::runtime_error& e) {
        return s.UsageError(std::string("--amounts uncertain: ") + e.what());
      }
      return kExitSuccess;
    }
    std::unique_ptr<SmaaPlan> plan =
        CompileSmaa(s.model(), s.resolved(), SmaaOptions{*weights, effects_, seed_, max_pairwise_});
    if (shard_count_ > 0) {
      auto [first, end] = ShardRange(samples_, shard_index_, shard_count_);
      SmaaPart part{plan->Run(first, end, threads_, samples_), shard_index_, shard_count_, {}};
      part.accumulator.header.confidence_draws = cf_samples_;
      s.text() << SmaaPartToJson(part);
      return kExitSuccess;
    }
    SmaaRun run;
    run.samples = samples_;
    if (precision_given_) run.precision = precision_;
    run.max_samples = max_samples_;
    run.threads = threads_;
    run.confidence_draws = cf_samples_;
    RenderSensitivity(RunSmaa(*plan, run), s.format(), s.lang(), s.text());
    return kExitSuccess;
  }

 private:
  // --amounts and the options that go with it.
  void CheckAmounts(const po::variables_map& values, std::vector<std::string>& problems) {
    // A share: low < v <= 1 (low_open) or low <= v <= 1.
    auto share = [&](const std::string& text, const char* what, double low, bool low_open,
                     const char* range, double& into) {
      try {
        size_t used = 0;
        double v = std::stod(text, &used);
        if (used == text.size() && std::isfinite(v) && (low_open ? v > low : v >= low) && v <= 1) {
          into = v;
          return;
        }
      } catch (const std::exception&) {
      }
      problems.push_back(std::string(what) + " must be a number " + range + ", not '" + text + "'");
    };
    share(amount_range_text_, "--amount-range", 0, false, "from 0 to 1", amount_range_);
    share(holds_at_text_, "--holds-at", 0.5, true, "above 0.5 and at most 1", holds_at_);
    if (amounts_text_ == "uncertain") {
      amounts_uncertain_ = true;
    } else if (amounts_text_ != "fixed") {
      problems.push_back("--amounts must be fixed or uncertain, not '" + amounts_text_ + "'");
    }
    if (!amounts_uncertain_) {
      for (const char* name : {"amount-range", "holds-at"}) {
        if (!values[name].defaulted())
          problems.push_back(std::string("--") + name + " goes with --amounts uncertain");
      }
      return;
    }
    for (const char* name : {"shard", "precision", "cf-samples"}) {
      if (values.count(name))
        problems.push_back(std::string("--amounts uncertain runs whole and has no --") + name);
    }
  }

  void CheckShard(const po::variables_map& values, std::vector<std::string>& problems) {
    size_t slash = shard_text_.find('/');
    std::optional<uint64_t> k = ParseCount(shard_text_.substr(0, slash), 1, 1000000);
    std::optional<uint64_t> n = slash == std::string::npos
                                    ? std::nullopt
                                    : ParseCount(shard_text_.substr(slash + 1), 1, 1000000);
    if (!k || !n || *k > *n) {
      problems.push_back("--shard must be K/N with 1 <= K <= N, e.g. 3/10, not '" + shard_text_ +
                         "'");
    } else {
      shard_index_ = static_cast<uint32_t>(*k);
      shard_count_ = static_cast<uint32_t>(*n);
    }
    if (precision_given_)
      problems.push_back("--shard needs a fixed --samples; --precision cannot be split");
    if (!values["format"].defaulted())
      problems.push_back(
          "--shard writes a partial result (JSON) for 'allot merge'; leave out --format");
  }

  // As given on the command line, checked by Check.
  std::string samples_text_, seed_text_ = "1", threads_text_, shard_text_,
                             max_samples_text_ = "10000000", cf_samples_text_,
                             max_pairwise_text_ = std::to_string(kDefaultMaxPairwise);
  std::string weights_ = "uniform", effects_text_ = "uncertain";
  std::string amounts_text_ = "fixed", amount_range_text_ = "0.5", holds_at_text_ = "0.95";
  bool amounts_uncertain_ = false;
  double amount_range_ = kDefaultAmountRange, holds_at_ = 0.95;
  double precision_ = 0;
  // As read by Check.
  bool precision_given_ = false;
  uint64_t samples_ = 10000, seed_ = 1, max_samples_ = 0;
  size_t max_pairwise_ = kDefaultMaxPairwise;
  unsigned threads_ = 1;
  uint32_t shard_index_ = 0, shard_count_ = 0;  // 0: no shard
  std::optional<uint64_t> cf_samples_;          // none: as many as samples
  EffectsMode effects_ = EffectsMode::kUncertain;
};

}  // namespace

int RunSensitivity(const Args& args, std::ostream& out, std::ostream& err,
                   const CliContext& context) {
  SensitivityCommand command;
  return RunCommand("sensitivity", kHelp, Reads::kModelAndScenarios, command, args, out, err,
                    context);
}

}  // namespace allot::cli
