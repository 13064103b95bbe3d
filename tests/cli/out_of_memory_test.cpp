// Running out of memory is a clear error of the command (exit 1, nothing
// written), not a crash or an input error. The run happens in a child
// process whose address space is capped with RLIMIT_AS, so that the test
// process itself never runs short.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <string>

#include "test_support.hpp"

#if defined(__SANITIZE_ADDRESS__)
#define ALLOT_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ALLOT_UNDER_ASAN 1
#endif
#endif

// Under ASan the test below only says why it does not run: its helpers are
// then unused (-Werror=unused-function), so they are left out with it.
#ifndef ALLOT_UNDER_ASAN
namespace {

// The process's address space now, in bytes (/proc/self/statm, first field).
long AddressSpace() {
  long pages = 0;
  std::ifstream("/proc/self/statm") >> pages;
  return pages * sysconf(_SC_PAGESIZE);
}

// Runs `allot ARGS` in a child whose address space may grow by `headroom`
// bytes; returns the exit code and standard error, "<crashed>" when the
// child died of a signal.
allot::testing::CliRun RunCapped(const std::vector<std::string>& args, long headroom) {
  int pipe_fds[2];
  REQUIRE(pipe(pipe_fds) == 0);
  std::fflush(nullptr);
  pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    close(pipe_fds[0]);
    rlimit limit{};
    limit.rlim_cur = limit.rlim_max = static_cast<rlim_t>(AddressSpace() + headroom);
    setrlimit(RLIMIT_AS, &limit);
    allot::testing::CliRun run = allot::testing::RunAllot(args);
    std::string report = std::to_string(run.code) + "\n" + run.out.substr(0, 1) + "\n" + run.err;
    ssize_t ignored = write(pipe_fds[1], report.data(), report.size());
    (void)ignored;
    _exit(0);
  }
  close(pipe_fds[1]);
  std::string report;
  char buffer[4096];
  ssize_t got = 0;
  while ((got = read(pipe_fds[0], buffer, sizeof buffer)) > 0) {
    report.append(buffer, static_cast<size_t>(got));
  }
  close(pipe_fds[0]);
  int status = 0;
  waitpid(child, &status, 0);
  if (!WIFEXITED(status) || report.empty()) return {-1, "", "<crashed>"};
  size_t first = report.find('\n'), second = report.find('\n', first + 1);
  return {std::stoi(report.substr(0, first)), report.substr(first + 1, second - first - 1),
          report.substr(second + 1)};
}

}  // namespace
#endif  // ALLOT_UNDER_ASAN

TEST_CASE("out of memory while loading is exit 1 with a clear message, nothing written",
          "[cli][robust]") {
#ifdef ALLOT_UNDER_ASAN
  SUCCEED("AddressSanitizer aborts instead of throwing std::bad_alloc under RLIMIT_AS");
#else
  // A 1 MiB title named by 2,000 lines: 2 GiB of names once loaded, allowed
  // here by raising --max-expanded-size; the child has 256 MiB to spare.
  allot::testing::TempDir dir;
  std::string text = "format: allot/1\ntitle: &t " + std::string(1 << 20, 'x') +
                     "\nyears: [2024]\nobjectives: [{id: a, name: A}]\n"
                     "weights: {even: {a: 1}}\nlines:\n";
  for (int i = 0; i < 2000; ++i) {
    text += "  - {id: l" + std::to_string(i) + ", name: *t, budget: {2024: 1}}\n";
  }
  std::string model = dir.Write("model.yaml", text);
  std::string output = dir.path() + "/out.json";
  allot::testing::CliRun run = RunCapped({"compare", model, "--max-expanded-size", "4000000000",
                                          "--format", "json", "--output", output},
                                         256L << 20);
  CHECK(run.code == 1);
  CHECK(run.out.empty());
  CHECK(run.err ==
        "allot compare: error: out of memory: the inputs need more memory than is available; "
        "no file was written (docs/limits.md gives what each command needs)\n");
  CHECK(dir.Read("out.json") == "<missing>");
#endif
}
