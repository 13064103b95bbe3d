// allot serve's command line: everything that is checked before the server
// starts (the server itself is tested from outside, tests/serve/*.py).
#include <catch2/catch.hpp>

#include "allot/cli.hpp"
#include "test_support.hpp"

using allot::testing::SourcePath;
using allot::testing::TempDir;

namespace {

allot::testing::CliRun Serve(std::vector<std::string> args) {
  args.insert(args.begin(), "serve");
  return allot::testing::RunAllot(args, allot::CliContext{{SourcePath("")}});
}

}  // namespace

TEST_CASE("serve --help explains the workbench, its files and its security", "[cli][serve]") {
  allot::testing::CliRun help = Serve({"--help"});
  CHECK(help.code == 0);
  for (const char* part : {"Usage: allot serve [MODEL] [SCENARIO...]", "--port", "--dir", "--bind",
                           "--allow-host", "--max-rate", "--max-body", "127.0.0.1", "without login",
                           "allot check", "budget-neutral"}) {
    INFO(part);
    CHECK(help.out.find(part) != std::string::npos);
  }
  CHECK(allot::testing::RunAllot({"--help"}).out.find("serve") != std::string::npos);
}

TEST_CASE("serve refuses bad options before it starts", "[cli][serve]") {
  TempDir dir;
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  const Case cases[] = {
      {{"--port", "70000"}, "allot serve: error: --port must be from 0 to 65535\n"},
      {{"--port", "-1"}, "allot serve: error: --port must be from 0 to 65535\n"},
      {{"--max-rate", "-1"},
       "allot serve: error: --max-rate must be from 0 (no limit) to 1000000\n"},
      {{"--max-body", "10"},
       "allot serve: error: --max-body must be from 1024 to 1073741824 bytes\n"},
      {{"--smaa-samples", "0"}, "allot serve: error: --smaa-samples must be from 1 to 1000000\n"},
      {{"--dir", dir.path() + "/missing"},
       "allot serve: error: --dir '" + dir.path() +
           "/missing' cannot be opened as a directory: No "
           "such file or directory\n"},
      {{"--colour"}, "allot serve: error: unrecognised option '--colour'\n"},
  };
  for (const Case& c : cases) {
    allot::testing::CliRun run = Serve(c.args);
    INFO(c.args[0]);
    CHECK(run.code == 2);
    CHECK(run.out.empty());
    CHECK(run.err.rfind(c.message, 0) == 0);
  }
}

TEST_CASE("serve refuses input files with errors, as compare does", "[cli][serve]") {
  TempDir dir;
  std::string bad = dir.Write("bad.yaml", "format: allot/1\nscenario: bad\nbudjet: neutral\n");
  allot::testing::CliRun run = Serve({SourcePath("model"), bad, "--dir", dir.path()});
  CHECK(run.code == 2);
  CHECK(run.out.empty());
  CHECK(run.err.find("bad.yaml:3:1: error: budjet: unknown key (did you mean 'budget'?)") !=
        std::string::npos);
}
