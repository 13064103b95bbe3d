// Readers shared by the model and scenario loaders (internal).
//
// Each reader takes an Item (a YAML node plus its key path), checks it and
// returns the value, or appends "PATH: sentence" at the node's position and
// returns nullopt. Readers never throw: they use only yaml-cpp calls that
// cannot fail on the node kinds they have checked.
#pragma once

#include <yaml-cpp/yaml.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "allot/diagnostic.hpp"
#include "allot/load.hpp"
#include "allot/model.hpp"
#include "allot/money.hpp"
#include "allot/scenario.hpp"
#include "load/yaml_reader.hpp"

namespace allot::detail {

// Thrown by LoadContext::Error past limits.max_errors and caught by the
// loader's entry point (src/load/load.cpp), which then stops reading the file. The
// one exception the readers raise: stopping is the point, not a failure.
struct TooManyErrors {};

// The state of loading one file: where errors go and how many there were.
class LoadContext {
 public:
  // `aliases`: where the document uses each alias (ParseYaml).
  LoadContext(std::shared_ptr<const SourceText> source, Diagnostics& diags,
              const LoadLimits& limits, AliasUses aliases = {})
      : source_(std::move(source)), diags_(diags), limits_(limits), aliases_(std::move(aliases)) {}

  SourceLocation Where(const YAML::Mark& mark) const;
  // The location of the value at `mark` reached by key path `path`. When
  // the path goes through an alias and the mark is in the anchored text
  // (which every use of the alias shares), the location also names the
  // alias: an error there is then shown at both.
  SourceLocation Where(const YAML::Mark& mark, const std::string& path) const;
  // Appends "PATH: SENTENCE" (or just SENTENCE when the path is empty) at
  // Where(mark, path). Throws TooManyErrors instead once limits().max_errors
  // were reported.
  void Error(const YAML::Mark& mark, const std::string& path, const std::string& sentence);

  int errors() const { return errors_; }
  const LoadLimits& limits() const { return limits_; }
  const std::shared_ptr<const SourceText>& source() const { return source_; }

 private:
  std::shared_ptr<const SourceText> source_;
  Diagnostics& diags_;
  const LoadLimits& limits_;
  AliasUses aliases_;
  int errors_ = 0;
};

// A value in the document, its key path ("lines[0].budget.2024") and where
// to report it: the value itself, or its key when the value is empty (an
// empty value's own mark points at whatever follows it).
struct Item {
  YAML::Node node;
  std::string path;
  YAML::Mark mark;
};

Item RootItem(const YAML::Node& root);
// The i-th element of a list item: path "PATH[i]".
Item ElementItem(const Item& list, const YAML::Node& element, size_t i);

// One `key: value` pair of a mapping.
struct Entry {
  std::string key;  // the key's text
  YAML::Mark key_mark;
  Item value;  // path "PATH.key"
};

// A mapping's pairs in file order. Reports a node that is not a mapping,
// keys that are not scalars, and duplicate keys (yaml-cpp keeps both; the
// first one wins). Use it directly for maps with free keys (budget years,
// effects); MapReader for maps with a fixed set of keys.
class MapReader {
 public:
  MapReader(LoadContext& ctx, const Item& item);
  // Also reports keys not in `allowed`, with "did you mean".
  MapReader(LoadContext& ctx, const Item& item, const std::vector<std::string>& allowed);

  void CheckKeys(const std::vector<std::string>& allowed);

  bool ok() const { return ok_; }  // the item is a mapping
  const Item& item() const { return item_; }
  const std::vector<Entry>& entries() const { return entries_; }
  bool Has(const std::string& key) const { return Find(key) != nullptr; }
  const Entry* Find(const std::string& key) const;
  std::optional<Item> Get(const std::string& key) const;
  // Like Get, and reports "missing required key" when absent.
  std::optional<Item> Require(const std::string& key);

 private:
  LoadContext& ctx_;
  Item item_;
  bool ok_ = false;
  std::vector<Entry> entries_;
};

// The elements of a list; nullopt (reported) if the item is not a list.
std::optional<std::vector<Item>> ReadList(LoadContext& ctx, const Item& item);
// Also refuses more than `limit` elements: "too many WHAT: N (limit M)".
std::optional<std::vector<Item>> ReadList(LoadContext& ctx, const Item& item, int64_t limit,
                                          const std::string& what);

// How a node reads in "expected X, got ...": "a mapping", "a list",
// "nothing", "a string: \"650k\"", "'abc'".
std::string DescribeNode(const YAML::Node& node);
// A scalar's text, or "[a, b, c]" for a list of scalars, as written.
std::string ValueText(const YAML::Node& node);
// `text` in single quotes, shortened when long.
std::string Quoted(const std::string& text);
// " (did you mean 'x'?)", or " (expected 'a', 'b' or 'c')" when there are
// few candidates and none is close, or "".
std::string Suggest(const std::string& word, const std::vector<std::string>& candidates);

// Scalars. Strings accept any scalar; the others only plain ones, so that a
// quoted "650000" is reported as a string where a number belongs.
std::optional<std::string> ReadString(LoadContext& ctx, const Item& item);
std::optional<std::string> ReadId(LoadContext& ctx, const Item& item);  // [A-Za-z0-9_.-]+
// Reports `id` (found at `mark`) unless it matches [A-Za-z0-9_.-]+.
bool CheckId(LoadContext& ctx, const std::string& id, const YAML::Mark& mark,
             const std::string& path);
std::optional<bool> ReadBool(LoadContext& ctx, const Item& item);
std::optional<int> ReadYear(LoadContext& ctx, const Item& item);
// A year written as a map key; quoted keys are accepted.
std::optional<int> ReadYearKey(LoadContext& ctx, const Entry& entry);
std::optional<Money> ReadMoney(LoadContext& ctx, const Item& item);
std::optional<Money> ReadPositiveMoney(LoadContext& ctx, const Item& item);  // > 0
std::optional<double> ReadNumber(LoadContext& ctx, const Item& item);        // finite
// A number of points (|value| <= kMaxEffectPoints) or [low, likely, high]
// with low <= likely <= high.
std::optional<Param> ReadParam(LoadContext& ctx, const Item& item);
// Like ReadParam, for amounts: each value is read as money and stored in EUR.
std::optional<Param> ReadMoneyParam(LoadContext& ctx, const Item& item);
// An exact decimal >= 0 with at most 18 significant digits and decimals.
std::optional<Decimal> ReadDecimal(LoadContext& ctx, const Item& item);

// Reads the value of a required key into `out`; false if it could not.
bool ReadRequiredString(LoadContext& ctx, MapReader& map, const std::string& key, std::string& out);
// Reads the value of an optional key into `out` when the key is present.
void ReadOptionalString(LoadContext& ctx, const MapReader& map, const std::string& key,
                        std::string& out);
void ReadOptionalBool(LoadContext& ctx, const MapReader& map, const std::string& key, bool& out);

// Checks `format: allot/1`. Returns false when the file declares another
// format, after which nothing else in it is worth reporting.
bool CheckFormat(LoadContext& ctx, MapReader& top);

// Ids seen so far in one list, for "duplicate line id 'x' (first defined at
// line 12)".
class IdRegistry {
 public:
  explicit IdRegistry(std::string what) : what_(std::move(what)) {}
  // Returns false (reported) if `id` was seen before.
  bool Add(LoadContext& ctx, const std::string& id, const Item& where);

 private:
  std::string what_;
  std::map<std::string, int> first_line_;
};

// --- shared by model lines and scenario changes (defined in src/load/line.cpp)

// The ids of one kind defined so far: in file order (for "did you mean")
// and hashed, so that checking a reference costs O(1), not O(ids) - a model
// with 100,000 lines each naming motions must not take lines x motions.
struct KnownIds {
  std::vector<std::string> list;
  std::unordered_map<std::string, size_t> index;  // id -> position in list

  template <typename T>
  static KnownIds Of(const std::vector<T>& items) {
    KnownIds ids;
    ids.list.reserve(items.size());
    for (const T& item : items) ids.list.push_back(item.id);
    for (size_t i = 0; i < ids.list.size(); ++i) ids.index.emplace(ids.list[i], i);
    return ids;
  }
  bool Has(const std::string& id) const { return index.count(id) != 0; }
};

// What a line may refer to. Null members are not checked: a scenario's added
// line is checked against the model by ResolveScenarios.
struct LineRefs {
  const std::vector<int>* years = nullptr;
  const KnownIds* objectives = nullptr;
  const KnownIds* motions = nullptr;
  // The model's defaults for lines and effects that state no provenance;
  // null for a scenario's added line (its amounts are the scenario's).
  const ModelProvenance* defaults = nullptr;
};

// A year -> amount map.
std::optional<std::map<int, Money>> ReadBudget(LoadContext& ctx, const Item& item,
                                               const std::vector<int>* years);
// A full line definition. With `ids`, its id is checked against duplicates.
std::optional<Line> ReadLine(LoadContext& ctx, const Item& item, const LineRefs& refs,
                             IdRegistry* ids = nullptr);

// --- loaders over a parsed document (used by LoadAny)

std::optional<Model> ReadModel(LoadContext& ctx, const YAML::Node& root);
std::optional<Scenario> ReadScenario(LoadContext& ctx, const YAML::Node& root);

}  // namespace allot::detail
