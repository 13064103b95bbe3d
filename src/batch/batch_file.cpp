// Reading a batch file (RUNS.yaml) with the loader's readers, so that its
// errors look like every other input error: FILE:LINE:COL and the key path.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <utility>

#include "allot/batch.hpp"
#include "batch/run_lists.hpp"
#include "load/common.hpp"
#include "load/yaml_reader.hpp"

namespace allot {

namespace {

using detail::Item;
using detail::LoadContext;
using detail::MapReader;

const std::vector<std::string> kAnalyses{"compare", "stability", "what-it-takes",
                                         "tornado", "explain",   "sensitivity"};
const std::vector<std::string> kEntryKeys{"analysis", "models",  "scenarios", "weights", "seeds",
                                          "samples",  "effects", "a",         "b"};

std::optional<std::vector<std::string>> ReadStrings(LoadContext& ctx, const Item& item) {
  std::optional<std::vector<Item>> list = detail::ReadList(ctx, item);
  if (!list) return std::nullopt;
  std::vector<std::string> out;
  bool ok = true;
  for (const Item& element : *list) {
    std::optional<std::string> s = detail::ReadString(ctx, element);
    if (s) out.push_back(*s);
    ok = ok && s;
  }
  if (!ok) return std::nullopt;
  return out;
}

// A scenario set: one path, or a list of paths.
std::optional<std::vector<std::string>> ReadScenarioSet(LoadContext& ctx, const Item& item) {
  if (item.node.IsSequence()) return ReadStrings(ctx, item);
  std::optional<std::string> path = detail::ReadString(ctx, item);
  if (!path) return std::nullopt;
  return std::vector<std::string>{*path};
}

// A whole number in [minimum, 2^53] (larger ones are not exact as YAML numbers).
std::optional<uint64_t> ReadCount(LoadContext& ctx, const Item& item, double minimum) {
  std::optional<double> v = detail::ReadNumber(ctx, item);
  if (!v) return std::nullopt;
  if (*v < minimum || *v > 9007199254740992.0 || std::floor(*v) != *v) {
    ctx.Error(item.mark, item.path,
              "expected a whole number of at least " + std::to_string(static_cast<int>(minimum)) +
                  ", got " + detail::Quoted(detail::ValueText(item.node)));
    return std::nullopt;
  }
  return static_cast<uint64_t>(*v);
}

bool ReadAnalysis(LoadContext& ctx, MapReader& map, BatchEntry& entry) {
  std::optional<Item> item = map.Require("analysis");
  if (!item) return false;
  std::optional<std::string> name = detail::ReadString(ctx, *item);
  if (!name) return false;
  for (size_t i = 0; i < kAnalyses.size(); ++i) {
    if (*name == kAnalyses[i]) {
      entry.analysis = static_cast<BatchAnalysis>(i);
      return true;
    }
  }
  ctx.Error(item->mark, item->path,
            "unknown analysis " + detail::Quoted(*name) + detail::Suggest(*name, kAnalyses));
  return false;
}

bool ReadLists(LoadContext& ctx, const MapReader& map, BatchEntry& entry) {
  bool ok = true;
  if (auto item = map.Get("models")) {
    auto models = ReadStrings(ctx, *item);
    ok = ok && models;
    if (models) entry.models = *models;
  }
  if (auto item = map.Get("scenarios")) {
    if (auto sets = detail::ReadList(ctx, *item)) {
      for (const Item& set : *sets) {
        auto paths = ReadScenarioSet(ctx, set);
        ok = ok && paths;
        if (paths) entry.scenario_sets.push_back(*paths);
      }
    } else {
      ok = false;
    }
  }
  if (auto item = map.Get("weights")) {
    entry.weights_where = ctx.Where(item->mark);
    auto weights = ReadStrings(ctx, *item);
    ok = ok && weights;
    if (weights) entry.weights = *weights;
  }
  if (auto item = map.Get("seeds")) {
    entry.seeds.clear();
    if (auto seeds = detail::ReadList(ctx, *item)) {
      for (const Item& seed : *seeds) {
        auto v = ReadCount(ctx, seed, 0);
        ok = ok && v;
        if (v) entry.seeds.push_back(*v);
      }
    } else {
      ok = false;
    }
  }
  return ok;
}

// Keys that only some analyses use, and the pair of scenario ids.
bool ReadSpecifics(LoadContext& ctx, MapReader& map, BatchEntry& entry) {
  bool ok = true;
  BatchAnalysis kind = entry.analysis;
  bool sensitivity = kind == BatchAnalysis::kSensitivity;
  bool pair = kind == BatchAnalysis::kWhatItTakes || kind == BatchAnalysis::kTornado ||
              kind == BatchAnalysis::kExplain;
  auto refuse = [&](const std::string& key, const std::string& who) {
    if (const detail::Entry* e = map.Find(key)) {
      ctx.Error(e->key_mark, e->value.path, "only " + who + " uses '" + key + "'");
      ok = false;
    }
  };
  if (!sensitivity) {
    refuse("samples", "sensitivity");
    refuse("effects", "sensitivity");
    if (kind != BatchAnalysis::kExplain) refuse("seeds", "sensitivity or explain");
  }
  if (!pair) {
    refuse("a", "what-it-takes, tornado or explain");
    refuse("b", "what-it-takes, tornado or explain");
  }
  if (auto item = map.Get("samples")) {
    auto v = ReadCount(ctx, *item, 1);
    const uint64_t limit = ctx.limits().max_batch_samples;
    if (v && *v > limit) {
      ctx.Error(item->mark, item->path,
                "too many samples: " + std::to_string(*v) + " (limit " + std::to_string(limit) +
                    "; raise with --max-samples)");
      v.reset();
    }
    ok = ok && v;
    if (v) entry.samples = *v;
  }
  if (auto item = map.Get("effects")) {
    auto effects = detail::ReadString(ctx, *item);
    if (effects && *effects != "fixed" && *effects != "uncertain") {
      ctx.Error(item->mark, item->path,
                "expected 'fixed' or 'uncertain', got " + detail::Quoted(*effects));
      effects.reset();
    }
    ok = ok && effects;
    entry.uncertain = effects && *effects == "uncertain";
  }
  if (pair) {
    ok = detail::ReadRequiredString(ctx, map, "a", entry.a) && ok;
    ok = detail::ReadRequiredString(ctx, map, "b", entry.b) && ok;
    if (auto item = map.Get("a")) entry.a_where = ctx.Where(item->mark);
    if (auto item = map.Get("b")) entry.b_where = ctx.Where(item->mark);
  }
  bool one_set = kind == BatchAnalysis::kWhatItTakes || kind == BatchAnalysis::kTornado;
  if (one_set && !map.Has("weights")) {
    ctx.Error(map.item().mark, map.item().path,
              "missing required key 'weights' (" + std::string(BatchAnalysisName(kind)) +
                  " needs a weight set)");
    ok = false;
  }
  return ok;
}

// Adds the runs of `entry` (models x scenario sets x weights x seeds) to
// `runs`, the count of the entries before it, without making any. Past
// --max-runs, the error is at the key whose list takes the count over (the
// product of the lists up to it is already too many), and `runs` is left
// above the limit so that later entries do not say it again.
bool CountRuns(LoadContext& ctx, const MapReader& map, const BatchEntry& entry, uint64_t& runs) {
  const uint64_t limit = ctx.limits().max_batch_runs;
  if (runs > limit || entry.seeds.empty()) return true;  // said already; `seeds: []` runs nothing
  uint64_t product = 1;  // at most limit - runs: nothing below overflows
  for (const auto& [key, size] : detail::RunLists(entry)) {
    if (size <= (limit - runs) / product) {
      product *= size;
      continue;
    }
    std::string least = size > (UINT64_MAX - runs) / product
                            ? "more than 2^64"
                            : "at least " + std::to_string(runs + product * size);
    const detail::Entry* at = map.Find(key);
    ctx.Error(at ? at->key_mark : map.item().mark, at ? at->value.path : map.item().path,
              "too many runs: " + least +
                  " (each entry runs its models x scenario sets x weights x seeds; all entries "
                  "together at most " +
                  std::to_string(limit) + "; raise with --max-runs)");
    runs = limit + 1;
    return false;
  }
  runs += product;
  return true;
}

std::optional<BatchEntry> ReadEntry(LoadContext& ctx, const Item& item, uint64_t& runs) {
  MapReader map(ctx, item, kEntryKeys);
  if (!map.ok()) return std::nullopt;
  BatchEntry entry;
  entry.where = ctx.Where(item.mark);
  if (!ReadAnalysis(ctx, map, entry)) return std::nullopt;
  bool ok = ReadLists(ctx, map, entry);
  ok = ReadSpecifics(ctx, map, entry) && ok;
  if (!ok || !CountRuns(ctx, map, entry, runs)) return std::nullopt;
  return entry;
}

std::optional<BatchSpec> ReadBatch(LoadContext& ctx, const YAML::Node& root) {
  Item top_item = detail::RootItem(root);
  MapReader top(ctx, top_item, {"format", "batch", "note"});
  if (!top.ok() || !detail::CheckFormat(ctx, top)) return std::nullopt;
  std::optional<Item> list_item = top.Require("batch");
  if (!list_item) return std::nullopt;
  std::optional<std::vector<Item>> list = detail::ReadList(ctx, *list_item);
  if (!list) return std::nullopt;
  if (list->empty()) {
    ctx.Error(list_item->mark, list_item->path, "lists no analyses");
    return std::nullopt;
  }
  BatchSpec spec;
  bool ok = true;
  uint64_t runs = 0;  // of the entries read so far
  for (const Item& element : *list) {
    std::optional<BatchEntry> entry = ReadEntry(ctx, element, runs);
    ok = ok && entry;
    if (entry) spec.entries.push_back(std::move(*entry));
  }
  if (!ok || ctx.errors() > 0) return std::nullopt;
  return spec;
}

}  // namespace

const char* BatchAnalysisName(BatchAnalysis analysis) {
  return kAnalyses[static_cast<size_t>(analysis)].c_str();
}

std::optional<BatchSpec> LoadBatch(const std::string& text, const std::string& source_name,
                                   Diagnostics& diags, const LoadLimits& limits) {
  auto source = std::make_shared<const SourceText>(SourceText{source_name, text});
  size_t first = diags.size();
  try {
    std::optional<YAML::Node> root = detail::ParseYaml(source, diags, limits);
    if (!root) return std::nullopt;
    LoadContext ctx(source, diags, limits);
    std::optional<BatchSpec> spec = ReadBatch(ctx, *root);
    // In file order, as the model and scenario loaders report.
    std::stable_sort(diags.begin() + static_cast<std::ptrdiff_t>(first), diags.end(),
                     [](const Diagnostic& x, const Diagnostic& y) {
                       return std::pair(x.where.line, x.where.column) <
                              std::pair(y.where.line, y.where.column);
                     });
    return spec;
  } catch (const detail::TooManyErrors&) {
    AddError(diags, SourceLocation{source, 0, 0},
             "too many errors: stopped reading after " + std::to_string(limits.max_errors));
  } catch (const std::exception& e) {
    AddError(diags, SourceLocation{source, 0, 0}, std::string("cannot load: ") + e.what());
  }
  return std::nullopt;
}

}  // namespace allot
