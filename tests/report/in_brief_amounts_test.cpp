// The summary's topic "what survives the unknown split" on hand-made counts
// of an --amounts uncertain run, whose statements are known by
// construction: three scenarios a, b, c over 1,000 samples, weighed by a
// drawn distribution ("uniform") and one weight set exactly ("w1").
#include "report/in_brief_amounts.hpp"

#include <catch2/catch.hpp>

#include "allot/compare.hpp"
#include "allot/uncertain_amounts.hpp"

namespace {

// Per weighting: who is first (a, b, c), beats[x][y] (x scores higher than
// y), the commonest ranking and its count.
struct Counts {
  std::vector<uint64_t> first;
  uint64_t ab, ac, ba, bc, ca, cb;
  std::vector<int> ranking;
  uint64_t ranking_count;
};

allot::UncertainWeighting Weighting(const std::string& name, bool sampled, const Counts& c) {
  allot::UncertainWeighting w;
  w.name = name;
  w.sampled = sampled;
  w.first = c.first;
  w.beats = {0, c.ab, c.ac, c.ba, 0, c.bc, c.ca, c.cb, 0};
  w.commonest_ranking = c.ranking;
  w.commonest_count = c.ranking_count;
  return w;
}

allot::UncertainResult Result(const Counts& uniform, const Counts& w1) {
  allot::UncertainResult r;
  r.samples = 1000;
  r.weights = "uniform";
  r.effects = "uncertain";
  r.holds_at = 0.95;
  r.scenario_ids = {"a", "b", "c"};
  r.scenario_names = {"A", "B", "C"};
  r.weightings = {Weighting("uniform", true, uniform), Weighting("w1", false, w1)};
  r.amounts.push_back({"x", 2024, allot::Money(), {}, false});  // one drawn amount
  return r;
}

std::vector<std::string> Sentences(const allot::UncertainResult& r, allot::Lang lang) {
  allot::CompareResult compared;
  std::optional<allot::SmaaResult> sensitivity;
  std::optional<allot::UncertainResult> amounts = r;
  std::optional<allot::ProvenanceCounts> rests_on;
  std::vector<std::string> out;
  allot::detail::SurvivingStatements({compared, sensitivity, amounts, rests_on, lang}, out);
  return out;
}

const char* const kIntro =
    "When the assumed amounts (within their stated ranges, every sourced total kept to the cent), "
    "the weights (uniform) and the effects vary together over 1000 samples, a statement holds here "
    "if it is true in at least 95% of them; the shares (whole percents, rounded down) rest on "
    "those ranges and on judged effect curves.";

}  // namespace

TEST_CASE("in brief: every statement holds when a > b > c in every sample", "[report][brief]") {
  Counts always{{1000, 0, 0}, 1000, 1000, 0, 1000, 0, 0, {1, 2, 3}, 1000};
  allot::UncertainResult r = Result(always, always);
  std::vector<std::string> en = Sentences(r, allot::Lang::kEn);
  REQUIRE(en.size() == 5);
  CHECK(en[0] == kIntro);
  CHECK(en[1] ==
        "The first place holds under the weights uniform, drawn (a, 100%) and w1 (a, 100%).");
  CHECK(en[2] == "Under the weights uniform, drawn, the whole ranking holds: a > b > c (100%).");
  CHECK(en[3] == "Under the weights w1, the whole ranking holds: a > b > c (100%).");
  CHECK(en[4] ==
        "Under every one of these weights: a scores higher than b and c; b scores higher "
        "than c.");
  std::vector<std::string> nl = Sentences(r, allot::Lang::kNl);
  REQUIRE(nl.size() == 5);
  CHECK(nl[1] ==
        "De eerste plaats staat vast met de weging uniform, getrokken (a, 100%) en w1 (a, 100%).");
  CHECK(nl[4] == "Met elk van deze wegingen: a scoort hoger dan b en c; b scoort hoger dan c.");
  // A model without assumed amounts: the run drew none, and says so.
  r.amounts.clear();
  en = Sentences(r, allot::Lang::kEn);
  REQUIRE(en.size() == 6);
  CHECK(en[1] == "No amount in this model is assumed, so none was drawn.");
}

TEST_CASE("in brief: nothing holds when every order is a coin toss", "[report][brief]") {
  Counts toss{{500, 500, 0}, 500, 500, 500, 500, 500, 500, {1, 2, 3}, 300};
  std::vector<std::string> en = Sentences(Result(toss, toss), allot::Lang::kEn);
  REQUIRE(en.size() == 5);
  CHECK(en[1] ==
        "It is open under the weights uniform, drawn (a, 50%) and w1 (a, 50%) (in "
        "brackets: the scenario most often first, and how often).");
  CHECK(en[2] ==
        "No complete ranking of the 3 scenarios holds under any of these weights (the "
        "commonest occurs in at most 30% of samples).");
  CHECK(en[3] ==
        "No statement that one scenario scores higher than another holds under every one "
        "of these weights.");
  CHECK(en[4] == "Not settled: which scores higher of a and b; a and c; b and c.");
  std::vector<std::string> nl = Sentences(Result(toss, toss), allot::Lang::kNl);
  REQUIRE(nl.size() == 5);
  CHECK(nl[0].rfind("Als de aangenomen bedragen", 0) == 0);
  CHECK(nl[2] ==
        "Geen volledige rangorde van de 3 scenario's staat vast met een van deze wegingen "
        "(de vaakste komt voor in hoogstens 30% van de trekkingen).");
  CHECK(nl[4] == "Niet vastgesteld: welke hoger scoort van a en b; a en c; b en c.");
}

TEST_CASE("in brief: borderline statements are named as such, shares rounded down",
          "[report][brief]") {
  // uniform: a first in 999 of 1000 (99.9%: says 99%, never 100%); a > b in
  // 955 (Wilson 95% interval about 94.0%-96.7%: includes 95%, borderline),
  // a > c always, b > c in 600. w1: a first in exactly 950 (borderline),
  // a > b and a > c always.
  Counts uniform{{999, 1, 0}, 955, 1000, 45, 600, 0, 400, {1, 2, 3}, 600};
  Counts w1{{950, 50, 0}, 1000, 1000, 0, 600, 0, 400, {1, 2, 3}, 600};
  allot::UncertainResult r = Result(uniform, w1);
  std::vector<std::string> en = Sentences(r, allot::Lang::kEn);
  REQUIRE(en.size() == 7);
  CHECK(en[1] == "The first place holds under the weights uniform, drawn (a, 99%).");
  CHECK(en[2] ==
        "It is borderline under the weights w1 (a, 95%): too close to 95% to say that it "
        "holds.");
  CHECK(en[3] ==
        "No complete ranking of the 3 scenarios holds under any of these weights (the "
        "commonest occurs in at most 60% of samples).");
  CHECK(en[4] == "Under every one of these weights: a scores higher than c.");
  CHECK(en[5] ==
        "Borderline (too close to 95% under some weights to say that it holds): a scores "
        "higher than b.");
  CHECK(en[6] == "Not settled: which scores higher of b and c.");
  std::vector<std::string> nl = Sentences(r, allot::Lang::kNl);
  REQUIRE(nl.size() == 7);
  CHECK(nl[2] ==
        "Zij is een grensgeval met de weging w1 (a, 95%): te dicht bij 95% om te zeggen "
        "dat zij vaststaat.");
  CHECK(nl[5] ==
        "Grensgeval (met sommige wegingen te dicht bij 95% om te zeggen dat het "
        "vaststaat): a scoort hoger dan b.");
  // Effects fixed: the first sentence says so.
  r.effects = "fixed";
  CHECK(Sentences(r, allot::Lang::kEn)[0].find("the effects fixed at their likely values") !=
        std::string::npos);
}

TEST_CASE("in brief: no run, no paragraph on what survives", "[report][brief]") {
  allot::CompareResult compared;
  std::optional<allot::SmaaResult> sensitivity;
  std::optional<allot::UncertainResult> amounts;
  std::optional<allot::ProvenanceCounts> rests_on;
  std::vector<std::string> out;
  allot::detail::SurvivingStatements({compared, sensitivity, amounts, rests_on, allot::Lang::kEn},
                                     out);
  CHECK(out.empty());
}

TEST_CASE("in brief: beyond six open pairs the rest are counted", "[report][brief]") {
  // Five scenarios, every order a coin toss: 10 pairs, 6 named, 4 counted.
  allot::UncertainResult r;
  r.samples = 1000;
  r.scenario_ids = {"a", "b", "c", "d", "e"};
  r.amounts.push_back({"x", 2024, allot::Money(), {}, false});
  allot::UncertainWeighting w;
  w.name = "w1";
  w.first = {200, 200, 200, 200, 200};
  w.beats.assign(25, 500);
  w.commonest_ranking = {1, 2, 3, 4, 5};
  w.commonest_count = 10;
  r.weightings = {w};
  std::vector<std::string> en = Sentences(r, allot::Lang::kEn);
  REQUIRE(en.size() == 5);
  CHECK(en[4] ==
        "Not settled: which scores higher of a and b; a and c; a and d; a and e; b and c; "
        "b and d, and of 4 more pairs.");
  // Seven open pairs are all named rather than "and of 1 more pairs".
  for (size_t x = 0; x < 3; ++x) w.beats[x * 5 + 4] = 1000;  // a, b, c score higher than e
  r.weightings = {w};
  en = Sentences(r, allot::Lang::kEn);
  REQUIRE(en.size() == 5);
  CHECK(en[3] ==
        "Under every one of these weights: a scores higher than e; b scores higher than "
        "e; c scores higher than e.");
  CHECK(en[4] ==
        "Not settled: which scores higher of a and b; a and c; a and d; b and c; b and d; "
        "c and d; d and e.");
}
