// The allot executable: finds the shipped data, then hands over to RunCli.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "allot/cli.hpp"

namespace {

// Where the shipped model/ and scenarios/ may be, in order: the current
// directory, the install prefix next to this executable, the source tree
// this binary was built from.
std::vector<std::string> DataDirs() {
  std::vector<std::string> dirs = {"."};
  std::error_code ec;
  std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) dirs.push_back((exe.parent_path().parent_path() / ALLOT_INSTALL_DATADIR).string());
  dirs.push_back(ALLOT_SOURCE_DATA_DIR);
  return dirs;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  allot::CliContext context(DataDirs());
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) context.source_date_epoch = epoch;
  return allot::RunCli(args, std::cout, std::cerr, context);
}
