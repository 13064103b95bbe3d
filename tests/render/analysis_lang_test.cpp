// --lang en|nl of the analysis commands (stability, what-it-takes, tornado,
// explain, batch): Dutch labels, decimal commas and euro amounts in table
// and md; csv and json the same in both languages; a bad value is a usage
// error. The full outputs on the shipped model are golden files
// (tests/cli/golden_test.cpp); these tests name what the Dutch must contain.
#include <catch2/catch.hpp>
#include <sstream>

#include "allot/cli.hpp"
#include "allot/render.hpp"
#include "allot/what_it_takes.hpp"
#include "test_support.hpp"

using allot::testing::Has;

namespace {

struct Run {
  int code;
  std::string out;
  std::string err;
};

// On the shipped model and scenarios.
Run Shipped(std::vector<std::string> args) {
  std::ostringstream out, err;
  int code = allot::RunCli(args, out, err, allot::CliContext{{ALLOT_SOURCE_DIR}});
  return Run{code, out.str(), err.str()};
}

std::string Out(const std::vector<std::string>& args) {
  Run r = Shipped(args);
  INFO(r.err);
  REQUIRE(r.code == 0);
  return r.out;
}

std::vector<std::string> With(std::vector<std::string> args, const std::vector<std::string>& more) {
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

// One command line per analysis command, on the shipped model.
std::vector<std::vector<std::string>> Commands() {
  return {
      {"stability", "--weights", "ministry"},
      {"what-it-takes", "amendement-bikker", "herverdeling-ckm-versterkt", "--weights", "ministry"},
      {"tornado", "model", "herverdeling-ckm", "--weights", "ministry"},
      {"explain", "model", "zonder-informatiepunt", "--weights", "ministry"},
      {"batch", allot::testing::SourcePath("tests/data/golden/runs.yaml")}};
}

}  // namespace

TEST_CASE("stability --lang nl: Dutch labels and decimal commas", "[stability][lang]") {
  std::vector<std::string> args{"stability", "--weights", "ministry", "--lang", "nl"};
  for (const std::string& text : {Out(args), Out(With(args, {"--format", "md"}))}) {
    CHECK(Has(text, "stabiliteit van de weging"));
    CHECK(Has(text, "Weging ministry: bovenaan staat amendement-bikker"));
    CHECK(Has(text, "eerste wissel erboven"));
    CHECK(Has(text, "amendement-grinwis passeert amendement-bikker"));
    CHECK(Has(text,
              "volgorde nu: amendement-bikker 47,79; amendement-grinwis 46,25; "
              "herverdeling-ckm-versterkt 45,40"));
    CHECK(Has(text, "0,236"));
    CHECK_FALSE(Has(text, "0.236"));
    CHECK_FALSE(Has(text, " passes "));
  }
}

TEST_CASE("what-it-takes --lang nl: the sentence in Dutch", "[whatittakes][lang]") {
  std::vector<std::string> args{"what-it-takes",
                                "amendement-bikker",
                                "herverdeling-ckm-versterkt",
                                "-w",
                                "ministry",
                                "-l",
                                "nl"};
  for (std::string text : {Out(args), Out(With(args, {"--format", "md"}))}) {
    // Markdown escapes the '_' of ids; read it as the table shows it.
    for (size_t at = text.find("\\_"); at != std::string::npos; at = text.find("\\_", at)) {
      text.erase(at, 1);
    }
    CHECK(Has(text, "wat is er nodig zodat herverdeling-ckm-versterkt amendement-bikker inhaalt"));
    CHECK(Has(text,
              "herverdeling-ckm-versterkt haalt amendement-bikker in zodra criminal_exploitation "
              "0,237 weegt "
              "in plaats "
              "van 0,125 en victim_care 0,075 weegt in plaats van 0,188 (L1-afstand 0,224)"));
    CHECK(Has(text, "scores nu: amendement-bikker 47,79 en herverdeling-ckm-versterkt 45,40"));
    CHECK(Has(text, "+0,112"));
    CHECK_FALSE(Has(text, "catches up"));
  }
  // The other two answers.
  CHECK(Has(Out({"what-it-takes", "model", "herverdeling-ckm", "-w", "ckm", "--lang", "nl"}),
            "herverdeling-ckm scoort onder ckm al minstens zoveel als model (28,96 tegen 19,49): "
            "afstand 0"));
}

TEST_CASE("what-it-takes: the summary sentence of each answer in both languages",
          "[whatittakes][lang]") {
  // B behind on both objectives: impossible; ahead on b: found.
  allot::OvertakeResult r = allot::NearestOvertake({50, 40}, {30, 20}, {0.5, 0.5});
  r.a = "A";
  r.b = "B";
  r.weight_set = "even";
  REQUIRE(r.status == allot::OvertakeStatus::kImpossible);
  CHECK(allot::OvertakeSummary(r, allot::Lang::kEn) ==
        "no weights make B score at least as much as A: B scores less on every objective");
  CHECK(allot::OvertakeSummary(r, allot::Lang::kNl) ==
        "bij geen enkele verdeling van de gewichten scoort B minstens zoveel als A: B scoort op "
        "elk doel lager");
  r.status = allot::OvertakeStatus::kFound;
  r.distance = 0.5;
  r.changes = {{"x", 0.5, 0.75}, {"y", 0.5, 0.25}, {"z", 0.125, 0.1}, {"w", 0.1, 0.05}};
  CHECK(allot::OvertakeSummary(r, allot::Lang::kEn) ==
        "B catches up with A once x weighs 0.750 instead of 0.500, y weighs 0.250 instead of 0.500 "
        "and z weighs "
        "0.100 instead of 0.125 (and smaller changes) (L1 distance 0.500)");
  CHECK(allot::OvertakeSummary(r, allot::Lang::kNl) ==
        "B haalt A in zodra x 0,750 weegt in plaats van 0,500, y 0,250 weegt in plaats van 0,500 "
        "en z 0,100 "
        "weegt in plaats van 0,125 (en kleinere wijzigingen) (L1-afstand 0,500)");
  r.status = allot::OvertakeStatus::kAlreadyWins;
  r.score_a = 20;
  r.score_b = 20.5;
  CHECK(allot::OvertakeSummary(r, allot::Lang::kNl) ==
        "B scoort onder even al minstens zoveel als A (20,50 tegen 20,00): afstand 0");
}

TEST_CASE("tornado --lang nl: Dutch labels and decimal commas", "[tornado][lang]") {
  std::vector<std::string> args{"tornado", "model", "herverdeling-ckm", "-w", "ministry",
                                "--lang",  "nl"};
  for (const std::string& text : {Out(args), Out(With(args, {"--format", "md"}))}) {
    CHECK(Has(text,
              "Verschil model - herverdeling-ckm bij weging ministry: -0,637 punten bij de "
              "waarschijnlijke "
              "waarden"));
    CHECK(Has(text, "verandering bij hoog"));
    CHECK(Has(text, "uitslag"));
    CHECK(Has(text, "gewicht"));
    CHECK(Has(text, "38,2918"));  // P90 of [15, 30, 45]: 45 - sqrt(45)
    CHECK(Has(text, "+0,444"));
    CHECK(Has(text, "bereik"));
    CHECK(Has(text, "driehoeksverdeling"));
    CHECK_FALSE(Has(text, "swing"));
  }
}

TEST_CASE("explain --lang nl: euro amounts as € 650.000", "[explain][lang]") {
  std::vector<std::string> args{"explain", "model", "zonder-informatiepunt", "-w", "ministry"};
  CHECK(Has(Out(args), "€650,000"));
  for (const std::string& text :
       {Out(With(args, {"--lang", "nl"})), Out(With(args, {"--lang", "nl", "-f", "md"}))}) {
    CHECK(Has(text, "waarom zonder-informatiepunt verschilt van model"));
    CHECK(Has(text, "Verschil zonder-informatiepunt - model per actielijn"));
    CHECK(Has(text, "€ 650.000"));
    CHECK(Has(text, "exacte Shapley-waarden; elke kolom telt op tot het totaal"));
    CHECK(Has(text, "gewogen score"));
    CHECK_FALSE(Has(text, "650,000"));
  }
}

TEST_CASE("batch --format table|md --lang nl: one section per run", "[batch][lang]") {
  std::vector<std::string> args{"batch", allot::testing::SourcePath("tests/data/golden/runs.yaml"),
                                "--lang", "nl"};
  for (const std::string& text :
       {Out(With(args, {"-f", "table"})), Out(With(args, {"-f", "md"}))}) {
    CHECK(Has(text, "Batch: 4 runs"));
    CHECK(Has(text,
              "Run 2: what-it-takes amendement-bikker tegen herverdeling-ckm-versterkt, gewichten "
              "ministry"));
    CHECK(Has(text, "Run 4: explain versterkt-2024 tegen herverdeling-ckm-versterkt"));
    CHECK(Has(text, "waarde"));
    CHECK(Has(text, "€ 6.000.000"));
    CHECK(Has(text, "0,224009"));
  }
  CHECK(Has(Out({"batch", args[1], "-f", "table"}), "€6,000,000"));
}

TEST_CASE("analysis csv and json are the same in every language",
          "[stability][whatittakes][tornado][explain][batch][lang]") {
  for (const std::vector<std::string>& command : Commands()) {
    for (const char* format : {"csv", "json"}) {
      INFO(command[0] << " --format " << format);
      std::string en = Out(With(command, {"--format", format}));
      CHECK(Out(With(command, {"--format", format, "--lang", "nl"})) == en);
      CHECK(Out(With(command, {"--format", format, "--lang", "en"})) == en);
    }
  }
}

TEST_CASE("analysis commands: --lang en is the default, a bad --lang exits 2",
          "[stability][whatittakes][tornado][explain][batch][lang]") {
  for (const std::vector<std::string>& command : Commands()) {
    INFO(command[0]);
    CHECK(Out(With(command, {"--lang", "en"})) == Out(command));
    Run help = Shipped({command[0], "--help"});
    CHECK(Has(help.out, "--lang"));
    Run bad = Shipped(With(command, {"--lang", "de"}));
    CHECK(bad.code == 2);
    CHECK(bad.out.empty());
    CHECK(bad.err == "allot " + command[0] +
                         ": error: --lang must be en or nl, not 'de'\nTry 'allot " + command[0] +
                         " --help'.\n");
  }
}
