// The model file: years, objectives, weight sets, motions and lines with
// their budgets and effect curves. Lines are read here for scenarios' `add`
// changes too.
#include <algorithm>
#include <cmath>

#include "load_common.hpp"

namespace allot::detail {

namespace {

const std::vector<std::string> kModelKeys = {"format",     "title",   "currency", "years",
                                             "objectives", "weights", "motions",  "lines",
                                             "source",     "note"};
const std::vector<std::string> kObjectiveKeys = {"id", "name", "note"};
const std::vector<std::string> kMotionKeys = {"id", "ref", "date", "asks", "note", "min_spend"};
const std::vector<std::string> kLineKeys = {"id",           "name", "owner",   "budget", "source",
                                            "illustrative", "note", "motions", "effects"};
const std::vector<std::string> kExtendedWeightKeys = {"weights", "order"};

template <typename T>
std::vector<std::string> IdsOf(const std::vector<T>& items) {
  std::vector<std::string> ids;
  ids.reserve(items.size());
  for (const T& item : items) ids.push_back(item.id);
  return ids;
}

bool Contains(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// Where an item with an `id:` is: its id key, else the item itself.
SourceLocation WhereId(LoadContext& ctx, const MapReader& map) {
  const Entry* id = map.Find("id");
  return ctx.Where(id != nullptr ? id->key_mark : map.item().mark);
}

// Reads the `id` of a list element into `out` and registers it against
// duplicates. Returns false if the id is missing, invalid or a duplicate.
bool ReadListId(LoadContext& ctx, MapReader& map, IdRegistry* ids, std::string& out) {
  std::optional<Item> item = map.Require("id");
  std::optional<std::string> id = item ? ReadId(ctx, *item) : std::nullopt;
  if (!id) return false;
  out = *id;
  return ids == nullptr || ids->Add(ctx, *id, *item);
}

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
  std::vector<std::string> keys = {"curve", "threshold", "source", "note"};
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
  std::optional<std::vector<Item>> points = ReadList(ctx, item);
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

std::optional<Effect> ReadEffect(LoadContext& ctx, const Entry& entry) {
  MapReader map(ctx, entry.value);
  if (!map.ok()) return std::nullopt;
  Effect effect;
  effect.objective = entry.key;
  effect.where = ctx.Where(entry.key_mark);
  std::optional<CurveKind> kind;
  if (std::optional<Item> curve = map.Require("curve")) kind = ReadCurveKind(ctx, *curve);
  map.CheckKeys(CurveKeys(kind));
  ReadOptionalString(ctx, map, "source", effect.source);
  ReadOptionalString(ctx, map, "note", effect.note);
  if (kind) effect.curve = ReadCurve(ctx, map, *kind);
  return effect;
}

std::vector<Effect> ReadEffects(LoadContext& ctx, const Item& item,
                                const std::vector<Objective>* objectives) {
  std::vector<Effect> effects;
  MapReader map(ctx, item);
  std::vector<std::string> known = objectives ? IdsOf(*objectives) : std::vector<std::string>{};
  for (const Entry& entry : map.entries()) {
    if (objectives != nullptr && !Contains(known, entry.key)) {
      ctx.Error(entry.key_mark, entry.value.path,
                "unknown objective " + Quoted(entry.key) + Suggest(entry.key, known));
    }
    if (std::optional<Effect> effect = ReadEffect(ctx, entry)) effects.push_back(*effect);
  }
  return effects;
}

// A list of ids, each known (when `known` is given) and listed once.
std::vector<std::string> ReadIdList(LoadContext& ctx, const Item& item, const std::string& what,
                                    const std::vector<std::string>* known) {
  std::vector<std::string> ids;
  std::optional<std::vector<Item>> elements = ReadList(ctx, item);
  if (!elements) return ids;
  for (const Item& element : *elements) {
    std::optional<std::string> id = ReadString(ctx, element);
    if (!id) continue;
    if (known != nullptr && !Contains(*known, *id)) {
      ctx.Error(element.mark, element.path,
                "unknown " + what + " " + Quoted(*id) + Suggest(*id, *known));
    } else if (Contains(ids, *id)) {
      ctx.Error(element.mark, element.path, what + " " + Quoted(*id) + " is listed twice");
    } else {
      ids.push_back(*id);
    }
  }
  return ids;
}

}  // namespace

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
  ReadOptionalBool(ctx, map, "illustrative", line.illustrative);
  ReadOptionalString(ctx, map, "note", line.note);
  if (std::optional<Item> motions = map.Get("motions")) {
    std::vector<std::string> known =
        refs.motions ? IdsOf(*refs.motions) : std::vector<std::string>{};
    line.motions = ReadIdList(ctx, *motions, "motion", refs.motions ? &known : nullptr);
  }
  if (std::optional<Item> effects = map.Get("effects")) {
    line.effects = ReadEffects(ctx, *effects, refs.objectives);
  }
  return line;
}

namespace {

// --- the model's own sections ----------------------------------------------

std::vector<int> ReadYears(LoadContext& ctx, const Item& item) {
  std::vector<int> years;
  std::optional<std::vector<Item>> elements = ReadList(ctx, item, ctx.limits().max_years, "years");
  if (!elements) return years;
  if (elements->empty()) ctx.Error(item.mark, item.path, "at least one year is required");
  for (const Item& element : *elements) {
    std::optional<int> year = ReadYear(ctx, element);
    if (!year) continue;
    if (!years.empty() && *year <= years.back()) {
      ctx.Error(element.mark, item.path,
                "years must be strictly increasing: " + std::to_string(*year) + " after " +
                    std::to_string(years.back()));
      continue;
    }
    years.push_back(*year);
  }
  return years;
}

std::vector<Objective> ReadObjectives(LoadContext& ctx, const Item& item) {
  std::vector<Objective> objectives;
  std::optional<std::vector<Item>> elements = ReadList(ctx, item);
  if (!elements) return objectives;
  if (elements->empty()) ctx.Error(item.mark, item.path, "at least one objective is required");
  IdRegistry ids("objective");
  for (const Item& element : *elements) {
    MapReader map(ctx, element, kObjectiveKeys);
    if (!map.ok()) continue;
    Objective objective;
    objective.where = WhereId(ctx, map);
    bool fresh = ReadListId(ctx, map, &ids, objective.id);
    ReadRequiredString(ctx, map, "name", objective.name);
    ReadOptionalString(ctx, map, "note", objective.note);
    if (fresh) objectives.push_back(objective);
  }
  return objectives;
}

// Weights per objective from a mapping {objective: weight}, into `out`
// (indexed like `objectives`), normalised to sum 1.
bool ReadWeightValues(LoadContext& ctx, const MapReader& map, const std::vector<std::string>& ids,
                      std::vector<double>& out) {
  int errors = ctx.errors();
  double sum = 0;
  for (const Entry& entry : map.entries()) {
    auto it = std::find(ids.begin(), ids.end(), entry.key);
    if (it == ids.end()) {
      ctx.Error(entry.key_mark, entry.value.path,
                "unknown objective " + Quoted(entry.key) + Suggest(entry.key, ids));
    }
    std::optional<double> weight = ReadNumber(ctx, entry.value);
    if (weight && *weight < 0) {
      ctx.Error(entry.value.mark, entry.value.path,
                "weight must not be negative: " + entry.value.node.Scalar());
    } else if (weight && it != ids.end()) {
      out[static_cast<size_t>(it - ids.begin())] = *weight;
      sum += *weight;
    }
  }
  if (ctx.errors() != errors || !map.ok()) return false;
  // Several weights near the largest double could add up to infinity.
  if (sum == 0 || !std::isfinite(sum)) {
    const Item& at = map.item();
    ctx.Error(at.mark, at.path, sum == 0 ? "all weights are zero" : "weights are too large");
    return false;
  }
  for (double& weight : out) weight /= sum;
  return true;
}

// The extended form {weights: {...}, order: [...]} is told apart by its keys,
// unless an objective happens to be called `weights` or `order`.
bool IsExtendedWeightSet(const MapReader& map, const std::vector<std::string>& ids) {
  for (const std::string& key : kExtendedWeightKeys) {
    if (map.Has(key) && !Contains(ids, key)) return true;
  }
  return false;
}

std::optional<WeightSet> ReadWeightSet(LoadContext& ctx, const Entry& entry,
                                       const std::vector<std::string>& ids) {
  WeightSet set;
  set.name = entry.key;
  set.where = ctx.Where(entry.key_mark);
  set.weights.assign(ids.size(), 0.0);
  CheckId(ctx, entry.key, entry.key_mark, entry.value.path);
  MapReader map(ctx, entry.value);
  if (!map.ok()) return std::nullopt;
  if (!IsExtendedWeightSet(map, ids)) {
    if (!ReadWeightValues(ctx, map, ids, set.weights)) return std::nullopt;
    return set;
  }
  map.CheckKeys(kExtendedWeightKeys);
  if (std::optional<Item> order = map.Get("order")) {
    set.order = ReadIdList(ctx, *order, "objective", &ids);
  }
  std::optional<Item> weights = map.Require("weights");
  if (!weights) return std::nullopt;
  MapReader values(ctx, *weights);
  if (!ReadWeightValues(ctx, values, ids, set.weights)) return std::nullopt;
  return set;
}

std::vector<WeightSet> ReadWeights(LoadContext& ctx, const Item& item,
                                   const std::vector<Objective>& objectives) {
  std::vector<WeightSet> sets;
  MapReader map(ctx, item);
  if (map.ok() && map.entries().empty()) {
    ctx.Error(item.mark, item.path, "at least one weight set is required");
  }
  std::vector<std::string> ids = IdsOf(objectives);
  for (const Entry& entry : map.entries()) {
    if (std::optional<WeightSet> set = ReadWeightSet(ctx, entry, ids)) sets.push_back(*set);
  }
  return sets;
}

std::vector<Motion> ReadMotions(LoadContext& ctx, const Item& item) {
  std::vector<Motion> motions;
  std::optional<std::vector<Item>> elements = ReadList(ctx, item);
  if (!elements) return motions;
  IdRegistry ids("motion");
  for (const Item& element : *elements) {
    MapReader map(ctx, element, kMotionKeys);
    if (!map.ok()) continue;
    Motion motion;
    motion.where = WhereId(ctx, map);
    bool fresh = ReadListId(ctx, map, &ids, motion.id);
    ReadRequiredString(ctx, map, "ref", motion.ref);
    ReadOptionalString(ctx, map, "date", motion.date);  // not every commitment has one
    ReadRequiredString(ctx, map, "asks", motion.asks);
    ReadOptionalString(ctx, map, "note", motion.note);
    if (std::optional<Item> min_spend = map.Get("min_spend")) {
      motion.min_spend = ReadMoney(ctx, *min_spend);
    }
    if (fresh) motions.push_back(motion);
  }
  return motions;
}

std::vector<Line> ReadLines(LoadContext& ctx, const Item& item, const LineRefs& refs) {
  std::vector<Line> lines;
  std::optional<std::vector<Item>> elements = ReadList(ctx, item, ctx.limits().max_lines, "lines");
  if (!elements) return lines;
  IdRegistry ids("line");
  for (const Item& element : *elements) {
    if (std::optional<Line> line = ReadLine(ctx, element, refs, &ids)) lines.push_back(*line);
  }
  return lines;
}

void ReadCurrency(LoadContext& ctx, const MapReader& top, std::string& out) {
  std::optional<Item> item = top.Get("currency");
  if (!item) return;
  std::optional<std::string> code = ReadString(ctx, *item);
  if (!code) return;
  bool valid = code->size() == 3 &&
               std::all_of(code->begin(), code->end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  if (valid) {
    out = *code;
  } else {
    ctx.Error(item->mark, item->path,
              "expected a three-letter currency code like 'EUR', got " + Quoted(*code));
  }
}

}  // namespace

std::optional<Model> ReadModel(LoadContext& ctx, const YAML::Node& root) {
  int errors = ctx.errors();
  MapReader top(ctx, RootItem(root), kModelKeys);
  if (!top.ok() || !CheckFormat(ctx, top)) return std::nullopt;
  Model model;
  model.where = ctx.Where(YAML::Mark());  // the start of the file
  ReadRequiredString(ctx, top, "title", model.title);
  ReadCurrency(ctx, top, model.currency);
  ReadOptionalString(ctx, top, "source", model.source);
  ReadOptionalString(ctx, top, "note", model.note);
  // Sections that others refer to are checked against only when they read
  // cleanly, so one bad year does not make every budget an error.
  int before_years = ctx.errors();
  if (std::optional<Item> years = top.Require("years")) model.years = ReadYears(ctx, *years);
  bool years_ok = ctx.errors() == before_years && !model.years.empty();
  if (std::optional<Item> objectives = top.Require("objectives")) {
    model.objectives = ReadObjectives(ctx, *objectives);
  }
  if (std::optional<Item> weights = top.Require("weights")) {
    model.weights = ReadWeights(ctx, *weights, model.objectives);
  }
  if (std::optional<Item> motions = top.Get("motions")) model.motions = ReadMotions(ctx, *motions);
  if (std::optional<Item> lines = top.Require("lines")) {
    LineRefs refs{years_ok ? &model.years : nullptr, &model.objectives, &model.motions};
    model.lines = ReadLines(ctx, *lines, refs);
  }
  if (ctx.errors() != errors) return std::nullopt;
  return model;
}

}  // namespace allot::detail
