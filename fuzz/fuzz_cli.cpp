// Fuzzes the command line: RunCli in-process with fuzzed arguments, one per
// line of the input (at most 32). It runs in a private temporary directory
// holding copies of the shipped model and scenarios (as model/, scenarios/
// and the short names m.yaml, a.yaml, b.yaml), which is also the data
// directory. Arguments containing '/' or ".." are skipped, so every path a
// command can name - and so every --output - is inside that directory;
// after each run the directory is put back as it was. `allot serve` is left
// out: it would serve until stopped.
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "allot/cli.hpp"
#include "fuzz_checks.hpp"
#include "fuzz_targets.hpp"

namespace {

namespace fs = std::filesystem;

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void WriteAll(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

// The files the sandbox starts with, relative to it.
std::map<std::string, std::string>& Snapshot() {
  static std::map<std::string, std::string> files;
  return files;
}

// Puts the sandbox back: removes what a run created at its top level and
// restores any starting file that changed.
void RestoreSandbox() {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(".")) {
    std::string name = entry.path().filename().string();
    if (name != "model" && name != "scenarios" && Snapshot().count(name) == 0) {
      fs::remove_all(entry.path(), ec);
    }
  }
  for (const auto& [name, text] : Snapshot()) {
    if (fs::file_size(name, ec) != text.size() || ec || ReadAll(name) != text) WriteAll(name, text);
  }
}

}  // namespace

void allot::fuzz::MakeCliSandbox(const std::string& dir) {
  fs::path source = ALLOT_SOURCE_DATA_DIR;
  std::map<std::string, std::string>& files = Snapshot();
  files["model/samen-tegen-mensenhandel.yaml"] =
      ReadAll(source / "model/samen-tegen-mensenhandel.yaml");
  files["m.yaml"] = files["model/samen-tegen-mensenhandel.yaml"];
  files["a.yaml"] = ReadAll(source / "scenarios/herverdeling-ckm.yaml");
  files["b.yaml"] = ReadAll(source / "scenarios/amendement-bikker.yaml");
  files["bad.yaml"] = "format: allot/1\nscenario: x\nchanges: [{line: nope, set: 1}]\n";
  for (const auto& entry : fs::directory_iterator(source / "scenarios")) {
    files["scenarios/" + entry.path().filename().string()] = ReadAll(entry.path());
  }
  fs::create_directory(fs::path(dir) / "model");
  fs::create_directory(fs::path(dir) / "scenarios");
  for (const auto& [name, text] : files) WriteAll(fs::path(dir) / name, text);
}

void allot::fuzz::FuzzCli(const std::string& input) {
  constexpr size_t kMaxArgs = 32;
  std::vector<std::string> args;
  std::istringstream lines(input);
  for (std::string arg; args.size() < kMaxArgs && std::getline(lines, arg);) {
    if (arg.find('/') != std::string::npos || arg.find("..") != std::string::npos) return;
    args.push_back(arg);
  }
  // `serve` answers HTTP requests until it is stopped, so a run would never
  // return; its options are checked before it starts, in
  // tests/cli/serve_cli_test.cpp, and its requests by tests/serve/.
  if (!args.empty() && args[0] == "serve") return;
  std::ostringstream out;
  std::ostringstream err;
  int code = allot::RunCli(args, out, err, allot::CliContext{{"."}});
  RestoreSandbox();
  if (code != allot::kExitSuccess && code != allot::kExitFailure && code != allot::kExitBadInput) {
    allot::fuzz::Fail("exit code " + std::to_string(code));
  }
  if (code == allot::kExitBadInput && !out.str().empty()) {
    allot::fuzz::Fail("exit code 2 with output on stdout");
  }
  if (code != allot::kExitSuccess && err.str().empty()) {
    allot::fuzz::Fail("failure without a message");
  }
}

#ifndef ALLOT_FUZZ_REPLAY
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  std::string dir = (fs::temp_directory_path() / "allot-fuzz-cli-XXXXXX").string();
  if (::mkdtemp(dir.data()) == nullptr) allot::fuzz::Fail("cannot make the sandbox");
  allot::fuzz::MakeCliSandbox(dir);
  if (::chdir(dir.c_str()) != 0) allot::fuzz::Fail("cannot enter the sandbox");
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  allot::fuzz::FuzzCli(std::string(reinterpret_cast<const char*>(data), size));
  return 0;
}
#endif
