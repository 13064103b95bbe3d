// Numbers at their limits (issue 6, item 4): amounts at the int64-cents
// bound, sums that would overflow, degenerate curves, extreme weights and a
// century of years. Each case either computes exactly (the exact result is
// asserted) or fails with FILE:LINE:COL and exit 2; no output ever holds a
// wrapped amount, NaN or inf. The valid cases also run through every format
// of compare and through the cheap analyses.
#include <catch2/catch.hpp>
#include <regex>
#include <sstream>

#include "allot/cli.hpp"
#include "test_support.hpp"

using allot::testing::TempDir;

namespace {

using Run = allot::testing::CliRun;

Run Cli(const std::vector<std::string>& args) { return allot::testing::RunAllot(args); }

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// "nan", "-nan", "inf", "Infinity" as words (not "information").
bool HasNonFinite(const std::string& text) {
  static const std::regex word("(^|[^A-Za-z])(nan|inf|infinity)([^A-Za-z]|$)", std::regex::icase);
  return std::regex_search(text, word);
}

// Runs `args`, which must succeed with finite numbers only; returns stdout.
std::string RunOk(const std::vector<std::string>& args) {
  Run r = Cli(args);
  INFO(args[0] << " " << (args.size() > 1 ? args[1] : "") << ": " << r.err);
  CHECK(r.code == 0);
  CHECK(r.err.empty());
  CHECK_FALSE(HasNonFinite(r.out));
  return r.out;
}

// compare in every format, then the analyses of scenarios a and b under
// weight set `set`. Returns the CSV of compare.
std::string EveryOutput(const std::vector<std::string>& files, const std::string& a,
                        const std::string& b, const std::string& set) {
  auto with_files = [&files](std::vector<std::string> args) {
    args.insert(args.end(), files.begin(), files.end());
    return args;
  };
  for (const char* format : {"table", "json", "md"})
    RunOk(with_files({"compare", "--format", format}));
  RunOk(with_files({"compare", "--lang", "nl"}));
  RunOk(with_files({"sensitivity", "--samples", "200", "--format", "csv"}));
  RunOk(with_files(
      {"sensitivity", "--samples", "200", "--effects", "uncertain", "--format", "json"}));
  RunOk(with_files({"stability", "--format", "json"}));
  RunOk(with_files({"stability"}));
  RunOk(with_files({"explain", a, b, "--format", "json"}));
  RunOk(with_files({"explain", a, b}));
  RunOk(with_files({"tornado", a, b, "-w", set, "--format", "csv"}));
  RunOk(with_files({"what-it-takes", a, b, "-w", set}));
  RunOk(with_files({"what-it-takes", b, a, "-w", set, "--format", "json"}));
  return RunOk(with_files({"compare", "--format", "csv"}));
}

// Line `row` (0 = header) of a CSV text.
// Record `row` of the table (0: its header), after the first record: the
// one-cell line that says what the figures rest on (docs/output.md).
std::string CsvRow(const std::string& csv, size_t row) {
  std::istringstream in(csv);
  std::string line;
  for (size_t i = 0; i <= row + 1 && std::getline(in, line);) ++i;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

// Two lines: x holds the largest input amount, 10^13 EUR, in 2024 and one
// cent in 2025; y holds 7 cents. With x scaled by 9223.3720368547758 the
// total is exactly INT64_MAX cents: 92,233,720,368,547,758.07 EUR.
const char* const kNearModel = R"(format: allot/1
title: Near
years: [2024, 2025]
objectives: [{id: a, name: A}, {id: b, name: B}]
weights: {even: {a: 1, b: 1}, skew: {weights: {a: 3, b: 1}, order: [a, b]}}
lines:
  - id: x
    name: X
    source: s
    budget: {2024: 10000000000000}
    effects:
      a: {curve: linear, points: [0.5, 1, 2], per: 10000000000000}
  - id: y
    name: Y
    source: s
    budget: {2024: 0.07}
    effects:
      b: {curve: saturating, max: [10, 50, 60], half: 100}
  - {id: z, name: Z, source: s, budget: {}}
)";

const char* const kTop = R"(format: allot/1
scenario: top
changes:
  - scale: {line: x, by: 9223.3720368547758}
)";

}  // namespace

TEST_CASE("a total of exactly INT64_MAX cents is shown to the cent in every output",
          "[numeric][limits]") {
  TempDir dir;
  std::vector<std::string> files = {dir.Write("m.yaml", kNearModel), dir.Write("top.yaml", kTop)};
  std::string csv = EveryOutput(files, "model", "top", "even");
  CHECK(CsvRow(csv, 2).rfind(
            "top,top,false,92233720368547758.07,92233720368547758.07,0.00,100.000000,0.034976,",
            0) == 0);
  std::string json = RunOk({"compare", files[0], files[1], "--format", "json"});
  CHECK(Contains(json, "\"total_cents\": 9223372036854775807,"));
  CHECK(Contains(json, "\"x\": {\n          \"2024\": 9223372036854775800,"));
  std::string table = RunOk({"compare", files[0], files[1]});
  CHECK(Contains(table, "€92,233,720,368,547,758.07"));
}

TEST_CASE("one cent over INT64_MAX cents is an error at the scenario, exit 2",
          "[numeric][limits]") {
  TempDir dir;
  std::string model = dir.Write("m.yaml", kNearModel);
  std::string top = dir.Write("top.yaml", kTop);
  std::string over = dir.Write("over.yaml", R"(format: allot/1
scenario: over
base: top
changes:
  - set: {line: y, budget: {2024: 0.08}}
)");
  for (const char* format : {"table", "csv", "json", "md"}) {
    Run r = Cli({"compare", model, top, over, "--format", format});
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(r.err == over +
                       ":2:1: error: scenario 'over': total overflows the largest amount\n"
                       "  scenario: over\n  ^\n");
  }
  Run scale = Cli({"compare", model, dir.Write("s.yaml", R"(format: allot/1
scenario: s
changes:
  - scale: {line: x, by: 9223.3720368547759}
)")});
  CHECK(scale.code == 2);
  CHECK(
      Contains(scale.err, "s.yaml:4:5: error: changes[0].scale.by: scaling line 'x' overflows\n"));
  Run add = Cli({"compare", model, top, dir.Write("a.yaml", R"(format: allot/1
scenario: a
base: top
changes:
  - add: {id: w, name: W, source: s, budget: {2025: 0.01}}
)")});
  CHECK(add.code == 2);
  CHECK(Contains(add.err, "a.yaml:2:1: error: scenario 'a': total overflows the largest amount\n"));
}

TEST_CASE("an amount written beyond 10^13 EUR is refused where it is written",
          "[numeric][limits]") {
  TempDir dir;
  std::string text = kNearModel;
  text.replace(text.find("0.07}"), 4, "92233720368547758.07");
  Run r = Cli({"compare", dir.Write("m.yaml", text)});
  CHECK(r.code == 2);
  CHECK(r.out.empty());
  CHECK(Contains(r.err,
                 "m.yaml:16:20: error: lines[1].budget.2024: amount is over the limit of 10^13: "
                 "92233720368547758.07\n"));
}

namespace {

// `lines` lines of 10^13 EUR in each of `years` years from 2024.
std::string ModelOfMaxima(int lines, int years) {
  std::string list, budget;
  for (int y = 0; y < years; ++y) {
    list += (y ? ", " : "") + std::to_string(2024 + y);
    budget += (y ? ", " : "") + std::to_string(2024 + y) + ": 10000000000000";
  }
  std::string text = "format: allot/1\ntitle: T\nyears: [" + list +
                     "]\nobjectives: [{id: a, name: A}]\nweights: {even: {a: 1}}\nlines:\n";
  for (int i = 0; i < lines; ++i) {
    text += "  - {id: l" + std::to_string(i) + ", name: L, source: s, budget: {" + budget +
            "}, effects: {a: {curve: linear, points: 1, per: 10000000000000}}}\n";
  }
  return text;
}

}  // namespace

TEST_CASE("a model whose year or grand total overflows is an error, one line less is exact",
          "[numeric][limits]") {
  TempDir dir;
  // 9,223 x 10^15 cents fits in int64 (max 9,223.37... x 10^15); 9,224 does not.
  Run fits = Cli({"compare", dir.Write("fits.yaml", ModelOfMaxima(9223, 1)), "--format", "csv"});
  CHECK(fits.code == 0);
  CHECK(CsvRow(fits.out, 1) ==
        "model,T,false,92230000000000000.00,92230000000000000.00,100.000000,100.000000,1,0.00,"
        "0.000000,922300000000000.00,,not stated,not stated,not stated,not stated,not stated,"
        "not stated,not stated,not stated,");
  std::string year = dir.Write("year.yaml", ModelOfMaxima(9224, 1));
  std::string total = dir.Write("total.yaml", ModelOfMaxima(4612, 2));  // years fit, the sum not
  for (const std::string& file : {year, total}) {
    Run r = Cli({"compare", file});
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(r.err == file +
                       ":1:1: error: scenario 'model': total overflows the largest amount\n"
                       "  format: allot/1\n  ^\n");
  }
}

TEST_CASE(
    "moves of amounts near the bound split exactly, a line that overflows in total is an error",
    "[numeric][limits]") {
  TempDir dir;
  std::string text = kNearModel;
  text.replace(text.find("{2024: 10000000000000}"), 22, "{2024: 10000000000000, 2025: 0.01}");
  std::string model = dir.Write("m.yaml", text);
  // x: 9,223,372,036,854,700,000 cents in 2024 and 9,223 in 2025. Moving
  // 10^15 cents in proportion: floors 999,999,999,999,999 and 0; the spare
  // cent goes to 2025, whose remainder (9.223e18) beats 2024's (3.7e14).
  std::string move = dir.Write("mv.yaml", R"(format: allot/1
scenario: mv
changes:
  - scale: {line: x, by: 9223.3720368547}
  - move: {amount: 10000000000000, from: x, to: z}
)");
  std::string json = RunOk({"compare", model, move, "--format", "json"});
  CHECK(Contains(json,
                 "\"x\": {\n          \"2024\": 9222372036854700001,\n          \"2025\": 9222\n"));
  CHECK(Contains(json, "\"z\": {\n          \"2024\": 999999999999999,\n          \"2025\": 1\n"));
  CHECK(Contains(json, "\"total_cents\": 9223372036854709230,"));
  EveryOutput({model, move}, "model", "mv", "skew");

  // Each year fits, the line's total over both years does not.
  Run r = Cli({"compare", model, dir.Write("o.yaml", R"(format: allot/1
scenario: o
changes:
  - set: {line: x, budget: {2024: 10000000000000, 2025: 10000000000000}}
  - scale: {line: x, by: 5000}
  - move: {amount: 1, from: x, to: z}
)")});
  CHECK(r.code == 2);
  CHECK(r.out.empty());
  CHECK(Contains(r.err, "o.yaml:6:5: error: changes[2].move.from: line 'x' overflows in total\n"));
}

namespace {

// A model with one line whose `effects:` is `effect`.
std::string ModelWithEffect(const std::string& effect, const std::string& budget = "1000") {
  return "format: allot/1\ntitle: T\nyears: [2024]\nobjectives: [{id: a, name: A}]\n"
         "weights: {even: {a: 1}}\nlines:\n"
         "  - {id: x, name: X, source: s, budget: {2024: " +
         budget + "}, effects: {a: " + effect + "}}\n";
}

std::string LoadError(const std::string& model_text) {
  TempDir dir;
  Run r = Cli({"compare", dir.Write("m.yaml", model_text)});
  CHECK(r.code == 2);
  CHECK(r.out.empty());
  std::string first = r.err.substr(0, r.err.find('\n'));
  return first.substr(first.find("m.yaml:"));
}

}  // namespace

TEST_CASE("a saturating curve with half 0 and a table with a repeated x are refused",
          "[numeric][limits]") {
  CHECK(LoadError(ModelWithEffect("{curve: saturating, max: 50, half: 0}", "0")) ==
        "m.yaml:7:100: error: lines[0].effects.a.half: amount must be greater than 0: 0");
  CHECK(LoadError(ModelWithEffect("{curve: saturating, max: 50, half: [0, 1, 2]}")) ==
        "m.yaml:7:103: error: lines[0].effects.a.half: amount must be greater than 0: [0, 1, 2]");
  CHECK(LoadError(ModelWithEffect("{curve: saturating, max: 50, half: 0.001}")) ==
        "m.yaml:7:103: error: lines[0].effects.a.half: amount has more than two decimals: 0.001");
  CHECK(
      LoadError(ModelWithEffect("{curve: table, points: [[100, 1], [100, 2]]}")) ==
      "m.yaml:7:103: error: lines[0].effects.a.points: table amounts must be strictly increasing: "
      "100 after 100");
  CHECK(
      LoadError(ModelWithEffect("{curve: table, points: [[100, 1], [100.00, 2]]}")) ==
      "m.yaml:7:103: error: lines[0].effects.a.points: table amounts must be strictly increasing: "
      "100.00 after 100");
  CHECK(LoadError(ModelWithEffect("{curve: linear, points: 1, per: 0}")) ==
        "m.yaml:7:100: error: lines[0].effects.a.per: amount must be greater than 0: 0");
}

TEST_CASE("a saturating curve with the smallest half is exact at 0 and at half",
          "[numeric][limits]") {
  TempDir dir;
  std::string model =
      dir.Write("m.yaml", ModelWithEffect("{curve: saturating, max: 50, half: 0.01}", "0"));
  std::string s = dir.Write("s.yaml",
                            "format: allot/1\nscenario: s\nchanges:\n"
                            "  - set: {line: x, budget: {2024: 0.01}}\n");
  // v(0) = 0 (no 0/0); v(half) = max / 2 exactly.
  std::string csv = EveryOutput({model, s}, "model", "s", "even");
  CHECK(CsvRow(csv, 1).rfind("model,T,false,0.00,0.00,0.000000,0.000000,", 0) == 0);
  CHECK(CsvRow(csv, 2).rfind("s,s,false,0.01,0.01,25.000000,25.000000,", 0) == 0);
}

TEST_CASE("effect values beyond a million points are refused, so no sum of effects is inf or NaN",
          "[numeric][limits]") {
  // Before the bound: +1e300 and -1e300 points per cent made +inf and -inf,
  // their sum NaN, and min(100, NaN) a silent 100.
  std::string text = ModelWithEffect("{curve: linear, points: 1e300, per: 0.01}", "10000000000000");
  CHECK(LoadError(text) ==
        "m.yaml:7:102: error: lines[0].effects.a.points: points must be between "
        "-1000000 and 1000000, got 1e300");
  CHECK(LoadError(ModelWithEffect("{curve: saturating, max: [0, 1, 1e7], half: 1}")) ==
        "m.yaml:7:100: error: lines[0].effects.a.max[2]: points must be between -1000000 and "
        "1000000, got 1e7");
  CHECK(LoadError(ModelWithEffect("{curve: table, points: [[1, -1000000.5]]}")) ==
        "m.yaml:7:96: error: lines[0].effects.a.points[0][1]: points must be between -1000000 and "
        "1000000, got -1000000.5");

  // At the bound: 10^6 points per cent on 10^13 EUR is 10^21 points, and
  // the opposite line cancels it exactly.
  TempDir dir;
  std::string model = dir.Write("m.yaml", R"(format: allot/1
title: T
years: [2024]
objectives: [{id: a, name: A}, {id: b, name: B}]
weights: {even: {a: 1, b: 1}}
lines:
  - {id: x, name: X, source: s, budget: {2024: 10000000000000}, effects: {a: {curve: linear, points: 1000000, per: 0.01}, b: {curve: linear, points: 1000000, per: 0.01}}}
  - {id: y, name: Y, source: s, budget: {2024: 10000000000000}, effects: {a: {curve: linear, points: -1000000, per: 0.01}}}
)");
  std::string s = dir.Write("s.yaml", "format: allot/1\nscenario: s\nchanges:\n  - remove: y\n");
  std::string csv = EveryOutput({model, s}, "model", "s", "even");
  CHECK(CsvRow(csv, 1).rfind(
            "model,T,false,20000000000000.00,20000000000000.00,0.000000,100.000000,50.000000,",
            0) == 0);
  CHECK(CsvRow(csv, 2).rfind(
            "s,s,false,10000000000000.00,10000000000000.00,100.000000,100.000000,100.000000,", 0) ==
        0);
}

namespace {

const char* const kExtremeWeights = R"(format: allot/1
title: W
years: [2024]
objectives: [{id: a, name: A}, {id: b, name: B}, {id: c, name: C}]
weights:
  tiny: {a: 1e-300, b: 1e-300, c: 2e-300}
  huge: {a: 1e300, b: 1e300, c: 2e300}
  mixed: {weights: {a: 1e300, b: 1, c: 1e-300}, order: [a, b, c]}
  least: {a: 5e-324}
lines:
  - {id: x, name: X, source: s, budget: {2024: 100}, effects: {a: {curve: linear, points: 1, per: 100}, b: {curve: linear, points: 2, per: 100}}}
  - {id: y, name: Y, source: s, budget: {2024: 100}, effects: {b: {curve: linear, points: 1, per: 100}, c: {curve: linear, points: 4, per: 100}}}
)";

}  // namespace

TEST_CASE(
    "weights of 1e-300 and 1e300 normalise exactly, weights summing past the largest double are "
    "refused",
    "[numeric][limits]") {
  TempDir dir;
  std::string model = dir.Write("m.yaml", kExtremeWeights);
  std::string s = dir.Write("s.yaml",
                            "format: allot/1\nscenario: s\nbudget: neutral\nchanges:\n"
                            "  - move: {amount: 50, from: x, to: y}\n");
  // Scores: model a 1, b 3, c 4; s a 0.5, b 2.5, c 6. tiny and huge are
  // 1/4, 1/4, 1/2; mixed is 1, 1e-300, 0 (1e-600 underflows to 0, which
  // it is to within any printed digit); least is a alone.
  std::string csv = EveryOutput({model, s}, "model", "s", "mixed");
  CHECK(CsvRow(csv, 1).rfind("model,W,false,200.00,200.00,1.000000,3.000000,4.000000,3.000000,3."
                             "000000,1.000000,1.000000,",
                             0) == 0);
  CHECK(
      CsvRow(csv, 2).rfind(
          "s,s,false,200.00,200.00,0.500000,2.500000,6.000000,3.750000,3.750000,0.500000,0.500000,",
          0) == 0);
  std::string json = RunOk({"compare", model, s, "--format", "json"});
  CHECK(Contains(json,
                 "\"mixed\": {\n      \"a\": 1.0,\n      \"b\": 0.0,\n      \"c\": 0.0\n    },"));
  for (const char* set : {"tiny", "huge", "least"}) EveryOutput({model, s}, "model", "s", set);

  std::string over = kExtremeWeights;
  over.replace(over.find("least: {a: 5e-324}"), 18, "over: {a: 1.7e308, b: 1.7e308}");
  CHECK(LoadError(over) == "m.yaml:9:9: error: weights.over: weights are too large");
}

TEST_CASE("a century of years, 1950 to 2049, splits moves and totals exactly",
          "[numeric][limits]") {
  std::string years, budget;
  for (int y = 1950; y <= 2049; ++y) {
    years += (y > 1950 ? ", " : "") + std::to_string(y);
    budget += (y > 1950 ? ", " : "") + std::to_string(y) + ": 100";
  }
  TempDir dir;
  std::string model = dir.Write(
      "m.yaml", "format: allot/1\ntitle: C\nyears: [" + years +
                    "]\nobjectives: [{id: a, name: A}, {id: b, name: B}]\nweights: {even: {a: 1, "
                    "b: 1}}\nlines:\n"
                    "  - {id: x, name: X, source: s, budget: {" +
                    budget +
                    "}, effects: {a: {curve: linear, points: 1, per: 1000}}}\n"
                    "  - {id: y, name: Y, source: s, budget: {1950: 0.01, 2049: 0.02}, effects: "
                    "{b: {curve: table, points: [[0.01, 10], [0.03, 20], [1000, 30]]}}}\n");
  // 1,000.01 EUR from 100 x 100 EUR: 1,000 cents a year, the spare cent to
  // 1950 (all remainders tie; the earlier year wins); then one cent in 2049.
  std::string s = dir.Write("s.yaml",
                            "format: allot/1\nscenario: s\nbudget: neutral-per-year\nchanges:\n"
                            "  - move: {amount: 1000.01, from: x, to: y}\n"
                            "  - move: {amount: 0.01, from: x, to: y, year: 2049}\n");
  std::string json = RunOk({"compare", model, s, "--format", "json"});
  CHECK(Contains(json, "\"total_cents\": 1000003,"));
  CHECK(Contains(json, "\"y\": {\n          \"1950\": 1002,\n          \"1951\": 1000,"));
  CHECK(Contains(json, "\"2048\": 1000,\n          \"2049\": 1003\n        }"));
  CHECK(Contains(json, "\"x\": {\n          \"1950\": 8999,\n          \"1951\": 9000,"));
  std::string csv = EveryOutput({model, s}, "model", "s", "even");
  // model: a = 10,000 EUR / 1,000 = 10; y has 0.03 EUR: b = 20.
  // s: a = 8,999.98 / 1,000 = 8.99998; y has 1,000.04: b = 30 (flat).
  CHECK(CsvRow(csv, 1).rfind("model,C,false,10000.03,100.01,100.00,", 0) == 0);
  CHECK(Contains(CsvRow(csv, 1), ",100.02,10.000000,20.000000,15.000000,"));
  CHECK(CsvRow(csv, 2).rfind("s,s,false,10000.03,100.01,100.00,", 0) == 0);
  CHECK(Contains(CsvRow(csv, 2), ",100.02,8.999980,30.000000,19.499990,"));
}

TEST_CASE("optimise and frontier refuse budgets past 2^53 cents instead of overflowing",
          "[numeric][limits][optimise]") {
  // Before: the default frontier range, 1.5 x the largest total, wrapped to
  // negative budgets, and rounding the solver's doubles to cents overflowed
  // the int64 sum (abort).
  TempDir dir;
  std::string model = dir.Write("m.yaml", kNearModel);
  std::string top = dir.Write("top.yaml", kTop);
  const std::string message =
      "error: the budget and the base's total must each be at most €90,071,992,547,409.92 (2^53 "
      "cents, where the solver's floating point stops being exact to the cent)\n";
  Run frontier = Cli({"frontier", model, top, "-w", "even", "--points", "4"});
  CHECK(frontier.code == 2);
  CHECK(frontier.out.empty());
  CHECK(frontier.err == "allot frontier: " + message);
  Run optimise = Cli({"optimise", model, top, "-w", "even", "--base", "top"});
  CHECK(optimise.code == 2);
  CHECK(optimise.err == "allot optimise: " + message);
  // 10^13 EUR is within range: the frontier is computed, finite. At this
  // scale GLPK's outer problem loses the EUR 100 curve of y and returns a
  // bound (0.375) below a known score, which is refused (it used to print
  // 25.00, the score itself, as the bound). The bound shown comes from the
  // LP's prices on the true curves (DualBound), and the answer is the
  // analytic optimum: y gets x with 0.5 * 50 * 100 / (x + 100)^2 = 0.5e-13
  // (x = 2.236e8 EUR), x the rest: 0.5 * (0.749978 + 49.999978) = 25.374978.
  std::string csv = RunOk({"frontier", model, "-w", "even", "--points", "2", "--format", "csv"});
  CHECK(Contains(csv, ",7500000000000.04,7500000000000.04,25.37,25.37,"));
}
