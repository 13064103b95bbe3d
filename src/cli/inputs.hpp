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
  std::vector<Scenario> scenarios;  // in the order given, then the bases they need
  std::vector<std::string> files;   // every file read, as named
  std::string model_file;           // the file the model came from
  // When scenarios were named by id: the ids to show, in the order given
  // (files given by path count too; bases pulled in for them do not).
  // Empty: show every scenario.
  std::vector<std::string> shown;
};

// Expands directories to their *.yaml / *.yml files (sorted by name); with
// no arguments, uses the shipped model/ and scenarios/ from the first of
// context.data_dirs that has them. Loads every file, collecting all
// diagnostics. Scenarios given without a model are read against the
// shipped model.
//
// An argument that is not an existing path and looks like an id (no '/',
// no .yaml) names a scenario by id: it is looked up among the scenario
// files given, then in the scenarios/ directory beside the model's
// directory (the shipped scenarios/ for the shipped model), and the bases
// it needs come with it; `shown` then lists what was named. Returns false
// with `usage_error` set when the arguments cannot work (no such path, two
// models, no shipped data found, an unknown or ambiguous id).
// Whether `arg` names a scenario by id rather than a path (see LoadInputs).
bool NamesScenarioById(const std::string& arg);

bool LoadInputs(const std::vector<std::string>& args, const CliContext& context,
                const LoadLimits& limits, Inputs& inputs, Diagnostics& diags,
                std::string& usage_error);

}  // namespace allot::cli
