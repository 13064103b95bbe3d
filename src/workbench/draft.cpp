// Drafts: edits turned into the changes a person would write
// (allot/draft.hpp).
#include "allot/draft.hpp"

#include <algorithm>
#include <memory>
#include <set>
#include <unordered_map>

#include "allot/load.hpp"
#include "allot/write_scenario.hpp"
#include "workbench/resolve_draft.hpp"

namespace allot {

using detail::ResolvedDraft;
using detail::ResolveDraft;

namespace {

const ResolvedLine* FindLine(const ResolvedScenario& r, const std::string& id) {
  for (const ResolvedLine& line : r.lines) {
    if (line.def->id == id) return &line;
  }
  return nullptr;
}

bool SameAllocation(const ResolvedScenario& a, const ResolvedScenario& b) {
  if (a.lines.size() != b.lines.size()) return false;
  for (size_t i = 0; i < a.lines.size(); ++i) {
    if (a.lines[i].def->id != b.lines[i].def->id || a.lines[i].by_year != b.lines[i].by_year) {
      return false;
    }
  }
  return true;
}

// Whether a change reads or writes line `id`.
bool Names(const Change& change, const std::string& id) {
  return std::visit(
      [&](const auto& c) {
        using T = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<T, MoveChange>) {
          return c.from == id || c.to == id;
        } else if constexpr (std::is_same_v<T, AddChange>) {
          return c.line.id == id;
        } else {
          return c.line == id;
        }
      },
      change.what);
}

// Whether a change reads or writes line `id` in `year` (a move within one
// year touches no other; every other change touches all years).
bool Touches(const Change& change, const std::string& id, std::optional<int> year) {
  const MoveChange* move = std::get_if<MoveChange>(&change.what);
  if (year && move != nullptr && move->year && *move->year != *year) return false;
  return Names(change, id);
}

// The index of the last change touching `a` or `b` in `year` (all years
// when empty), or -1. Changes read only the lines they name, in the years
// they touch, so the change found there can be rewritten in place with the
// same effect as appending a new one.
long LastTouching(const std::vector<Change>& changes, const std::string& a, const std::string& b,
                  std::optional<int> year) {
  for (size_t i = changes.size(); i-- > 0;) {
    if (Touches(changes[i], a, year) || Touches(changes[i], b, year)) return static_cast<long>(i);
  }
  return -1;
}

// An edit being applied: the draft so far, its resolution, the lines the
// edit touches (whose changes may have become no-ops), and the first error.
class Editor {
 public:
  Editor(const Model& model, const std::vector<Scenario>& scenarios, const Scenario& draft,
         Diagnostics& diags)
      : model_(model), scenarios_(scenarios), draft_(draft), diags_(diags) {}

  std::optional<Scenario> Apply(const DraftEdit& edit) {
    current_ = ResolveDraft(model_, scenarios_, draft_, diags_);
    if (!current_) return std::nullopt;
    bool ok = std::visit([&](const auto& e) { return Do(e); }, edit);
    if (!ok) return std::nullopt;
    DropNoOps();
    return CheckDraft(model_, scenarios_, draft_, diags_);
  }

 private:
  // An edit's own error points at no line of the file: the file is fine.
  bool Error(const std::string& message) {
    AddError(diags_, SourceLocation{}, message);
    return false;
  }

  const ResolvedLine* Line(const std::string& id) {
    const ResolvedLine* line = FindLine(current_->draft(), id);
    if (line == nullptr) Error("line '" + id + "' is not in scenario '" + draft_.id + "'");
    return line;
  }

  std::optional<size_t> Year(int year) {
    int index = model_.YearIndex(year);
    if (index < 0) {
      Error("year " + std::to_string(year) + " is not one of the model's years");
      return std::nullopt;
    }
    return static_cast<size_t>(index);
  }

  bool CheckBalance(const std::string& line, const std::string& balance) {
    if (line == balance) return Error("line '" + line + "' cannot balance itself");
    return Line(balance) != nullptr;
  }

  std::vector<Change>& changes() { return draft_.changes; }

  // Puts `change` at `at` (replacing what is there) or, with at < 0, at the end.
  void Put(long at, Change change) {
    if (at < 0) {
      changes().push_back(std::move(change));
    } else {
      changes()[static_cast<size_t>(at)] = std::move(change);
    }
  }

  bool Do(const SetAmountEdit& e) {
    const ResolvedLine* line = Line(e.line);
    std::optional<size_t> y = Year(e.year);
    if (line == nullptr || !y) return false;
    touched_.insert(e.line);
    if (e.balance) return Balance(e.line, *e.balance, e.year, e.amount - line->by_year[*y]);
    SetChange set{e.line, {}};
    for (size_t t = 0; t < model_.years.size(); ++t) set.budget[model_.years[t]] = line->by_year[t];
    set.budget[e.year] = e.amount;
    long at = LastTouching(changes(), e.line, e.line, {});
    bool continues =
        at >= 0 && std::holds_alternative<SetChange>(changes()[static_cast<size_t>(at)].what);
    Put(continues ? at : -1, Change{std::move(set), {}});
    return true;
  }

  // Moves `delta` (signed: > 0 from `balance` to `line`) in `year`, merged
  // with a move between the same two lines in that year.
  bool Balance(const std::string& line, const std::string& balance, int year, Money delta) {
    if (!CheckBalance(line, balance)) return false;
    touched_.insert(balance);
    long at = LastTouching(changes(), line, balance, year);
    const MoveChange* last =
        at >= 0 ? std::get_if<MoveChange>(&changes()[static_cast<size_t>(at)].what) : nullptr;
    bool continues = last != nullptr && last->year == std::optional<int>(year) &&
                     ((last->from == balance && last->to == line) ||
                      (last->from == line && last->to == balance));
    std::optional<Money> net = delta;
    if (continues) {
      net =
          last->from == balance ? CheckedAdd(delta, last->amount) : CheckedSub(delta, last->amount);
    }
    if (!net) return Error("the amount is too large");
    if (net->IsZero()) {
      if (continues) changes().erase(changes().begin() + at);
      return true;
    }
    bool in = net->cents() > 0;
    MoveChange move{in ? *net : Money() - *net, in ? balance : line, in ? line : balance, year};
    Put(continues ? at : -1, Change{std::move(move), {}});
    return true;
  }

  bool Do(const MoveEdit& e) {
    const MoveChange& m = e.move;
    if (Line(m.from) == nullptr || Line(m.to) == nullptr) return false;
    if (m.year && !Year(*m.year)) return false;
    touched_.insert(m.from);
    touched_.insert(m.to);
    long at = LastTouching(changes(), m.from, m.to, m.year);
    const MoveChange* last =
        at >= 0 ? std::get_if<MoveChange>(&changes()[static_cast<size_t>(at)].what) : nullptr;
    if (last != nullptr && last->from == m.from && last->to == m.to && last->year == m.year) {
      std::optional<Money> sum = CheckedAdd(last->amount, m.amount);
      if (!sum) return Error("the amount is too large");
      Put(at, Change{MoveChange{*sum, m.from, m.to, m.year}, {}});
      return true;
    }
    Put(-1, Change{m, {}});
    return true;
  }

  bool Do(const AddLineEdit& e) {
    allot::Line line;
    line.id = e.id;
    line.name = e.name;
    // A year at 0 is left out, as a person writes a line: a model year left
    // out is 0 (docs/format.md).
    for (const auto& [year, amount] : e.budget) {
      if (!amount.IsZero()) line.budget[year] = amount;
    }
    line.illustrative = true;  // the figures are the user's own
    if (e.effects_like) {
      const ResolvedLine* like = Line(*e.effects_like);
      if (like == nullptr) return false;
      line.effects = like->def->effects;
      for (Effect& effect : line.effects) {
        effect.source.clear();
        effect.note = "the curve of line '" + like->def->id + "', copied: an assumption";
      }
    }
    touched_.insert(e.id);
    if (!e.balance) {
      Put(-1, Change{AddChange{std::move(line)}, {}});
      return true;
    }
    if (!CheckBalance(e.id, *e.balance)) return false;
    touched_.insert(*e.balance);
    for (int year : model_.years) line.budget[year] = Money();
    Put(-1, Change{AddChange{std::move(line)}, {}});
    for (const auto& [year, amount] : e.budget) {
      if (!amount.IsZero()) Put(-1, Change{MoveChange{amount, *e.balance, e.id, year}, {}});
    }
    return true;
  }

  bool Do(const RemoveLineEdit& e) {
    auto added_here = [&](const Change& c) {
      const AddChange* add = std::get_if<AddChange>(&c.what);
      return add != nullptr && add->line.id == e.line;
    };
    if (std::any_of(changes().begin(), changes().end(), added_here)) {
      changes().erase(std::remove_if(changes().begin(), changes().end(),
                                     [&](const Change& c) { return Names(c, e.line); }),
                      changes().end());
      return true;
    }
    const ResolvedLine* line = Line(e.line);
    if (line == nullptr) return false;
    touched_.insert(e.line);
    if (e.balance) {
      if (!CheckBalance(e.line, *e.balance)) return false;
      touched_.insert(*e.balance);
      Money total;
      for (Money m : line->by_year) total += m;  // fits: resolved totals are checked
      // The whole total, moved in proportion, is exactly each year's amount.
      if (!total.IsZero()) Put(-1, Change{MoveChange{total, e.line, *e.balance, {}}, {}});
    }
    Put(-1, Change{RemoveChange{e.line}, {}});
    return true;
  }

  bool Do(const BudgetRuleEdit& e) {
    draft_.budget = e.rule;
    return true;
  }

  bool Do(const DescribeEdit& e) {
    draft_.id = e.id;
    draft_.name = e.name;
    draft_.note = e.note;
    draft_.source = e.source;
    SetEstimate(draft_, e.illustrative);
    return true;
  }

  // Drops, last first, every change naming a touched line whose removal
  // leaves the draft's money exactly as it is (a `set` back to the old
  // amounts, a `set` of a line removed later).
  void DropNoOps() {
    Diagnostics ignored;
    std::unique_ptr<ResolvedDraft> now = ResolveDraft(model_, scenarios_, draft_, ignored);
    if (!now) return;  // CheckDraft reports why
    for (size_t k = changes().size(); k-- > 0;) {
      bool candidate = std::any_of(touched_.begin(), touched_.end(),
                                   [&](const std::string& id) { return Names(changes()[k], id); });
      if (!candidate) continue;
      Scenario without = draft_;
      without.changes.erase(without.changes.begin() + static_cast<long>(k));
      std::unique_ptr<ResolvedDraft> other = ResolveDraft(model_, scenarios_, without, ignored);
      if (other && SameAllocation(other->draft(), now->draft())) {
        draft_ = std::move(without);
        now = std::move(other);
      }
    }
  }

  const Model& model_;
  const std::vector<Scenario>& scenarios_;
  Scenario draft_;
  Diagnostics& diags_;
  std::unique_ptr<ResolvedDraft> current_;
  std::set<std::string> touched_;
};

}  // namespace

void SetEstimate(Scenario& draft, bool estimate) {
  if (estimate == draft.amounts.IsEstimate()) return;  // keep what it says (ref, by, note)
  draft.amounts = Provenance::Of(estimate ? ProvenanceLevel::kAssumed : ProvenanceLevel::kUnstated);
  draft.illustrative = estimate;
}

std::string DraftFileName(const Scenario& draft) { return draft.id + ".yaml"; }

Scenario NewDraft(const std::string& base, const std::vector<Scenario>& scenarios) {
  Scenario draft;
  if (base != kModelScenarioId) draft.base = base;
  SetEstimate(draft, true);  // the amounts a person types are their own estimate
  std::string stem = base == kModelScenarioId ? "variant" : base + "-variant";
  auto taken = [&](const std::string& id) {
    return id == kModelScenarioId || std::any_of(scenarios.begin(), scenarios.end(),
                                                 [&](const Scenario& s) { return s.id == id; });
  };
  draft.id = stem;
  for (int n = 2; taken(draft.id); ++n) draft.id = stem + "-" + std::to_string(n);
  return draft;
}

std::optional<Scenario> CheckDraft(const Model& model, const std::vector<Scenario>& scenarios,
                                   const Scenario& draft, Diagnostics& diags) {
  std::string text = WriteScenarioYaml(draft);
  std::optional<Scenario> back = LoadScenario(text, DraftFileName(draft), diags);
  if (!back) return std::nullopt;
  for (const Scenario& s : scenarios) {
    if (s.id != back->id) continue;
    std::string file = s.where.source ? " (" + s.where.source->name + ")" : "";
    AddError(diags, back->where,
             "scenario: id '" + back->id + "' is taken by a loaded scenario" + file);
    return std::nullopt;
  }
  if (!ResolveDraft(model, scenarios, *back, diags)) return std::nullopt;
  return back;
}

std::optional<Scenario> ApplyEdit(const Model& model, const std::vector<Scenario>& scenarios,
                                  const Scenario& draft, const DraftEdit& edit,
                                  Diagnostics& diags) {
  return Editor(model, scenarios, draft, diags).Apply(edit);
}

}  // namespace allot
