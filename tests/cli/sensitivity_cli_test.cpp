// allot sensitivity and allot merge, in-process: determinism across threads
// and shards (byte for byte), --precision, and every refusal.
#include <catch2/catch.hpp>

#include "allot/cli.hpp"
#include "test_support.hpp"

namespace allot {
namespace {

using testing::SourcePath;
using testing::TempDir;

using Run = allot::testing::CliRun;

Run Cli(const std::vector<std::string>& args) { return allot::testing::RunAllot(args); }

std::vector<std::string> Shipped(std::vector<std::string> args) {
  std::vector<std::string> all = {"sensitivity", SourcePath("model"), SourcePath("scenarios")};
  all.insert(all.end(), args.begin(), args.end());
  return all;
}

// allot merge PARTS... with the shipped model and scenarios as --inputs, then `more`.
std::vector<std::string> MergeShipped(const std::vector<std::string>& parts,
                                      const std::vector<std::string>& more = {}) {
  std::vector<std::string> all = {"merge", "--inputs", SourcePath("model"), "--inputs",
                                  SourcePath("scenarios")};
  all.insert(all.end(), parts.begin(), parts.end());
  all.insert(all.end(), more.begin(), more.end());
  return all;
}

TEST_CASE("sensitivity JSON is the same for any number of threads", "[sensitivity]") {
  Run one =
      Cli(Shipped({"--samples", "3001", "--seed", "11", "--format", "json", "--threads", "1"}));
  REQUIRE(one.code == 0);
  CHECK(one.out.find("\"analysis\": \"smaa\"") != std::string::npos);
  for (const char* threads : {"2", "3"}) {
    Run many = Cli(
        Shipped({"--samples", "3001", "--seed", "11", "--format", "json", "--threads", threads}));
    REQUIRE(many.code == 0);
    CHECK(many.out == one.out);
  }
  // Without --threads: the machine's cores, whatever they are here.
  Run cores = Cli(Shipped({"--samples", "3001", "--seed", "11", "--format", "json"}));
  REQUIRE(cores.code == 0);
  CHECK(cores.out == one.out);
  Run other_seed = Cli(Shipped({"--samples", "3001", "--seed", "12", "--format", "json"}));
  CHECK(other_seed.out != one.out);
}

TEST_CASE("shards 1/3, 2/3 and 3/3 merged give the single run to the byte", "[sensitivity]") {
  TempDir dir;
  std::vector<std::string> parts;
  for (const char* k : {"2", "3", "1"}) {  // any order
    std::string part = dir.path() + "/part-" + k + ".json";
    Run shard =
        Cli(Shipped({"--samples", "2500", "--seed", "5", "--weights", "ckm:order", "--shard",
                     std::string(k) + "/3", "--output", part, "--threads", "2"}));
    INFO(shard.err);
    REQUIRE(shard.code == 0);
    CHECK(shard.out.empty());
    parts.push_back(part);
  }
  Run single = Cli(
      Shipped({"--samples", "2500", "--seed", "5", "--weights", "ckm:order", "--format", "json"}));
  Run merged = Cli(MergeShipped(parts, {"--format", "json", "--threads", "3"}));
  INFO(merged.err);
  REQUIRE(merged.code == 0);
  CHECK(merged.out == single.out);
  // The table of the merge is the table of the single run too, less the line
  // on what the figures rest on: merge reads no model to count it from.
  std::string table =
      Cli(Shipped({"--samples", "2500", "--seed", "5", "--weights", "ckm:order"})).out;
  size_t caveat = table.rfind("\nWhat this rests on: ");
  REQUIRE(caveat != std::string::npos);
  CHECK(Cli(MergeShipped(parts)).out == table.substr(0, caveat));
}

TEST_CASE("merge refuses parts that do not belong together", "[sensitivity]") {
  TempDir dir;
  auto shard = [&](const std::string& name, const std::string& k, const std::string& seed) {
    std::string path = dir.path() + "/" + name;
    REQUIRE(
        Cli(Shipped({"--samples", "900", "--seed", seed, "--shard", k, "--output", path})).code ==
        0);
    return path;
  };
  std::string p1 = shard("p1.json", "1/2", "1"), p2 = shard("p2.json", "2/2", "1");
  std::string q2 = shard("q2.json", "2/2", "2");
  SECTION("another seed") {
    Run r = Cli({"merge", p1, q2});
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(r.err == q2 + ": error: this part has a different --seed (2 vs 1) than " + p1 + "\n");
  }
  SECTION("a missing shard") {
    Run r = Cli({"merge", p1});
    CHECK(r.code == 2);
    CHECK(r.err ==
          "allot merge: error: shard 2/2 is missing: merge needs every shard exactly once\n");
  }
  SECTION("a shard twice") {
    Run r = Cli({"merge", p1, p2, p2});
    CHECK(r.code == 2);
    CHECK(r.err == p2 + ": error: shard 2/2 is also in " + p2 + "\n");
  }
  SECTION("not JSON") {
    std::string bad = dir.Write("bad.json", "{\n  \"format\": oops\n}\n");
    Run r = Cli({"merge", p1, bad});
    CHECK(r.code == 2);
    CHECK(r.err.rfind(bad + ":2:13: error: not valid JSON\n", 0) == 0);
  }
  SECTION("a compare result instead of a part") {
    std::string other =
        dir.Write("other.json", "{\"format\": \"allot/1\", \"analysis\": \"smaa\"}");
    Run r = Cli({"merge", other});
    CHECK(r.code == 2);
    CHECK(r.err == other +
                       ": error: not a valid sensitivity part: not an allot/1 sensitivity part "
                       "(analysis 'smaa-part')\n");
  }
  SECTION("other samples with the same shard count") {
    std::string path = dir.path() + "/r2.json";
    REQUIRE(Cli(Shipped({"--samples", "901", "--seed", "1", "--shard", "2/2", "--output", path}))
                .code == 0);
    Run r = Cli({"merge", p1, path});
    CHECK(r.code == 2);
    CHECK(r.err ==
          path + ": error: this part has a different --samples (901 vs 900) than " + p1 + "\n");
  }
  SECTION("output onto an input") {
    Run r = Cli({"merge", p1, p2, "--output", p1});
    CHECK(r.code == 2);
    CHECK(r.err.find("is one of the input files") != std::string::npos);
  }
}

TEST_CASE("precision mode doubles the samples until every half-width is below the target",
          "[sensitivity]") {
  Run r = Cli(Shipped({"--precision", "0.01", "--format", "json", "--seed", "3"}));
  REQUIRE(r.code == 0);
  auto number_after = [&](const std::string& key) {
    size_t at = r.out.find("\"" + key + "\": ");
    REQUIRE(at != std::string::npos);
    return std::stod(r.out.substr(at + key.size() + 4));
  };
  double samples = number_after("samples");
  CHECK(number_after("max_half_width") < 0.01);
  CHECK(number_after("precision") == 0.01);
  double steps = std::log2(samples / 1000);
  CHECK(steps == std::round(steps));  // 1000 * 2^k
  // One doubling fewer would not have been enough.
  if (samples > 1000) {
    Run half = Cli(Shipped({"--samples", std::to_string(static_cast<long>(samples / 2)), "--format",
                            "json", "--seed", "3"}));
    size_t at = half.out.find("\"max_half_width\": ");
    CHECK(std::stod(half.out.substr(at + 18)) >= 0.01);
  }
}

TEST_CASE("sensitivity refuses bad options with exit 2 and nothing on stdout", "[sensitivity]") {
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{"--samples", "0"}, "--samples must be a whole number from 1 to 281474976710656, not '0'"},
      {{"--samples", "-5"}, "--samples must be a whole number from 1 to 281474976710656, not '-5'"},
      {{"--seed", "99999999999999999999"},
       "--seed must be a whole number from 0 to 18446744073709551615, not '99999999999999999999'"},
      {{"--threads", "0"}, "--threads must be a whole number from 1 to 1024, not '0'"},
      {{"--effects", "maybe"}, "--effects must be fixed or uncertain, not 'maybe'"},
      {{"--shard", "4/3"}, "--shard must be K/N with 1 <= K <= N, e.g. 3/10, not '4/3'"},
      {{"--shard", "1/2", "--format", "csv"},
       "--shard writes a partial result (JSON) for 'allot merge'; leave out --format"},
      {{"--precision", "0.01", "--samples", "10"},
       "give --samples or --precision, not both: --precision chooses the sample count"},
      {{"--precision", "2"}, "--precision must be between 0 and 1 (e.g. 0.005)"},
      {{"--max-pairwise", "many"},
       "--max-pairwise must be a whole number from 0 to 1000000, not 'many'"},
      {{"--weights", "nosuch"},
       "--weights: unknown weight set 'nosuch' (use uniform, SET, SET:KAPPA or SET:order)"},
  };
  for (const Case& c : cases) {
    Run r = Cli(Shipped(c.args));
    INFO(c.message);
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(r.err ==
          "allot sensitivity: error: " + c.message + "\nTry 'allot sensitivity --help'.\n");
  }
}

TEST_CASE("sensitivity renders table, csv and md, and --output writes the file", "[sensitivity]") {
  Run table = Cli(Shipped({"--samples", "500"}));
  REQUIRE(table.code == 0);
  CHECK(table.out.find("Rank acceptability") != std::string::npos);
  CHECK(table.out.find("is best in") != std::string::npos);
  Run csv = Cli(Shipped({"--samples", "500", "--format", "csv"}));
  CHECK(csv.out.rfind("\"What this rests on: ", 0) == 0);
  CHECK(csv.out.find("\r\nscenario,name,samples,p_best,") != std::string::npos);
  CHECK(Cli(Shipped({"--samples", "500", "--format", "md", "--lang", "nl"}))
            .out.rfind("# Gevoeligheid", 0) == 0);
  // Dutch all through: the effects mode, the mean column, and "; " between
  // items whose percentages have decimal commas (under ckm:0.5 three
  // scenarios can be best).
  Run nl = Cli(Shipped({"--samples", "2000", "--weights", "ckm:0.5", "--lang", "nl"}));
  CHECK(nl.out.find("effecten onzeker\n") != std::string::npos);
  CHECK(nl.out.find("P(beste) %   gem.") != std::string::npos);
  CHECK(nl.out.find("Daarna: amendement-bikker 29,4%; herverdeling-ckm-versterkt 3,3%; "
                    "versterkt-2024 2,9%.") != std::string::npos);
  TempDir dir;
  std::string path = dir.path() + "/out.json";
  Run written = Cli(Shipped({"--samples", "500", "--format", "json", "--output", path}));
  CHECK(written.code == 0);
  CHECK(written.out.empty());
  CHECK(dir.Read("out.json") == Cli(Shipped({"--samples", "500", "--format", "json"})).out);
}

}  // namespace
}  // namespace allot

namespace allot {
namespace {

// A whole run of 50 samples written as a part (p.json in `dir`); returns its text.
std::string FiftySamplePart(const TempDir& dir) {
  std::string path = dir.path() + "/p.json";
  REQUIRE(
      Cli(Shipped({"--samples", "50", "--seed", "1", "--shard", "1/1", "--output", path})).code ==
      0);
  return dir.Read("p.json");
}

TEST_CASE("merge refuses a part whose counts were edited", "[sensitivity]") {
  TempDir dir;
  std::string text = FiftySamplePart(dir);
  size_t at = text.find("\"rank_counts\":[[");
  REQUIRE(at != std::string::npos);
  text.insert(at + 16, "1");  // the model's first count, 0 -> 10
  std::string edited = dir.Write("edited.json", text);
  Run r = Cli({"merge", edited});
  CHECK(r.code == 2);
  CHECK(r.err == edited +
                     ": error: not a valid sensitivity part: the counts of scenario 'model' do not "
                     "add up to the shard's samples\n");
  CHECK(Cli(MergeShipped({dir.path() + "/p.json"})).code == 0);
}

TEST_CASE("merge refuses a part whose beats counts exceed its samples", "[sensitivity]") {
  TempDir dir;
  std::string text = FiftySamplePart(dir);
  size_t at = text.find("\"beats\":[[0,");
  REQUIRE(at != std::string::npos);
  text.insert(at + 12, "9999");  // the model over the second scenario: at least 99,990 of 50
  std::string edited = dir.Write("edited.json", text);
  Run r = Cli({"merge", edited});
  CHECK(r.code == 2);
  CHECK(r.err.find(edited + ": error: not a valid sensitivity part: the 'beats' counts of "
                            "scenario 'model' against '") == 0);
  CHECK(r.err.find("add up to more than the shard's samples\n") != std::string::npos);
}

}  // namespace
}  // namespace allot

namespace allot {
namespace {

TEST_CASE("merge computes the confidence factors from the inputs the shards ran on",
          "[sensitivity][merge]") {
  TempDir dir;
  auto shard = [&](const std::string& k, std::vector<std::string> more) {
    std::string path =
        dir.path() + "/part-" + k.substr(0, 1) + std::to_string(more.size()) + ".json";
    std::vector<std::string> args = {"--samples", "600", "--seed",   "3",
                                     "--shard",   k,     "--output", path};
    args.insert(args.end(), more.begin(), more.end());
    Run r = Cli(Shipped(args));
    INFO(r.err);
    REQUIRE(r.code == 0);
    return path;
  };
  std::string p1 = shard("1/2", {}), p2 = shard("2/2", {});
  SECTION("other inputs than the shards' are refused, naming the hashes") {
    Run r = Cli({"merge", "--inputs", SourcePath("model"), "--inputs",
                 SourcePath("scenarios/herverdeling-ckm.yaml"), p1, p2});
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find("allot merge: error: the confidence factors need the model and scenarios the "
                     "parts were computed from, but the --inputs are other inputs") == 0);
  }
  SECTION("shards with --cf-samples 0 merge without inputs, with no confidence factors") {
    std::string q1 = shard("1/2", {"--cf-samples", "0"}), q2 = shard("2/2", {"--cf-samples", "0"});
    Run r = Cli({"merge", q1, q2, "--format", "json"});
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(r.out.find("\"confidence_samples\": 0") != std::string::npos);
    CHECK(r.out.find("\"confidence_factor\": null") != std::string::npos);
    CHECK(r.out ==
          Cli(Shipped({"--samples", "600", "--seed", "3", "--cf-samples", "0", "--format", "json"}))
              .out);
  }
  SECTION("parts with different --cf-samples do not belong together") {
    std::string q2 = shard("2/2", {"--cf-samples", "100"});
    Run r = Cli(MergeShipped({p1, q2}));
    CHECK(r.code == 2);
    CHECK(r.err ==
          q2 + ": error: this part has a different --cf-samples (100 vs all) than " + p1 + "\n");
  }
}

// The JSON before its "pairwise" key: everything but the pairwise table.
std::string BeforePairwise(const std::string& json) {
  size_t at = json.find("\"pairwise\"");
  REQUIRE(at != std::string::npos);
  return json.substr(0, at);
}

TEST_CASE("the pairwise table is counted only up to --max-pairwise scenarios and says so",
          "[sensitivity][robust]") {
  // 8 scenarios with the model: the table is there by default, not at 7.
  std::vector<std::string> run = {"--samples", "2000", "--seed", "3", "--format", "json"};
  Run full = Cli(Shipped(run));
  run.insert(run.end(), {"--max-pairwise", "7"});
  Run without = Cli(Shipped(run));
  REQUIRE(full.code == 0);
  REQUIRE(without.code == 0);
  CHECK(full.out.find("\"pairwise\": {") != std::string::npos);
  CHECK(without.out.find("\"pairwise\": null") != std::string::npos);
  // Ranking by sorting gives the ranks that comparing every pair gives.
  CHECK(BeforePairwise(without.out) == BeforePairwise(full.out));

  Run table = Cli(Shipped({"--samples", "2000", "--max-pairwise", "7"}));
  REQUIRE(table.code == 0);
  CHECK(table.out.find("P(row scores higher than column)") == std::string::npos);
  CHECK(table.out.find("The pairwise table is left out: 8 scenarios are more than "
                       "--max-pairwise (it has scenarios x scenarios cells; see "
                       "docs/limits.md).") != std::string::npos);
  Run csv = Cli(Shipped({"--samples", "2000", "--max-pairwise", "0", "--format", "csv"}));
  CHECK(csv.code == 0);
  CHECK(csv.out == Cli(Shipped({"--samples", "2000", "--format", "csv"})).out);
}

TEST_CASE("shards without the pairwise table merge to the single run but mixed shards do not",
          "[sensitivity][robust]") {
  TempDir dir;
  auto shard = [&](const std::string& k, const std::string& max_pairwise) {
    std::string part = dir.path() + "/part-" + k + "-" + max_pairwise + ".json";
    Run r = Cli(Shipped({"--samples", "1500", "--shard", k + "/2", "--max-pairwise", max_pairwise,
                         "--output", part}));
    REQUIRE(r.code == 0);
    return part;
  };
  std::string one = shard("1", "0"), two = shard("2", "0");
  CHECK(dir.Read("part-1-0.json").find("\"beats\"") == std::string::npos);
  Run merged = Cli(MergeShipped({one, two}, {"--format", "json"}));
  INFO(merged.err);
  REQUIRE(merged.code == 0);
  CHECK(merged.out ==
        Cli(Shipped({"--samples", "1500", "--max-pairwise", "0", "--format", "json"})).out);
  Run mixed = Cli(MergeShipped({one, shard("2", "100")}));
  CHECK(mixed.code == 2);
  CHECK(mixed.err.find("this part has a different pairwise table ('beats' in one part, not in "
                       "the other) than " +
                       one) != std::string::npos);
}

TEST_CASE("sensitivity reads at most 1000 scenarios unless --max-scenarios says more",
          "[sensitivity][robust][limits]") {
  // Its rank table has scenarios x scenarios cells: 10,001 scenarios took
  // 15.6 GB and more than 900 s. The files are counted before any is read.
  TempDir dir;
  std::string model = SourcePath("model");
  for (int i = 0; i < 1001; ++i) dir.Write("s" + std::to_string(i) + ".yaml", "");
  Run r = Cli({"sensitivity", model, dir.path()});
  CHECK(r.code == 2);
  CHECK(r.out.empty());
  CHECK(r.err ==
        "allot sensitivity: error: too many files: 1002 (limit 1000 scenarios and a model; "
        "raise with --max-scenarios)\nTry 'allot sensitivity --help'.\n");
  CHECK(Cli({"sensitivity", "--help"}).out.find("--max-scenarios arg (=1000)") !=
        std::string::npos);
}

TEST_CASE("sensitivity with uncertain amounts: the same for any threads, and its options checked",
          "[sensitivity][uncertain]") {
  Run one = Cli(Shipped(
      {"--amounts", "uncertain", "--samples", "400", "--format", "json", "--threads", "1"}));
  INFO(one.err);
  REQUIRE(one.code == 0);
  CHECK(one.out.find("\"analysis\": \"smaa-amounts\"") != std::string::npos);
  Run two = Cli(Shipped(
      {"--amounts", "uncertain", "--samples", "400", "--format", "json", "--threads", "2"}));
  CHECK(two.out == one.out);
  struct Bad {
    std::vector<std::string> args;
    const char* says;
  };
  for (const Bad& bad : {
           Bad{{"--amounts", "maybe"}, "--amounts must be fixed or uncertain, not 'maybe'"},
           Bad{{"--amount-range", "0.2"}, "--amount-range goes with --amounts uncertain"},
           Bad{{"--holds-at", "0.9"}, "--holds-at goes with --amounts uncertain"},
           Bad{{"--amounts", "uncertain", "--shard", "1/2"}, "runs whole and has no --shard"},
           Bad{{"--amounts", "uncertain", "--precision", "0.01"},
               "runs whole and has no --precision"},
           Bad{{"--amounts", "uncertain", "--amount-range", "2"},
               "--amount-range must be a number from 0 to 1, not '2'"},
           Bad{{"--amounts", "uncertain", "--holds-at", "0.4"},
               "--holds-at must be a number above 0.5 and at most 1, not '0.4'"},
       }) {
    Run run = Cli(Shipped(bad.args));
    INFO(bad.says << "\n" << run.err);
    CHECK(run.code == 2);
    CHECK(run.out.empty());
    CHECK(run.err.find(bad.says) != std::string::npos);
  }
}

}  // namespace
}  // namespace allot
