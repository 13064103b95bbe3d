// allot merge: adds up the shards of a sensitivity run into its result.
#include <memory>

#include "allot/render.hpp"
#include "allot/sensitivity_io.hpp"
#include "cli/command.hpp"
#include "cli/commands.hpp"
#include "cli/option_values.hpp"

namespace allot::cli {

namespace {

constexpr const char* kHelp = R"(Usage: allot merge PART.json... [options]

Adds up the partial results that 'allot sensitivity --shard K/N --output
PART.json' wrote, and prints the result exactly as a single run with the same
inputs, --samples and --seed would have: to the byte in JSON. The parts must
come from the same inputs, --weights, --effects, --seed and --samples, and
every shard 1/N ... N/N must be given exactly once; otherwise merge says
which part does not fit and writes nothing.

The confidence factors are computed after the parts are added up, at the
central weights of the whole run, from the effect draws: merge needs the
model and scenario files the shards ran on for that (--inputs, as given to
sensitivity and in the same order; by default the shipped model and
scenarios), and checks them against the parts' inputs hash. Shards run with
--cf-samples 0 need no inputs.

Examples:
  allot merge part-*.json
  allot merge part-*.json --format json --output result.json
  allot merge part-*.json --inputs my-model.yaml --inputs my-scenarios/

)";

// Reads every part (collecting all their errors), then adds them up.
std::optional<SmaaAccumulator> ReadAndMerge(const std::vector<std::string>& files,
                                            const LoadLimits& limits, Diagnostics& diags) {
  std::vector<SmaaPart> parts;
  for (const std::string& path : files) {
    auto file = std::make_shared<SourceText>();
    file->name = path;
    if (!ReadFileText(path, file->text, diags, limits)) continue;
    if (std::optional<SmaaPart> part = ParseSmaaPart(file, diags))
      parts.push_back(std::move(*part));
  }
  if (!diags.empty()) return std::nullopt;
  return MergeSmaaParts(parts, diags);
}

class MergeCommand final : public Command {
 public:
  void Options(OptionList& options) override {
    options.Add()("inputs", po::value<std::vector<std::string>>(&inputs_)->composing(),
                  "a model or scenario file or directory the shards ran on (repeat, in their "
                  "order); default: the shipped model and scenarios")(
        "threads,t", po::value<std::string>(&threads_text_),
        "threads for the confidence factors (default: this machine's cores; results do not "
        "depend on it)");
    options.Results("en | nl: labels of table and md");
    options.Files("partial results");
  }

  void Check(const po::variables_map& values, std::vector<std::string>& problems) override {
    if (!values.count("files")) problems.push_back("no partial results given");
    ReadThreads(threads_text_, threads_, problems);
  }

  int Run(Session& s) override {
    std::optional<SmaaAccumulator> merged = ReadAndMerge(s.files(), s.limits(), s.diags());
    if (!merged) return s.Fail();
    SmaaConfidence confidence;
    confidence.hits.assign(merged->header.scenario_ids.size(), 0);
    if (merged->header.confidence_draws.value_or(merged->count()) > 0) {
      std::unique_ptr<SmaaPlan> plan = PlanOfParts(s, merged->header);
      if (!plan) return kExitBadInput;
      confidence = ConfidencePass(*plan, *merged, threads_);
    }
    RenderSensitivity(Finish(*merged, confidence), s.format(), s.lang(), s.text());
    return kExitSuccess;
  }

 private:
  // The plan the parts were computed with, rebuilt from --inputs and the
  // parts' header; null after a message when the inputs do not match.
  std::unique_ptr<SmaaPlan> PlanOfParts(Session& s, const SmaaHeader& header) {
    Inputs inputs;
    std::vector<ResolvedScenario> resolved;
    if (!s.LoadAndResolve(inputs_, inputs, resolved)) return nullptr;
    s.AddInputFiles(inputs.files);
    std::string error;
    std::optional<WeightSpec> weights = ParseWeightSpec(header.weights, *inputs.model, error);
    std::unique_ptr<SmaaPlan> plan;
    if (weights) {
      EffectsMode effects =
          header.effects == "uncertain" ? EffectsMode::kUncertain : EffectsMode::kFixed;
      plan = CompileSmaa(*inputs.model, resolved, SmaaOptions{*weights, effects, header.seed});
    }
    if (plan && plan->header().inputs_hash == header.inputs_hash) return plan;
    std::string named = inputs_.empty() ? "the shipped model and scenarios" : "the --inputs";
    s.UsageError(
        "the confidence factors need the model and scenarios the parts were computed "
        "from, but " +
        named + " are other inputs (inputs hash " +
        (plan ? plan->header().inputs_hash : std::string("-")) + ", the parts " +
        header.inputs_hash + "): name the shards' files with --inputs, in their order, " +
        "or run the shards with --cf-samples 0");
    return nullptr;
  }

  std::vector<std::string> inputs_;
  std::string threads_text_;  // empty: the machine's cores
  unsigned threads_ = 1;
};

}  // namespace

int RunMerge(const Args& args, std::ostream& out, std::ostream& err, const CliContext& context) {
  MergeCommand command;
  return RunCommand("merge", kHelp, Reads::kOwnFiles, command, args, out, err, context);
}

}  // namespace allot::cli
