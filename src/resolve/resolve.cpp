#include "allot/resolve.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "resolve/apply_changes.hpp"

namespace allot {

// 128-bit intermediates for exact products of two cent amounts (GCC/Clang).
__extension__ typedef __int128 Int128;

std::vector<Money> SplitProportionally(Money amount, const std::vector<Money>& source) {
  // 128-bit products: amount and source are each below 2^63 cents.
  Int128 total = 0;
  for (Money m : source) total += m.cents();
  std::vector<Money> parts(source.size());
  if (total == 0) return parts;
  std::vector<Int128> remainders(source.size());
  Int128 assigned = 0;
  for (size_t i = 0; i < source.size(); ++i) {
    Int128 product = static_cast<Int128>(amount.cents()) * source[i].cents();
    parts[i] = Money::FromCents(static_cast<int64_t>(product / total));
    remainders[i] = product % total;
    assigned += parts[i].cents();
  }
  // Largest remainder; ties go to the earlier year, so the result is
  // deterministic and the sum is exact.
  std::vector<size_t> order(source.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return remainders[a] > remainders[b]; });
  for (Int128 left = amount.cents() - assigned, k = 0; left > 0; --left, ++k) {
    Money& part = parts[order[static_cast<size_t>(k)]];
    part = Money::FromCents(part.cents() + 1);
  }
  return parts;
}

std::optional<Money> ScaleMoney(Money amount, Decimal by) {
  Int128 divisor = 1;
  for (int i = 0; i < by.scale; ++i) divisor *= 10;
  Int128 product = static_cast<Int128>(amount.cents()) * by.numerator;
  Int128 quotient = product / divisor;
  Int128 remainder = product % divisor;
  // Halves away from zero: the convention of bookkeeping, not banker's rounding.
  if (2 * (remainder < 0 ? -remainder : remainder) >= divisor) quotient += product < 0 ? -1 : 1;
  if (quotient > INT64_MAX || quotient < INT64_MIN) return std::nullopt;
  return Money::FromCents(static_cast<int64_t>(quotient));
}

namespace {

std::string Where(const SourceLocation& at) {
  if (!at.source) return "";
  return at.source->name + ":" + std::to_string(at.line);
}

// Fills totals with checked sums; false (and a diagnostic) on overflow.
bool ComputeTotals(const Model& model, ResolvedScenario& r, const SourceLocation& where,
                   Diagnostics& diags) {
  r.by_year.assign(model.years.size(), Money());
  r.total = Money();
  bool any_illustrative_spend = false;
  for (const ResolvedLine& line : r.lines) {
    for (size_t y = 0; y < line.by_year.size(); ++y) {
      std::optional<Money> year_sum = CheckedAdd(r.by_year[y], line.by_year[y]);
      std::optional<Money> total = CheckedAdd(r.total, line.by_year[y]);
      if (!year_sum || !total) {
        AddError(diags, where, "scenario '" + r.id + "': total overflows the largest amount");
        return false;
      }
      r.by_year[y] = *year_sum;
      r.total = *total;
      if (line.illustrative && !line.by_year[y].IsZero()) any_illustrative_spend = true;
    }
  }
  r.illustrative = r.illustrative || any_illustrative_spend;
  return true;
}

// `current` becomes the weaker of itself and `candidate`.
void Weaken(const Provenance*& current, const Provenance& candidate) {
  current = &Weaker(*current, candidate);
}

// What the model's totals rest on: its `provenance:` when stated, else the
// weakest of the lines' figures.
void SetModelProvenance(const Model& model, ResolvedScenario& r) {
  const ModelProvenance& stated = model.provenance;
  r.year_provenance.assign(model.years.size(), &stated.year_totals);
  r.total_provenance = &stated.total;
  if (stated.year_totals.level == ProvenanceLevel::kUnstated) {
    for (size_t y = 0; y < model.years.size(); ++y) {
      if (!r.lines.empty()) r.year_provenance[y] = r.lines.front().year_provenance;
      for (const ResolvedLine& line : r.lines) Weaken(r.year_provenance[y], *line.year_provenance);
    }
  }
  if (stated.total.level == ProvenanceLevel::kUnstated) {
    if (!r.lines.empty()) r.total_provenance = r.lines.front().total_provenance;
    for (const ResolvedLine& line : r.lines) Weaken(r.total_provenance, *line.total_provenance);
  }
}

// The weakest provenance of the line figures a scenario changed, per year
// and over all years (null where nothing changed). Lines keep the base's
// order; removed ones are missing, added ones come last.
struct ChangedFigures {
  std::vector<const Provenance*> years;
  const Provenance* total = nullptr;

  ChangedFigures(const ResolvedScenario& base, const ResolvedScenario& r)
      : years(base.by_year.size(), nullptr) {
    size_t j = 0;
    for (const ResolvedLine& old : base.lines) {
      bool kept = j < r.lines.size() && r.lines[j].def->id == old.def->id;
      const ResolvedLine& now = kept ? r.lines[j++] : old;
      for (size_t y = 0; y < years.size(); ++y) {
        bool same = kept ? now.by_year[y] == old.by_year[y] : old.by_year[y].IsZero();
        if (!same) Note(y, now);
      }
    }
    for (; j < r.lines.size(); ++j) {
      for (size_t y = 0; y < years.size(); ++y) {
        if (!r.lines[j].by_year[y].IsZero()) Note(y, r.lines[j]);
      }
    }
  }

 private:
  void Note(size_t y, const ResolvedLine& line) {
    years[y] =
        years[y] == nullptr ? line.year_provenance : &Weaker(*years[y], *line.year_provenance);
    total = total == nullptr ? line.total_provenance : &Weaker(*total, *line.total_provenance);
  }
};

// The better of two ways to derive a figure the scenario does not state:
// the sum of its year totals (`year_totals`, null when not stated) and the
// sum of the line totals that changed (null when none did). A grand total
// rests on the better one: EUR 7,500,000 sourced minus a line of EUR 650,000
// reported is reported, however assumed its split over the years. Lines
// that state nothing never win over a stated level.
const Provenance* BetterDerivation(const Provenance* years, const Provenance* lines) {
  if (years == nullptr) return lines;
  if (lines == nullptr || lines->level == ProvenanceLevel::kUnstated) return years;
  return Weakness(lines->level) < Weakness(years->level) ? lines : years;
}

// What a scenario's totals rest on: the base's where a total is unchanged;
// where it changed, the weaker of the base's and what the scenario states
// (`year_totals`, `total`), or else of every line figure that changed; a
// grand total not stated takes the better of its two derivations
// (docs/format.md, "Which level a figure has").
void SetScenarioProvenance(const Scenario& s, const ResolvedScenario& base, ResolvedScenario& r) {
  ChangedFigures changed(base, r);
  const Provenance* stated_years = s.year_totals ? &*s.year_totals : nullptr;
  const Provenance* stated_total =
      s.total ? &*s.total : BetterDerivation(stated_years, changed.total);
  r.year_provenance = base.year_provenance;
  for (size_t y = 0; y < r.year_provenance.size(); ++y) {
    if (r.by_year[y] == base.by_year[y]) continue;
    const Provenance* why = stated_years != nullptr ? stated_years : changed.years[y];
    if (why != nullptr) Weaken(r.year_provenance[y], *why);
  }
  r.total_provenance = base.total_provenance;
  if (r.total == base.total) return;
  if (stated_total != nullptr) Weaken(r.total_provenance, *stated_total);
}

ResolvedScenario ResolveModel(const Model& model, Diagnostics& diags) {
  ResolvedScenario r;
  r.id = kModelScenarioId;
  r.name = model.title;
  r.lines.reserve(model.lines.size());
  for (const Line& def : model.lines) {
    ResolvedLine line{&def, std::vector<Money>(model.years.size()), def.illustrative, &def.amounts,
                      &def.YearAmounts()};
    for (const auto& [year, amount] : def.budget) {
      line.by_year[static_cast<size_t>(model.YearIndex(year))] = amount;
    }
    r.lines.push_back(std::move(line));
  }
  ComputeTotals(model, r, model.where, diags);
  SetModelProvenance(model, r);
  return r;
}

std::string Signed(Money m) { return (m.cents() > 0 ? "+" : "") + FormatMoney(m, Lang::kEn); }

// Checks the scenario's budget rule against its base; a diagnostic names by
// how much it is broken.
bool CheckBudgetRule(const Model& model, const Scenario& s, const ResolvedScenario& r,
                     const ResolvedScenario& base, Diagnostics& diags) {
  const BudgetRule& rule = s.budget;
  auto fail = [&](const std::string& what) {
    AddError(diags, rule.where, "budget: scenario '" + s.id + "' " + what);
    return false;
  };
  switch (rule.kind) {
    case BudgetRuleKind::kNone:
      return true;
    case BudgetRuleKind::kNeutral:
      if (r.total == base.total) return true;
      return fail("is not budget-neutral: total " + FormatMoney(r.total, Lang::kEn) + " against " +
                  FormatMoney(base.total, Lang::kEn) + " in base '" + base.id + "' (" +
                  Signed(r.total - base.total) + ")");
    case BudgetRuleKind::kNeutralPerYear: {
      bool ok = true;
      for (size_t y = 0; y < model.years.size(); ++y) {
        if (r.by_year[y] == base.by_year[y]) continue;
        ok = fail("is not budget-neutral in " + std::to_string(model.years[y]) + ": " +
                  FormatMoney(r.by_year[y], Lang::kEn) + " against " +
                  FormatMoney(base.by_year[y], Lang::kEn) + " in base '" + base.id + "' (" +
                  Signed(r.by_year[y] - base.by_year[y]) + ")");
      }
      return ok;
    }
    case BudgetRuleKind::kCap:
      if (r.total <= rule.cap) return true;
      return fail("exceeds its cap of " + FormatMoney(rule.cap, Lang::kEn) + ": total " +
                  FormatMoney(r.total, Lang::kEn) + " (over by " +
                  FormatMoney(r.total - rule.cap, Lang::kEn) + ")");
  }
  return true;
}

enum class State { kPending, kOnPath, kDone, kFailed };

// Resolves scenarios in dependency order without recursion, so that a chain
// of 10,000 bases needs no deep stack.
class Resolver {
 public:
  Resolver(const Model& model, const std::vector<Scenario>& scenarios, Diagnostics& diags)
      : model_(model),
        scenarios_(scenarios),
        diags_(diags),
        state_(scenarios.size()),
        resolved_(scenarios.size()) {}

  std::vector<ResolvedScenario> Run() {
    model_result_ = ResolveModel(model_, diags_);
    IndexIds();
    for (size_t i = 0; i < scenarios_.size(); ++i) ResolveChain(i);
    std::vector<ResolvedScenario> out;
    out.reserve(scenarios_.size() + 1);
    out.push_back(model_result_);
    for (size_t i = 0; i < scenarios_.size(); ++i) {
      if (state_[i] == State::kDone) out.push_back(std::move(resolved_[i]));
    }
    return out;
  }

 private:
  void IndexIds() {
    const Scenario* current = nullptr;
    for (size_t i = 0; i < scenarios_.size(); ++i) {
      const Scenario& s = scenarios_[i];
      if (s.current && current != nullptr) {
        Fail(i, "current: scenarios '" + current->id + "' (" + Where(current->where) + ") and '" +
                    s.id + "' both say current: true; at most one is the plan as it stands");
        continue;
      }
      if (s.current) current = &s;
      if (s.id == kModelScenarioId) {
        Fail(i, "scenario: id 'model' is reserved for the model itself");
        continue;
      }
      auto [it, inserted] = by_id_.emplace(s.id, i);
      if (!inserted) {
        Fail(i, "scenario: duplicate scenario id '" + s.id + "' (first defined at " +
                    Where(scenarios_[it->second].where) + ")");
      }
    }
  }

  void Fail(size_t i, const std::string& message) {
    AddError(diags_, scenarios_[i].where, message);
    state_[i] = State::kFailed;
  }

  // The index of scenario i's base, or -1 for the model; -2 if unknown.
  long BaseOf(size_t i) {
    const Scenario& s = scenarios_[i];
    if (!s.base || *s.base == kModelScenarioId) return -1;
    auto it = by_id_.find(*s.base);
    return it == by_id_.end() ? -2 : static_cast<long>(it->second);
  }

  void ResolveChain(size_t start);
  void ReportCycle(const std::vector<size_t>& path, size_t repeated);
  void ResolveOne(size_t i, long base);
  void ReportUnknownBase(size_t i);

  const Model& model_;
  const std::vector<Scenario>& scenarios_;
  Diagnostics& diags_;
  std::vector<State> state_;
  std::vector<ResolvedScenario> resolved_;
  ResolvedScenario model_result_;
  std::unordered_map<std::string, size_t> by_id_;
};

void Resolver::ResolveChain(size_t start) {
  // Walk down the base chain to something resolved (or the model), then
  // resolve back up along the path.
  std::vector<size_t> path;
  size_t i = start;
  while (state_[i] == State::kPending) {
    state_[i] = State::kOnPath;
    path.push_back(i);
    long base = BaseOf(i);
    if (base < 0) break;
    i = static_cast<size_t>(base);
    if (state_[i] == State::kOnPath) {
      ReportCycle(path, i);
      return;
    }
  }
  for (auto it = path.rbegin(); it != path.rend(); ++it) ResolveOne(*it, BaseOf(*it));
}

void Resolver::ReportCycle(const std::vector<size_t>& path, size_t repeated) {
  auto first = std::find(path.begin(), path.end(), repeated);
  std::string cycle;
  for (auto it = first; it != path.end(); ++it) cycle += scenarios_[*it].id + " -> ";
  cycle += scenarios_[repeated].id;
  AddError(diags_, scenarios_[repeated].base_where, "base: cycle of bases: " + cycle);
  for (auto it = first; it != path.end(); ++it) state_[*it] = State::kFailed;
  // Scenarios leading into the cycle fail because their base does.
  for (auto it = path.begin(); it != first; ++it) state_[*it] = State::kPending;
  for (auto it = std::make_reverse_iterator(first); it != path.rend(); ++it) {
    ResolveOne(*it, BaseOf(*it));
  }
}

void Resolver::ReportUnknownBase(size_t i) {
  std::string hint;
  if (diags_.size() < detail::kMaxHintedErrors) {  // else 10,000 unknown bases are quadratic
    std::vector<std::string> ids;
    ids.reserve(by_id_.size() + 1);
    for (const auto& entry : by_id_) ids.push_back(entry.first);
    ids.push_back(kModelScenarioId);
    std::sort(ids.begin(), ids.end());
    hint = ClosestMatch(*scenarios_[i].base, ids);
  }
  AddError(diags_, scenarios_[i].base_where,
           "base: unknown scenario '" + *scenarios_[i].base + "'" + DidYouMean(hint));
  state_[i] = State::kFailed;
}

void Resolver::ResolveOne(size_t i, long base) {
  if (base == -2) return ReportUnknownBase(i);
  const Scenario& s = scenarios_[i];
  if (base >= 0 && state_[static_cast<size_t>(base)] != State::kDone) {
    AddError(
        diags_, s.base_where,
        "base: scenario '" + s.id + "' cannot be resolved: its base '" + *s.base + "' has errors");
    state_[i] = State::kFailed;
    return;
  }
  const ResolvedScenario& base_result =
      base < 0 ? model_result_ : resolved_[static_cast<size_t>(base)];
  detail::WorkingAllocation work = detail::WorkingAllocation::FromLines(base_result.lines);
  ResolvedScenario r;
  r.id = s.id;
  r.name = s.name.empty() ? s.id : s.name;
  r.scenario = &s;
  r.illustrative = s.illustrative || (base >= 0 && base_result.illustrative);
  bool ok = detail::ApplyChanges(model_, s, work, diags_);
  r.lines = std::move(work).Compact();
  ok = ok && ComputeTotals(model_, r, s.where, diags_) &&
       CheckBudgetRule(model_, s, r, base_result, diags_);
  state_[i] = ok ? State::kDone : State::kFailed;
  if (!ok) return;
  SetScenarioProvenance(s, base_result, r);
  resolved_[i] = std::move(r);
}

}  // namespace

std::optional<std::string> BaselineId(const std::string& requested,
                                      const std::vector<ResolvedScenario>& resolved) {
  if (requested.empty()) return std::string(kModelScenarioId);
  if (requested != kCurrentPlanWord) return requested;
  // A scenario whose id is "current" keeps its name: files written before
  // `current: true` existed must keep meaning what they meant.
  for (const ResolvedScenario& r : resolved) {
    if (r.id == requested) return requested;
  }
  for (const ResolvedScenario& r : resolved) {
    if (r.scenario != nullptr && r.scenario->current) return r.id;
  }
  return std::nullopt;
}

std::vector<ResolvedScenario> ResolveScenarios(const Model& model,
                                               const std::vector<Scenario>& scenarios,
                                               Diagnostics& diags) {
  return Resolver(model, scenarios, diags).Run();
}

}  // namespace allot
