// allot explain: attribute S_B - S_A to action lines and to objectives.
#include "allot/explain.hpp"
#include "allot/render.hpp"
#include "cli/command.hpp"
#include "cli/commands.hpp"
#include "cli/option_values.hpp"

namespace allot::cli {

namespace {

constexpr const char* kHelp = R"(Usage: allot explain A B [MODEL] [SCENARIO...] [options]

Why does scenario B score differently from scenario A? Splits the weighted
score difference S_B - S_A, per weight set:
  - over the action lines whose allocation differs (changed amounts, added
    or removed lines), as Shapley values: each line's contribution when the
    lines switch from A's amounts to B's, averaged over every order in
    which they could switch. This shares out fairly what lines do together,
    e.g. when two lines push an objective past its cap of 100 points.
    Exact up to --exact-max changed lines; beyond that estimated from
    --permutations random orders (seed --seed), shown +- one standard error.
  - over the objectives: weight x change in the objective's score.
Both columns add up to the difference.

A and B are scenario ids ('model' is the model itself). MODEL and SCENARIO
are allot/1 files or directories, as for compare.

Examples:
  allot explain model herverdeling-ckm
  allot explain model amendement-bikker --weights ministry,ckm --format md
  allot explain model versterkt-2024 --format json --output explain.json
  allot explain model herverdeling-ckm --lang nl

)";

// Each random order costs one evaluation per changed line; ten million
// orders of 20 lines is minutes, which is as far as a flag should go.
constexpr size_t kMaxPermutations = 10'000'000;

class ExplainCommand final : public Command {
 public:
  void Options(OptionList& options) override {
    options.Add()("weights,w", po::value<std::string>(&weights_),
                  "weight sets, comma-separated (default: all, in model order)");
    options.Results(kLangHelp);
    options.Add()("exact-max", po::value<size_t>(&exact_max_)->default_value(exact_max_),
                  "exact Shapley values up to this many changed lines (2^N evaluations); at most "
                  "20")("permutations",
                        po::value<size_t>(&permutations_)->default_value(permutations_),
                        "random orders when there are more changed lines (1 to 10,000,000)")(
        "seed", po::value<uint64_t>(&seed_)->default_value(seed_), "seed of the random orders");
    options.Files("A, B, then model and scenario files");
  }

  void Check(const po::variables_map&, std::vector<std::string>& problems) override {
    if (exact_max_ > 20)
      problems.push_back("--exact-max must be at most 20, not " + std::to_string(exact_max_));
    if (permutations_ == 0 || permutations_ > kMaxPermutations) {
      problems.push_back("--permutations must be from 1 to 10000000, not " +
                         std::to_string(permutations_));
    }
  }

  int Run(Session& s) override {
    ExplainOptions options{SplitList(weights_), exact_max_, permutations_, seed_};
    return Rendered(s, Explain(s.model(), s.resolved(), s.a(), s.b(), options, s.diags()),
                    RenderExplain);
  }

 private:
  std::string weights_;
  size_t exact_max_ = 12;
  size_t permutations_ = 10000;
  uint64_t seed_ = 1;
};

}  // namespace

int RunExplain(const Args& args, std::ostream& out, std::ostream& err, const CliContext& context) {
  ExplainCommand command;
  return RunCommand("explain", kHelp, Reads::kPairThenModelAndScenarios, command, args, out, err,
                    context);
}

}  // namespace allot::cli
