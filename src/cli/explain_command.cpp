// allot explain: attribute S_B - S_A to action lines and to objectives.
#include <sstream>

#include "allot/explain.hpp"
#include "cli/analysis_cli.hpp"
#include "cli/commands.hpp"
#include "cli/common_options.hpp"

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
  allot explain model ckm-tegenvoorstel
  allot explain model amendement-bikker --weights ministry,ckm --format md
  allot explain model versterkt-2024 --format json --output explain.json
  allot explain model ckm-tegenvoorstel --lang nl

)";

struct ExplainArgs {
  std::string weights;
  std::string format = "table";
  std::string output;
  std::string lang = "en";
  size_t exact_max = 12;
  size_t permutations = 10000;
  uint64_t seed = 1;
  LoadLimits limits;
};

// Each random order costs one evaluation per changed line; ten million
// orders of 20 lines is minutes, which is as far as a flag should go.
constexpr size_t kMaxPermutations = 10'000'000;

po::options_description Options(ExplainArgs& a) {
  po::options_description options("Options");
  options.add_options()("help,h", "show this help")(
      "weights,w", po::value<std::string>(&a.weights),
      "weight sets, comma-separated (default: all, in model order)")(
      "format,f", po::value<std::string>(&a.format)->default_value(a.format),
      "table | csv | json | md")("output,o", po::value<std::string>(&a.output),
                                 "write to FILE (whole or not at all) instead of standard output")(
      "lang,l", po::value<std::string>(&a.lang)->default_value(a.lang), kLangHelp)(
      "exact-max", po::value<size_t>(&a.exact_max)->default_value(a.exact_max),
      "exact Shapley values up to this many changed lines (2^N evaluations); at most 20")(
      "permutations", po::value<size_t>(&a.permutations)->default_value(a.permutations),
      "random orders when there are more changed lines (1 to 10,000,000)")(
      "seed", po::value<uint64_t>(&a.seed)->default_value(a.seed), "seed of the random orders")(
      "files", po::value<std::vector<std::string>>(), "A, B, then model and scenario files");
  AddLimitOptions(options, a.limits);
  return options;
}

}  // namespace

int RunExplain(const Args& args, std::ostream& out, std::ostream& err, const CliContext& context) {
  const std::string command = "explain";
  ExplainArgs a;
  po::options_description options = Options(a);
  po::variables_map values;
  if (!ParseArgs(command, args, options, values, err)) return kExitBadInput;
  if (values.count("help")) {
    out << kHelp << options << '\n';
    return kExitSuccess;
  }
  OutputFormat format;
  if (!ParseFormatOption(command, a.format, format, err)) return kExitBadInput;
  Lang lang;
  if (!ParseLangOption(command, a.lang, lang, err)) return kExitBadInput;
  if (a.exact_max > 20) {
    UsageError(command, "--exact-max must be at most 20, not " + std::to_string(a.exact_max), err);
    return kExitBadInput;
  }
  if (a.permutations == 0 || a.permutations > kMaxPermutations) {
    UsageError(command,
               "--permutations must be from 1 to 10000000, not " + std::to_string(a.permutations),
               err);
    return kExitBadInput;
  }
  std::vector<std::string> files;
  if (values.count("files")) files = values["files"].as<std::vector<std::string>>();
  std::string id_a, id_b;
  if (!TakePair(command, files, id_a, id_b, err)) return kExitBadInput;
  Inputs inputs;
  std::vector<ResolvedScenario> resolved;
  if (!LoadResolved(command, files, context, a.limits, inputs, resolved, err)) return kExitBadInput;
  Diagnostics diags;
  ExplainOptions explain{SplitList(a.weights), a.exact_max, a.permutations, a.seed};
  std::optional<ExplainResult> result =
      Explain(*inputs.model, resolved, id_a, id_b, explain, diags);
  if (!result) {
    PrintDiagnostics(diags, err);
    return kExitBadInput;
  }
  std::ostringstream text;
  RenderExplain(*result, format, lang, text);
  return EmitResult(command, a.output, inputs, text.str(), out, err);
}

}  // namespace allot::cli
