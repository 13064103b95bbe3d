// Drafts: a scenario built edit by edit (allot serve), kept as the changes a
// person would write against its base.
//
// Each edit turns into at most a few `move`, `set`, `add` or `remove`
// changes, merged with the change it continues (dragging a slider ten times
// leaves one `set`; moving money back and forth between two lines in one
// year leaves one `move`, or none). A change that no longer changes anything
// is dropped. Every draft an edit returns has been written as YAML, read
// back by LoadScenario and resolved: saving it gives a file that
// `allot check` accepts and that `allot compare` resolves to exactly the
// money the draft has.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "allot/diagnostic.hpp"
#include "allot/model.hpp"
#include "allot/money.hpp"
#include "allot/resolve.hpp"
#include "allot/scenario.hpp"

namespace allot {

// Sets line `line`'s amount in `year` to `amount`. With `balance`, the
// difference is moved from or to that line in the same year, so the total
// stays (budget-neutral); without, the line's budget is set.
struct SetAmountEdit {
  std::string line;
  int year = 0;
  Money amount;
  std::optional<std::string> balance;
};

// Moves money between two lines: a `move` change (all years in proportion
// to the source's budget when `year` is empty).
struct MoveEdit {
  MoveChange move;
};

// Adds a new line with `budget` (model years; others are an error). Its
// effects are copied from line `effects_like` of the draft, or it has none
// (and scores nothing). The line is marked illustrative: its figures are the
// user's. With `balance`, the line is added empty and its budget moved in
// from that line, year by year.
struct AddLineEdit {
  std::string id;
  std::string name;
  std::map<int, Money> budget;
  std::optional<std::string> effects_like;
  std::optional<std::string> balance;
};

// Drops a line. A line the draft itself added is taken out together with
// every change that names it. With `balance`, the line's money first moves
// to that line (all of it, in every year).
struct RemoveLineEdit {
  std::string line;
  std::optional<std::string> balance;
};

// Sets the draft's budget rule (kNone to drop it).
struct BudgetRuleEdit {
  BudgetRule rule;
};

// Sets the draft's id, name and free text, and whether the amounts its
// changes set, move or add are estimates (SetEstimate).
struct DescribeEdit {
  std::string id;
  std::string name;
  std::string note;
  std::string source;
  bool illustrative = false;
};

// One edit of a draft, as the workbench page sends it.
using DraftEdit = std::variant<SetAmountEdit, MoveEdit, AddLineEdit, RemoveLineEdit, BudgetRuleEdit,
                               DescribeEdit>;

// The name under which a draft's text is read back and reported in
// diagnostics: "ID.yaml".
std::string DraftFileName(const Scenario& draft);

// Whether the amounts `draft`'s changes set, move or add are estimates:
// true makes its `amounts` assumed (the file says `illustrative: true`),
// false makes them not stated; a level that already agrees is kept as it is
// (a file's `amounts: {level: reported, by: ...}` stays).
void SetEstimate(Scenario& draft, bool estimate);

// A new draft without changes, based on `base` (a scenario id from
// `scenarios`, or kModelScenarioId for the model), with an id not used by
// any of `scenarios`: "BASE-variant", "BASE-variant-2", ... Its amounts are
// assumed: what a person types in the workbench is their own estimate
// until they say otherwise (docs/serve.md, "What the figures rest on").
Scenario NewDraft(const std::string& base, const std::vector<Scenario>& scenarios);

// Checks `draft` as a file would be checked: written as YAML and read back
// (LoadScenario), its id not taken by one of `scenarios`, then resolved on
// top of its base chain from `scenarios`. Returns the draft as read back, or
// nullopt with diagnostics.
std::optional<Scenario> CheckDraft(const Model& model, const std::vector<Scenario>& scenarios,
                                   const Scenario& draft, Diagnostics& diags);

// Applies `edit` to `draft`, whose base chain is in `scenarios` (the loaded
// scenarios, without the draft). Returns the new draft, checked by
// CheckDraft, or nullopt with diagnostics saying why the edit cannot be
// made (an unknown line, more money moved than a line has, a broken budget
// rule, an id already taken...); `draft` itself is never changed.
std::optional<Scenario> ApplyEdit(const Model& model, const std::vector<Scenario>& scenarios,
                                  const Scenario& draft, const DraftEdit& edit, Diagnostics& diags);

}  // namespace allot
