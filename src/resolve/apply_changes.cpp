// Applying a scenario's changes, in order, to a copy of its base's
// allocation. Everything is in integer cents, and every change either
// applies whole or reports why not:
//   move   takes an amount from one line and gives it to another: in one
//          year, or spread over the source's years in proportion to what it
//          has there (SplitProportionally: largest remainder, exact);
//   set    replaces a line's whole budget (years not named become 0);
//   scale  multiplies each year by an exact decimal (ScaleMoney: one
//          rounding, of the exact product);
//   add    a new line, fully checked before it joins the allocation;
//   remove drops a line;
//   increase / decrease  adds to or takes from one line: in one year, or
//          spread by the rule of `move` (a decrease, like a move, never
//          takes a year below zero).
// The budget rule (neutral, per year, cap) is checked afterwards, on the
// totals, by resolve.cpp.
#include "resolve/apply_changes.hpp"

#include <algorithm>
#include <string>
#include <type_traits>
#include <unordered_set>
#include <variant>

namespace allot::detail {

// A copy of the base's lines: the base's own result must stay as it is,
// since other scenarios may build on it too.
WorkingAllocation WorkingAllocation::FromLines(const std::vector<ResolvedLine>& lines) {
  WorkingAllocation work;
  work.lines = lines;
  work.index.reserve(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) work.index.emplace(lines[i].def->id, i);
  return work;
}

ResolvedLine* WorkingAllocation::Find(const std::string& id) {
  auto it = index.find(id);
  return it == index.end() ? nullptr : &lines[it->second];
}

// Drops the slots of removed lines, keeping the others in order: the base's
// lines first, in its order, then added lines in the order they were added.
std::vector<ResolvedLine> WorkingAllocation::Compact() && {
  std::vector<ResolvedLine> kept;
  kept.reserve(index.size());
  for (ResolvedLine& line : lines) {
    if (line.def != nullptr) kept.push_back(std::move(line));
  }
  return kept;
}

namespace {

// Applies one change; one instance per scenario so that every change can
// report with the same context.
class ChangeApplier {
 public:
  ChangeApplier(const Model& model, const Scenario& scenario, WorkingAllocation& work,
                Diagnostics& diags)
      : model_(model), scenario_(scenario), work_(work), diags_(diags) {}

  bool Apply(const Change& change, size_t position) {
    where_ = change.where;
    path_ = "changes[" + std::to_string(position) + "]";
    return std::visit([this](const auto& c) { return Do(c); }, change.what);
  }

 private:
  bool Error(const std::string& key, const std::string& message) {
    AddError(diags_, where_, path_ + "." + key + ": " + message);
    return false;
  }

  // The line `id`, or an error naming the closest existing line. Ids are
  // looked up in the working allocation, not the model: a line removed by
  // an earlier change (or by a base) is unknown here, one added earlier is
  // known.
  ResolvedLine* Line(const std::string& key, const std::string& id) {
    if (ResolvedLine* line = work_.Find(id)) return line;
    std::string hint;
    if (diags_.size() < kMaxHintedErrors) {  // see kMaxHintedErrors
      std::vector<std::string> ids;
      ids.reserve(work_.index.size());
      for (const auto& entry : work_.index) ids.push_back(entry.first);
      std::sort(ids.begin(), ids.end());  // deterministic suggestion on ties
      hint = ClosestMatch(id, ids);
    }
    Error(key,
          "unknown line '" + id + "'" + DidYouMean(hint) + " in scenario '" + scenario_.id + "'");
    return nullptr;
  }

  int Year(const std::string& key, int year) {
    int index = model_.YearIndex(year);
    if (index < 0) {
      Error(key, "year " + std::to_string(year) + " is not a model year (" +
                     std::to_string(model_.years.front()) + "-" +
                     std::to_string(model_.years.back()) + ")");
    }
    return index;
  }

  // Marks a line as changed by this scenario: its amounts now rest also on
  // the scenario's (docs/format.md, "Which level a figure has").
  void Touch(ResolvedLine& line) {
    line.illustrative = line.illustrative || scenario_.illustrative;
    line.total_provenance = &Weaker(*line.total_provenance, scenario_.amounts);
    line.year_provenance = &Weaker(*line.year_provenance, scenario_.amounts);
  }

  // The line's total over all years; nullopt when it overflows.
  static std::optional<Money> Total(const ResolvedLine& line) {
    Money total;
    for (Money m : line.by_year) {
      std::optional<Money> sum = CheckedAdd(total, m);
      if (!sum) return std::nullopt;
      total = *sum;
    }
    return total;
  }

  // Adds to one year of a line; an amount past 2^63 cents is an error, never
  // a wrap.
  bool AddTo(ResolvedLine& line, size_t year, Money amount, const std::string& key) {
    std::optional<Money> sum = CheckedAdd(line.by_year[year], amount);
    if (!sum) return Error(key, "amount overflows line '" + line.def->id + "'");
    line.by_year[year] = *sum;
    return true;
  }

  bool Do(const MoveChange& move);
  bool Do(const SetChange& set);
  bool Do(const ScaleChange& scale);
  bool Do(const AddChange& add);
  bool Do(const RemoveChange& remove);
  bool Do(const IncreaseChange& increase);
  bool Do(const DecreaseChange& decrease);
  bool MoveInYear(const MoveChange& move, ResolvedLine& from, ResolvedLine& to, size_t year);
  bool MoveSpread(const MoveChange& move, ResolvedLine& from, ResolvedLine& to);
  bool CheckAddedLine(const allot::Line& line);

  const Model& model_;
  const Scenario& scenario_;
  WorkingAllocation& work_;
  Diagnostics& diags_;
  SourceLocation where_;
  std::string path_;
};

bool ChangeApplier::Do(const MoveChange& move) {
  ResolvedLine* from = Line("move.from", move.from);
  ResolvedLine* to = Line("move.to", move.to);
  if (from == nullptr || to == nullptr) return false;
  if (move.year) {
    int year = Year("move.year", *move.year);
    return year >= 0 && MoveInYear(move, *from, *to, static_cast<size_t>(year));
  }
  return MoveSpread(move, *from, *to);
}

// A move in one year: the source must have the whole amount in that year.
// The error says by how much it is short, so the author can fix the figure.
bool ChangeApplier::MoveInYear(const MoveChange& move, ResolvedLine& from, ResolvedLine& to,
                               size_t year) {
  Money available = from.by_year[year];
  if (move.amount > available) {
    return Error("move.amount", "takes " + FormatMoney(move.amount, Lang::kEn) + " from '" +
                                    move.from + "' in " + std::to_string(model_.years[year]) +
                                    ", which has only " + FormatMoney(available, Lang::kEn) +
                                    " (short by " +
                                    FormatMoney(move.amount - available, Lang::kEn) + ")");
  }
  from.by_year[year] -= move.amount;
  Touch(from);
  Touch(to);
  return AddTo(to, year, move.amount, "move.amount");
}

// A move without a year takes the amount from the source's years in
// proportion to what the source has in each (a line with 200/225/225 gives
// a 65 move as 20/22.50/22.50), and gives each year's part to the target in
// the same year, so that per-year totals stay as they were.
//
// The parts are whole cents that add up to the amount exactly: each year
// gets floor(amount * year / total), and the cents left over go one each to
// the years with the largest remainders, ties to the earlier year
// (SplitProportionally). That also never takes more from a year than it
// has: the left-over cents number fewer than the years with a non-zero
// remainder, and such a year's floor is below its amount, so one more cent
// still fits.
bool ChangeApplier::MoveSpread(const MoveChange& move, ResolvedLine& from, ResolvedLine& to) {
  // The source's total, checked: each year fits in 63 bits, their sum may
  // not.
  std::optional<Money> total = Total(from);
  if (!total) return Error("move.from", "line '" + move.from + "' overflows in total");
  Money available = *total;
  if (move.amount > available) {
    return Error("move.amount", "takes " + FormatMoney(move.amount, Lang::kEn) + " from '" +
                                    move.from + "', which has only " +
                                    FormatMoney(available, Lang::kEn) + " in all years (short by " +
                                    FormatMoney(move.amount - available, Lang::kEn) + ")");
  }
  // Moving nothing changes nothing: neither line counts as changed.
  if (move.amount.IsZero()) return true;
  std::vector<Money> parts = SplitProportionally(move.amount, from.by_year);
  Touch(from);
  Touch(to);
  for (size_t year = 0; year < parts.size(); ++year) {
    from.by_year[year] -= parts[year];
    if (!AddTo(to, year, parts[year], "move.amount")) return false;
  }
  return true;
}

// `set` states the line's whole budget: years it does not name become 0
// (DESIGN.md), so the result does not depend on what the base had. Every
// year is checked before anything changes.
bool ChangeApplier::Do(const SetChange& set) {
  ResolvedLine* line = Line("set.line", set.line);
  if (line == nullptr) return false;
  std::vector<Money> budget(model_.years.size());
  bool ok = true;
  for (const auto& [year, amount] : set.budget) {
    int index = Year("set.budget." + std::to_string(year), year);
    if (index < 0)
      ok = false;
    else
      budget[static_cast<size_t>(index)] = amount;
  }
  if (!ok) return false;
  line->by_year = std::move(budget);
  Touch(*line);
  return true;
}

// `scale` multiplies each year by `by` as the decimal the author wrote
// (1.333 is 1333/1000, read from the text, never the nearest double), so the
// only rounding is the final one to the cent, halves away from zero
// (ScaleMoney). A year that would overflow stops the change; the years
// scaled before it are left as they are, but the scenario fails as a whole.
bool ChangeApplier::Do(const ScaleChange& scale) {
  ResolvedLine* line = Line("scale.line", scale.line);
  if (line == nullptr) return false;
  for (Money& amount : line->by_year) {
    std::optional<Money> scaled = ScaleMoney(amount, scale.by);
    if (!scaled) return Error("scale.by", "scaling line '" + scale.line + "' overflows");
    amount = *scaled;
  }
  Touch(*line);
  return true;
}

// What the loader could not check for a scenario's added line, because it
// needs the model: its years, objectives and motions. All problems are
// reported, not only the first.
bool ChangeApplier::CheckAddedLine(const allot::Line& line) {
  bool ok = true;
  for (const auto& entry : line.budget) {
    if (Year("add.budget." + std::to_string(entry.first), entry.first) < 0) ok = false;
  }
  for (const Effect& effect : line.effects) {
    if (model_.ObjectiveIndex(effect.objective) >= 0) continue;
    std::string hint;
    if (diags_.size() < kMaxHintedErrors) {
      std::vector<std::string> ids;
      for (const Objective& o : model_.objectives) ids.push_back(o.id);
      hint = ClosestMatch(effect.objective, ids);
    }
    AddError(diags_, effect.where,
             path_ + ".add.effects." + effect.objective + ": unknown objective '" +
                 effect.objective + "'" + DidYouMean(hint));
    ok = false;
  }
  for (const std::string& motion : line.motions) {
    if (model_.MotionIndex(motion) >= 0) continue;
    std::string hint;
    if (diags_.size() < kMaxHintedErrors) {
      std::vector<std::string> ids;
      for (const Motion& m : model_.motions) ids.push_back(m.id);
      hint = ClosestMatch(motion, ids);
    }
    ok = Error("add.motions", "unknown motion '" + motion + "'" + DidYouMean(hint));
  }
  return ok;
}

// `add` refuses an id that exists (use `set` or `move` for that), and checks
// the whole definition before the line joins the allocation, so that a
// failed add leaves nothing half-added. The resolved line points at the
// definition inside the scenario, which outlives the result.
bool ChangeApplier::Do(const AddChange& add) {
  if (work_.Find(add.line.id) != nullptr) {
    return Error("add.id", "line '" + add.line.id + "' already exists in scenario '" +
                               scenario_.id + "'; use set or move to change it");
  }
  if (!CheckAddedLine(add.line)) return false;
  ResolvedLine line;
  line.def = &add.line;
  line.by_year.assign(model_.years.size(), Money());
  for (const auto& [year, amount] : add.line.budget) {
    line.by_year[static_cast<size_t>(model_.YearIndex(year))] = amount;
  }
  line.illustrative = add.line.illustrative || scenario_.illustrative;
  line.total_provenance = &Weaker(add.line.amounts, scenario_.amounts);
  line.year_provenance = &Weaker(add.line.YearAmounts(), scenario_.amounts);
  work_.index.emplace(add.line.id, work_.lines.size());
  work_.lines.push_back(std::move(line));
  return true;
}

// `remove` leaves a tombstone (def == nullptr) in the line's slot, so that
// the indexes of the other lines stay valid; Compact() drops it at the end.
// The id is free again: a later change may add a line with it.
bool ChangeApplier::Do(const RemoveChange& remove) {
  ResolvedLine* line = Line("remove", remove.line);
  if (line == nullptr) return false;
  line->def = nullptr;
  work_.index.erase(remove.line);
  return true;
}

bool ChangeApplier::Do(const IncreaseChange& increase) {
  ResolvedLine* line = Line("increase.line", increase.line);
  if (line == nullptr) return false;
  if (increase.year) {
    int index = Year("increase.year", *increase.year);
    if (index < 0) return false;
    Touch(*line);
    return AddTo(*line, static_cast<size_t>(index), increase.amount, "increase.amount");
  }
  std::optional<Money> total = Total(*line);
  if (!total) return Error("increase.line", "line '" + increase.line + "' overflows in total");
  if (total->IsZero()) {
    return Error("increase.year", "line '" + increase.line +
                                      "' has nothing in any year, so there is no proportion to "
                                      "spread " +
                                      FormatMoney(increase.amount, Lang::kEn) +
                                      " by; give a year (or use set)");
  }
  // The rule of `move`: in proportion to the line's budget per year, exact
  // to the cent (largest remainder, ties to the earlier year).
  std::vector<Money> parts = SplitProportionally(increase.amount, line->by_year);
  Touch(*line);
  for (size_t year = 0; year < parts.size(); ++year) {
    if (!AddTo(*line, year, parts[year], "increase.amount")) return false;
  }
  return true;
}

bool ChangeApplier::Do(const DecreaseChange& decrease) {
  ResolvedLine* line = Line("decrease.line", decrease.line);
  if (line == nullptr) return false;
  if (decrease.year) {
    int index = Year("decrease.year", *decrease.year);
    if (index < 0) return false;
    Money available = line->by_year[static_cast<size_t>(index)];
    if (decrease.amount > available) {
      return Error("decrease.amount",
                   "takes " + FormatMoney(decrease.amount, Lang::kEn) + " from '" + decrease.line +
                       "' in " + std::to_string(*decrease.year) + ", which has only " +
                       FormatMoney(available, Lang::kEn) + " (below zero by " +
                       FormatMoney(decrease.amount - available, Lang::kEn) + ")");
    }
    line->by_year[static_cast<size_t>(index)] -= decrease.amount;
    Touch(*line);
    return true;
  }
  std::optional<Money> total = Total(*line);
  if (!total) return Error("decrease.line", "line '" + decrease.line + "' overflows in total");
  if (decrease.amount > *total) {
    return Error("decrease.amount", "takes " + FormatMoney(decrease.amount, Lang::kEn) + " from '" +
                                        decrease.line + "', which has only " +
                                        FormatMoney(*total, Lang::kEn) +
                                        " in all years (below zero by " +
                                        FormatMoney(decrease.amount - *total, Lang::kEn) + ")");
  }
  std::vector<Money> parts = SplitProportionally(decrease.amount, line->by_year);
  for (size_t year = 0; year < parts.size(); ++year) line->by_year[year] -= parts[year];
  Touch(*line);
  return true;
}

// The lines a change names (reads or writes).
std::vector<std::string> NamedLines(const Change& change) {
  return std::visit(
      [](const auto& c) -> std::vector<std::string> {
        using T = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<T, MoveChange>) {
          return {c.from, c.to};
        } else if constexpr (std::is_same_v<T, AddChange>) {
          return {c.line.id};
        } else {
          return {c.line};
        }
      },
      change.what);
}

}  // namespace

bool ApplyChanges(const Model& model, const Scenario& scenario, WorkingAllocation& work,
                  Diagnostics& diags) {
  ChangeApplier applier(model, scenario, work, diags);
  // Every change that fails on its own is reported, so that a scenario with
  // three typos shows three errors. A change that names a line an earlier
  // failed change was about is skipped: that line is not in the state its
  // author meant, so its error would only follow from the first.
  std::unordered_set<std::string> unsure;
  bool ok = true;
  for (size_t i = 0; i < scenario.changes.size(); ++i) {
    const Change& change = scenario.changes[i];
    std::vector<std::string> named = NamedLines(change);
    bool skip = std::any_of(named.begin(), named.end(),
                            [&](const std::string& id) { return unsure.count(id) != 0; });
    if (!skip && applier.Apply(change, i)) continue;
    ok = false;
    unsure.insert(named.begin(), named.end());
  }
  return ok;
}

}  // namespace allot::detail
