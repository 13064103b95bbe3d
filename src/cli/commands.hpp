// The subcommands of the driver (internal to src/cli/).
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "allot/cli.hpp"

namespace allot::cli {

using Args = std::vector<std::string>;

int RunCompare(const Args& args, std::ostream& out, std::ostream& err, const CliContext& context);
int RunCheck(const Args& args, std::ostream& out, std::ostream& err, const CliContext& context);

}  // namespace allot::cli
