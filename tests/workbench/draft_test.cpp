#include "allot/draft.hpp"

#include <catch2/catch.hpp>
#include <random>

#include "allot/load.hpp"
#include "allot/write_scenario.hpp"
#include "test_support.hpp"

using namespace allot;
using allot::testing::CentsOf;
using allot::testing::kSmallModel;
using allot::testing::ModelFrom;
using allot::testing::Render;
using allot::testing::ResolveOk;
using allot::testing::ScenarioFrom;

namespace {

Money Eur(int64_t euros) { return Money::FromCents(euros * 100); }

// The small model (x: 100/200/300 EUR, y: 0/0/0) and one scenario, `up`,
// that gives y EUR 10 in every year.
struct Fixture {
 public:
  Model model = ModelFrom(kSmallModel);
  std::vector<Scenario> scenarios = {ScenarioFrom(R"(format: allot/1
scenario: up
changes:
  - set: {line: y, budget: {2024: 10, 2025: 10, 2026: 10}}
)")};
  Scenario draft = NewDraft(kModelScenarioId, scenarios);

  // Applies `edit` to the draft; the edit must succeed.
  void Edit(const DraftEdit& edit) {
    Diagnostics diags;
    std::optional<Scenario> next = ApplyEdit(model, scenarios, draft, edit, diags);
    INFO(Render(diags));
    REQUIRE(next);
    draft = *next;
  }

  // Applies `edit`, which must fail; returns the messages.
  std::string Refused(const DraftEdit& edit) {
    Diagnostics diags;
    std::optional<Scenario> next = ApplyEdit(model, scenarios, draft, edit, diags);
    CHECK_FALSE(next);
    return Render(diags);
  }

  // The changes of the draft as written in its file.
  std::string Changes() const {
    std::string text = WriteScenarioYaml(draft);
    return text.substr(text.find("changes:"));
  }

  // The draft saved and read back as a file, resolved with everything
  // loaded (what `allot compare` would see): line `id`'s cents per year.
  std::vector<int64_t> Saved(const std::string& id) { return CentsOf(ResolveSaved(), id); }

  // The same file's totals per year, in cents.
  std::vector<int64_t> SavedTotals() {
    std::vector<int64_t> totals;
    for (Money m : ResolveSaved().by_year) totals.push_back(m.cents());
    return totals;
  }

 private:
  const ResolvedScenario& ResolveSaved() {
    Diagnostics diags;
    std::optional<Scenario> back = LoadScenario(WriteScenarioYaml(draft), "saved.yaml", diags);
    REQUIRE(back);
    saved_ = scenarios;
    saved_.push_back(*back);
    resolved_ = ResolveOk(model, saved_);  // points into saved_
    return resolved_.back();
  }

  std::vector<Scenario> saved_;
  std::vector<ResolvedScenario> resolved_;
};

}  // namespace

TEST_CASE("a new draft has no changes and an id no loaded scenario has", "[draft]") {
  std::vector<Scenario> scenarios = {ScenarioFrom("format: allot/1\nscenario: variant\n"),
                                     ScenarioFrom("format: allot/1\nscenario: up-variant\n")};
  Scenario from_model = NewDraft(kModelScenarioId, scenarios);
  CHECK(from_model.id == "variant-2");
  CHECK_FALSE(from_model.base);
  Scenario from_up = NewDraft("up", scenarios);
  CHECK(from_up.id == "up-variant-2");
  CHECK(from_up.base == std::optional<std::string>("up"));
  CHECK(from_up.changes.empty());
}

TEST_CASE("changing one year's amount writes one set, and dragging on updates it", "[draft]") {
  Fixture f;
  f.Edit(SetAmountEdit{"x", 2025, Eur(250), {}});
  CHECK(f.Changes() == "changes:\n  - set: {line: x, budget: {2024: 100, 2025: 250, 2026: 300}}\n");
  f.Edit(SetAmountEdit{"x", 2025, Eur(260), {}});
  f.Edit(SetAmountEdit{"x", 2024, Money::FromCents(5), {}});
  CHECK(f.Changes() ==
        "changes:\n  - set: {line: x, budget: {2024: 0.05, 2025: 260, 2026: 300}}\n");
  CHECK(f.Saved("x") == std::vector<int64_t>{5, 26000, 30000});
  // Back to the model's amounts: the set changes nothing and is dropped.
  f.Edit(SetAmountEdit{"x", 2025, Eur(200), {}});
  f.Edit(SetAmountEdit{"x", 2024, Eur(100), {}});
  CHECK(f.Changes() == "changes: []\n");
}

TEST_CASE("a budget-neutral change moves the difference to or from the balancing line", "[draft]") {
  Fixture f;
  f.Edit(SetAmountEdit{"y", 2025, Eur(50), std::string("x")});
  CHECK(f.Changes() == "changes:\n  - move: {amount: 50, from: x, to: y, year: 2025}\n");
  f.Edit(SetAmountEdit{"y", 2025, Eur(80), std::string("x")});
  CHECK(f.Changes() == "changes:\n  - move: {amount: 80, from: x, to: y, year: 2025}\n");
  // From the other side, the same pair and year: one move, the net.
  f.Edit(SetAmountEdit{"x", 2025, Eur(150), std::string("y")});
  CHECK(f.Changes() == "changes:\n  - move: {amount: 50, from: x, to: y, year: 2025}\n");
  f.Edit(SetAmountEdit{"y", 2026, Eur(1), std::string("x")});
  CHECK(f.Saved("x") == std::vector<int64_t>{10000, 15000, 29900});
  CHECK(f.Saved("y") == std::vector<int64_t>{0, 5000, 100});
  f.Edit(SetAmountEdit{"y", 2025, Eur(0), std::string("x")});
  f.Edit(SetAmountEdit{"y", 2026, Eur(0), std::string("x")});
  CHECK(f.Changes() == "changes: []\n");
}

TEST_CASE("budget-neutral edits keep every year's total to the cent", "[draft]") {
  // A random walk of balanced edits: the saved file always resolves, and
  // its per-year totals are the model's.
  Fixture f;
  f.draft.budget.kind = BudgetRuleKind::kNeutralPerYear;
  std::mt19937 random(7);
  for (int step = 0; step < 60; ++step) {
    bool to_y = random() % 2 == 0;
    int year = 2024 + static_cast<int>(random() % 3);
    size_t y = static_cast<size_t>(year - 2024);
    int64_t have = f.Saved("x")[y] + f.Saved("y")[y];
    Money amount =
        Money::FromCents(static_cast<int64_t>(random() % static_cast<uint64_t>(have + 1)));
    f.Edit(SetAmountEdit{to_y ? "y" : "x", year, amount, std::string(to_y ? "x" : "y")});
    CHECK(f.SavedTotals() == std::vector<int64_t>{10000, 20000, 30000});
    CHECK(f.draft.changes.size() <= 3);  // at most one move per year
  }
}

TEST_CASE("moves between the same lines in the same year add up", "[draft]") {
  Fixture f;
  f.Edit(MoveEdit{MoveChange{Eur(10), "x", "y", 2024}});
  f.Edit(MoveEdit{MoveChange{Eur(15), "x", "y", 2024}});
  f.Edit(MoveEdit{MoveChange{Eur(60), "x", "y", {}}});
  CHECK(f.Changes() ==
        "changes:\n"
        "  - move: {amount: 25, from: x, to: y, year: 2024}\n"
        "  - move: {amount: 60, from: x, to: y}\n");
  // 60 over 75/200/300 (what x has after the first move): 7.83/20.87/31.30.
  CHECK(f.Saved("y") == std::vector<int64_t>{2500 + 783, 2087, 3130});
}

TEST_CASE("an added line can copy another line's effects and be funded from a line", "[draft]") {
  Fixture f;
  f.Edit(AddLineEdit{"z", "Line Z", {{2025, Eur(40)}}, std::string("x"), std::string("x")});
  CHECK(f.Changes() ==
        "changes:\n"
        "  - add:\n"
        "      id: z\n"
        "      name: Line Z\n"
        "      budget: {2024: 0, 2025: 0, 2026: 0}\n"
        "      illustrative: true\n"
        "      effects:\n"
        "        a:\n"
        "          curve: linear\n"
        "          points: 1\n"
        "          per: 100\n"
        "          note: \"the curve of line 'x', copied: an assumption\"\n"
        "  - move: {amount: 40, from: x, to: z, year: 2025}\n");
  CHECK(f.Saved("z") == std::vector<int64_t>{0, 4000, 0});
  // Dropping the added line takes out every change that names it.
  f.Edit(RemoveLineEdit{"z", {}});
  CHECK(f.Changes() == "changes: []\n");
}

TEST_CASE("an added line's file leaves out the years at 0", "[draft]") {
  Fixture f;
  f.Edit(AddLineEdit{"z", "Line Z", {{2024, Eur(0)}, {2025, Eur(40)}, {2026, Eur(0)}}, {}, {}});
  CHECK(f.Changes() ==
        "changes:\n"
        "  - add:\n"
        "      id: z\n"
        "      name: Line Z\n"
        "      budget: {2025: 40}\n"
        "      illustrative: true\n");
  CHECK(f.Saved("z") == std::vector<int64_t>{0, 4000, 0});
}

TEST_CASE("a removed line's money can go to another line first", "[draft]") {
  Fixture f;
  f.Edit(RemoveLineEdit{"x", std::string("y")});
  CHECK(f.Changes() ==
        "changes:\n"
        "  - move: {amount: 600, from: x, to: y}\n"
        "  - remove: x\n");
  CHECK(f.Saved("y") == std::vector<int64_t>{10000, 20000, 30000});
}

TEST_CASE("a set of a line that is removed afterwards is dropped", "[draft]") {
  Fixture f;
  f.Edit(SetAmountEdit{"x", 2024, Eur(1), {}});
  f.Edit(RemoveLineEdit{"x", {}});
  CHECK(f.Changes() == "changes:\n  - remove: x\n");
}

TEST_CASE("a draft based on a scenario changes that scenario's money", "[draft]") {
  Fixture f;
  f.draft = NewDraft("up", f.scenarios);
  f.Edit(SetAmountEdit{"y", 2026, Eur(25), {}});
  CHECK(f.Changes() == "changes:\n  - set: {line: y, budget: {2024: 10, 2025: 10, 2026: 25}}\n");
  CHECK(WriteScenarioYaml(f.draft).find("base: up\n") != std::string::npos);
}

TEST_CASE("an edit that cannot be made is refused and says why", "[draft]") {
  Fixture f;
  CHECK(f.Refused(SetAmountEdit{"nope", 2025, Eur(1), {}}) ==
        "error: line 'nope' is not in scenario 'variant'\n");
  CHECK(f.Refused(SetAmountEdit{"x", 2031, Eur(1), {}})
            .find("year 2031 is not one of the model's years") != std::string::npos);
  CHECK(f.Refused(SetAmountEdit{"y", 2024, Eur(101), std::string("x")})
            .find("takes €101 from 'x' in 2024, which has only €100 (short by €1)") !=
        std::string::npos);
  CHECK(f.Refused(SetAmountEdit{"x", 2024, Eur(1), std::string("x")})
            .find("line 'x' cannot balance itself") != std::string::npos);
  CHECK(f.Refused(DescribeEdit{"up", "", "", "", false})
            .find("scenario: id 'up' is taken by a loaded scenario") != std::string::npos);
  CHECK(f.Refused(DescribeEdit{"two words", "", "", "", false}).find("invalid id 'two words'") !=
        std::string::npos);
  CHECK(f.Refused(AddLineEdit{"x", "again", {}, {}, {}}).find("'x'") != std::string::npos);
  f.Edit(SetAmountEdit{"x", 2024, Eur(1), {}});
  CHECK(f.Refused(BudgetRuleEdit{BudgetRule{BudgetRuleKind::kNeutral, {}, {}}})
            .find("is not budget-neutral") != std::string::npos);
}
