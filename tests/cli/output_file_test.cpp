// Never lose a file: WriteFileAtomically against a full disk, a read-only
// directory, a missing directory, a device, a writer killed mid-write and
// two writers racing for the same path.
#include "cli/output_file.hpp"

#include <sched.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using allot::cli::WriteFileAtomically;
using allot::testing::TempDir;

// Files in `dir` other than `keep`.
int OtherFiles(const std::string& dir, const std::string& keep) {
  int n = 0;
  for (const auto& entry : fs::directory_iterator(dir)) n += entry.path().filename() != keep;
  return n;
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Runs `body` in a child with its own mount namespace and a small tmpfs on
// `dir`; returns the child's exit status, 77 when mounting is not allowed.
template <typename Body>
int InTmpfs(const std::string& dir, const char* options, Body body) {
  pid_t pid = ::fork();
  if (pid == 0) {
    if (::unshare(CLONE_NEWNS) != 0 ||
        ::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0 ||
        ::mount("tmpfs", dir.c_str(), "tmpfs", 0, options) != 0) {
      ::_exit(77);
    }
    ::_exit(body());
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 100;
}

}  // namespace

TEST_CASE("an output to /dev/full or another non-regular file is refused", "[files]") {
  std::string error;
  CHECK_FALSE(WriteFileAtomically("/dev/full", "data", error));
  CHECK(error.find("'/dev/full' is not a regular file") == 0);
  TempDir dir;
  error.clear();
  CHECK_FALSE(WriteFileAtomically(dir.path(), "data", error));  // a directory
  CHECK(error.find("is not a regular file") != std::string::npos);
  CHECK(OtherFiles(dir.path(), "") == 0);
}

TEST_CASE("a missing directory is an error and creates nothing", "[files]") {
  TempDir dir;
  std::string error;
  CHECK_FALSE(WriteFileAtomically(dir.path() + "/missing/out.txt", "data", error));
  CHECK(error == "cannot create a file in '" + dir.path() + "/missing': No such file or directory");
  CHECK(OtherFiles(dir.path(), "") == 0);
}

TEST_CASE("a full disk leaves the old file intact and no temporary behind", "[files]") {
  TempDir dir;
  int status = InTmpfs(dir.path(), "size=64k", [&] {
    std::string path = dir.path() + "/out.txt";
    std::ofstream(path) << "old";
    std::string error;
    bool written = WriteFileAtomically(path, std::string(1 << 20, 'x'), error);
    bool intact = Slurp(path) == "old";
    bool clean = OtherFiles(dir.path(), "out.txt") == 0;
    bool said = error == "cannot write '" + path + "': No space left on device";
    return !written && intact && clean && said ? 0 : 1;
  });
  if (status == 77) WARN("cannot mount a tmpfs here (no CAP_SYS_ADMIN); not tested");
  CHECK((status == 0 || status == 77));
}

TEST_CASE("a read-only directory leaves the old file intact", "[files]") {
  // Root ignores permission bits, so the directory is a read-only mount.
  TempDir dir;
  int status = InTmpfs(dir.path(), "size=64k", [&] {
    std::string path = dir.path() + "/out.txt";
    std::ofstream(path) << "old";
    if (::mount(nullptr, dir.path().c_str(), nullptr, MS_REMOUNT | MS_RDONLY, nullptr) != 0) {
      return 77;
    }
    std::string error;
    bool written = WriteFileAtomically(path, "new", error);
    bool said = error == "cannot create a file in '" + dir.path() + "': Read-only file system";
    return !written && Slurp(path) == "old" && said ? 0 : 1;
  });
  if (status == 77) WARN("cannot mount a tmpfs here (no CAP_SYS_ADMIN); not tested");
  CHECK((status == 0 || status == 77));
}

TEST_CASE("a writer killed at any moment leaves the old file or the new one, whole", "[files]") {
  TempDir dir;
  std::string path = dir.path() + "/out.txt";
  const std::string old_text(1 << 20, 'a');
  const std::string new_text(3 << 20, 'b');
  std::mt19937 random(6);  // fixed seed: the same kill times on every run
  for (int round = 0; round < 40; ++round) {
    std::ofstream(path, std::ios::trunc) << old_text;
    pid_t pid = ::fork();
    if (pid == 0) {
      std::string error;
      ::_exit(WriteFileAtomically(path, new_text, error) ? 0 : 1);
    }
    ::usleep(std::uniform_int_distribution<unsigned>(0, 20'000)(random));
    ::kill(pid, SIGKILL);
    ::waitpid(pid, nullptr, 0);
    std::string now = Slurp(path);
    INFO("round " << round << ": " << now.size() << " bytes");
    CHECK((now == old_text || now == new_text));
    // What a kill may leave: only the documented temporaries.
    for (const auto& entry : fs::directory_iterator(dir.path())) {
      std::string name = entry.path().filename().string();
      if (name == "out.txt") continue;
      CHECK(name.rfind(".out.txt.allot-", 0) == 0);
      fs::remove(entry.path());
    }
  }
}

TEST_CASE("two writers racing for one path leave one complete file, never a mix", "[files]") {
  TempDir dir;
  std::string path = dir.path() + "/out.txt";
  const std::string small(100'000, 's');
  const std::string large(2'000'000, 'L');
  std::ofstream(path) << small;
  auto writer = [&](const std::string& text) {
    pid_t pid = ::fork();
    if (pid == 0) {
      std::string error;
      for (int i = 0; i < 30; ++i) {
        if (!WriteFileAtomically(path, text, error)) ::_exit(1);
      }
      ::_exit(0);
    }
    return pid;
  };
  pid_t a = writer(small);
  pid_t b = writer(large);
  int mixes = 0;
  for (int i = 0; i < 200; ++i) {
    std::string now = Slurp(path);
    mixes += now != small && now != large;
  }
  int status_a = 0;
  int status_b = 0;
  ::waitpid(a, &status_a, 0);
  ::waitpid(b, &status_b, 0);
  CHECK(mixes == 0);
  CHECK(WEXITSTATUS(status_a) == 0);
  CHECK(WEXITSTATUS(status_b) == 0);
  std::string last = Slurp(path);
  CHECK((last == small || last == large));
  CHECK(OtherFiles(dir.path(), "out.txt") == 0);
}
