// The model file: years, objectives, weight sets, motions and the list of
// lines (each line itself is read by src/load/line.cpp).
#include <algorithm>
#include <cmath>

#include "load/line.hpp"
#include "load/provenance.hpp"

namespace allot::detail {

namespace {

const std::vector<std::string> kModelKeys = {"format",     "title",   "currency", "years",
                                             "objectives", "weights", "motions",  "lines",
                                             "provenance", "source",  "note"};
const std::vector<std::string> kObjectiveKeys = {"id", "name", "note"};
const std::vector<std::string> kMotionKeys = {
    "id", "ref", "verified", "date", "asks", "status", "status_note", "note", "min_spend"};
const std::vector<std::string> kExtendedWeightKeys = {"weights", "order", "provenance"};
const std::vector<std::string> kModelProvenanceKeys = {"year_totals", "total", "amounts", "effects",
                                                       "weights"};
const std::vector<std::string> kMotionStatuses = {"adopted", "rejected", "promised", "in-bill",
                                                  "in-law"};

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
bool ReadWeightValues(LoadContext& ctx, const MapReader& map, const KnownIds& ids,
                      std::vector<double>& out) {
  int errors = ctx.errors();
  double sum = 0;
  for (const Entry& entry : map.entries()) {
    auto it = ids.index.find(entry.key);
    if (it == ids.index.end()) {
      ctx.Error(entry.key_mark, entry.value.path,
                "unknown objective " + Quoted(entry.key) + Suggest(entry.key, ids.list));
    }
    std::optional<double> weight = ReadNumber(ctx, entry.value);
    if (weight && *weight < 0) {
      ctx.Error(entry.value.mark, entry.value.path,
                "weight must not be negative: " + entry.value.node.Scalar());
    } else if (weight && it != ids.index.end()) {
      out[it->second] = *weight;
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
bool IsExtendedWeightSet(const MapReader& map, const KnownIds& ids) {
  for (const std::string& key : kExtendedWeightKeys) {
    if (map.Has(key) && !ids.Has(key)) return true;
  }
  return false;
}

std::optional<WeightSet> ReadWeightSet(LoadContext& ctx, const Entry& entry, const KnownIds& ids) {
  WeightSet set;
  set.name = entry.key;
  set.where = ctx.Where(entry.key_mark, entry.value.path);
  set.weights.assign(ids.list.size(), 0.0);
  CheckId(ctx, entry.key, entry.key_mark, entry.value.path);
  MapReader map(ctx, entry.value);
  if (!map.ok()) return std::nullopt;
  if (!IsExtendedWeightSet(map, ids)) {
    if (!ReadWeightValues(ctx, map, ids, set.weights)) return std::nullopt;
    return set;
  }
  map.CheckKeys(kExtendedWeightKeys);
  if (std::optional<Item> provenance = map.Get("provenance")) {
    if (std::optional<Provenance> p = ReadProvenance(ctx, *provenance)) set.provenance = *p;
  }
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
                                   const std::vector<Objective>& objectives,
                                   const Provenance& fallback) {
  std::vector<WeightSet> sets;
  MapReader map(ctx, item);
  if (map.ok() && map.entries().empty()) {
    ctx.Error(item.mark, item.path, "at least one weight set is required");
  }
  KnownIds ids = KnownIds::Of(objectives);
  for (const Entry& entry : map.entries()) {
    if (std::optional<WeightSet> set = ReadWeightSet(ctx, entry, ids)) {
      if (set->provenance.level == ProvenanceLevel::kUnstated) set->provenance = fallback;
      sets.push_back(*set);
    }
  }
  return sets;
}

std::optional<MotionStatus> ReadMotionStatus(LoadContext& ctx, const Item& item) {
  std::optional<std::string> name = ReadString(ctx, item);
  if (!name) return std::nullopt;
  auto it = std::find(kMotionStatuses.begin(), kMotionStatuses.end(), *name);
  if (it != kMotionStatuses.end()) {
    return static_cast<MotionStatus>(1 + (it - kMotionStatuses.begin()));
  }
  ctx.Error(item.mark, item.path,
            "unknown status " + Quoted(*name) + Suggest(*name, kMotionStatuses));
  return std::nullopt;
}

// `min_spend: 150000`, or `{amount: 150000, provenance: assumed}`.
void ReadMinSpend(LoadContext& ctx, const Item& item, Motion& motion) {
  if (!item.node.IsMap()) {
    motion.min_spend = ReadMoney(ctx, item);
    return;
  }
  MapReader map(ctx, item, {"amount", "provenance"});
  if (std::optional<Item> amount = map.Require("amount"))
    motion.min_spend = ReadMoney(ctx, *amount);
  if (std::optional<Item> provenance = map.Get("provenance")) {
    if (std::optional<Provenance> p = ReadProvenance(ctx, *provenance)) {
      motion.min_spend_provenance = *p;
    }
  }
}

void ReadMotionTexts(LoadContext& ctx, MapReader& map, Motion& motion) {
  if (std::optional<Item> asks = map.Require("asks")) {
    ReadTwoLanguages(ctx, *asks, motion.asks, motion.asks_nl);
  }
  if (std::optional<Item> note = map.Get("status_note")) {
    ReadTwoLanguages(ctx, *note, motion.status_note, motion.status_note_nl);
  }
  if (std::optional<Item> status = map.Get("status")) {
    if (std::optional<MotionStatus> value = ReadMotionStatus(ctx, *status)) motion.status = *value;
  }
  if (std::optional<Item> verified = map.Get("verified"))
    motion.verified = ReadBool(ctx, *verified);
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
    ReadMotionTexts(ctx, map, motion);
    ReadOptionalString(ctx, map, "note", motion.note);
    if (std::optional<Item> min_spend = map.Get("min_spend")) ReadMinSpend(ctx, *min_spend, motion);
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

// The model's `provenance:` map: the totals' provenance and the defaults.
ModelProvenance ReadModelProvenance(LoadContext& ctx, const Item& item) {
  ModelProvenance out;
  MapReader map(ctx, item, kModelProvenanceKeys);
  Provenance* fields[] = {&out.year_totals, &out.total, &out.amounts, &out.effects, &out.weights};
  for (size_t i = 0; i < kModelProvenanceKeys.size(); ++i) {
    if (std::optional<Item> value = map.Get(kModelProvenanceKeys[i])) {
      if (std::optional<Provenance> p = ReadProvenance(ctx, *value)) *fields[i] = *p;
    }
  }
  if (out.total.level == ProvenanceLevel::kUnstated) out.total = out.year_totals;
  return out;
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
  if (std::optional<Item> provenance = top.Get("provenance")) {
    model.provenance = ReadModelProvenance(ctx, *provenance);
  }
  // Sections that others refer to are checked against only when they read
  // cleanly, so one bad year does not make every budget an error.
  int before_years = ctx.errors();
  if (std::optional<Item> years = top.Require("years")) model.years = ReadYears(ctx, *years);
  bool years_ok = ctx.errors() == before_years && !model.years.empty();
  if (std::optional<Item> objectives = top.Require("objectives")) {
    model.objectives = ReadObjectives(ctx, *objectives);
  }
  if (std::optional<Item> weights = top.Require("weights")) {
    model.weights = ReadWeights(ctx, *weights, model.objectives, model.provenance.weights);
  }
  if (std::optional<Item> motions = top.Get("motions")) model.motions = ReadMotions(ctx, *motions);
  if (std::optional<Item> lines = top.Require("lines")) {
    KnownIds objectives = KnownIds::Of(model.objectives);
    KnownIds motions = KnownIds::Of(model.motions);
    LineRefs refs{years_ok ? &model.years : nullptr, &objectives, &motions, &model.provenance};
    model.lines = ReadLines(ctx, *lines, refs);
  }
  if (ctx.errors() != errors) return std::nullopt;
  return model;
}

}  // namespace allot::detail
