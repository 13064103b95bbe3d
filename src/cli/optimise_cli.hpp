// Options shared by `allot optimise` and `allot frontier` (internal): the
// objective (--weights, --samples, --seed), the budget and the constraints,
// parsed into the library's types.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "allot/optimise.hpp"
#include "cli/common_options.hpp"
#include "cli/inputs.hpp"

namespace allot::cli {

struct OptimiseArgs {
  std::string weights;  // SET or a sampling spec ("uniform", "SET:KAPPA")
  int samples = 1000;
  uint64_t seed = 1;
  std::string base = kModelScenarioId;
  std::string budget;  // "2024=2000000,2025=..."
  std::string total;   // one amount, split over the years like the base
  std::vector<std::string> min, max, lock;
  std::string max_change;    // "20%" or an amount
  std::string fund_motions;  // "all" or ids
  int segments = 16;
  double time_limit = 60;
  std::string format = "table";
  std::string output;
  std::string lang = "en";
  LoadLimits limits;
};

// Adds the objective and constraint options bound to `a`.
void AddOptimiseOptions(po::options_description& options, OptimiseArgs& a, bool constraints);

// The per-objective weights and a label ("ckm", "uniform (mean of 1000
// samples, seed 1)"). Prints a usage error and returns false when invalid.
bool ParseObjective(const std::string& command, const OptimiseArgs& a, const Model& model,
                    std::vector<double>& weights, std::string& label, std::ostream& err);

// Constraints from the options against the base. Prints a usage error and
// returns false when an option cannot be read.
bool ParseConstraints(const std::string& command, const OptimiseArgs& a, const Model& model,
                      const ResolvedScenario& base, OptimiseConstraints& c, std::ostream& err);

// Loads and resolves inputs and finds the base. Prints diagnostics and
// returns false on any error.
bool LoadForOptimise(const std::string& command, const std::vector<std::string>& files,
                     const CliContext& context, const OptimiseArgs& a, Inputs& inputs,
                     std::vector<ResolvedScenario>& resolved, const ResolvedScenario*& base,
                     std::ostream& err);

// --format and --lang, worded the same in both commands.
void AddFormatOptions(po::options_description& options, OptimiseArgs& a);

// Parses --format and --lang, printing a usage error for each that is
// invalid; false if either is.
bool ParseFormatAndLang(const std::string& command, const OptimiseArgs& a,
                        std::optional<OutputFormat>& format, std::optional<Lang>& lang,
                        std::ostream& err);

// What both commands need before solving: the inputs (files named in
// `values`), the base, the objective, the constraints and the solver options.
// Keep it where it is built: `base` points into `resolved`.
struct OptimiseSetup {
  Inputs inputs;
  std::vector<ResolvedScenario> resolved;
  const ResolvedScenario* base = nullptr;
  std::string weights_label;
  OptimiseOptions options;
  OptimiseConstraints constraints;
};

// Loads and checks it all; prints what is wrong and returns false.
bool SetUpOptimise(const std::string& command, const po::variables_map& values,
                   const CliContext& context, const OptimiseArgs& a, OptimiseSetup& setup,
                   std::ostream& err);

// A usage error when --output names one of the input files.
bool OutputIsAnInput(const std::string& command, const OptimiseArgs& a, const Inputs& inputs,
                     std::ostream& err);

// Prints library diagnostics: those without a file position as
// "allot COMMAND: error: ...", the others as FILE:LINE:COL.
void PrintOptionDiagnostics(const std::string& command, const Diagnostics& diags,
                            std::ostream& err);

// "a,b,,c" -> {"a", "b", "c"}; repeated options are joined first.
std::vector<std::string> SplitAll(const std::vector<std::string>& values);

}  // namespace allot::cli
