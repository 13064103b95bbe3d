// The subcommands of the driver (internal to src/cli/).
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "allot/cli.hpp"

namespace allot::cli {

using Args = std::vector<std::string>;

using CommandFunction = int (*)(const Args& args, std::ostream& out, std::ostream& err,
                                const CliContext& context);

int RunCompare(const Args& args, std::ostream& out, std::ostream& err, const CliContext& context);
int RunCheck(const Args& args, std::ostream& out, std::ostream& err, const CliContext& context);
int RunOptimise(const Args& args, std::ostream& out, std::ostream& err, const CliContext& context);
int RunFrontier(const Args& args, std::ostream& out, std::ostream& err, const CliContext& context);
int RunSensitivity(const Args& args, std::ostream& out, std::ostream& err,
                   const CliContext& context);
int RunMerge(const Args& args, std::ostream& out, std::ostream& err, const CliContext& context);
int RunReport(const Args& args, std::ostream& out, std::ostream& err, const CliContext& context);
int RunStability(const Args& args, std::ostream& out, std::ostream& err, const CliContext& context);
int RunWhatItTakes(const Args& args, std::ostream& out, std::ostream& err,
                   const CliContext& context);
int RunTornado(const Args& args, std::ostream& out, std::ostream& err, const CliContext& context);
int RunExplain(const Args& args, std::ostream& out, std::ostream& err, const CliContext& context);
int RunBatch(const Args& args, std::ostream& out, std::ostream& err, const CliContext& context);
int RunServe(const Args& args, std::ostream& out, std::ostream& err, const CliContext& context);
int RunLines(const Args& args, std::ostream& out, std::ostream& err, const CliContext& context);

// A subcommand: its name, a one-line summary for `allot --help`, and its
// entry point. To add a command, declare its Run function above and add a
// row here.
struct Subcommand {
  const char* name;
  const char* summary;
  CommandFunction run;
};

inline constexpr Subcommand kCommands[] = {
    {"compare", "compare scenarios: money, scores and ranks per weight set", RunCompare},
    {"check", "validate model and scenario files; report every error", RunCheck},
    {"lines", "the model's lines: ids, names, amounts per year and what each rests on", RunLines},
    {"optimise", "the best allocation under constraints (MILP, GLPK), as a report and a scenario",
     RunOptimise},
    {"frontier", "the best score for each budget, and where each scenario sits against it",
     RunFrontier},
    {"sensitivity",
     "SMAA: how often each scenario takes each rank under uncertain weights and effects",
     RunSensitivity},
    {"merge", "add up the shards of a sensitivity run into its exact result", RunMerge},
    {"report", "write the comparison as an HTML report and/or an XLSX workbook", RunReport},
    {"stability",
     "weight stability intervals: how far each weight can move before the ranking changes",
     RunStability},
    {"what-it-takes", "the nearest weights at which scenario B catches up with scenario A",
     RunWhatItTakes},
    {"tornado", "which uncertain effect or weight moves the gap between two scenarios most",
     RunTornado},
    {"explain", "attribute the score difference of two scenarios to lines and objectives",
     RunExplain},
    {"batch", "run the analyses listed in a RUNS.yaml file into one long CSV or JSON table",
     RunBatch},
    {"serve", "a what-if workbench in the browser: change the money, see the scores, save",
     RunServe},
};

}  // namespace allot::cli
