// Temporary files of an interrupted write: removed on SIGINT, SIGTERM and
// SIGHUP, each tried in a child process that the signal ends.
#include "cli/remove_on_signal.hpp"

#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>

#include "allot/cli.hpp"
#include "test_support.hpp"

namespace allot::cli {
namespace {

using testing::TempDir;

// Runs `child` in a forked process and returns its wait status. The child
// starts with the three signals at their defaults, as allot does: Catch's
// own handlers (inherited from the test runner) would report a failure.
template <typename F>
int InChild(F child) {
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    for (int signal : {SIGINT, SIGTERM, SIGHUP}) ::signal(signal, SIG_DFL);
    child();
    ::_exit(0);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  return status;
}

bool Disposition(int signal, void (*handler)(int)) {
  struct sigaction now {};
  ::sigaction(signal, nullptr, &now);
  return now.sa_handler == handler;
}

TEST_CASE("a signal during a write removes the temporary file, then ends the process",
          "[cli][robust]") {
  for (int signal : {SIGINT, SIGTERM, SIGHUP}) {
    TempDir dir;
    std::string temp = dir.Write(".out.allot-XXXXXX", "half a result");
    std::string other = dir.Write("other", "kept");
    int status = InChild([&] {
      RemoveOnSignal guard(temp);
      ::raise(signal);
    });
    INFO("signal " << signal);
    CHECK(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == signal);
    CHECK(dir.Read(".out.allot-XXXXXX") == "<missing>");
    CHECK(dir.Read("other") == "kept");
  }
}

TEST_CASE("the handlers are in place only while a guard lives, and an ignored signal stays so",
          "[cli][robust]") {
  TempDir dir;
  std::string temp = dir.Write("t", "x");
  int status = InChild([&] {
    ::signal(SIGHUP, SIG_IGN);  // as under nohup
    {
      RemoveOnSignal guard(temp);
      if (Disposition(SIGTERM, SIG_DFL) || !Disposition(SIGHUP, SIG_IGN)) ::_exit(3);
      ::raise(SIGHUP);  // ignored: the file stays
    }
    if (!Disposition(SIGTERM, SIG_DFL) || !Disposition(SIGINT, SIG_DFL)) ::_exit(4);
    ::raise(SIGTERM);  // no guard: nothing removed
  });
  CHECK(WIFSIGNALED(status));
  CHECK(WTERMSIG(status) == SIGTERM);
  CHECK(dir.Read("t") == "x");
}

// A file that reaches the size limit gets SIGXFSZ: made to send SIGTERM,
// it interrupts a write in the middle, as a user's kill would.
void TerminateOnFileLimit(int) { ::raise(SIGTERM); }

// The files in `dir`, by name.
std::vector<std::string> Names(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

TEST_CASE("SIGTERM in the middle of writing --output or --xlsx leaves no temporary behind",
          "[cli][robust][files]") {
  const CliContext shipped{{ALLOT_SOURCE_DIR}};
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"compare", "--output", "out.txt"},
        std::vector<std::string>{"report", "--xlsx", "book.xlsx"},
        // batch writes its temporary run by run, while it runs
        std::vector<std::string>{"batch", "--output", "out.csv",
                                 testing::SourcePath("tests/data/golden/runs.yaml")}}) {
    TempDir dir;
    std::string old = dir.Write(args[2], "old");
    std::vector<std::string> run = args;
    run[2] = old;
    int status = InChild([&] {
      struct rlimit limit {};
      limit.rlim_cur = limit.rlim_max = 100;  // bytes: every output here is longer
      ::setrlimit(RLIMIT_FSIZE, &limit);
      ::signal(SIGXFSZ, TerminateOnFileLimit);
      testing::RunAllot(run, shipped);
    });
    INFO(args[0]);
    CHECK(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == SIGTERM);
    CHECK(Names(dir.path()) == std::vector<std::string>{args[2]});
    CHECK(dir.Read(args[2]) == "old");
  }
}

}  // namespace
}  // namespace allot::cli
