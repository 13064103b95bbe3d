// The scenario file: a base, a budget rule and a list of changes. Line ids
// and years are only parsed here; ResolveScenarios checks them against the
// model.
#include <algorithm>

#include "load/common.hpp"
#include "load/provenance.hpp"

namespace allot::detail {

namespace {

const std::vector<std::string> kScenarioKeys = {
    "format",       "scenario", "name",  "base",        "budget",  "source", "note",
    "illustrative", "amounts",  "total", "year_totals", "current", "changes"};
const std::vector<std::string> kChangeKinds = {"move",   "set",      "scale",   "add",
                                               "remove", "increase", "decrease"};
const std::vector<std::string> kBudgetRules = {"neutral", "neutral-per-year"};

std::optional<BudgetRule> ReadBudgetRule(LoadContext& ctx, const Item& item) {
  BudgetRule rule;
  rule.where = ctx.Where(item.mark, item.path);
  if (item.node.IsMap()) {
    MapReader map(ctx, item, {"cap"});
    std::optional<Item> cap = map.Require("cap");
    std::optional<Money> amount = cap ? ReadMoney(ctx, *cap) : std::nullopt;
    if (!amount) return std::nullopt;
    rule.kind = BudgetRuleKind::kCap;
    rule.cap = *amount;
    return rule;
  }
  const char* expected = "'neutral', 'neutral-per-year' or {cap: AMOUNT}";
  if (!item.node.IsScalar()) {
    ctx.Error(item.mark, item.path,
              std::string("expected ") + expected + ", got " + DescribeNode(item.node));
    return std::nullopt;
  }
  const std::string& name = item.node.Scalar();
  if (name == kBudgetRules[0]) rule.kind = BudgetRuleKind::kNeutral;
  if (name == kBudgetRules[1]) rule.kind = BudgetRuleKind::kNeutralPerYear;
  if (rule.kind != BudgetRuleKind::kNone) return rule;
  std::string match = ClosestMatch(name, kBudgetRules);
  ctx.Error(item.mark, item.path,
            "unknown budget rule " + Quoted(name) +
                (match.empty() ? std::string(" (expected ") + expected + ")" : DidYouMean(match)));
  return std::nullopt;
}

std::optional<MoveChange> ReadMove(LoadContext& ctx, const Item& item) {
  MapReader map(ctx, item, {"amount", "from", "to", "year"});
  if (!map.ok()) return std::nullopt;
  int errors = ctx.errors();
  MoveChange move;
  if (std::optional<Item> amount = map.Require("amount")) {
    if (std::optional<Money> value = ReadPositiveMoney(ctx, *amount)) move.amount = *value;
  }
  bool from = ReadRequiredString(ctx, map, "from", move.from);
  bool to = ReadRequiredString(ctx, map, "to", move.to);
  if (from && to && move.from == move.to) {
    const Item& at = map.Find("to")->value;
    ctx.Error(at.mark, at.path, "cannot move from line " + Quoted(move.to) + " to itself");
  }
  if (std::optional<Item> year = map.Get("year")) move.year = ReadYear(ctx, *year);
  if (ctx.errors() != errors) return std::nullopt;
  return move;
}

// `increase` and `decrease` share their keys: {line, amount, year?}.
template <typename Adjust>
std::optional<Adjust> ReadAdjust(LoadContext& ctx, const Item& item) {
  MapReader map(ctx, item, {"line", "amount", "year"});
  if (!map.ok()) return std::nullopt;
  int errors = ctx.errors();
  Adjust adjust;
  ReadRequiredString(ctx, map, "line", adjust.line);
  if (std::optional<Item> amount = map.Require("amount")) {
    if (std::optional<Money> value = ReadPositiveMoney(ctx, *amount)) adjust.amount = *value;
  }
  if (std::optional<Item> year = map.Get("year")) adjust.year = ReadYear(ctx, *year);
  if (ctx.errors() != errors) return std::nullopt;
  return adjust;
}

std::optional<SetChange> ReadSet(LoadContext& ctx, const Item& item) {
  MapReader map(ctx, item, {"line", "budget"});
  if (!map.ok()) return std::nullopt;
  SetChange set;
  bool line = ReadRequiredString(ctx, map, "line", set.line);
  std::optional<Item> budget = map.Require("budget");
  // Years are checked against the model when the scenario is resolved.
  auto amounts = budget ? ReadBudget(ctx, *budget, nullptr) : std::nullopt;
  if (!line || !amounts) return std::nullopt;
  set.budget = std::move(*amounts);
  return set;
}

std::optional<ScaleChange> ReadScale(LoadContext& ctx, const Item& item) {
  MapReader map(ctx, item, {"line", "by"});
  if (!map.ok()) return std::nullopt;
  ScaleChange scale;
  bool line = ReadRequiredString(ctx, map, "line", scale.line);
  std::optional<Item> by = map.Require("by");
  std::optional<Decimal> factor = by ? ReadDecimal(ctx, *by) : std::nullopt;
  if (!line || !factor) return std::nullopt;
  scale.by = *factor;
  return scale;
}

std::optional<RemoveChange> ReadRemove(LoadContext& ctx, const Item& item) {
  if (item.node.IsScalar()) return RemoveChange{item.node.Scalar()};
  ctx.Error(item.mark, item.path, "expected a line id, got " + DescribeNode(item.node));
  return std::nullopt;
}

// Wraps a change of any kind, when it was read, into a Change.
template <typename T>
std::optional<Change> Wrap(std::optional<T> what, SourceLocation where) {
  if (!what) return std::nullopt;
  return Change{std::move(*what), std::move(where)};
}

std::optional<Change> ReadChange(LoadContext& ctx, const Item& item) {
  MapReader map(ctx, item);
  if (!map.ok()) return std::nullopt;
  if (map.entries().size() != 1) {
    ctx.Error(item.mark, item.path,
              "expected exactly one of 'move', 'set', 'scale', 'add', 'remove', 'increase' or "
              "'decrease', got " +
                  std::to_string(map.entries().size()) + " keys");
    return std::nullopt;
  }
  const Entry& entry = map.entries().front();
  SourceLocation where = ctx.Where(item.mark, item.path);
  const Item& value = entry.value;
  if (entry.key == "move") return Wrap(ReadMove(ctx, value), where);
  if (entry.key == "set") return Wrap(ReadSet(ctx, value), where);
  if (entry.key == "scale") return Wrap(ReadScale(ctx, value), where);
  if (entry.key == "remove") return Wrap(ReadRemove(ctx, value), where);
  if (entry.key == "increase") return Wrap(ReadAdjust<IncreaseChange>(ctx, value), where);
  if (entry.key == "decrease") return Wrap(ReadAdjust<DecreaseChange>(ctx, value), where);
  if (entry.key == "add") {
    // An added line's objectives, motions and years are checked on resolve.
    std::optional<Line> line = ReadLine(ctx, value, LineRefs{});
    return Wrap(line ? std::optional<AddChange>(AddChange{std::move(*line)}) : std::nullopt, where);
  }
  ctx.Error(entry.key_mark, value.path,
            "unknown change " + Quoted(entry.key) + Suggest(entry.key, kChangeKinds));
  return std::nullopt;
}

std::vector<Change> ReadChanges(LoadContext& ctx, const Item& item) {
  std::vector<Change> changes;
  std::optional<std::vector<Item>> elements =
      ReadList(ctx, item, ctx.limits().max_changes, "changes");
  if (!elements) return changes;
  for (const Item& element : *elements) {
    if (std::optional<Change> change = ReadChange(ctx, element)) {
      changes.push_back(std::move(*change));
    }
  }
  return changes;
}

// `amounts`, `total`, `year_totals` and the old `illustrative`, which must
// agree with `amounts` (true reads as amounts: assumed).
void ReadScenarioProvenance(LoadContext& ctx, const MapReader& top, Scenario& scenario) {
  std::optional<Item> amounts = top.Get("amounts");
  if (amounts) {
    if (std::optional<Provenance> p = ReadProvenance(ctx, *amounts)) scenario.amounts = *p;
  }
  if (std::optional<Item> total = top.Get("total")) scenario.total = ReadProvenance(ctx, *total);
  if (std::optional<Item> years = top.Get("year_totals")) {
    scenario.year_totals = ReadProvenance(ctx, *years);
  }
  std::optional<Item> flag = top.Get("illustrative");
  std::optional<bool> illustrative = flag ? ReadBool(ctx, *flag) : std::nullopt;
  if (illustrative && amounts && scenario.amounts.level != ProvenanceLevel::kUnstated &&
      *illustrative != scenario.amounts.IsEstimate()) {
    ctx.Error(flag->mark, flag->path,
              std::string(*illustrative ? "true" : "false") + " contradicts amounts: '" +
                  ProvenanceLevelName(scenario.amounts.level) +
                  "'; give one of the two (illustrative: true reads as amounts: assumed)");
  }
  if (!amounts && illustrative && *illustrative) {
    scenario.amounts = Provenance::Of(ProvenanceLevel::kAssumed);
    scenario.amounts.where = ctx.Where(flag->mark);
  }
  scenario.illustrative = scenario.amounts.IsEstimate();
}

}  // namespace

std::optional<Scenario> ReadScenario(LoadContext& ctx, const YAML::Node& root) {
  int errors = ctx.errors();
  MapReader top(ctx, RootItem(root), kScenarioKeys);
  if (!top.ok() || !CheckFormat(ctx, top)) return std::nullopt;
  Scenario scenario;
  scenario.where = ctx.Where(root.Mark());
  if (std::optional<Item> id = top.Require("scenario")) {
    scenario.where = ctx.Where(top.Find("scenario")->key_mark);
    if (std::optional<std::string> value = ReadId(ctx, *id)) scenario.id = *value;
  }
  ReadOptionalString(ctx, top, "name", scenario.name);
  if (std::optional<Item> base = top.Get("base")) {
    scenario.base_where = ctx.Where(base->mark, base->path);
    scenario.base = ReadString(ctx, *base);
  }
  if (std::optional<Item> budget = top.Get("budget")) {
    if (std::optional<BudgetRule> rule = ReadBudgetRule(ctx, *budget)) scenario.budget = *rule;
  }
  ReadOptionalString(ctx, top, "source", scenario.source);
  ReadOptionalString(ctx, top, "note", scenario.note);
  ReadScenarioProvenance(ctx, top, scenario);
  ReadOptionalBool(ctx, top, "current", scenario.current);
  if (std::optional<Item> changes = top.Get("changes")) {
    scenario.changes = ReadChanges(ctx, *changes);
  }
  if (ctx.errors() != errors) return std::nullopt;
  return scenario;
}

}  // namespace allot::detail
