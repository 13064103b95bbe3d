#include "allot/batch.hpp"

#include <catch2/catch.hpp>

#include "allot/cli.hpp"
#include "test_support.hpp"

using namespace allot;
using allot::testing::kSmallModel;
using allot::testing::Render;
using allot::testing::TempDir;

namespace {

using Run = allot::testing::CliRun;

Run Cli(const std::vector<std::string>& args) { return allot::testing::RunAllot(args); }

const char* const kShift = R"(format: allot/1
scenario: shift
name: Shift
changes:
  - move: {amount: 300, from: x, to: y}
)";

}  // namespace

TEST_CASE("batch: entries expand to models x scenario sets x weights x seeds", "[batch]") {
  Diagnostics diags;
  std::optional<BatchSpec> spec = LoadBatch(R"(format: allot/1
batch:
  - analysis: sensitivity
    models: [m1.yaml, m2.yaml]
    scenarios: [a.yaml, [b.yaml, c.yaml], d/]
    weights: [uniform, even:10]
    seeds: [1, 2]
  - analysis: compare
)",
                                            "runs.yaml", diags);
  INFO(Render(diags));
  REQUIRE(spec);
  std::vector<BatchRun> runs;
  ForEachBatchRun(*spec, [&](const BatchRun& run, size_t index) {
    CHECK(index == runs.size());
    runs.push_back(run);
  });
  REQUIRE(runs.size() == 2 * 3 * 2 * 2 + 1);
  CHECK(CountBatchRuns(*spec) == runs.size());
  CHECK(runs[0].model == "m1.yaml");
  CHECK(runs[0].scenarios == std::vector<std::string>{"a.yaml"});
  CHECK(runs[0].weights == "uniform");
  CHECK(runs[1].seed == 2);
  CHECK(runs[4].scenarios == std::vector<std::string>{"b.yaml", "c.yaml"});
  CHECK(runs.back().entry == 1);
  CHECK(runs.back().model.empty());
  CHECK(runs.back().weights.empty());
}

TEST_CASE("batch: a bad RUNS.yaml gives every error at its position", "[batch]") {
  Diagnostics diags;
  CHECK_FALSE(LoadBatch(R"(format: allot/1
batch:
  - analysis: stabilty
  - analysis: compare
    samples: 10
  - analysis: tornado
    a: model
    seeds: [-1]
  - {analysis: sensitivity, effects: maybe, colour: red}
)",
                        "runs.yaml", diags));
  CHECK(
      Render(diags) ==
      "runs.yaml:3:15: error: batch[0].analysis: unknown analysis 'stabilty' (did you mean "
      "'stability'?)\n"
      "    - analysis: stabilty\n"
      "                ^\n"
      "runs.yaml:5:5: error: batch[1].samples: only sensitivity uses 'samples'\n"
      "      samples: 10\n"
      "      ^\n"
      "runs.yaml:6:5: error: batch[2]: missing required key 'b'\n"
      "    - analysis: tornado\n"
      "      ^\n"
      "runs.yaml:6:5: error: batch[2]: missing required key 'weights' (tornado needs a weight "
      "set)\n"
      "    - analysis: tornado\n"
      "      ^\n"
      "runs.yaml:8:5: error: batch[2].seeds: only sensitivity or explain uses 'seeds'\n"
      "      seeds: [-1]\n"
      "      ^\n"
      "runs.yaml:8:13: error: batch[2].seeds[0]: expected a whole number of at least 0, got '-1'\n"
      "      seeds: [-1]\n"
      "              ^\n"
      "runs.yaml:9:38: error: batch[3].effects: expected 'fixed' or 'uncertain', got 'maybe'\n"
      "    - {analysis: sensitivity, effects: maybe, colour: red}\n"
      "                                       ^\n"
      "runs.yaml:9:45: error: batch[3].colour: unknown key\n"
      "    - {analysis: sensitivity, effects: maybe, colour: red}\n"
      "                                              ^\n");
}

TEST_CASE("batch on the small model gives the expected rows", "[batch]") {
  TempDir dir;
  dir.Write("model.yaml", kSmallModel);
  dir.Write("shift.yaml", kShift);
  std::string runs = dir.Write("runs.yaml", R"(format: allot/1
batch:
  - analysis: compare
    models: [model.yaml]
    scenarios: [shift.yaml]
    weights: [even]
  - analysis: stability
    models: [model.yaml]
    scenarios: [shift.yaml]
    weights: [even]
)");
  Run r = Cli({"batch", runs});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.err.empty());  // not a terminal: no progress bar
  const std::string head =
      "run,analysis,model,scenarios,weights,seed,a,b,weight_set,item,metric,value\r\n";
  REQUIRE(r.out.rfind(head, 0) == 0);
  // model (6, 0) and shift (3, 37.5): even scores 3 and 20.25.
  for (const char* row :
       {"1,compare,model.yaml,shift.yaml,even,,,,,model,total_cents,60000\r\n",
        "1,compare,model.yaml,shift.yaml,even,,,,,shift,objective:b,37.5\r\n",
        "1,compare,model.yaml,shift.yaml,even,,,,even,model,score,3\r\n",
        "1,compare,model.yaml,shift.yaml,even,,,,even,shift,score,20.25\r\n",
        "1,compare,model.yaml,shift.yaml,even,,,,even,shift,rank,1\r\n",
        "2,stability,model.yaml,shift.yaml,even,,,,even,a,top_low,0\r\n",
        "2,stability,model.yaml,shift.yaml,even,,,,even,a,top_high,0.925925925925925"}) {
    INFO(row);
    CHECK(r.out.find(row) != std::string::npos);
  }
  // compare: 2 scenarios x (total + 2 objectives + score + rank); stability:
  // 2 ranks + 2 objectives x 5 numbers; each run: 12 counts of what its
  // figures rest on (3 each for line amounts, the model's line amounts,
  // effects and weight sets).
  size_t lines = static_cast<size_t>(std::count(r.out.begin(), r.out.end(), '\n'));
  CHECK(lines == 1 + 2 * 5 + 2 + 2 * 5 + 2 * 12);
}

TEST_CASE("batch: two pairs of one analysis are told apart by their a and b", "[batch]") {
  TempDir dir;
  dir.Write("model.yaml", kSmallModel);
  dir.Write("shift.yaml", kShift);
  std::string runs = dir.Write("runs.yaml", R"(format: allot/1
batch:
  - analysis: tornado
    models: [model.yaml]
    scenarios: [shift.yaml]
    a: model
    b: shift
    weights: [even]
  - analysis: tornado
    models: [model.yaml]
    scenarios: [shift.yaml]
    a: shift
    b: model
    weights: [even]
)");
  Run csv = Cli({"batch", runs});
  INFO(csv.err);
  REQUIRE(csv.code == 0);
  CHECK(csv.out.find("\r\n1,tornado,model.yaml,shift.yaml,even,,model,shift,even,") !=
        std::string::npos);
  CHECK(csv.out.find("\r\n2,tornado,model.yaml,shift.yaml,even,,shift,model,even,") !=
        std::string::npos);
  Run json = Cli({"batch", runs, "--format", "json"});
  CHECK(json.out.find("\"a\": \"shift\",\n      \"b\": \"model\"") != std::string::npos);
  Run nl = Cli({"batch", runs, "--format", "table", "--lang", "nl"});
  CHECK(nl.out.find("Run 1: tornado model tegen shift, model model.yaml") != std::string::npos);
  CHECK(nl.out.find("Run 2: tornado shift tegen model") != std::string::npos);
}

TEST_CASE("batch: unknown ids are reported before anything runs, nothing written", "[batch]") {
  TempDir dir;
  dir.Write("model.yaml", kSmallModel);
  std::string runs = dir.Write("runs.yaml", R"(format: allot/1
batch:
  - analysis: explain
    models: [model.yaml]
    a: modl
    b: model
    seeds: [1, 2]
)");
  Run r = Cli({"batch", runs, "--output", dir.path() + "/out.csv"});
  CHECK(r.code == 2);
  CHECK(r.out.empty());
  CHECK(
      r.err ==
      runs +
          ":5:8: error: batch[0].a: unknown scenario 'modl' in model.yaml (did you mean 'model'?)\n"
          "      a: modl\n"
          "         ^\n");
  CHECK(dir.Read("out.csv") == "<missing>");
}

TEST_CASE("batch runs sensitivity through the SMAA library", "[batch]") {
  TempDir dir;
  dir.Write("model.yaml", kSmallModel);
  dir.Write("shift.yaml", kShift);
  std::string runs = dir.Write("runs.yaml", R"(format: allot/1
batch:
  - analysis: sensitivity
    models: [model.yaml]
    scenarios: [shift.yaml]
    weights: [even]
    samples: 100
)");
  Run r = Cli({"batch", runs});
  INFO(r.err);
  REQUIRE(r.code == 0);
  // Fixed weights: shift (20.25) beats model (3) in every sample.
  CHECK(r.out.find(
            "1,sensitivity,model.yaml,shift.yaml,even,1,,,even,shift,rank1_acceptability,1\r\n") !=
        std::string::npos);
  CHECK(r.out.find(
            "1,sensitivity,model.yaml,shift.yaml,even,1,,,even,model,rank2_acceptability,1\r\n") !=
        std::string::npos);
}

TEST_CASE("batch: a sensitivity run above --max-samples is refused at its samples key", "[batch]") {
  TempDir dir;
  dir.Write("model.yaml", kSmallModel);
  std::string runs = dir.Write("runs.yaml", R"(format: allot/1
batch:
  - analysis: sensitivity
    models: [model.yaml]
    samples: 1000000000000
)");
  Run r = Cli({"batch", runs, "--output", dir.path() + "/out.csv"});
  CHECK(r.code == 2);
  CHECK(r.out.empty());
  CHECK(
      r.err ==
      runs +
          ":5:14: error: batch[0].samples: too many samples: 1000000000000 (limit 10000000; raise "
          "with --max-samples)\n"
          "      samples: 1000000000000\n"
          "               ^\n");
  CHECK(dir.Read("out.csv") == "<missing>");
  // A lower limit applies to a small run too; a limit out of range is a usage error.
  dir.Write(
      "small.yaml",
      "format: allot/1\nbatch:\n  - {analysis: sensitivity, models: [model.yaml], samples: 500}\n");
  Run low = Cli({"batch", dir.path() + "/small.yaml", "--max-samples", "100"});
  CHECK(low.code == 2);
  CHECK(low.err.find("too many samples: 500 (limit 100; raise with --max-samples)") !=
        std::string::npos);
  CHECK(Cli({"batch", dir.path() + "/small.yaml", "--max-samples", "500"}).code == 0);
  Run zero = Cli({"batch", dir.path() + "/small.yaml", "--max-samples", "0"});
  CHECK(zero.code == 2);
  CHECK(zero.err.find("--max-samples must be from 1 to 281474976710656") != std::string::npos);
}

// A RUNS.yaml of `weights` weight specs and seeds 1..`seeds`, in flow lists.
std::string ManyRuns(int weights, int seeds) {
  std::string text = "format: allot/1\nbatch:\n  - analysis: sensitivity\n    weights: [uniform";
  for (int w = 1; w < weights; ++w) text += ", uniform";
  text += "]\n    seeds: [1";
  for (int k = 2; k <= seeds; ++k) text += ", " + std::to_string(k);
  return text + "]\n";
}

TEST_CASE("batch: more runs than --max-runs are refused at the list that makes them, at once",
          "[batch][robust]") {
  // 1,000 weights x 200,000 seeds: 1.3 MB asking for 200 million runs.
  // They are counted, not made: the error comes before any run exists.
  std::string big = ManyRuns(1000, 200'000);
  Diagnostics diags;
  CHECK_FALSE(LoadBatch(big, "runs.yaml", diags));
  CHECK(Render(diags) ==
        "runs.yaml:5:5: error: batch[0].seeds: too many runs: at least 200000000 (each entry runs "
        "its models x scenario sets x weights x seeds; all entries together at most 100000; raise "
        "with --max-runs)\n");

  TempDir dir;
  dir.Write("model.yaml", kSmallModel);
  std::string runs = dir.Write("runs.yaml", big);
  Run r = Cli({"batch", runs, "--output", dir.path() + "/out.csv"});
  CHECK(r.code == 2);
  CHECK(r.out.empty());
  CHECK(r.err.find(runs + ":5:5: error: batch[0].seeds: too many runs: at least 200000000") == 0);
  CHECK(dir.Read("out.csv") == "<missing>");

  // All entries count together; the error is at the list that takes the
  // count over (here the second entry's seeds: 2 + 2 x 3 = 8 > 7), once.
  std::string two = dir.Write("two.yaml", R"(format: allot/1
batch:
  - {analysis: compare, models: [model.yaml], weights: [even, a_only]}
  - analysis: sensitivity
    models: [model.yaml]
    weights:
      - uniform
      - even
    seeds: [1, 2, 3]
  - {analysis: compare, models: [model.yaml]}
)");
  Run over = Cli({"batch", two, "--max-runs", "7"});
  CHECK(over.code == 2);
  CHECK(over.err == two +
                        ":9:5: error: batch[1].seeds: too many runs: at least 8 (each entry runs "
                        "its models x scenario sets x weights x seeds; all entries together at "
                        "most 7; raise with --max-runs)\n"
                        "      seeds: [1, 2, 3]\n"
                        "      ^\n");
  Run third = Cli({"batch", two, "--max-runs", "8"});  // the third entry's one run is the 9th
  CHECK(third.code == 2);
  CHECK(third.err.find(two + ":10:25: error: batch[2].models: too many runs: at least 9") == 0);
  Run fits = Cli({"batch", two, "--max-runs", "9"});
  INFO(fits.err);
  CHECK(fits.code == 0);
  // An entry without lists that goes over: the error is at the entry.
  LoadLimits one;
  one.max_batch_runs = 1;
  diags.clear();
  CHECK_FALSE(LoadBatch("format: allot/1\nbatch:\n  - analysis: compare\n  - analysis: compare\n",
                        "runs.yaml", diags, one));
  CHECK(Render(diags).find("runs.yaml:4:5: error: batch[1]: too many runs: at least 2 (") == 0);
  CHECK(Cli({"batch", two, "--max-runs", "0"})
            .err.find("--max-runs must be from 1 to 281474976710656") != std::string::npos);
}
