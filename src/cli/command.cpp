#include "cli/command.hpp"

#include <algorithm>
#include <functional>
#include <memory>
#include <utility>

#include "allot/provenance_summary.hpp"
#include "cli/messages.hpp"
#include "cli/option_values.hpp"
#include "cli/output_file.hpp"
#include "render/layout.hpp"
#include "render/provenance_text.hpp"

namespace allot::cli {

namespace {

// The input limits, listed last in every command's --help.
void AddLimitOptions(po::options_description& options, LoadLimits& limits) {
  po::options_description group("Input limits (see docs/limits.md)");
  auto limit = [&](const char* name, auto& value, const char* help) {
    using T = std::remove_reference_t<decltype(value)>;
    // A negative limit would let nothing through (or, cast, everything).
    auto not_negative = [name](T v) {
      if (v < 0) {
        throw po::error(std::string("--") + name + " must be a whole number from 0 up, not '" +
                        std::to_string(v) + "'");
      }
    };
    group.add_options()(name, po::value<T>(&value)->default_value(value)->notifier(not_negative),
                        help);
  };
  limit("max-file-size", limits.max_file_bytes, "largest input file, in bytes");
  limit("max-depth", limits.max_depth, "deepest YAML nesting");
  limit("max-nodes", limits.max_nodes, "YAML nodes read per file, aliases counted at each use");
  limit("max-expanded-size", limits.max_expanded_bytes,
        "bytes of text per file, aliases counted at each use");
  limit("max-lines", limits.max_lines, "action lines in a model");
  limit("max-years", limits.max_years, "years in a model");
  limit("max-changes", limits.max_changes, "changes in one scenario");
  limit("max-table-points", limits.max_table_points, "points of one table curve");
  limit("max-errors", limits.max_errors, "errors reported per file before it is no longer read");
  limit("max-scenarios", limits.max_scenarios, "scenario files in one run");
  options.add(group);
}

void ParseInto(const Args& args, const po::options_description& options,
               po::variables_map& values) {
  po::positional_options_description positional;
  positional.add("files", -1);
  po::store(po::command_line_parser(args)
                .options(options)
                .positional(positional)
                .style(po::command_line_style::unix_style ^ po::command_line_style::allow_guessing)
                .run(),
            values);
  po::notify(values);
}

// The message of a failed parse of `args`. Boost.Program_options fills its
// messages in by replacing placeholders such as %original_token% until none
// is left, so what() never returns when an argument contains one (fuzzing
// found `--max-f%original_token%ipare`). With a '%' in an argument the
// message comes from a second parse with every '%' swapped for a stand-in
// (it fails the same way: '%' means nothing to the parser), and the '%' is
// put back.
std::string ParseErrorMessage(const po::error& e, const Args& args,
                              const po::options_description& options) {
  auto has_percent = [](const std::string& arg) { return arg.find('%') != std::string::npos; };
  if (std::none_of(args.begin(), args.end(), has_percent)) return e.what();
  constexpr char kStandIn = '\x1a';
  Args swapped = args;
  for (std::string& arg : swapped) std::replace(arg.begin(), arg.end(), '%', kStandIn);
  std::string message = "invalid arguments";
  try {
    po::variables_map values;
    ParseInto(swapped, options, values);
  } catch (const po::error& again) {
    message = again.what();
  }
  std::replace(message.begin(), message.end(), kStandIn, '%');
  return message;
}

// Parses `args` with the positional arguments bound to "files"; false after
// printing a usage error.
bool Parse(const std::string& command, const Args& args, const po::options_description& options,
           po::variables_map& values, std::ostream& err) {
  try {
    ParseInto(args, options, values);
  } catch (const po::error& e) {
    UsageError(command, ParseErrorMessage(e, args, options), err);
    return false;
  }
  return true;
}

// Writes `text` to standard output: kExitSuccess, or kExitFailure after
// saying why it could not.
int WriteOut(const std::string& command, const std::string& text, std::ostream& out,
             std::ostream& err) {
  std::string reason;
  if (WriteStandardOutput(out, text, reason)) return kExitSuccess;
  Error(command, "writing standard output: " + reason, err);
  return kExitFailure;
}

}  // namespace

OptionList::OptionList(Session& session) : session_(session) {}

po::options_description_easy_init OptionList::Add() { return options_.add_options(); }

void OptionList::Format(const char* help, const char* default_value) {
  session_.has_format_ = true;
  session_.format_text_ = default_value;
  Add()("format,f", po::value<std::string>(&session_.format_text_)->default_value(default_value),
        help);
}

void OptionList::Lang(const char* help) {
  session_.has_lang_ = true;
  session_.lang_text_ = "en";
  Add()("lang,l", po::value<std::string>(&session_.lang_text_)->default_value("en"), help);
}

void OptionList::Output(const char* help) {
  session_.has_output_ = true;
  OutputFile("output,o", &session_.output_, help);
}

void OptionList::Results(const char* lang_help) {
  Format();
  Output();
  Lang(lang_help);
}

void OptionList::OutputFile(const char* name, std::string* path, const char* help) {
  std::string flag = name;
  session_.output_options_.push_back({"--" + flag.substr(0, flag.find(',')), path});
  Add()(name, po::value<std::string>(path), help);
}

void OptionList::Files(const char* help) {
  Add()("files", po::value<std::vector<std::string>>(&session_.files_), help)(
      "scenarios", po::value<std::string>(&session_.scenarios_),
      "scenarios to use, comma-separated: ids (versterkt-2024) or files, as if given after "
      "the files; bases come along. With ids, only the scenarios named are shown");
}

LoadLimits& OptionList::limits() { return session_.limits_; }

Session::Session(const char* command, std::ostream& out, std::ostream& err,
                 const CliContext& context)
    : command_(command), out_(out), err_(err), context_(context) {}

int Session::Fail() {
  PrintDiagnostics(command_, diags_, err_);
  return kExitBadInput;
}

int Session::UsageError(const std::string& message) {
  cli::UsageError(command_, message, err_);
  return kExitBadInput;
}

int Session::Error(const std::string& message) {
  cli::Error(command_, message, err_);
  return kExitFailure;
}

bool Session::WriteNow(const std::string& text) {
  return WriteOut(command_, text, out_, err_) == kExitSuccess;
}

void Session::WriteFile(const std::string& flag, const std::string& path, std::string contents) {
  pending_.push_back({flag, path, std::move(contents)});
}

int Session::BeginParts() {
  if (RefuseOutputsOverInputs()) return kExitBadInput;
  std::function<bool(const std::string&)> sink = [this](const std::string& text) {
    printed_parts_ = printed_parts_ || !text.empty();
    return WriteOut(command_, text, out_, err_) == kExitSuccess;
  };
  if (has_output_ && !output_.empty()) {
    parts_file_ = std::make_unique<AtomicFile>();
    std::string error;
    if (!parts_file_->Open(output_, error)) return Error(error);
    sink = [this](const std::string& text) {
      std::string why;
      if (parts_file_->Write(text, why)) return true;
      Error(why);
      return false;
    };
  }
  parts_buffer_ = std::make_unique<PartsBuffer>(std::move(sink));
  parts_ = std::make_unique<std::ostream>(parts_buffer_.get());
  return kExitSuccess;
}

void Session::AddInputFiles(const std::vector<std::string>& files) {
  input_files_.insert(input_files_.end(), files.begin(), files.end());
}

void Session::CheckShared(Reads reads, std::vector<std::string>& problems) {
  if (has_format_) {
    if (std::optional<OutputFormat> format = ParseOutputFormat(format_text_)) {
      format_ = *format;
    } else {
      problems.push_back("--format must be table, csv, json or md, not '" + format_text_ + "'");
    }
  }
  if (has_lang_) {
    if (std::optional<allot::Lang> lang = ParseLang(lang_text_)) {
      lang_ = *lang;
    } else {
      problems.push_back("--lang must be en or nl, not '" + lang_text_ + "'");
    }
  }
  if (reads == Reads::kPairThenModelAndScenarios) {
    if (files_.size() < 2) {
      problems.push_back("expected two scenario ids, A and B, before the files");
    } else {
      a_ = files_[0];
      b_ = files_[1];
      files_.erase(files_.begin(), files_.begin() + 2);
    }
  }
}

bool Session::Load(Reads reads) {
  if (reads == Reads::kOwnFiles) {
    input_files_ = files_;
    return true;
  }
  std::vector<std::string> files = files_;
  for (const std::string& item : SplitList(scenarios_)) files.push_back(item);
  // A pair command's A and B are scenario ids: when scenarios are named by
  // id, they must be among them. (With paths only, every scenario given is
  // loaded, and an unknown A or B is the command's error with a suggestion.)
  bool by_id = std::any_of(files.begin(), files.end(), NamesScenarioById);
  if (reads == Reads::kPairThenModelAndScenarios && by_id) {
    for (const std::string& id : {a_, b_}) {
      if (id != kModelScenarioId) files.push_back(id);
    }
  }
  if (!LoadAndResolve(files, inputs_, resolved_, reads == Reads::kEveryFile)) return false;
  input_files_ = inputs_.files;
  KeepShown();
  return true;
}

// With scenarios named by id, only the model and those named, in the order
// named; the bases they needed were resolved but are not shown.
void Session::KeepShown() {
  if (inputs_.shown.empty()) return;
  std::vector<ResolvedScenario> kept;
  kept.push_back(std::move(resolved_.front()));
  for (const std::string& id : inputs_.shown) {
    bool twice = std::any_of(kept.begin(), kept.end(),
                             [&](const ResolvedScenario& r) { return r.id == id; });
    for (ResolvedScenario& r : resolved_) {
      if (r.id == id && !twice) kept.push_back(std::move(r));
    }
  }
  resolved_ = std::move(kept);
}

bool Session::LoadAndResolve(const std::vector<std::string>& files, Inputs& inputs,
                             std::vector<ResolvedScenario>& resolved, bool every_file) {
  Diagnostics diags;
  std::string usage_error;
  if (!LoadInputs(files, context_, limits_, inputs, diags, usage_error)) {
    PrintDiagnostics(command_, diags, err_);
    cli::UsageError(command_, usage_error, err_);
    return false;
  }
  // Resolution needs the model, and scenarios that loaded; `check` resolves
  // them even when other files have errors, to report every error at once.
  bool resolve = every_file ? inputs.model.has_value() : diags.empty();
  if (resolve) resolved = ResolveScenarios(*inputs.model, inputs.scenarios, diags);
  if (diags.empty()) return true;
  PrintDiagnostics(command_, diags, err_);
  return false;
}

// Every output option that names an input file is a usage error: checked
// before the run step (nothing is computed for an answer that cannot be
// written) and again before writing (the run step may have read more).
bool Session::RefuseOutputsOverInputs() {
  bool refused = false;
  auto refuse = [&](const std::string& flag, const std::string& path) {
    if (path.empty() || !IsOneOf(path, input_files_)) return;
    UsageError(flag + " '" + path + "' is one of the input files; refusing to overwrite it");
    refused = true;
  };
  for (const OutputOption& option : output_options_) refuse(option.flag, *option.path);
  return refused;
}

// What the figures rest on, under every output of a command that shows the
// model's figures (docs/output.md, "What the figures rest on"): a line
// under table and md, a top-level "rests_on" object in json, and in csv a
// first record of one cell (in English, like all of csv): a spreadsheet
// shows it above the table, a program skips one record.
void Session::AddCaveat(Reads reads, const Command& cmd) {
  if (reads == Reads::kOwnFiles || reads == Reads::kEveryFile || !inputs_.model) return;
  std::string text = text_.str();
  if (text.empty()) return;  // the result went to files (report)
  std::vector<std::string> ids = cmd.Shown(*this);
  if (ids.empty() && reads == Reads::kPairThenModelAndScenarios) ids = {a_, b_};
  ProvenanceCounts counts = CountProvenance(*inputs_.model, resolved_, ids);
  bool in_json = cmd.CaveatInJson();
  if (format_ == OutputFormat::kTable || format_ == OutputFormat::kMarkdown) {
    text_ << '\n' << detail::ProvenanceCaveat(counts, lang_) << '\n';
    return;
  }
  if (format_ == OutputFormat::kCsv) {
    text_.str(detail::CsvTextRecord(detail::ProvenanceCaveat(counts, Lang::kEn)) + text);
    text_.seekp(0, std::ios::end);
    return;
  }
  const std::string end = "\n}\n";  // a json object as WriteJson writes it
  if (!in_json || format_ != OutputFormat::kJson || text.size() < end.size() ||
      text.compare(text.size() - end.size(), end.size(), end) != 0) {
    return;
  }
  std::string rests_on = detail::ProvenanceJson(counts).dump(2);
  for (size_t at = rests_on.find('\n'); at != std::string::npos; at = rests_on.find('\n', at + 1)) {
    rests_on.insert(at + 1, "  ");
  }
  text.replace(text.size() - end.size(), end.size(), ",\n  \"rests_on\": " + rests_on + end);
  text_.str(text);
  text_.seekp(0, std::ios::end);
}

int Session::Write() {
  bool to_file = has_output_ && !output_.empty();
  if (to_file && !parts_) WriteFile("--output", output_, text_.str());
  if (RefuseOutputsOverInputs()) return kExitBadInput;
  for (const PendingFile& file : pending_) {
    std::string error;
    if (!WriteFileAtomically(file.path, file.contents, error)) return Error(error);
  }
  if (parts_) {
    if (!parts_->flush()) return kExitFailure;  // said by the sink
    std::string error;
    if (parts_file_ && !parts_file_->Commit(error)) return Error(error);
    return kExitSuccess;
  }
  if (to_file) return kExitSuccess;
  return WriteOut(command_, text_.str(), out_, err_);
}

int RunCommand(const char* command, const char* help, Reads reads, Command& cmd, const Args& args,
               std::ostream& out, std::ostream& err, const CliContext& context) {
  Session session(command, out, err, context);
  OptionList options(session);
  options.Add()("help,h", "show this help");
  cmd.Options(options);
  AddLimitOptions(options.description(), session.limits_);
  po::variables_map values;
  if (!Parse(command, args, options.description(), values, err)) return kExitBadInput;
  if (values.count("help")) {
    std::ostringstream text;
    text << help << options.description() << '\n';
    return WriteOut(command, text.str(), out, err);
  }
  std::vector<std::string> problems;
  session.CheckShared(reads, problems);
  cmd.Check(values, problems);
  for (const std::string& problem : problems) UsageError(command, problem, err);
  if (!problems.empty()) return kExitBadInput;
  if (!session.Load(reads) || session.RefuseOutputsOverInputs()) return kExitBadInput;
  int code = kExitFailure;
  try {
    code = cmd.Run(session);
  } catch (...) {
    // RunCli says what went wrong (out of memory, an internal error). What a
    // command streamed to standard output before it stays there (a pipe
    // cannot be taken back): say so, so that nobody takes it for the whole.
    if (session.printed_parts_) {
      err << "allot " << command
          << ": note: the error below stopped the command; standard output holds only what "
             "was written before it\n";
    }
    throw;
  }
  if (code != kExitSuccess) return code;
  if (cmd.ShowsFigures()) session.AddCaveat(reads, cmd);
  return session.Write();
}

}  // namespace allot::cli
