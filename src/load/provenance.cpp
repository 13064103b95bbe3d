#include "load/provenance.hpp"

#include <algorithm>

namespace allot::detail {

namespace {

const std::vector<std::string> kProvenanceKeys = {"level", "ref", "by", "note"};
const std::vector<std::string> kLevelNames = {"sourced", "reported", "assumed", "judgement"};

std::optional<ProvenanceLevel> ReadLevel(LoadContext& ctx, const Item& item) {
  std::optional<std::string> name = ReadString(ctx, item);
  if (!name) return std::nullopt;
  ProvenanceLevel level;
  if (ParseProvenanceLevel(*name, level)) return level;
  ctx.Error(item.mark, item.path,
            "unknown provenance level " + Quoted(*name) + Suggest(*name, kLevelNames));
  return std::nullopt;
}

// The rules of each level: what it must and may carry.
bool CheckLevelKeys(LoadContext& ctx, const Item& item, const Provenance& p) {
  std::string name = ProvenanceLevelName(p.level);
  if (p.level == ProvenanceLevel::kSourced && p.ref.empty()) {
    ctx.Error(item.mark, item.path,
              "'sourced' needs a reference: write {level: sourced, ref: ...}");
    return false;
  }
  if (p.level == ProvenanceLevel::kReported && p.by.empty()) {
    ctx.Error(item.mark, item.path,
              "'reported' needs who reports it: write {level: reported, by: ...}");
    return false;
  }
  if (!p.by.empty() && p.level != ProvenanceLevel::kReported) {
    ctx.Error(item.mark, item.path, "'by' belongs to 'reported', not to '" + name + "'");
    return false;
  }
  return true;
}

}  // namespace

std::optional<Provenance> ReadProvenance(LoadContext& ctx, const Item& item) {
  Provenance p;
  p.where = ctx.Where(item.mark);
  if (item.node.IsScalar()) {
    std::optional<ProvenanceLevel> level = ReadLevel(ctx, item);
    if (!level) return std::nullopt;
    p.level = *level;
  } else {
    MapReader map(ctx, item, kProvenanceKeys);
    if (!map.ok()) return std::nullopt;
    int errors = ctx.errors();
    std::optional<Item> level_item = map.Require("level");
    std::optional<ProvenanceLevel> level = level_item ? ReadLevel(ctx, *level_item) : std::nullopt;
    ReadOptionalString(ctx, map, "ref", p.ref);
    ReadOptionalString(ctx, map, "by", p.by);
    ReadOptionalString(ctx, map, "note", p.note);
    if (!level || ctx.errors() != errors) return std::nullopt;
    p.level = *level;
  }
  if (!CheckLevelKeys(ctx, item, p)) return std::nullopt;
  return p;
}

namespace {

std::optional<AmountBounds> ReadRange(LoadContext& ctx, const Item& item) {
  if (!item.node.IsSequence() || item.node.size() != 2) {
    ctx.Error(item.mark, item.path, "expected [low, high], got " + DescribeNode(item.node));
    return std::nullopt;
  }
  std::vector<Item> pair = *ReadList(ctx, item);
  std::optional<Money> low = ReadMoney(ctx, pair[0]);
  std::optional<Money> high = ReadMoney(ctx, pair[1]);
  if (!low || !high) return std::nullopt;
  if (*low > *high) {
    ctx.Error(item.mark, item.path, "low must not be above high: " + ValueText(item.node));
    return std::nullopt;
  }
  return AmountBounds{*low, *high};
}

}  // namespace

std::optional<LineBounds> ReadBounds(LoadContext& ctx, const Item& item,
                                     const std::vector<int>* years) {
  LineBounds bounds;
  bounds.where = ctx.Where(item.mark);
  int errors = ctx.errors();
  if (item.node.IsSequence()) {
    bounds.every_year = ReadRange(ctx, item);
    if (!bounds.every_year) return std::nullopt;
    return bounds;
  }
  MapReader map(ctx, item);
  if (!map.ok()) return std::nullopt;
  for (const Entry& entry : map.entries()) {
    std::optional<int> year = ReadYearKey(ctx, entry);
    std::optional<AmountBounds> range = ReadRange(ctx, entry.value);
    if (!year || !range) continue;
    if (years != nullptr && !std::binary_search(years->begin(), years->end(), *year)) {
      ctx.Error(entry.key_mark, entry.value.path,
                "year " + std::to_string(*year) + " is not one of the model's years");
      continue;
    }
    bounds.by_year.emplace(*year, *range);
  }
  if (ctx.errors() != errors) return std::nullopt;
  return bounds;
}

bool ReadTwoLanguages(LoadContext& ctx, const Item& item, std::string& en, std::string& nl) {
  if (item.node.IsScalar()) {
    en = item.node.Scalar();
    nl.clear();
    return true;
  }
  MapReader map(ctx, item, {"en", "nl"});
  if (!map.ok()) return false;
  bool ok = ReadRequiredString(ctx, map, "en", en);
  ReadOptionalString(ctx, map, "nl", nl);
  return ok;
}

}  // namespace allot::detail
