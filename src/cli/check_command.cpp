// allot check: validate files, report every error of every file.
#include "cli/command.hpp"
#include "cli/commands.hpp"

namespace allot::cli {

namespace {

constexpr const char* kHelp = R"(Usage: allot check [FILES...] [options]

Validates allot/1 model and scenario files without computing anything:
syntax, keys, amounts, curves, weights, motions, and each scenario's changes
and budget rule against the model. Every error of every file is reported as
FILE:LINE:COL: error: MESSAGE, followed by the offending line.

FILES may be files or directories. Scenarios given without a model are
checked against the shipped model; with no files, the shipped model/ and
scenarios/ are checked.

Exit status: 0 when all files are valid, 2 when any is not.

)";

class CheckCommand final : public Command {
 public:
  void Options(OptionList& options) override { options.Files("model and scenario files"); }

  // Loading and resolving are the check (Reads::kEveryFile): reaching the
  // run step means every file is valid.
  int Run(Session& s) override {
    size_t files = s.inputs().files.size(), scenarios = s.inputs().scenarios.size();
    s.text() << "ok: " << files << " file" << (files == 1 ? "" : "s") << " (1 model, " << scenarios
             << " scenario" << (scenarios == 1 ? "" : "s") << ")\n";
    return kExitSuccess;
  }
};

}  // namespace

int RunCheck(const Args& args, std::ostream& out, std::ostream& err, const CliContext& context) {
  CheckCommand command;
  return RunCommand("check", kHelp, Reads::kEveryFile, command, args, out, err, context);
}

}  // namespace allot::cli
