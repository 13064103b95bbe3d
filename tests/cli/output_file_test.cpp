// Never lose a file: WriteFileAtomically against a full disk, a read-only
// directory, a missing directory, a device, a writer killed mid-write and
// two writers racing for the same path. Never lose output silently: standard
// output that does not take the result (a failing stream, a full disk) is
// an error, exit 1. (tests/cli/standard_output_test.sh checks /dev/full and
// a closed stdout from outside.)
#include "cli/output_file.hpp"

#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>

#include "allot/cli.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using allot::cli::WriteFileAtomically;
using allot::cli::WriteStandardOutput;
using allot::testing::TempDir;

// A stream buffer that takes the first `room` characters, then refuses the
// rest, as a pipe or disk that fills up does.
class FillingBuffer : public std::streambuf {
 public:
  explicit FillingBuffer(size_t room) : room_(room) {}
  const std::string& taken() const { return taken_; }

 protected:
  int_type overflow(int_type c) override {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    if (taken_.size() >= room_) return traits_type::eof();
    taken_ += traits_type::to_char_type(c);
    return c;
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    size_t take = std::min(static_cast<size_t>(n), room_ - taken_.size());
    taken_.append(s, take);
    return static_cast<std::streamsize>(take);
  }

 private:
  size_t room_;
  std::string taken_;
};

const allot::CliContext kShipped{{ALLOT_SOURCE_DIR}};

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

// allot batch writes each run as it is done, into the temporary of
// --output: a failure after some runs have been written must still leave
// the old file as it was, and no temporary. The child's files may grow to
// `limit` bytes; past it write(2) fails with EFBIG (SIGXFSZ ignored).
TEST_CASE("batch: a write that fails after some runs leaves the old file, no temporary",
          "[files][batch]") {
  TempDir dir;
  // Ten runs over the same scenarios, so that every run writes as much.
  std::string sets = allot::testing::SourcePath("scenarios");
  for (int i = 1; i < 10; ++i) sets += ", " + allot::testing::SourcePath("scenarios");
  std::string runs =
      dir.Write("runs.yaml",
                "format: allot/1\nbatch:\n  - analysis: compare\n    scenarios: [" + sets + "]\n");
  allot::testing::CliRun whole = allot::testing::RunAllot({"batch", runs}, kShipped);
  REQUIRE(whole.code == 0);
  const size_t limit = whole.out.size() / 2;  // five runs fit, the sixth does not
  REQUIRE(whole.out.size() / 10 < limit / 4);

  std::string out = dir.Write("out.csv", "old");
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::close(fds[0]);
    struct rlimit file_size {};
    file_size.rlim_cur = file_size.rlim_max = limit;
    ::setrlimit(RLIMIT_FSIZE, &file_size);
    ::signal(SIGXFSZ, SIG_IGN);
    allot::testing::CliRun run =
        allot::testing::RunAllot({"batch", runs, "--output", out}, kShipped);
    std::string report = std::to_string(run.code) + "\n" + run.err;
    ssize_t ignored = ::write(fds[1], report.data(), report.size());
    (void)ignored;
    ::_exit(0);
  }
  ::close(fds[1]);
  std::string report;
  char buffer[4096];
  for (ssize_t got; (got = ::read(fds[0], buffer, sizeof buffer)) > 0;) {
    report.append(buffer, static_cast<size_t>(got));
  }
  ::close(fds[0]);
  ::waitpid(pid, nullptr, 0);
  CHECK(report == "1\nallot batch: error: cannot write '" + out + "': File too large\n");
  CHECK(Slurp(out) == "old");
  CHECK(OtherFiles(dir.path(), "out.csv") == 1);  // runs.yaml only
}

TEST_CASE("standard output that refuses the text is a failure with the reason", "[files]") {
  std::string reason;
  std::ostringstream fine;
  CHECK(WriteStandardOutput(fine, "text\n", reason));
  CHECK(fine.str() == "text\n");
  FillingBuffer buffer(3);
  std::ostream full(&buffer);
  CHECK_FALSE(WriteStandardOutput(full, "text\n", reason));
  CHECK(reason == "the stream refused the output");
}

TEST_CASE("every command's output to a stream that fills up: exit 1 and why", "[files][cli]") {
  const std::vector<std::vector<std::string>> commands = {
      {"compare", "--format", "json"},
      {"check"},
      {"stability"},
      {"compare", "--help"},
      {"batch", allot::testing::SourcePath("tests/data/golden/runs.yaml")}};  // written in parts
  for (const std::vector<std::string>& args : commands) {
    for (size_t room : {size_t{0}, size_t{20}}) {  // nothing, or part of it
      INFO(args[0] << (args.size() > 1 ? " " + args[1] : "") << ", room " << room);
      FillingBuffer buffer(room);
      std::ostream out(&buffer);
      std::ostringstream err;
      CHECK(allot::RunCli(args, out, err, kShipped) == allot::kExitFailure);
      CHECK(err.str() == "allot " + args[0] +
                             ": error: writing standard output: the stream refused the output\n");
    }
  }
  for (const char* top : {"--help", "--version"}) {
    FillingBuffer buffer(5);
    std::ostream out(&buffer);
    std::ostringstream err;
    CHECK(allot::RunCli({top}, out, err, kShipped) == allot::kExitFailure);
    CHECK(err.str() == "allot: error: writing standard output: the stream refused the output\n");
  }
}

TEST_CASE("standard output on a full disk: exit 1 and 'No space left on device'", "[files][cli]") {
  // The JSON of the shipped model is far larger than one 4 KiB page of tmpfs.
  TempDir dir;
  int status = InTmpfs(dir.path(), "size=4k", [&] {
    std::string path = dir.path() + "/result.json";
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0 || ::dup2(fd, STDOUT_FILENO) < 0) return 2;
    std::ostringstream err;
    int code = allot::RunCli({"compare", "--format", "json"}, std::cout, err, kShipped);
    bool said =
        err.str() == "allot compare: error: writing standard output: No space left on device\n";
    return code == allot::kExitFailure && said ? 0 : 1;
  });
  if (status == 77) WARN("cannot mount a tmpfs here (no CAP_SYS_ADMIN); not tested");
  CHECK((status == 0 || status == 77));
}
