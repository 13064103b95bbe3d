// Runs `allot check` and `allot compare` through the installed
// allot::allot_cli, as a program that embeds the command does: RunCli over
// its own streams.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "allot/cli.hpp"
#include "consumer_model.hpp"

namespace {

// Runs `allot ARGS`; true when it exits 0 and its standard output contains
// `expected`, otherwise prints what it did.
bool Succeeds(const std::vector<std::string>& args, const std::string& expected) {
  std::ostringstream out, err;
  int code = allot::RunCli(args, out, err);
  if (code == allot::kExitSuccess && out.str().find(expected) != std::string::npos) return true;
  std::cerr << "allot " << args[0] << ": exit " << code << ", expected 0 and '" << expected
            << "' in:\n"
            << out.str() << err.str();
  return false;
}

}  // namespace

int main() {
  char path[] = "/tmp/allot-consumer-XXXXXX.yaml";
  int fd = ::mkstemps(path, 5);
  if (fd < 0) return 1;
  ::close(fd);
  std::ofstream(path) << consumer::kModel;
  bool ok = Succeeds({"check", path}, "ok: 1 file (1 model, 0 scenarios)\n") &&
            // 40 x 225,000.50 / (225,000.50 + 100,000) = 27.692327 points (six decimals).
            Succeeds({"compare", path, "--format", "csv"},
                     "model,Consumer check,true,225000.50,100000.00,125000.50,27.692327,");
  std::remove(path);
  return ok ? 0 : 1;
}
