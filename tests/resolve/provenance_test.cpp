// Which level each figure of a resolved scenario has (docs/format.md, "Which
// level a figure has"), checked on cases worked out by hand.
#include <catch2/catch.hpp>
#include <deque>
#include <optional>
#include <utility>
#include <vector>

#include "allot/resolve.hpp"
#include "test_support.hpp"

using namespace allot;
using allot::testing::ModelFrom;
using allot::testing::ResolveOk;
using allot::testing::ScenarioFrom;

namespace {

// Year totals sourced; line `known` has a reported total split by
// assumption; `guess` is assumed; `zero` is reported as zero.
const char* const kModel = R"(format: allot/1
title: t
years: [2024, 2025]
objectives: [{id: a, name: A}]
weights: {w: {a: 1}}
provenance:
  year_totals: {level: sourced, ref: K1}
  amounts: assumed
lines:
  - id: known
    name: Known
    budget: {2024: 300, 2025: 350}
    amounts: {level: reported, by: CKM}
    split: assumed
  - {id: guess, name: Guess, budget: {2024: 700, 2025: 650}}
  - {id: zero, name: Zero, budget: {}, amounts: {level: reported, by: CKM}}
)";

// A ResolvedScenario points into the scenarios it was resolved from (their
// provenance, their added lines): keep those alive for the whole run, as a
// caller must.
std::vector<ResolvedScenario> ResolveKept(const Model& model, std::vector<Scenario> scenarios) {
  static std::deque<std::vector<Scenario>> kept;
  kept.push_back(std::move(scenarios));
  return ResolveOk(model, kept.back());
}

ProvenanceLevel LineTotal(const ResolvedScenario& r, const std::string& id) {
  for (const ResolvedLine& l : r.lines) {
    if (l.def->id == id) return l.total_provenance->level;
  }
  FAIL("no line " << id);
  return ProvenanceLevel::kUnstated;
}

ProvenanceLevel LineYear(const ResolvedScenario& r, const std::string& id) {
  for (const ResolvedLine& l : r.lines) {
    if (l.def->id == id) return l.year_provenance->level;
  }
  FAIL("no line " << id);
  return ProvenanceLevel::kUnstated;
}

}  // namespace

TEST_CASE("the model's figures: lines as written, totals as the model states",
          "[resolve][provenance]") {
  Model model = ModelFrom(kModel);
  auto r = ResolveKept(model, {});
  CHECK(LineTotal(r[0], "known") == ProvenanceLevel::kReported);
  CHECK(LineYear(r[0], "known") == ProvenanceLevel::kAssumed);
  CHECK(LineYear(r[0], "guess") == ProvenanceLevel::kAssumed);
  CHECK(r[0].year_provenance[0]->level == ProvenanceLevel::kSourced);
  CHECK(r[0].total_provenance->level == ProvenanceLevel::kSourced);
  CHECK(r[0].total_provenance->ref == "K1");
}

TEST_CASE("without stated totals they are the weakest of the lines", "[resolve][provenance]") {
  Model model = ModelFrom(R"(format: allot/1
title: t
years: [2024]
objectives: [{id: a, name: A}]
weights: {w: {a: 1}}
lines:
  - {id: s, name: S, budget: {2024: 1}, amounts: {level: sourced, ref: r}}
  - {id: p, name: P, budget: {2024: 1}, amounts: {level: reported, by: x}}
)");
  auto r = ResolveKept(model, {});
  CHECK(r[0].year_provenance[0]->level == ProvenanceLevel::kReported);
  CHECK(r[0].total_provenance->level == ProvenanceLevel::kReported);
}

TEST_CASE("removing a line with a reported total and an assumed split", "[resolve][provenance]") {
  // zonder-informatiepunt in small: the grand total is sourced minus
  // reported, so reported; each year's total rests on the assumed split.
  Model model = ModelFrom(kModel);
  auto r = ResolveKept(model, {ScenarioFrom("format: allot/1\nscenario: s\nchanges:\n"
                                            "  - remove: known\n")});
  CHECK(r[1].total_provenance->level == ProvenanceLevel::kReported);
  CHECK(r[1].year_provenance[0]->level == ProvenanceLevel::kAssumed);
  CHECK(r[1].year_provenance[1]->level == ProvenanceLevel::kAssumed);
}

TEST_CASE("year totals stated as assumed do not weaken a grand total its lines derive better",
          "[resolve][provenance]") {
  // zonder-informatiepunt as shipped: it states `year_totals: assumed` (the
  // split) and nothing for the total, which is still sourced minus reported.
  Model model = ModelFrom(kModel);
  auto r = ResolveKept(model, {ScenarioFrom("format: allot/1\nscenario: s\n"
                                            "year_totals: assumed\nchanges:\n"
                                            "  - remove: known\n")});
  CHECK(r[1].total_provenance->level == ProvenanceLevel::kReported);
  CHECK(r[1].total_provenance->by == "CKM");  // the removed line's, for the legend
  CHECK(r[1].year_provenance[0]->level == ProvenanceLevel::kAssumed);
  // Lines that state nothing derive nothing: the stated level stays.
  auto unstated = ResolveKept(model, {ScenarioFrom("format: allot/1\nscenario: s\n"
                                                   "year_totals: assumed\nchanges:\n"
                                                   "  - increase: {line: known, amount: 1}\n")});
  CHECK(unstated[1].total_provenance->level == ProvenanceLevel::kAssumed);
  // Lines weaker than the stated year totals: the year totals count.
  auto weaker = ResolveKept(model, {ScenarioFrom("format: allot/1\nscenario: s\n"
                                                 "year_totals: {level: reported, by: X}\n"
                                                 "changes:\n  - remove: guess\n")});
  CHECK(weaker[1].total_provenance->level == ProvenanceLevel::kReported);
  CHECK(weaker[1].total_provenance->by == "X");
}

TEST_CASE("a neutral move keeps the totals' level and weakens the lines it touches",
          "[resolve][provenance]") {
  Model model = ModelFrom(kModel);
  auto r = ResolveKept(model, {ScenarioFrom("format: allot/1\nscenario: s\namounts: assumed\n"
                                            "changes:\n  - move: {amount: 100, from: known, to: "
                                            "zero, year: 2024}\n")});
  CHECK(r[1].year_provenance[0]->level == ProvenanceLevel::kSourced);
  CHECK(r[1].total_provenance->level == ProvenanceLevel::kSourced);
  CHECK(LineTotal(r[1], "known") == ProvenanceLevel::kAssumed);
  CHECK(LineTotal(r[1], "zero") == ProvenanceLevel::kAssumed);
  CHECK(LineTotal(r[1], "guess") == ProvenanceLevel::kAssumed);  // as in the model
}

TEST_CASE("a top-up whose year totals are sourced and whose split is assumed",
          "[resolve][provenance]") {
  // versterkt-2024 in small: each year +100, sourced; where it goes, assumed.
  Model model = ModelFrom(kModel);
  auto r = ResolveKept(model, {ScenarioFrom(R"(format: allot/1
scenario: s
year_totals: {level: sourced, ref: K2}
amounts: assumed
changes:
  - increase: {line: zero, amount: 100, year: 2024}
  - increase: {line: zero, amount: 100, year: 2025}
)")});
  CHECK(r[1].year_provenance[0]->level == ProvenanceLevel::kSourced);
  CHECK(r[1].total_provenance->level == ProvenanceLevel::kSourced);  // as year_totals
  CHECK(LineTotal(r[1], "zero") == ProvenanceLevel::kAssumed);
}

TEST_CASE("a sourced total placed in an assumed year", "[resolve][provenance]") {
  // amendement-bikker in small: +200 sourced, put in 2024 by assumption.
  Model model = ModelFrom(kModel);
  auto r = ResolveKept(model, {ScenarioFrom(R"(format: allot/1
scenario: s
total: {level: sourced, ref: K3}
year_totals: assumed
amounts: assumed
changes:
  - set: {line: zero, budget: {2024: 200}}
)")});
  CHECK(r[1].total_provenance->level == ProvenanceLevel::kSourced);
  CHECK(r[1].year_provenance[0]->level == ProvenanceLevel::kAssumed);
  CHECK(r[1].year_provenance[1]->level == ProvenanceLevel::kSourced);  // 2025 unchanged
}

TEST_CASE("a scenario that states nothing leaves what it changed not stated",
          "[resolve][provenance]") {
  Model model = ModelFrom(kModel);
  auto r = ResolveKept(model, {ScenarioFrom("format: allot/1\nscenario: s\nchanges:\n"
                                            "  - increase: {line: known, amount: 1}\n")});
  CHECK(LineTotal(r[1], "known") == ProvenanceLevel::kUnstated);
  CHECK(r[1].total_provenance->level == ProvenanceLevel::kUnstated);
  // The line's year amounts were already assumed (split: assumed), and the
  // weakest figure counts: the changed year totals are assumed.
  CHECK(r[1].year_provenance[0]->level == ProvenanceLevel::kAssumed);
  CHECK(r[1].year_provenance[1]->level == ProvenanceLevel::kAssumed);
}

TEST_CASE("bases count: a scenario starts from its base's levels", "[resolve][provenance]") {
  Model model = ModelFrom(kModel);
  auto r =
      ResolveKept(model, {ScenarioFrom("format: allot/1\nscenario: a\namounts: assumed\nchanges:\n"
                                       "  - set: {line: zero, budget: {2024: 5}}\n",
                                       "a.yaml"),
                          ScenarioFrom("format: allot/1\nscenario: b\nbase: a\n", "b.yaml")});
  CHECK(LineTotal(r[2], "zero") == ProvenanceLevel::kAssumed);
  CHECK(r[2].total_provenance->level == r[1].total_provenance->level);
}

TEST_CASE("at most one scenario is the current plan", "[resolve][provenance]") {
  Model model = ModelFrom(kModel);
  Diagnostics diags;
  std::vector<Scenario> scenarios = {
      ScenarioFrom("format: allot/1\nscenario: a\ncurrent: true\n", "a.yaml"),
      ScenarioFrom("format: allot/1\nscenario: b\ncurrent: true\n", "b.yaml")};
  auto r = ResolveScenarios(model, scenarios, diags);
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].message ==
        "current: scenarios 'a' (a.yaml:2) and 'b' both say current: true; at most one is the "
        "plan as it stands");
  // The default baseline stays the model; "current" names the plan as it stands.
  CHECK(BaselineId("", r) == "model");
  CHECK(BaselineId("current", r) == "a");
  CHECK(BaselineId("b", r) == "b");
  CHECK(BaselineId("current", ResolveKept(model, {})) == std::nullopt);
}

TEST_CASE("a scenario whose id is 'current' keeps its name as a baseline",
          "[resolve][provenance]") {
  Model model = ModelFrom(kModel);
  auto r =
      ResolveKept(model, {ScenarioFrom("format: allot/1\nscenario: a\ncurrent: true\n", "a.yaml"),
                          ScenarioFrom("format: allot/1\nscenario: current\n", "c.yaml")});
  CHECK(BaselineId("current", r) == "current");
}
