// The red-team corpus (issue 13, item 9): every input under
// tests/data/adversarial/ is run through the command line and must end as
// its sibling NAME.expect says, to the exit code and the byte of the message.
// Adding a file and its .expect adds a case; tests/data/adversarial/README.md
// describes the format.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;

// What NAME.expect says about NAME.
struct Expectation {
  bool has_args = false;
  std::string args;  // the `args:` line; an .args input holds its own
  int exit = -1;
  std::vector<std::string> stdout_contains;
  std::vector<std::string> stdout_lacks;
  bool has_stderr = false;
  std::string stderr_text;  // everything after the `stderr:` line, exactly
};

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// \n, \t, \\ and \xHH in the one-line values of an .expect file.
std::string Unescape(const std::string& text) {
  std::string result;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\' || i + 1 == text.size()) {
      result += text[i];
      continue;
    }
    char c = text[++i];
    if (c == 'n') {
      result += '\n';
    } else if (c == 't') {
      result += '\t';
    } else if (c == 'x' && i + 2 < text.size()) {
      result += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      result += c;
    }
  }
  return result;
}

Expectation ReadExpectation(const fs::path& path) {
  Expectation e;
  std::string text = ReadFile(path);
  size_t at = 0;
  while (at < text.size()) {
    size_t end = text.find('\n', at);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(at, end - at);
    at = end + 1;
    auto value = [&](const std::string& key) { return Unescape(line.substr(key.size())); };
    if (line.empty() || line[0] == '#') continue;
    if (line.rfind("args: ", 0) == 0) {
      e.has_args = true;
      e.args = line.substr(6);
    } else if (line.rfind("exit: ", 0) == 0) {
      e.exit = std::stoi(line.substr(6));
    } else if (line.rfind("stdout-contains: ", 0) == 0) {
      e.stdout_contains.push_back(value("stdout-contains: "));
    } else if (line.rfind("stdout-lacks: ", 0) == 0) {
      e.stdout_lacks.push_back(value("stdout-lacks: "));
    } else if (line == "stderr:") {
      e.has_stderr = true;
      e.stderr_text = at < text.size() ? text.substr(at) : "";
      break;
    } else {
      FAIL(path.string() << ": unknown line in an .expect file: " << line);
    }
  }
  return e;
}

// The inputs of the corpus: every file but the .expect files and READMEs.
std::vector<fs::path> Inputs(const fs::path& root) {
  std::vector<fs::path> inputs;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    fs::path path = entry.path();
    if (entry.is_regular_file() && path.extension() != ".expect" && path.extension() != ".md") {
      inputs.push_back(path);
    }
  }
  std::sort(inputs.begin(), inputs.end());
  return inputs;
}

std::vector<std::string> Split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::istringstream in(text);
  for (std::string part; std::getline(in, part, separator);) {
    if (!part.empty()) parts.push_back(part);
  }
  return parts;
}

// The arguments of a case: $INPUT is the input, $OUT the case's own empty
// directory, and a path that names a file of the corpus (base/model.yaml)
// is that file.
std::vector<std::string> Arguments(const fs::path& root, const fs::path& input,
                                   const Expectation& e, const std::string& out) {
  std::vector<std::string> words =
      input.extension() == ".args" ? Split(ReadFile(input), '\n') : Split(e.args, ' ');
  for (std::string& word : words) {
    if (word == "$INPUT") {
      word = input.string();
    } else if (word.rfind("$OUT", 0) == 0) {
      word = out + word.substr(4);
    } else if (word.find('/') != std::string::npos && fs::exists(root / word)) {
      word = (root / word).string();
    }
  }
  return words;
}

// `text` with every `from` replaced by `to`.
std::string ReplaceAll(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

// Path, size and contents of every file under `root`.
std::map<std::string, std::string> Snapshot(const fs::path& root) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) files[entry.path().string()] = ReadFile(entry.path());
  }
  return files;
}

const fs::path kRoot = fs::path(ALLOT_TEST_DATA_DIR) / "adversarial";

TEST_CASE("every input of the adversarial corpus ends as its .expect file says",
          "[cli][robust][adversarial]") {
  std::map<std::string, std::string> before = Snapshot(kRoot);
  std::vector<fs::path> inputs = Inputs(kRoot);
  // A corpus that the glob no longer finds must not pass as empty.
  CHECK(inputs.size() >= 60);
  for (const fs::path& input : inputs) {
    std::string name = fs::relative(input, kRoot).string();
    INFO("case " << name);
    fs::path expect_path = fs::path(input).replace_extension(".expect");
    if (!fs::exists(expect_path)) {
      FAIL_CHECK("no " << expect_path.filename().string() << " beside the input");
      continue;
    }
    Expectation e = ReadExpectation(expect_path);
    CHECK(e.has_args == (input.extension() != ".args"));
    if (e.exit < 0 || !e.has_stderr) {
      FAIL_CHECK("the .expect file needs an 'exit:' and a 'stderr:' line");
      continue;
    }
    allot::testing::TempDir out;
    std::vector<std::string> args = Arguments(kRoot, input, e, out.path());
    allot::testing::CliRun run = allot::testing::RunAllot(args);
    // Messages name the files as the .expect does: relative to the corpus.
    auto relative = [&](const std::string& text) {
      return ReplaceAll(ReplaceAll(text, kRoot.string() + "/", ""), out.path(), "$OUT");
    };
    std::string out_text = relative(run.out);
    CHECK(run.code == e.exit);
    CHECK(relative(run.err) == e.stderr_text);
    for (const std::string& text : e.stdout_contains) CHECK_THAT(out_text, Catch::Contains(text));
    for (const std::string& text : e.stdout_lacks) CHECK_THAT(out_text, !Catch::Contains(text));
    // Bad input: nothing on standard output; any failure: no file written.
    if (run.code == allot::kExitBadInput) CHECK(run.out.empty());
    if (run.code != allot::kExitSuccess) CHECK(fs::is_empty(out.path()));
  }
  // No case wrote into the corpus or changed an input (--output onto one).
  CHECK(Snapshot(kRoot) == before);
}

TEST_CASE("every .expect file of the adversarial corpus has its input", "[cli][adversarial]") {
  std::vector<fs::path> inputs = Inputs(kRoot);
  for (const auto& entry : fs::recursive_directory_iterator(kRoot)) {
    if (entry.path().extension() != ".expect") continue;
    INFO(entry.path().string());
    size_t matches = std::count_if(inputs.begin(), inputs.end(), [&](const fs::path& input) {
      return fs::path(input).replace_extension(".expect") == entry.path();
    });
    CHECK(matches == 1);
  }
}

}  // namespace
