// allot lines: the lines of the model (or of a scenario) with their amounts
// per year and what each figure rests on, so that people can write changes
// without reading the model file.
#include "cli/command.hpp"
#include "cli/commands.hpp"
#include "render/lines.hpp"

namespace allot::cli {

namespace {

constexpr const char* kHelp = R"(Usage: allot lines [MODEL] [SCENARIO...] [options]

Lists the lines of the model: their ids (what scenario changes name), names
and amounts per year and in total, with what each figure rests on
(sourced, reported, assumed, judgement, or not stated; docs/format.md,
"Provenance"), then the totals. With --scenario ID, the lines as that
scenario leaves them, for writing a change against it.

MODEL and SCENARIO are allot/1 files or directories, or scenario ids, as
for compare; with no files the shipped model and scenarios are used.

Examples:
  allot lines
  allot lines --scenario versterkt-2024 --lang nl
  allot lines --format csv --output lines.csv
  allot lines my-model.yaml --format json

)";

class LinesCommand final : public Command {
 public:
  void Options(OptionList& options) override {
    options.Add()("scenario", po::value<std::string>(&scenario_)->default_value(scenario_),
                  "list the lines as this scenario leaves them ('model': the model's own)");
    options.Results("en | nl: labels and number formats of table and md");
    options.Files("model and scenario files, or scenario ids");
  }

  // It shows one scenario's lines (the model's by default).
  std::vector<std::string> Shown(const Session&) const override { return {scenario_}; }

  int Run(Session& s) override {
    for (const ResolvedScenario& r : s.resolved()) {
      if (r.id != scenario_) continue;
      detail::RenderLines(s.model(), r, s.format(), s.lang(), s.text());
      return kExitSuccess;
    }
    std::vector<std::string> ids;
    for (const ResolvedScenario& r : s.resolved()) ids.push_back(r.id);
    return s.UsageError("--scenario: no scenario '" + scenario_ + "' among those loaded" +
                        DidYouMean(ClosestMatch(scenario_, ids)));
  }

 private:
  std::string scenario_ = kModelScenarioId;
};

}  // namespace

int RunLines(const Args& args, std::ostream& out, std::ostream& err, const CliContext& context) {
  LinesCommand command;
  return RunCommand("lines", kHelp, Reads::kModelAndScenarios, command, args, out, err, context);
}

}  // namespace allot::cli
