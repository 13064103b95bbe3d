// allot tornado: which single uncertainty moves the gap between A and B most.
#include <sstream>

#include "allot/tornado.hpp"
#include "cli/analysis_cli.hpp"
#include "cli/commands.hpp"
#include "cli/common_options.hpp"

namespace allot::cli {

namespace {

constexpr const char* kHelp =
    R"(Usage: allot tornado A B [MODEL] [SCENARIO...] --weights SET [options]

Which single uncertainty moves the gap between two scenarios most? Starting
from the gap S_A - S_B under weight set SET with every effect at its likely
value, tries one factor at a time:
  - each uncertain effect parameter (written [low, likely, high]) of every
    line A or B has, at its low and at its high value, others at likely;
    a parameter of a model line moves in both scenarios at once;
  - each objective's weight 25% lower and 25% higher, then all weights
    renormalised to sum 1 (objectives with weight 0 are left out).
Shows the change in the gap at each end and the swing (the distance between
the two), largest swing first.

A and B are scenario ids ('model' is the model itself). MODEL and SCENARIO
are allot/1 files or directories, as for compare.

Examples:
  allot tornado model ckm-tegenvoorstel --weights ministry
  allot tornado model amendement-bikker -w ckm --format csv --output tornado.csv
  allot tornado model ckm-tegenvoorstel -w ckm --format md --lang nl

)";

}  // namespace

int RunTornado(const Args& args, std::ostream& out, std::ostream& err, const CliContext& context) {
  PairAnalysis analysis{"tornado", kHelp, "the weight set (required)",
                        [](const Model& model, const std::vector<ResolvedScenario>& resolved,
                           const std::string& a, const std::string& b, const std::string& weights,
                           OutputFormat format, Lang lang, Diagnostics& diags, std::ostream& text) {
                          std::optional<TornadoResult> result =
                              Tornado(model, resolved, a, b, weights, diags);
                          if (result) RenderTornado(*result, format, lang, text);
                          return result.has_value();
                        }};
  return RunPairAnalysis(analysis, args, out, err, context);
}

}  // namespace allot::cli
