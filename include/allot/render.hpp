// Writing results for people (table, Markdown) and programs (CSV, JSON):
// one function per result. The analyses return numbers only (their own
// headers); every word and every number's text comes from here, through the
// one Table model and the language catalogue (src/render/). In every
// function `lang` sets the labels and the number and money formats of table
// and md; csv and json are for programs and do not depend on it. JSON has a
// fixed key order and no timestamps, so equal results give equal bytes.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "allot/batch.hpp"
#include "allot/compare.hpp"
#include "allot/explain.hpp"
#include "allot/frontier.hpp"
#include "allot/money.hpp"
#include "allot/optimise.hpp"
#include "allot/output_format.hpp"
#include "allot/sensitivity.hpp"
#include "allot/stability.hpp"
#include "allot/tornado.hpp"
#include "allot/uncertain_amounts.hpp"
#include "allot/what_it_takes.hpp"

namespace allot {

// Writes `result` in `format`. JSON follows DESIGN.md's core exactly.
void RenderCompare(const CompareResult& result, OutputFormat format, Lang lang, std::ostream& out);

// SMAA results (allot sensitivity, allot merge). JSON (analysis "smaa")
// has probabilities and scores rounded to six decimals.
void RenderSensitivity(const SmaaResult& result, OutputFormat format, Lang lang, std::ostream& out);

// allot sensitivity --amounts uncertain: which statements hold whatever the
// assumed amounts. JSON (analysis "smaa-amounts") has shares rounded to six
// decimals; CSV one row per statement and weighting.
void RenderUncertainAmounts(const UncertainResult& result, OutputFormat format, Lang lang,
                            std::ostream& out);

// Writes the result as table, csv (long format), json or md; `lang` sets the
// labels and number formats of table and md (csv and json are for programs).
void RenderStability(const StabilityResult& result, OutputFormat format, Lang lang,
                     std::ostream& out);

// Writes the result as table, csv, json or md; `lang` sets the labels and
// number formats of table and md (csv and json are for programs).
void RenderTornado(const TornadoResult& result, OutputFormat format, Lang lang, std::ostream& out);

// Writes the result as table, csv, json or md; `lang` sets the labels and
// number and money formats of table and md (csv and json are for programs).
void RenderExplain(const ExplainResult& result, OutputFormat format, Lang lang, std::ostream& out);

// The summary sentence in `lang`: "B catches up with A once x weighs 0.237
// instead of 0.125 ..." / "B haalt A in zodra x 0,237 weegt in plaats van
// 0,125 ...", or that B already wins or never can.
std::string OvertakeSummary(const OvertakeResult& result, Lang lang);

// Writes the result as table, csv, json or md; `lang` sets the labels,
// number formats and summary sentence of table and md (csv and json are for
// programs; the json summary is English).
void RenderOvertake(const OvertakeResult& result, OutputFormat format, Lang lang,
                    std::ostream& out);

// The optimal allocation against its base, the order of buy and the
// marginal values (allot optimise).
void RenderOptimise(const OptimiseReport& report, OutputFormat format, Lang lang,
                    std::ostream& out);

// The frontier: the best score per total budget, the scenarios placed
// against it and the core index (allot frontier).
void RenderFrontier(const FrontierReport& report, OutputFormat format, Lang lang,
                    std::ostream& out);

// Writes a batch's rows as one long table: csv (columns run, analysis,
// model, scenarios, weights, seed, a, b, weight_set, item, metric, value; a
// and b name the pair of what-it-takes, tornado and explain) or json; or,
// for people, table or md with one section per run, whose labels and
// number formats follow `lang` (csv and json do not). Written as the runs
// are done, so that no batch needs all its rows in memory: Start(), then
// Run() for every run of ForEachBatchRun(spec) in order, with the rows
// RunBatchAnalysis gave it, then End(). Only what Start..End wrote, all of
// it, is the output (json is valid only after End).
class BatchWriter {
 public:
  BatchWriter(const BatchSpec& spec, OutputFormat format, Lang lang, std::ostream& out);
  void Start();
  void Run(const BatchRun& run, size_t index, const std::vector<BatchRow>& rows);
  void End();

 private:
  const BatchSpec& spec_;
  OutputFormat format_;
  Lang lang_;
  std::ostream& out_;
  uint64_t rows_ = 0;  // json rows written so far
};

}  // namespace allot
