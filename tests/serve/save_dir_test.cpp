#include "serve/save_dir.hpp"

#include <catch2/catch.hpp>
#include <filesystem>

#include "test_support.hpp"

using namespace allot::serve;
using allot::testing::TempDir;
namespace fs = std::filesystem;

TEST_CASE("a save name is a plain file name ending in .yaml", "[serve]") {
  for (const char* name : {"mine.yaml", "ckm-2025_v2.yml", "A.yaml", "1.yaml"}) {
    CHECK(CheckFileName(name).empty());
  }
  CHECK(CheckFileName("../x.yaml") ==
        "a file name may hold only letters, digits, '.', '_' and '-' (no folders): '../x.yaml'");
  CHECK_FALSE(CheckFileName("..").empty());
  for (const char* name : {"/tmp/x.yaml", "..%2Fx.yaml", "a/b.yaml", "a\\b.yaml", "x.yaml/",
                           "~x.yaml", "x y.yaml", "x\n.yaml", "é.yaml"}) {
    INFO(name);
    CHECK(CheckFileName(name).find("no folders") != std::string::npos);
  }
  CHECK(CheckFileName(".hidden.yaml") ==
        "a file name starts with a letter or a digit: '.hidden.yaml'");
  CHECK(CheckFileName("x.txt") == "a scenario file name ends in .yaml or .yml: 'x.txt'");
  CHECK(CheckFileName("") == "a file name has 1 to 100 characters");
  CHECK(CheckFileName(std::string(96, 'a') + ".yaml") == "a file name has 1 to 100 characters");
  CHECK(CheckFileName(std::string("x.yaml\0.txt", 11)).find("no folders") != std::string::npos);
}

TEST_CASE("a save writes a new file whole and never replaces one unasked", "[serve]") {
  TempDir dir;
  std::string error;
  std::unique_ptr<SaveDir> saves = SaveDir::Open(dir.path(), error);
  REQUIRE(saves);
  CHECK(saves->path() == fs::canonical(dir.path()).string());
  CHECK(saves->Write("new.yaml", "one\n", false).outcome == SaveDir::Outcome::kWritten);
  CHECK(dir.Read("new.yaml") == "one\n");
  CHECK(saves->Write("new.yaml", "two\n", false).outcome == SaveDir::Outcome::kExists);
  CHECK(dir.Read("new.yaml") == "one\n");
  CHECK(saves->Write("new.yaml", "three\n", true).outcome == SaveDir::Outcome::kWritten);
  CHECK(dir.Read("new.yaml") == "three\n");
  // Nothing but the file itself is left behind.
  size_t entries = 0;
  for (const auto& entry : fs::directory_iterator(dir.path())) entries += entry.exists() ? 1 : 0;
  CHECK(entries == 1);
}

TEST_CASE("a save never goes through a link or over a folder", "[serve]") {
  TempDir dir, outside;
  fs::create_directory(dir.path() + "/saves");
  std::string target = outside.Write("target.yaml", "outside\n");
  fs::create_symlink(target, dir.path() + "/saves/link.yaml");
  fs::create_directory(dir.path() + "/saves/folder.yaml");
  std::string error;
  std::unique_ptr<SaveDir> saves = SaveDir::Open(dir.path() + "/saves", error);
  REQUIRE(saves);
  for (bool overwrite : {false, true}) {
    SaveDir::Result link = saves->Write("link.yaml", "inside\n", overwrite);
    CHECK(link.outcome == SaveDir::Outcome::kRefused);
    CHECK(link.message ==
          "'link.yaml' exists and is not a plain file (a link or a folder): it is not replaced");
    CHECK(saves->Write("folder.yaml", "inside\n", overwrite).outcome == SaveDir::Outcome::kRefused);
  }
  CHECK(outside.Read("target.yaml") == "outside\n");
  CHECK(fs::is_symlink(dir.path() + "/saves/link.yaml"));
  CHECK(saves->Write("../escape.yaml", "x", true).outcome == SaveDir::Outcome::kRefused);
  CHECK_FALSE(fs::exists(dir.path() + "/escape.yaml"));
}

TEST_CASE("the save directory must exist", "[serve]") {
  TempDir dir;
  std::string error;
  CHECK_FALSE(SaveDir::Open(dir.path() + "/missing", error));
  CHECK(error.find("cannot be opened as a directory") != std::string::npos);
  std::string file = dir.Write("file.yaml", "x");
  CHECK_FALSE(SaveDir::Open(file, error));
}
