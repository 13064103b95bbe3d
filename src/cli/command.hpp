// The skeleton every subcommand runs through (internal to src/cli/):
//
//   parse -> load and resolve -> run -> render -> write
//
// A subcommand states its help text, its options and its run step (a
// Command); RunCommand does the rest the same way for all of them: --help,
// the shared options (--format, --lang, --output, the input limits), usage
// errors, loading and resolving the files, printing diagnostics (one
// printer), refusing to write over an input file, writing files whole or not
// at all, and checking that standard output took what was written.
#pragma once

#include <boost/program_options.hpp>
#include <memory>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "allot/cli.hpp"
#include "allot/diagnostic.hpp"
#include "allot/load.hpp"
#include "allot/render.hpp"
#include "allot/resolve.hpp"
#include "cli/inputs.hpp"
#include "cli/output_file.hpp"

namespace allot::cli {

namespace po = boost::program_options;

using Args = std::vector<std::string>;

// What the positional arguments are, and what the skeleton does with them
// before the run step.
enum class Reads {
  kOwnFiles,                   // files the run step reads itself (merge, batch)
  kModelAndScenarios,          // model and scenario files or directories, loaded and resolved
  kPairThenModelAndScenarios,  // scenario ids A and B, then as kModelAndScenarios
  kEveryFile,  // as kModelAndScenarios, but scenarios are resolved against the model even
               // when other files have errors, to report them all (check)
};

// The --help line of --output for commands whose result may go to a file.
inline constexpr const char* kOutputHelp =
    "write to FILE (whole or not at all) instead of standard output";

// The --help line of --lang for the commands whose csv and json do not
// change with it.
inline constexpr const char* kLangHelp =
    "en | nl: labels and number formats of table and md (csv and json stay as they are)";

// compare's and report's usage error for `--baseline current` when no loaded
// scenario says `current: true`.
inline constexpr const char* kNoCurrentPlan =
    "--baseline current: no loaded scenario says current: true (the plan as it stands)";

class Session;

// The options of one command, declared in the order --help lists them.
// Add() declares the command's own options; the other members declare the
// options every command spells the same way, bound to the session.
class OptionList {
 public:
  explicit OptionList(Session& session);

  po::options_description_easy_init Add();
  // --format,-f: table | csv | json | md.
  void Format(const char* help = "table | csv | json | md", const char* default_value = "table");
  // --lang,-l: en | nl.
  void Lang(const char* help);
  // --output,-o FILE: the rendered text goes to FILE instead of standard
  // output, whole or not at all.
  void Output(const char* help = kOutputHelp);
  // --format, --output and --lang, in the order most commands list them.
  void Results(const char* lang_help);
  // An option naming a file the run step writes with Session::WriteFile
  // (report --html, optimise --output); never one of the input files.
  void OutputFile(const char* name, std::string* path, const char* help);
  // The positional arguments, as --help describes them, and --scenarios:
  // scenario ids or files, comma-separated, as if given after them.
  void Files(const char* help);

  // The input limits, for a command's own limit options (batch --max-samples).
  LoadLimits& limits();

  const po::options_description& description() const { return options_; }
  po::options_description& description() { return options_; }

 private:
  Session& session_;
  po::options_description options_{"Options"};
};

// A subcommand: its options, their checks, and its run step.
class Command {
 public:
  virtual ~Command() = default;
  // Declares the options, in --help order ("--help" comes first and the
  // input limits last by themselves).
  virtual void Options(OptionList& options) = 0;
  // Checks the command's own options before any file is read: appends one
  // message per problem, each printed as a usage error.
  virtual void Check(const po::variables_map& values, std::vector<std::string>& problems) {
    (void)values, (void)problems;
  }
  // Computes and renders the result into session.text() (and any files into
  // session.WriteFile); returns an exit code. Nothing reaches standard
  // output or a file before it returns kExitSuccess (except what a command
  // writes to standard output in parts: Session::BeginParts).
  virtual int Run(Session& session) = 0;
  // Whether the output ends with what its figures rest on (the provenance
  // caveat, docs/output.md). Commands that show no figures of the model
  // (serve) say no.
  virtual bool ShowsFigures() const { return true; }
  // The ids of the scenarios whose figures the output shows, which the
  // caveat counts; empty: every scenario shown (A and B for a command that
  // compares a pair, else every one loaded, the model first).
  virtual std::vector<std::string> Shown(const Session& session) const {
    (void)session;
    return {};
  }
  // Whether its json gets the "rests_on" object too (sensitivity says no:
  // `allot merge` must give its json to the byte, and may run without the
  // model and scenarios).
  virtual bool CaveatInJson() const { return true; }
};

// What the run step works with: the parsed shared options, the loaded
// inputs, and where its result goes.
class Session {
 public:
  Session(const char* command, std::ostream& out, std::ostream& err, const CliContext& context);

  const std::string& command() const { return command_; }
  OutputFormat format() const { return format_; }
  Lang lang() const { return lang_; }
  const LoadLimits& limits() const { return limits_; }
  LoadLimits& limits() { return limits_; }
  const CliContext& context() const { return context_; }
  std::ostream& err() { return err_; }

  // Reads::kOwnFiles: the positional arguments. Otherwise the files after A
  // and B, as given.
  const std::vector<std::string>& files() const { return files_; }
  // Reads::kPairThenModelAndScenarios: the scenario ids A and B.
  const std::string& a() const { return a_; }
  const std::string& b() const { return b_; }
  // The loaded inputs (not for Reads::kOwnFiles).
  const Inputs& inputs() const { return inputs_; }
  const Model& model() const { return *inputs_.model; }
  const std::vector<ResolvedScenario>& resolved() const { return resolved_; }

  // Loads `files` (the shipped model and scenarios when there are none) and
  // resolves them, as the skeleton does before the run step for the
  // positional files; false after printing every diagnostic or the usage
  // error. With `every_file`, scenarios are resolved even when other files
  // have errors. For a run step that reads more inputs (batch).
  bool LoadAndResolve(const std::vector<std::string>& files, Inputs& inputs,
                      std::vector<ResolvedScenario>& resolved, bool every_file = false);

  // Where the library appends its diagnostics.
  Diagnostics& diags() { return diags_; }
  // Prints diags() and returns kExitBadInput.
  int Fail();
  // Prints "allot COMMAND: error: MESSAGE" and the --help hint; returns
  // kExitBadInput.
  int UsageError(const std::string& message);
  // Prints "allot COMMAND: error: MESSAGE" and returns kExitFailure: for
  // what is not the input's fault (a file that cannot be written).
  int Error(const std::string& message);

  // The rendered result: written to standard output, or with --output to
  // that file.
  std::ostream& text() { return text_; }
  // For a result too large to hold in memory (batch), instead of text():
  // after BeginParts(), what is written to parts() is passed on as it comes
  // (every 64 KiB and at each flush). With --output FILE it goes to a
  // temporary beside FILE, which replaces FILE once Run returned
  // kExitSuccess and is removed otherwise (an error, an exception, Ctrl-C):
  // FILE is then untouched. Without it, to standard output, where what was
  // taken before a failure stays written (a pipe cannot be written whole).
  // BeginParts returns kExitSuccess, or the exit code after saying why
  // (--output names an input file or cannot be created); once parts() is
  // bad, a write failed and was reported: Run returns kExitFailure.
  int BeginParts();
  std::ostream& parts() { return *parts_; }
  // Writes `text` to standard output at once, for a command that goes on
  // running after it (serve prints its address, then serves until stopped);
  // false after saying why it could not.
  bool WriteNow(const std::string& text);
  // Writes `contents` after the run step, whole or not at all, to `path`:
  // the value of option `flag`, declared with OptionList::OutputFile (and
  // so never one of the input files).
  void WriteFile(const std::string& flag, const std::string& path, std::string contents);
  // Files the run step read besides the positional ones (batch): never
  // written over either.
  void AddInputFiles(const std::vector<std::string>& files);

 private:
  friend class OptionList;
  friend int RunCommand(const char* command, const char* help, Reads reads, Command& cmd,
                        const Args& args, std::ostream& out, std::ostream& err,
                        const CliContext& context);

  struct PendingFile {
    std::string flag, path, contents;
  };
  struct OutputOption {
    std::string flag;
    const std::string* path;
  };

  void CheckShared(Reads reads, std::vector<std::string>& problems);
  bool Load(Reads reads);
  void KeepShown();
  void AddCaveat(Reads reads, const Command& cmd);
  bool RefuseOutputsOverInputs();
  int Write();

  std::string command_;
  std::ostream& out_;
  std::ostream& err_;
  const CliContext& context_;
  std::string format_text_, lang_text_, output_;
  bool has_format_ = false, has_lang_ = false, has_output_ = false;
  OutputFormat format_ = OutputFormat::kTable;
  Lang lang_ = Lang::kEn;
  LoadLimits limits_;
  std::vector<std::string> files_;
  std::string scenarios_;  // --scenarios
  std::string a_, b_;
  Inputs inputs_;
  std::vector<ResolvedScenario> resolved_;
  std::vector<std::string> input_files_;  // never written over
  Diagnostics diags_;
  std::ostringstream text_;
  std::vector<OutputOption> output_options_;
  std::vector<PendingFile> pending_;
  std::unique_ptr<AtomicFile> parts_file_;  // BeginParts with --output
  std::unique_ptr<PartsBuffer> parts_buffer_;
  std::unique_ptr<std::ostream> parts_;
  bool printed_parts_ = false;  // parts() passed something on to standard output
};

// Runs `command` for `allot COMMAND ARGS...`; `help` is printed by --help
// before the options. Returns the exit code.
int RunCommand(const char* command, const char* help, Reads reads, Command& cmd, const Args& args,
               std::ostream& out, std::ostream& err, const CliContext& context);

// The run step of a command whose result is rendered by one function:
// prints the diagnostics when there is no result, renders it otherwise.
template <typename Result, typename Render>
int Rendered(Session& session, const std::optional<Result>& result, Render render) {
  if (!result || !session.diags().empty()) return session.Fail();
  render(*result, session.format(), session.lang(), session.text());
  return kExitSuccess;
}

}  // namespace allot::cli
