// A command that streams to standard output (batch) and then fails with an
// exception (out of memory, a bug) cannot take back what it printed: the
// error must not claim that nothing was written, and a note must say that
// standard output holds only part. With --output the file is untouched.
#include <catch2/catch.hpp>
#include <filesystem>
#include <iterator>
#include <new>
#include <sstream>
#include <string>

#include "cli/command.hpp"
#include "test_support.hpp"

namespace {

using allot::cli::Reads;
using allot::cli::RunCommand;
using allot::cli::Session;

// Writes one part and passes it on, then runs out of memory.
class FailsAfterOnePart : public allot::cli::Command {
 public:
  void Options(allot::cli::OptionList& options) override { options.Output(); }
  int Run(Session& session) override {
    if (int code = session.BeginParts(); code != allot::kExitSuccess) return code;
    session.parts() << "run 1\n";
    session.parts().flush();
    throw std::bad_alloc();
  }
};

constexpr const char* kNote =
    "allot streaming: note: the error below stopped the command; standard output holds only "
    "what was written before it\n";

}  // namespace

TEST_CASE("an exception after streamed output says standard output holds only part",
          "[cli][robust]") {
  FailsAfterOnePart command;
  std::ostringstream out, err;
  CHECK_THROWS_AS(RunCommand("streaming", "", Reads::kOwnFiles, command, {}, out, err, {}),
                  std::bad_alloc);
  CHECK(out.str() == "run 1\n");
  CHECK(err.str() == kNote);
}

TEST_CASE("an exception with --output leaves the file untouched and adds no note",
          "[cli][robust]") {
  allot::testing::TempDir dir;
  std::string path = dir.Write("out.csv", "old\n");
  FailsAfterOnePart command;
  std::ostringstream out, err;
  CHECK_THROWS_AS(
      RunCommand("streaming", "", Reads::kOwnFiles, command, {"--output", path}, out, err, {}),
      std::bad_alloc);
  CHECK(out.str().empty());
  CHECK(err.str().empty());
  CHECK(dir.Read("out.csv") == "old\n");
  // and the temporary beside it is gone
  std::filesystem::directory_iterator files(dir.path());
  CHECK(std::distance(files, std::filesystem::directory_iterator()) == 1);
}
