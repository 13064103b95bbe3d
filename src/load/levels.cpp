#include "load/levels.hpp"

namespace allot::detail {

namespace {

const std::vector<std::string> kLevelKeys = {"name", "budget", "note"};

}  // namespace

std::vector<Level> ReadLevels(LoadContext& ctx, const Item& item, const std::vector<int>* years) {
  std::vector<Level> levels;
  std::optional<std::vector<Item>> elements = ReadList(ctx, item);
  if (!elements) return levels;
  if (elements->empty()) {
    ctx.Error(item.mark, item.path, "expected at least one level (or no `levels:` key)");
  }
  IdRegistry names("level");
  for (const Item& element : *elements) {
    MapReader map(ctx, element, kLevelKeys);
    if (!map.ok()) continue;
    Level level;
    const Entry* name_entry = map.Find("name");
    level.where =
        ctx.Where(name_entry != nullptr ? name_entry->key_mark : element.mark, element.path);
    std::optional<Item> name = map.Require("name");
    std::optional<std::string> id = name ? ReadId(ctx, *name) : std::nullopt;
    bool fresh = id && names.Add(ctx, *id, *name);
    if (id) level.name = *id;
    if (std::optional<Item> budget = map.Require("budget")) {
      if (auto amounts = ReadBudget(ctx, *budget, years)) level.budget = std::move(*amounts);
    }
    if (fresh) levels.push_back(std::move(level));
  }
  return levels;
}

}  // namespace allot::detail
