// The options `allot optimise` and `allot frontier` share (internal): the
// objective (--weights, --samples, --seed), the base, the budget and the
// constraints, read into the library's types.
#pragma once

#include <string>
#include <vector>

#include "allot/optimise.hpp"
#include "cli/command.hpp"

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
  double time_limit = 60;  // seconds, the whole command
  double tolerance = 0.01;
  std::string motion_minimum = "10000";
};

// Declares the objective and constraint options, bound to `a`.
void AddOptimiseOptions(OptionList& options, OptimiseArgs& a);

// The most draws of a sampling spec --samples may ask for.
constexpr int kMaxOptimiseSamples = 1'000'000;

// The checks of these options that need no model (Command::Check): a
// --samples outside 1 to kMaxOptimiseSamples is refused even when --weights
// names a plain set and nothing is drawn, so a typo never passes silently.
void CheckOptimiseArgs(const OptimiseArgs& a, std::vector<std::string>& problems);

// What both commands need before solving. `base` points into the resolved
// scenarios it was set up from.
struct OptimiseSetup {
  const ResolvedScenario* base = nullptr;
  std::string weights_label;  // "ckm", "uniform (mean of 1000 samples, seed 1)"
  OptimiseOptions options;
  OptimiseConstraints constraints;
};

// Finds the base and reads the objective and the constraints against the
// model, and starts the command's one deadline (--time-limit from now).
// False with `problem` set (a usage error) when an option cannot be read.
bool SetUpOptimise(const OptimiseArgs& a, const Model& model,
                   const std::vector<ResolvedScenario>& resolved, OptimiseSetup& setup,
                   std::string& problem);

// The default largest budget of a frontier: 1.5 x the largest scenario total.
Money DefaultFrontierTo(const std::vector<ResolvedScenario>& resolved);

}  // namespace allot::cli
