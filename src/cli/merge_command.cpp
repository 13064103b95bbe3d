// allot merge: adds up the shards of a sensitivity run into its result.
#include <memory>

#include "allot/render_sensitivity.hpp"
#include "allot/sensitivity_io.hpp"
#include "cli/command.hpp"
#include "cli/commands.hpp"

namespace allot::cli {

namespace {

constexpr const char* kHelp = R"(Usage: allot merge PART.json... [options]

Adds up the partial results that 'allot sensitivity --shard K/N --output
PART.json' wrote, and prints the result exactly as a single run with the same
inputs, --samples and --seed would have: to the byte in JSON. The parts must
come from the same inputs, --weights, --effects, --seed and --samples, and
every shard 1/N ... N/N must be given exactly once; otherwise merge says
which part does not fit and writes nothing.

Examples:
  allot merge part-*.json
  allot merge part-*.json --format json --output result.json

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
    options.Results("en | nl: labels of table and md");
    options.Files("partial results");
  }

  void Check(const po::variables_map& values, std::vector<std::string>& problems) override {
    if (!values.count("files")) problems.push_back("no partial results given");
  }

  int Run(Session& s) override {
    std::optional<SmaaAccumulator> merged = ReadAndMerge(s.files(), s.limits(), s.diags());
    if (!merged) return s.Fail();
    RenderSensitivity(Finish(*merged), s.format(), s.lang(), s.text());
    return kExitSuccess;
  }
};

}  // namespace

int RunMerge(const Args& args, std::ostream& out, std::ostream& err, const CliContext& context) {
  MergeCommand command;
  return RunCommand("merge", kHelp, Reads::kOwnFiles, command, args, out, err, context);
}

}  // namespace allot::cli
