// Turning file arguments into a loaded model and scenarios (internal).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "allot/cli.hpp"
#include "allot/load.hpp"
#include "allot/model.hpp"
#include "allot/scenario.hpp"

namespace allot::cli {

struct Inputs {
  std::optional<Model> model;
  std::vector<Scenario> scenarios;  // in the order given
  std::vector<std::string> files;   // every file read, as named
  std::string model_file;           // the file the model came from
};

// Expands directories to their *.yaml / *.yml files (sorted by name); with
// no arguments, uses the shipped model/ and scenarios/ from the first of
// context.data_dirs that has them. Loads every file, collecting all
// diagnostics. Scenarios given without a model are read against the
// shipped model. Returns false with `usage_error` set when the arguments
// cannot work (no such path, two models, no shipped data found).
bool LoadInputs(const std::vector<std::string>& args, const CliContext& context,
                const LoadLimits& limits, Inputs& inputs, Diagnostics& diags,
                std::string& usage_error);

}  // namespace allot::cli
