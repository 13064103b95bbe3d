// The provenance caveat under every command's output: counts worked out by
// hand on small models, both languages, json, and every analysis command on
// the shipped model.
#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>
#include <string>

#include "allot/cli.hpp"
#include "test_support.hpp"

using allot::testing::CliRun;
using allot::testing::Has;
using allot::testing::kSmallModel;
using allot::testing::RunAllot;
using allot::testing::TempDir;

namespace {

// x assumed, y and z sourced; both effects and the weights judgements by
// the model's defaults.
const char* const kModel = R"(format: allot/1
title: T
years: [2024]
objectives: [{id: a, name: A}]
weights: {w: {a: 1}}
provenance:
  effects: judgement
  weights: judgement
lines:
  - {id: x, name: X, budget: {2024: 100}, amounts: assumed,
     effects: {a: {curve: linear, points: 1, per: 100}}}
  - {id: y, name: Y, budget: {2024: 100}, amounts: {level: sourced, ref: K1},
     effects: {a: {curve: linear, points: 1, per: 100}}}
  - {id: z, name: Z, budget: {2024: 100}, amounts: {level: sourced, ref: K2}}
)";

}  // namespace

TEST_CASE("the caveat counts assumed line amounts and judgements, in both languages",
          "[cli][caveat]") {
  TempDir dir;
  std::string model = dir.Write("m.yaml", kModel);
  CliRun en = RunAllot({"compare", model});
  INFO(en.err);
  REQUIRE(en.code == 0);
  CHECK(Has(en.out,
            "\nWhat this rests on: 1 of 3 lines have an assumed amount in the model; all "
            "effects and weights are judgements.\n"));
  CliRun nl = RunAllot({"compare", model, "--lang", "nl", "--format", "md"});
  CHECK(Has(nl.out,
            "\nWaar dit op rust: 1 van 3 actielijnen hebben een aangenomen bedrag in het "
            "model; alle effecten en wegingen zijn oordelen.\n"));
  // A scenario whose amounts are assumed makes the line it changes assumed;
  // the model's own count stands beside it.
  std::string shift = dir.Write("s.yaml",
                                "format: allot/1\nscenario: s\namounts: assumed\nchanges:\n"
                                "  - move: {amount: 50, from: y, to: x}\n");
  CHECK(Has(RunAllot({"compare", model, shift}).out,
            "What this rests on: 2 of 3 lines have an assumed amount in some scenario shown (1 "
            "of 3 in the model);"));
}

TEST_CASE("the caveat says which effects and weights are judgements when not all are",
          "[cli][caveat]") {
  TempDir dir;
  std::string text = kModel;
  text.replace(text.find("effects: {a: {curve: linear, points: 1, per: 100}}}\n  - {id: z"),
               std::string("effects: {a: {curve: linear, points: 1, per: 100}}}").size(),
               "effects: {a: {curve: linear, points: 1, per: 100,\n"
               "                 provenance: {level: sourced, ref: R}}}}");
  std::string model = dir.Write("m.yaml", text);
  CliRun run = RunAllot({"compare", model});
  INFO(run.err);
  CHECK(Has(run.out, "1 of 2 effects and 1 of 1 weight sets are judgements or assumed."));
}

TEST_CASE("files that state no provenance get a caveat that says so", "[cli][caveat]") {
  TempDir dir;
  std::string model = dir.Write("m.yaml", kSmallModel);
  CHECK(Has(RunAllot({"compare", model}).out,
            "What this rests on: not stated in the files (no provenance given)."));
}

TEST_CASE("json carries the counts, and csv says it in a first record", "[cli][caveat]") {
  TempDir dir;
  std::string model = dir.Write("m.yaml", kModel);
  CliRun json = RunAllot({"compare", model, "--format", "json"});
  CHECK(Has(json.out,
            "  \"rests_on\": {\n    \"line_amounts\": {\n      \"count\": 3,\n"
            "      \"estimated\": 1,\n      \"not_stated\": 0\n    },\n"
            "    \"model_line_amounts\": {\n      \"count\": 3,\n      \"estimated\": 1,\n"
            "      \"not_stated\": 0\n    },"));
  CHECK(Has(json.out,
            "\"caveat\": \"What this rests on: 1 of 3 lines have an assumed amount in the model; "
            "all effects and weights are judgements.\"\n  }\n}\n"));
  // One cell above the table (quoted when it holds a comma: the goldens), in English
  // whatever --lang says; the table follows unchanged.
  CliRun csv = RunAllot({"compare", model, "--format", "csv", "--lang", "nl"});
  CHECK(csv.out.rfind("What this rests on: 1 of 3 lines have an assumed amount in the model; "
                      "all effects and weights are judgements.\r\nscenario,name,",
                      0) == 0);
}

TEST_CASE("headline numbers say beside them what they rest on", "[cli][caveat]") {
  allot::CliContext shipped{{ALLOT_SOURCE_DIR}};
  // compare: cost per point to three significant digits, the cents in json.
  CliRun compare = RunAllot({"compare", "--weights", "ckm"}, shipped);
  CHECK(Has(compare.out, "\u20ac308,000 ~\n"));  // the model: EUR 307,893.75 a point
  CHECK_FALSE(Has(compare.out, "307,893.75"));
  CHECK(Has(compare.out, "cost per point: total money per weighted point, to three significant"));
  CliRun json = RunAllot({"compare", "--weights", "ckm", "--format", "json"}, shipped);
  CHECK(Has(json.out, "\"ckm\": 30789375"));
  // frontier: the cheapest budget is what the judged curves say, beside the table.
  CliRun frontier = RunAllot({"frontier", "--weights", "ckm", "--points", "2"}, shipped);
  INFO(frontier.err);
  CHECK(Has(frontier.out, "best score for its money\n"));
  size_t placed = frontier.out.find("Scenarios against the frontier");
  size_t words = frontier.out.find("In words");
  size_t caveat = frontier.out.find(
      "  The cheapest budget (to three significant digits) is what the model's effect curves",
      placed);
  // To three significant digits in the table and in words (the model's
  // cheapest budget is EUR 1,094,237 in json), never to the euro.
  CHECK(Has(frontier.out, "  \u20ac1,090,000  "));
  CHECK(Has(frontier.out, "19.49 points cost \u20ac1,090,000 on the frontier"));
  CHECK_FALSE(Has(frontier.out, "1,094,237"));
  CliRun frontier_json =
      RunAllot({"frontier", "--weights", "ckm", "--points", "2", "--format", "json"}, shipped);
  CHECK(Has(frontier_json.out, "\"cheapest_cents\": 109423700"));
  CHECK(placed < caveat);
  CHECK(caveat < words);
  CliRun nl = RunAllot({"frontier", "--weights", "ckm", "--points", "2", "--lang", "nl"}, shipped);
  CHECK(
      Has(nl.out, "Het goedkoopste budget (op drie significante cijfers) is wat de effectcurves"));
  // optimise: under the summary, before the objectives.
  CliRun optimise = RunAllot({"optimise", "--weights", "ckm"}, shipped);
  size_t gain = optimise.out.find("The optimised score and its change are what the model's");
  CHECK(gain != std::string::npos);
  CHECK(gain < optimise.out.find("Objective scores"));
}

TEST_CASE("sensitivity with exact weights and fixed effects says nothing was sampled",
          "[cli][caveat]") {
  allot::CliContext shipped{{ALLOT_SOURCE_DIR}};
  CliRun exact = RunAllot(
      {"sensitivity", "--samples", "200", "--effects", "fixed", "--weights", "ckm"}, shipped);
  INFO(exact.err);
  REQUIRE(exact.code == 0);
  CHECK(Has(exact.out, "Nothing was sampled: the weights are exactly ckm and the effects fixed"));
  CHECK(Has(exact.out, "\nWhat this rests on: "));
  CliRun nl = RunAllot({"sensitivity", "--samples", "200", "--effects", "fixed", "--weights", "ckm",
                        "--lang", "nl", "--format", "md"},
                       shipped);
  CHECK(Has(nl.out, "Er is niets getrokken: de gewichten zijn precies ckm"));
  // Something varies: no such sentence.
  for (const char* weights : {"ckm:order", "ckm:50", "uniform"}) {
    INFO(weights);
    CliRun sampled = RunAllot(
        {"sensitivity", "--samples", "200", "--effects", "fixed", "--weights", weights}, shipped);
    CHECK_FALSE(Has(sampled.out, "Nothing was sampled"));
  }
  CliRun uncertain = RunAllot(
      {"sensitivity", "--samples", "200", "--effects", "uncertain", "--weights", "ckm"}, shipped);
  CHECK_FALSE(Has(uncertain.out, "Nothing was sampled"));
  // json stays as merge gives it: no rests_on.
  CliRun json = RunAllot({"sensitivity", "--samples", "200", "--format", "json"}, shipped);
  CHECK_FALSE(Has(json.out, "rests_on"));
}

TEST_CASE("the report's header says what its figures rest on", "[cli][caveat]") {
  allot::CliContext shipped{{ALLOT_SOURCE_DIR}};
  TempDir dir;
  std::string html = dir.path() + "/report.html";
  CliRun run = RunAllot({"report", "--html", html, "--lang", "nl"}, shipped);
  INFO(run.err);
  REQUIRE(run.code == 0);
  std::ifstream in(html);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  size_t caveat = text.find("<p class=\"meta\">Waar dit op rust: ");
  CHECK(caveat != std::string::npos);
  CHECK(caveat < text.find("</header>"));
}

TEST_CASE("each batch run counts what its figures rest on", "[cli][caveat]") {
  TempDir dir;
  std::string model = dir.Write("m.yaml", kModel);
  std::string batch = dir.Write("runs.yaml",
                                "format: allot/1\nbatch:\n"
                                "  - {analysis: compare, models: [m.yaml]}\n"
                                "  - {analysis: stability, models: [m.yaml]}\n");
  CliRun run = RunAllot({"batch", batch, "--format", "csv"});
  INFO(run.err);
  REQUIRE(run.code == 0);
  // As worked out above: 1 of 3 lines assumed, in the model too; 2 effects and 1 weight
  // set, all judgements; nothing unstated. Once per run.
  for (const char* run_number : {"\n1,", "\n2,"}) {
    INFO(run_number);
    size_t at = run.out.find(run_number);
    REQUIRE(at != std::string::npos);
    std::string rest = run.out.substr(at);
    CHECK(Has(rest, ",rests_on:line_amounts,3\r\n"));
    CHECK(Has(rest, ",rests_on:line_amounts_estimated,1\r\n"));
    CHECK(Has(rest, ",rests_on:model_line_amounts,3\r\n"));
    CHECK(Has(rest, ",rests_on:model_line_amounts_estimated,1\r\n"));
    CHECK(Has(rest, ",rests_on:effects,2\r\n"));
    CHECK(Has(rest, ",rests_on:effects_estimated,2\r\n"));
    CHECK(Has(rest, ",rests_on:weight_sets_not_stated,0\r\n"));
  }
  size_t first = run.out.find(",rests_on:line_amounts,3");
  CHECK(run.out.find(",rests_on:line_amounts,3", first + 1) != std::string::npos);
}

TEST_CASE("every analysis command's table and md end with the caveat", "[cli][caveat]") {
  allot::CliContext shipped{{ALLOT_SOURCE_DIR}};
  const std::vector<std::vector<std::string>> commands = {
      {"compare"},
      {"lines"},
      {"stability", "--weights", "ministry"},
      {"what-it-takes", "model", "herverdeling-ckm", "--weights", "ministry"},
      {"tornado", "model", "herverdeling-ckm", "--weights", "ministry"},
      {"explain", "model", "herverdeling-ckm", "--weights", "ministry"},
      {"sensitivity", "--samples", "200"}};
  for (std::vector<std::string> args : commands) {
    INFO(args[0]);
    CliRun en = RunAllot(args, shipped);
    CHECK(Has(en.out, "\nWhat this rests on: "));
    args.insert(args.end(), {"--lang", "nl", "--format", "md"});
    CHECK(Has(RunAllot(args, shipped).out, "\nWaar dit op rust: "));
  }
}

TEST_CASE("on the shipped model the caveat counts what each command shows", "[cli][caveat]") {
  allot::CliContext shipped{{ALLOT_SOURCE_DIR}};
  // Every scenario: 17 model lines and 2 added ones, each assumed somewhere
  // (the 4 lines CKM reports at 0 are funded by assumed amounts); in the
  // model 13 of 17 (the information point by its assumed split).
  const std::string every =
      "\nWhat this rests on: 19 of 19 lines have an assumed amount in some scenario shown (13 of "
      "17 in the model); 48 of 52 effects and 4 of 4 weight sets are judgements or assumed, 4 not "
      "stated.\n";
  CHECK(Has(RunAllot({"compare"}, shipped).out, every));
  CHECK(Has(RunAllot({"stability", "--weights", "ministry"}, shipped).out, every));
  // The model alone: lines, and optimise from the model.
  const std::string model =
      "\nWhat this rests on: 13 of 17 lines have an assumed amount in the model; all effects and "
      "weights are judgements.\n";
  CHECK(Has(RunAllot({"lines"}, shipped).out, model));
  CHECK(Has(RunAllot({"optimise", "--weights", "ckm"}, shipped).out, model));
  CHECK(Has(RunAllot({"lines", "--scenario", "versterkt-2024"}, shipped).out,
            "\nWhat this rests on: 17 of 17 lines have an assumed amount in the scenario shown (13 "
            "of 17 in the model); all effects and weights are judgements.\n"));
  // A pair: the model and herverdeling-ckm, which adds one line.
  CHECK(Has(
      RunAllot({"explain", "model", "herverdeling-ckm", "--weights", "ministry", "--lang", "nl"},
               shipped)
          .out,
      "\nWaar dit op rust: 18 van 18 actielijnen hebben een aangenomen bedrag in een of meer "
      "getoonde scenario's (13 van 17 in het model); 48 van 50 effecten en 4 van 4 wegingen "
      "zijn oordelen of aannames, 2 niet vermeld.\n"));
}
