// A line of the model (or of a scenario's `add` change): its budget per
// year, the motions it answers and its effect curves per objective.
#include "load/line.hpp"

#include <algorithm>
#include <unordered_set>

#include "load/levels.hpp"
#include "load/provenance.hpp"

namespace allot::detail {

namespace {

const std::vector<std::string> kLineKeys = {"id",           "name",    "owner", "budget", "source",
                                            "illustrative", "amounts", "split", "bounds", "note",
                                            "motions",      "effects", "levels"};

// "2024, 2025, 2026", or "2024, ..., 2223" when long.
std::string ListYears(const std::vector<int>& years) {
  constexpr size_t kMaxListed = 10;
  if (years.size() > kMaxListed) {
    return std::to_string(years.front()) + ", ..., " + std::to_string(years.back());
  }
  std::string text;
  for (int year : years) text += (text.empty() ? "" : ", ") + std::to_string(year);
  return text;
}

// --- effect curves ---------------------------------------------------------

// In CurveKind order.
const std::vector<std::string> kCurveNames = {"linear", "saturating", "table"};

std::vector<std::string> CurveKeys(std::optional<CurveKind> kind) {
  std::vector<std::string> keys = {"curve", "threshold", "source", "provenance", "note"};
  if (!kind || *kind == CurveKind::kLinear) keys.insert(keys.end(), {"points", "per"});
  if (!kind || *kind == CurveKind::kSaturating) keys.insert(keys.end(), {"max", "half"});
  if (kind && *kind == CurveKind::kTable) keys.push_back("points");
  return keys;
}

std::optional<CurveKind> ReadCurveKind(LoadContext& ctx, const Item& item) {
  std::optional<std::string> name = ReadString(ctx, item);
  if (!name) return std::nullopt;
  auto it = std::find(kCurveNames.begin(), kCurveNames.end(), *name);
  if (it != kCurveNames.end()) return static_cast<CurveKind>(it - kCurveNames.begin());
  ctx.Error(item.mark, item.path, "unknown curve " + Quoted(*name) + Suggest(*name, kCurveNames));
  return std::nullopt;
}

// The spend at which a saturating curve reaches half its maximum.
std::optional<Param> ReadHalf(LoadContext& ctx, const Item& item) {
  std::optional<Param> half = ReadMoneyParam(ctx, item);
  if (!half || half->low > 0) return half;
  ctx.Error(item.mark, item.path, "amount must be greater than 0: " + ValueText(item.node));
  return std::nullopt;
}

// `points: [[x, v], ...]`, x strictly increasing and > 0.
std::optional<std::vector<TablePoint>> ReadTable(LoadContext& ctx, const Item& item) {
  std::optional<std::vector<Item>> points =
      ReadList(ctx, item, ctx.limits().max_table_points, "table points");
  if (!points) return std::nullopt;
  if (points->empty()) {
    ctx.Error(item.mark, item.path, "expected at least one [amount, points] pair");
    return std::nullopt;
  }
  std::vector<TablePoint> table;
  std::string previous;  // the last amount as written
  int errors = ctx.errors();
  for (const Item& point : *points) {
    if (!point.node.IsSequence() || point.node.size() != 2) {
      ctx.Error(point.mark, point.path,
                "expected [amount, points], got " + DescribeNode(point.node));
      continue;
    }
    std::vector<Item> pair = *ReadList(ctx, point);
    std::optional<Money> x = ReadPositiveMoney(ctx, pair[0]);
    std::optional<Param> value = ReadParam(ctx, pair[1]);
    if (!x || !value) continue;
    if (!table.empty() && *x <= table.back().x) {
      ctx.Error(pair[0].mark, item.path,
                "table amounts must be strictly increasing: " + pair[0].node.Scalar() + " after " +
                    previous);
    }
    table.push_back(TablePoint{*x, *value});
    previous = pair[0].node.Scalar();
  }
  if (ctx.errors() != errors) return std::nullopt;
  return table;
}

// The parameters of a curve of a known kind.
Curve ReadCurve(LoadContext& ctx, MapReader& map, CurveKind kind) {
  Curve curve;
  curve.kind = kind;
  if (std::optional<Item> threshold = map.Get("threshold")) {
    curve.threshold = ReadMoney(ctx, *threshold);
  }
  auto read_param = [&](const char* key, auto read, Param& out) {
    if (std::optional<Item> item = map.Require(key)) {
      if (std::optional<Param> value = read(ctx, *item)) out = *value;
    }
  };
  switch (kind) {
    case CurveKind::kLinear:
      read_param("points", ReadParam, curve.points);
      if (std::optional<Item> per = map.Require("per")) {
        if (std::optional<Money> value = ReadPositiveMoney(ctx, *per)) curve.per = *value;
      }
      break;
    case CurveKind::kSaturating:
      read_param("max", ReadParam, curve.max);
      read_param("half", ReadHalf, curve.half);
      break;
    case CurveKind::kTable:
      if (std::optional<Item> points = map.Require("points")) {
        if (auto table = ReadTable(ctx, *points)) curve.table = std::move(*table);
      }
      break;
  }
  return curve;
}

std::optional<Effect> ReadEffect(LoadContext& ctx, const Entry& entry, const Provenance& fallback) {
  MapReader map(ctx, entry.value);
  if (!map.ok()) return std::nullopt;
  Effect effect;
  effect.objective = entry.key;
  effect.where = ctx.Where(entry.key_mark, entry.value.path);
  std::optional<CurveKind> kind;
  if (std::optional<Item> curve = map.Require("curve")) kind = ReadCurveKind(ctx, *curve);
  map.CheckKeys(CurveKeys(kind));
  ReadOptionalString(ctx, map, "source", effect.source);
  ReadOptionalString(ctx, map, "note", effect.note);
  effect.provenance = fallback;
  if (std::optional<Item> provenance = map.Get("provenance")) {
    if (std::optional<Provenance> p = ReadProvenance(ctx, *provenance)) effect.provenance = *p;
  }
  if (kind) effect.curve = ReadCurve(ctx, map, *kind);
  return effect;
}

std::vector<Effect> ReadEffects(LoadContext& ctx, const Item& item, const KnownIds* objectives,
                                const Provenance& fallback) {
  std::vector<Effect> effects;
  MapReader map(ctx, item);
  for (const Entry& entry : map.entries()) {
    if (objectives != nullptr && !objectives->Has(entry.key)) {
      ctx.Error(entry.key_mark, entry.value.path,
                "unknown objective " + Quoted(entry.key) + Suggest(entry.key, objectives->list));
    }
    if (std::optional<Effect> effect = ReadEffect(ctx, entry, fallback)) {
      effects.push_back(*effect);
    }
  }
  return effects;
}

// `amounts`, `split` and the old `illustrative`, which must agree: true
// reads as `amounts: assumed`, and neither may contradict the other.
void ReadAmountsProvenance(LoadContext& ctx, const MapReader& map, const Provenance* fallback,
                           Line& line) {
  std::optional<Item> amounts = map.Get("amounts");
  if (amounts) {
    if (std::optional<Provenance> p = ReadProvenance(ctx, *amounts)) line.amounts = *p;
  }
  if (std::optional<Item> split = map.Get("split")) line.split = ReadProvenance(ctx, *split);
  std::optional<Item> flag = map.Get("illustrative");
  std::optional<bool> illustrative = flag ? ReadBool(ctx, *flag) : std::nullopt;
  if (illustrative && amounts && line.amounts.level != ProvenanceLevel::kUnstated &&
      *illustrative != line.YearAmounts().IsEstimate()) {
    ctx.Error(flag->mark, flag->path,
              std::string(*illustrative ? "true" : "false") + " contradicts amounts: '" +
                  ProvenanceLevelName(line.YearAmounts().level) +
                  "'; give one of the two (illustrative: true reads as amounts: assumed)");
  }
  if (!amounts && illustrative && *illustrative) {
    line.amounts = Provenance::Of(ProvenanceLevel::kAssumed);
    line.amounts.where = ctx.Where(flag->mark);
  } else if (!amounts && fallback != nullptr) {
    line.amounts = *fallback;
  }
  line.illustrative = line.YearAmounts().IsEstimate();
}

// `bounds` belong to amounts that are assumed, and the line's own amounts
// must lie within them.
void CheckBounds(LoadContext& ctx, const Item& item, const std::vector<int>* years,
                 const Line& line) {
  if (!line.YearAmounts().IsEstimate()) {
    ctx.Error(item.mark, item.path,
              std::string("bounds are for assumed amounts, and these are '") +
                  ProvenanceLevelName(line.YearAmounts().level) +
                  "' (give amounts: assumed, or split: assumed with a known total)");
    return;
  }
  std::vector<int> checked;
  if (years != nullptr) {
    checked = *years;
  } else {
    for (const auto& entry : line.budget) checked.push_back(entry.first);
  }
  for (int year : checked) {
    const AmountBounds* range = line.bounds.In(year);
    if (range == nullptr) continue;
    auto it = line.budget.find(year);
    Money amount = it == line.budget.end() ? Money() : it->second;
    if (amount < range->low || amount > range->high) {
      ctx.Error(item.mark, item.path,
                "the amount in " + std::to_string(year) + ", " + FormatMoney(amount, Lang::kEn) +
                    ", is outside its bounds [" + FormatMoney(range->low, Lang::kEn) + ", " +
                    FormatMoney(range->high, Lang::kEn) + "]");
    }
  }
}

}  // namespace

SourceLocation WhereId(LoadContext& ctx, const MapReader& map) {
  const Entry* id = map.Find("id");
  return ctx.Where(id != nullptr ? id->key_mark : map.item().mark, map.item().path);
}

bool ReadListId(LoadContext& ctx, MapReader& map, IdRegistry* ids, std::string& out) {
  std::optional<Item> item = map.Require("id");
  std::optional<std::string> id = item ? ReadId(ctx, *item) : std::nullopt;
  if (!id) return false;
  out = *id;
  return ids == nullptr || ids->Add(ctx, *id, *item);
}

std::vector<std::string> ReadIdList(LoadContext& ctx, const Item& item, const std::string& what,
                                    const KnownIds* known) {
  std::vector<std::string> ids;
  std::optional<std::vector<Item>> elements = ReadList(ctx, item);
  if (!elements) return ids;
  std::unordered_set<std::string> listed;
  for (const Item& element : *elements) {
    std::optional<std::string> id = ReadString(ctx, element);
    if (!id) continue;
    if (known != nullptr && !known->Has(*id)) {
      ctx.Error(element.mark, element.path,
                "unknown " + what + " " + Quoted(*id) + Suggest(*id, known->list));
    } else if (!listed.insert(*id).second) {
      ctx.Error(element.mark, element.path, what + " " + Quoted(*id) + " is listed twice");
    } else {
      ids.push_back(*id);
    }
  }
  return ids;
}

// --- lines -----------------------------------------------------------------

std::optional<std::map<int, Money>> ReadBudget(LoadContext& ctx, const Item& item,
                                               const std::vector<int>* years) {
  MapReader map(ctx, item);
  if (!map.ok()) return std::nullopt;
  std::map<int, Money> budget;
  int errors = ctx.errors();
  for (const Entry& entry : map.entries()) {
    std::optional<int> year = ReadYearKey(ctx, entry);
    std::optional<Money> amount = ReadMoney(ctx, entry.value);
    if (!year || !amount) continue;
    if (years != nullptr && !std::binary_search(years->begin(), years->end(), *year)) {
      ctx.Error(entry.key_mark, entry.value.path,
                "year " + std::to_string(*year) + " is not one of the model's years (" +
                    ListYears(*years) + ")");
    } else if (!budget.emplace(*year, *amount).second) {
      ctx.Error(entry.key_mark, entry.value.path,
                "year " + std::to_string(*year) + " appears twice");
    }
  }
  if (ctx.errors() != errors) return std::nullopt;
  return budget;
}

std::optional<Line> ReadLine(LoadContext& ctx, const Item& item, const LineRefs& refs,
                             IdRegistry* ids) {
  MapReader map(ctx, item, kLineKeys);
  if (!map.ok()) return std::nullopt;
  Line line;
  line.where = WhereId(ctx, map);
  ReadListId(ctx, map, ids, line.id);
  ReadRequiredString(ctx, map, "name", line.name);
  ReadOptionalString(ctx, map, "owner", line.owner);
  if (std::optional<Item> budget = map.Require("budget")) {
    if (auto amounts = ReadBudget(ctx, *budget, refs.years)) line.budget = std::move(*amounts);
  }
  ReadOptionalString(ctx, map, "source", line.source);
  ReadAmountsProvenance(ctx, map, refs.defaults ? &refs.defaults->amounts : nullptr, line);
  if (std::optional<Item> bounds = map.Get("bounds")) {
    if (std::optional<LineBounds> read = ReadBounds(ctx, *bounds, refs.years)) {
      line.bounds = std::move(*read);
      CheckBounds(ctx, *bounds, refs.years, line);
    }
  }
  ReadOptionalString(ctx, map, "note", line.note);
  if (std::optional<Item> motions = map.Get("motions")) {
    line.motions = ReadIdList(ctx, *motions, "motion", refs.motions);
  }
  if (std::optional<Item> effects = map.Get("effects")) {
    line.effects = ReadEffects(ctx, *effects, refs.objectives,
                               refs.defaults ? refs.defaults->effects : UnstatedProvenance());
  }
  if (std::optional<Item> levels = map.Get("levels")) {
    line.levels = ReadLevels(ctx, *levels, refs.years);  // for optimise (src/load/levels.cpp)
  }
  return line;
}

}  // namespace allot::detail
