// The YAML layer and file reading: limits hold before yaml-cpp builds
// anything, and files are read byte for byte or refused with a reason.
#include "load/yaml_reader.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "allot/load.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using allot::testing::Render;

// A fresh directory under the system's temporary directory, removed after.
class TempDir {
 public:
  TempDir() {
    std::random_device random;
    path_ = fs::temp_directory_path() / ("allot_loader_test_" + std::to_string(random()));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  std::string Write(const std::string& name, const std::string& bytes) const {
    std::string file = (path_ / name).string();
    std::ofstream(file, std::ios::binary) << bytes;
    return file;
  }
  std::string Path(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

// Parses `text` as file "t.yaml"; returns the rendered diagnostics.
std::string ParseErrors(const std::string& text, const allot::LoadLimits& limits) {
  auto source = std::make_shared<const allot::SourceText>(allot::SourceText{"t.yaml", text});
  allot::Diagnostics diags;
  std::optional<YAML::Node> root = allot::detail::ParseYaml(source, diags, limits);
  CHECK(root.has_value() == diags.empty());
  return Render(diags);
}

allot::LoadLimits Depth(int max_depth) {
  allot::LoadLimits limits;
  limits.max_depth = max_depth;
  return limits;
}

allot::LoadLimits Nodes(int64_t max_nodes) {
  allot::LoadLimits limits;
  limits.max_nodes = max_nodes;
  return limits;
}

}  // namespace

TEST_CASE("valid UTF-8 is text, and NUL and malformed sequences are not", "[load][yaml]") {
  using allot::detail::FindNonTextByte;
  constexpr size_t kText = std::string_view::npos;
  CHECK(FindNonTextByte("plain: ascii\n") == kText);
  CHECK(FindNonTextByte("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80") == kText);  // é € 😀
  CHECK(FindNonTextByte(std::string("ab\0c", 4)) == 2);
  CHECK(FindNonTextByte("\xC0\x80") == 0);          // overlong NUL
  CHECK(FindNonTextByte("ab\xED\xA0\x80") == 2);    // UTF-16 surrogate
  CHECK(FindNonTextByte("\xF4\x90\x80\x80") == 0);  // past U+10FFFF
  CHECK(FindNonTextByte("ok \xE2\x82") == 3);       // cut short at the end
  CHECK(FindNonTextByte("\xF5\x80\x80\x80") == 0);
  CHECK(FindNonTextByte("x\x80") == 1);  // stray continuation byte
}

TEST_CASE("yaml-cpp's 0-based marks become 1-based locations", "[load][yaml]") {
  auto source = std::make_shared<const allot::SourceText>(allot::SourceText{"f.yaml", "a: 1\n"});
  YAML::Mark start;  // line 0, column 0
  allot::SourceLocation at = allot::detail::LocationOf(source, start);
  CHECK((at.line == 1 && at.column == 1));
  allot::SourceLocation nowhere = allot::detail::LocationOf(source, YAML::Mark::null_mark());
  CHECK(nowhere.line == 0);
  allot::SourceLocation byte = allot::detail::LocationOfByte(source, 3);
  CHECK((byte.line == 1 && byte.column == 4));
}

TEST_CASE("nesting up to max_depth is accepted and one level more is not", "[load][yaml]") {
  CHECK(ParseErrors("[[[1]]]", Depth(3)).empty());
  CHECK(ParseErrors("[[[[1]]]]", Depth(3)) ==
        "t.yaml:1:4: error: nesting too deep: more than 3 levels\n  [[[[1]]]]\n     ^\n");
  CHECK(ParseErrors("a:\n  b:\n    c:\n      d: 1\n", Depth(3)) ==
        "t.yaml:4:7: error: nesting too deep: more than 3 levels\n        d: 1\n        ^\n");
}

TEST_CASE("an alias counts as every node it stands for", "[load][yaml]") {
  // 1 map + key + (list + 3) + key + alias of 4 + key + alias of 4 = 16 nodes.
  const std::string text = "a: &a [1, 2, 3]\nb: *a\nc: *a\n";
  CHECK(ParseErrors(text, Nodes(16)).empty());
  CHECK(ParseErrors(text, Nodes(15)) ==
        "t.yaml:3:4: error: document too large: more than 15 nodes with aliases expanded\n"
        "  c: *a\n"
        "     ^\n");
}

TEST_CASE("an alias is as deep as the node it stands for", "[load][yaml]") {
  CHECK(ParseErrors("- &a [1]\n- [2]\n", Depth(2)).empty());
  CHECK(ParseErrors("- &a [1]\n- [*a]\n", Depth(2)) ==
        "t.yaml:2:4: error: nesting too deep: more than 2 levels\n  - [*a]\n     ^\n");
}

TEST_CASE("yaml-cpp's own recursion guard is reported when limits allow more", "[load][yaml]") {
  std::string errors = ParseErrors(std::string(100000, '['), Depth(1000000));
  CHECK_THAT(errors, Catch::StartsWith("t.yaml:1:"));
  CHECK_THAT(errors, Catch::Contains(": error: nesting too deep for the YAML parser\n"));
}

TEST_CASE("a document of several kinds of node parses to a mapping", "[load][yaml]") {
  auto source = std::make_shared<const allot::SourceText>(
      allot::SourceText{"t.yaml", "\xEF\xBB\xBFkey: &v [1, \"two\"]\nother: *v\n"});
  allot::Diagnostics diags;
  std::optional<YAML::Node> root = allot::detail::ParseYaml(source, diags, {});
  REQUIRE(root.has_value());
  CHECK(root->IsMap());
  CHECK((*root)["other"][1].Scalar() == "two");
  CHECK((*root)["key"][1].Tag() == "!");  // quoted: how money readers spot strings
  CHECK((*root)["key"][0].Tag() == "?");
}

TEST_CASE("a 100 MB file is refused by its size before it is read", "[load][yaml][file]") {
  TempDir dir;
  std::string path = dir.Write("big.yaml", "");
  fs::resize_file(path, 100 * 1024 * 1024);
  std::string text = "left over";
  allot::Diagnostics diags;
  CHECK_FALSE(allot::ReadFileText(path, text, diags));
  CHECK(text.empty());
  CHECK(Render(diags) == path + ": error: file too large: 104857600 bytes (limit 16777216)\n");
}

TEST_CASE("a file without a size is read only up to the limit", "[load][yaml][file]") {
  if (!fs::exists("/dev/zero")) return;
  allot::LoadLimits limits;
  limits.max_file_bytes = 100000;
  std::string text;
  allot::Diagnostics diags;
  CHECK_FALSE(allot::ReadFileText("/dev/zero", text, diags, limits));
  CHECK(Render(diags) == "/dev/zero: error: file too large: over the limit of 100000 bytes\n");
}

TEST_CASE("missing files and directories are refused by name", "[load][yaml][file]") {
  TempDir dir;
  std::string text;
  allot::Diagnostics diags;
  std::string missing = dir.Path("missing.yaml");
  CHECK_FALSE(allot::ReadFileText(missing, text, diags));
  CHECK_FALSE(allot::LoadFile(dir.Path(""), diags).has_value());
  CHECK(Render(diags) == missing + ": error: cannot open file: no such file or directory\n" +
                             dir.Path("") + ": error: is a directory, not a file\n");
}

TEST_CASE("a file is read byte for byte", "[load][yaml][file]") {
  TempDir dir;
  const std::string bytes("a: 1\r\nb: \"\xC3\xA9\"\n\0tail", 18);
  std::string path = dir.Write("bytes.yaml", bytes);
  std::string text;
  allot::Diagnostics diags;
  CHECK(allot::ReadFileText(path, text, diags));
  CHECK(text == bytes);
  CHECK(diags.empty());
}

TEST_CASE("LoadFile reports errors under the file's path", "[load][yaml][file]") {
  TempDir dir;
  std::string good = dir.Write("s.yaml", "format: allot/1\nscenario: s\n");
  std::string bad = dir.Write("t.yaml", "format: allot/1\nscenario: s\nname: [x]\n");
  allot::Diagnostics diags;
  auto loaded = allot::LoadFile(good, diags);
  REQUIRE(loaded.has_value());
  CHECK(loaded->kind() == allot::FileKind::kScenario);
  CHECK_FALSE(allot::LoadFile(bad, diags).has_value());
  CHECK(Render(diags) == bad +
                             ":3:7: error: name: expected a string, got a list\n"
                             "  name: [x]\n"
                             "        ^\n");
}
