// The readers the model and scenario loaders are built from. How they
// collect errors, which is what lets `allot check` report every error of a
// file at once:
//   - a reader that finds a problem appends one diagnostic, at the node's
//     position and under its key path ("lines[0].budget.2024: ..."), and
//     returns nullopt; it never throws on bad input;
//   - its caller keeps reading the siblings, and builds the result only when
//     every part of it was read (a line with a bad budget is not a line), so
//     one mistake gives one error, not a cascade of follow-on ones;
//   - past --max-errors, LoadContext::Error throws TooManyErrors, which the
//     entry point in load.cpp turns into a last "too many errors"
//     diagnostic: a file of a million bad lines stops being read;
//   - the entry point sorts the diagnostics by position at the end, since a
//     map's keys are checked before its values are read (file order for the
//     reader, whatever order the errors were found in).
// Messages name the value as written ("got '650k'", "got a string:
// \"650000\""), cut to 40 characters so that each stays one line.
#include "load/common.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <system_error>

#include "load/yaml_reader.hpp"

namespace allot::detail {

SourceLocation LoadContext::Where(const YAML::Mark& mark) const {
  return LocationOf(source_, mark);
}

SourceLocation LoadContext::Where(const YAML::Mark& mark, const std::string& path) const {
  SourceLocation at = Where(mark);
  if (aliases_.empty() || mark.is_null()) return at;
  // The innermost alias on the path: "lines[3].budget.2024", then
  // "lines[3].budget", "lines[3]", "lines".
  for (size_t end = path.size();;) {
    auto use = aliases_.find(path.substr(0, end));
    // Anchored text comes before every use of it; the use's own key does not.
    if (use != aliases_.end() && mark.pos < use->second.use.pos &&
        (use->second.key.is_null() || mark.pos != use->second.key.pos)) {
      at.alias_line = use->second.use.line + 1;
      at.alias_column = use->second.use.column + 1;
      return at;
    }
    size_t cut = path.find_last_of(".[", end == 0 ? 0 : end - 1);
    if (end == 0 || cut == std::string::npos) return at;
    end = cut;
  }
}

// The cap is checked before counting, so exactly max_errors are reported
// and the next one ends the file.
void LoadContext::Error(const YAML::Mark& mark, const std::string& path,
                        const std::string& sentence) {
  if (errors_ >= limits_.max_errors) throw TooManyErrors{};
  ++errors_;
  AddError(diags_, Where(mark, path), path.empty() ? sentence : path + ": " + sentence);
}

Item RootItem(const YAML::Node& root) { return Item{root, "", root.Mark()}; }

Item ElementItem(const Item& list, const YAML::Node& element, size_t i) {
  return Item{element, list.path + "[" + std::to_string(i) + "]", element.Mark()};
}

namespace {

std::string ChildPath(const std::string& parent, const std::string& key) {
  return parent.empty() ? key : parent + "." + key;
}

// Plain scalars are untagged ("?"); quoted ones are "!". An explicit core
// tag other than !!str (`!!int 5`) is taken at its word. Numbers, booleans
// and years must be plain: yaml-cpp would happily read "650000" in quotes as
// a number, but a quoted value is a string to YAML's core schema and to
// allot's JSON Schema (schema/), so allot says so instead of guessing.
bool IsPlainScalar(const YAML::Node& node) {
  if (!node.IsScalar()) return false;
  const std::string& tag = node.Tag();
  return tag == "?" || (tag.rfind("tag:yaml.org,2002:", 0) == 0 && tag != "tag:yaml.org,2002:str");
}

// Long values are cut so that a message stays one readable line.
std::string Shorten(const std::string& text) {
  constexpr size_t kMax = 40;
  return text.size() <= kMax ? text : text.substr(0, kMax - 3) + "...";
}

}  // namespace

std::string Quoted(const std::string& text) { return "'" + Shorten(text) + "'"; }

std::string DescribeNode(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map:
      return "a mapping";
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Scalar:
      return IsPlainScalar(node) ? Quoted(node.Scalar())
                                 : "a string: \"" + Shorten(node.Scalar()) + "\"";
    default:
      return "nothing";
  }
}

std::string ValueText(const YAML::Node& node) {
  if (node.IsScalar()) return Shorten(node.Scalar());
  if (!node.IsSequence()) return DescribeNode(node);
  std::string text = "[";
  for (const YAML::Node& element : node) {
    text += (text.size() > 1 ? ", " : "") + ValueText(element);
  }
  return Shorten(text + "]");
}

namespace {

// The one candidate that `word` abbreviates ("info" -> "information"), or
// "": edit distance alone rates a short abbreviation as far from its word.
std::string AbbreviationOf(const std::string& word, const std::vector<std::string>& candidates) {
  constexpr size_t kMinLength = 3;
  std::string found;
  if (word.size() < kMinLength) return found;
  for (const std::string& candidate : candidates) {
    if (candidate.size() <= word.size() || candidate.compare(0, word.size(), word) != 0) continue;
    if (!found.empty()) return "";  // ambiguous
    found = candidate;
  }
  return found;
}

}  // namespace

std::string Suggest(const std::string& word, const std::vector<std::string>& candidates) {
  std::string match = ClosestMatch(word, candidates);
  if (match.empty()) match = AbbreviationOf(word, candidates);
  if (!match.empty()) return DidYouMean(match);
  constexpr size_t kMaxListed = 5;
  if (candidates.empty() || candidates.size() > kMaxListed) return "";
  std::string listed;
  for (size_t i = 0; i < candidates.size(); ++i) {
    if (i > 0) listed += i + 1 == candidates.size() ? " or " : ", ";
    listed += "'" + candidates[i] + "'";
  }
  return " (expected " + listed + ")";
}

// --- maps and lists --------------------------------------------------------

// Reads every pair once, in file order. A mapping of non-scalar keys or a
// repeated key is reported and the pair skipped: yaml-cpp keeps both copies
// of a repeated key and `node[key]` would silently pick one, which is how a
// typo'd second `name:` could win unseen.
MapReader::MapReader(LoadContext& ctx, const Item& item) : ctx_(ctx), item_(item) {
  if (!item.node.IsMap()) {
    ctx.Error(item.mark, item.path, "expected a mapping, got " + DescribeNode(item.node));
    return;
  }
  ok_ = true;
  std::map<std::string, int> first_line;
  for (const auto& pair : item.node) {
    const YAML::Node& key = pair.first;
    const YAML::Node& value = pair.second;
    if (!key.IsScalar()) {
      ctx.Error(key.Mark(), item.path, "expected a key name, got " + DescribeNode(key));
      continue;
    }
    std::string path = ChildPath(item.path, key.Scalar());
    auto [first, fresh] = first_line.emplace(key.Scalar(), key.Mark().line + 1);
    if (!fresh) {
      ctx.Error(key.Mark(), path,
                "duplicate key (first defined at line " + std::to_string(first->second) + ")");
      continue;
    }
    // An empty value's own mark points at whatever follows it (often the
    // next line); its key is where the author looks.
    YAML::Mark mark = value.IsNull() ? key.Mark() : value.Mark();
    entries_.push_back(Entry{key.Scalar(), key.Mark(), Item{value, path, mark}});
  }
}

MapReader::MapReader(LoadContext& ctx, const Item& item, const std::vector<std::string>& allowed)
    : MapReader(ctx, item) {
  CheckKeys(allowed);
}

// Unknown keys are errors, never ignored: `budjet: neutral` must not leave a
// scenario without its budget rule. Linear in keys x allowed, which are a
// handful per mapping.
void MapReader::CheckKeys(const std::vector<std::string>& allowed) {
  for (const Entry& entry : entries_) {
    if (std::find(allowed.begin(), allowed.end(), entry.key) != allowed.end()) continue;
    ctx_.Error(entry.key_mark, entry.value.path, "unknown key" + Suggest(entry.key, allowed));
  }
}

const Entry* MapReader::Find(const std::string& key) const {
  for (const Entry& entry : entries_) {
    if (entry.key == key) return &entry;
  }
  return nullptr;
}

std::optional<Item> MapReader::Get(const std::string& key) const {
  const Entry* entry = Find(key);
  if (entry == nullptr) return std::nullopt;
  return entry->value;
}

// A missing key is reported at the mapping that lacks it; not at all when
// the item was no mapping (already reported).
std::optional<Item> MapReader::Require(const std::string& key) {
  std::optional<Item> value = Get(key);
  if (!value && ok_) ctx_.Error(item_.mark, item_.path, "missing required key '" + key + "'");
  return value;
}

std::optional<std::vector<Item>> ReadList(LoadContext& ctx, const Item& item) {
  if (!item.node.IsSequence()) {
    ctx.Error(item.mark, item.path, "expected a list, got " + DescribeNode(item.node));
    return std::nullopt;
  }
  std::vector<Item> elements;
  elements.reserve(item.node.size());
  for (const YAML::Node& element : item.node) {
    elements.push_back(ElementItem(item, element, elements.size()));
  }
  return elements;
}

// The count is checked before any element is read, so that a list over the
// limit costs nothing more than its size.
std::optional<std::vector<Item>> ReadList(LoadContext& ctx, const Item& item, int64_t limit,
                                          const std::string& what) {
  if (item.node.IsSequence() && static_cast<int64_t>(item.node.size()) > limit) {
    ctx.Error(item.mark, item.path,
              "too many " + what + ": " + std::to_string(item.node.size()) + " (limit " +
                  std::to_string(limit) + ")");
    return std::nullopt;
  }
  return ReadList(ctx, item);
}

// --- scalars ---------------------------------------------------------------

namespace {

// The first control character of `text` other than tab and line feed (C0,
// DEL, or C1 as UTF-8), as "U+001B", or "" when there is none.
std::string FirstControl(const std::string& text) {
  for (size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    unsigned code = c;
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) < 0xA0) {
      code = static_cast<unsigned char>(text[i + 1]);  // U+0080 to U+009F
    } else if ((c >= 0x20 && c != 0x7F) || c == '\t' || c == '\n') {
      continue;
    }
    static const char kHex[] = "0123456789ABCDEF";
    return std::string("U+00") + kHex[code >> 4] + kHex[code & 0xF];
  }
  return "";
}

}  // namespace

std::optional<std::string> ReadString(LoadContext& ctx, const Item& item) {
  if (!item.node.IsScalar()) {
    ctx.Error(item.mark, item.path, "expected a string, got " + DescribeNode(item.node));
    return std::nullopt;
  }
  // A NUL cuts a cell in a workbook; an escape sequence repaints the
  // terminal of whoever prints the name. Text is text.
  const std::string& text = item.node.Scalar();
  std::string control = FirstControl(text);
  if (!control.empty()) {
    ctx.Error(item.mark, item.path,
              "control character " + control +
                  " in text: only printable characters, tabs and line breaks are allowed");
    return std::nullopt;
  }
  // The file is UTF-8 (ParseYaml checks), but yaml-cpp turns the escapes
  // "\N" and "\_" into the single bytes 0x85 and 0xA0, which are not: the
  // text would reach every output broken, and a scenario saved from it
  // would not load again (found by fuzz_scenario).
  if (size_t bad = FindNonTextByte(text); bad != std::string_view::npos) {
    ctx.Error(item.mark, item.path,
              "text is not UTF-8 after its escapes are read (byte " + std::to_string(bad + 1) +
                  "): write the character itself, or \\u00a0 for a no-break space (\\_ and "
                  "\\N are not supported)");
    return std::nullopt;
  }
  return text;
}

// Ids are typed on command lines (`--weights ckm`, `tornado A B`) and
// written as CSV columns and JSON keys: a small alphabet keeps them usable
// everywhere without quoting.
bool CheckId(LoadContext& ctx, const std::string& id, const YAML::Mark& mark,
             const std::string& path) {
  bool valid = !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '.' || c == '-';
  });
  if (!valid) {
    ctx.Error(mark, path,
              "invalid id " + Quoted(id) + ": use only letters, digits, '_', '.' and '-'");
  }
  return valid;
}

std::optional<std::string> ReadId(LoadContext& ctx, const Item& item) {
  std::optional<std::string> id = ReadString(ctx, item);
  if (!id || !CheckId(ctx, *id, item.mark, item.path)) return std::nullopt;
  return id;
}

// The YAML 1.2 core schema's spellings only: YAML 1.1's yes/no/on/off (where
// the country code `no` reads as false) are not booleans here.
std::optional<bool> ReadBool(LoadContext& ctx, const Item& item) {
  if (IsPlainScalar(item.node)) {
    const std::string& text = item.node.Scalar();
    if (text == "true" || text == "True" || text == "TRUE") return true;
    if (text == "false" || text == "False" || text == "FALSE") return false;
  }
  ctx.Error(item.mark, item.path, "expected true or false, got " + DescribeNode(item.node));
  return std::nullopt;
}

namespace {

// A year from its text; `why` says what is wrong when it returns nullopt.
std::optional<int> ParseYear(const std::string& text, std::string& why) {
  constexpr size_t kMaxDigits = 9;  // keeps the value within int
  bool digits = !text.empty() && text.size() <= kMaxDigits &&
                std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!digits) {
    why = "expected a year, got " + Quoted(text);
    return std::nullopt;
  }
  int year = std::stoi(text);
  if (year < 1 || year > 9999) {
    why = "year out of range (1 to 9999): " + text;
    return std::nullopt;
  }
  return year;
}

}  // namespace

std::optional<int> ReadYear(LoadContext& ctx, const Item& item) {
  std::string why = "expected a year, got " + DescribeNode(item.node);
  std::optional<int> year;
  if (IsPlainScalar(item.node)) year = ParseYear(item.node.Scalar(), why);
  if (!year) ctx.Error(item.mark, item.path, why);
  return year;
}

std::optional<int> ReadYearKey(LoadContext& ctx, const Entry& entry) {
  std::string why;
  std::optional<int> year = ParseYear(entry.key, why);
  if (!year) ctx.Error(entry.key_mark, entry.value.path, why);
  return year;
}

// Amounts are read from the scalar's text by ParseMoney, never through a
// double: 0.1 + 0.2 must be 30 cents. Its error says which rule the text
// breaks (three decimals, a sign, over 10^13).
std::optional<Money> ReadMoney(LoadContext& ctx, const Item& item) {
  if (!IsPlainScalar(item.node)) {
    ctx.Error(item.mark, item.path, "expected a number, got " + DescribeNode(item.node));
    return std::nullopt;
  }
  const std::string& text = item.node.Scalar();
  MoneyParse parsed = ParseMoney(text);
  if (parsed.value) return parsed.value;
  ctx.Error(item.mark, item.path,
            parsed.error == MoneyParseError::kNotANumber
                ? "expected a number, got " + Quoted(text)
                : DescribeMoneyParseError(parsed.error) + ": " + Shorten(text));
  return std::nullopt;
}

std::optional<Money> ReadPositiveMoney(LoadContext& ctx, const Item& item) {
  std::optional<Money> money = ReadMoney(ctx, item);
  if (!money || !money->IsZero()) return money;
  ctx.Error(item.mark, item.path, "amount must be greater than 0: " + item.node.Scalar());
  return std::nullopt;
}

namespace {

bool IsNonFiniteSpelling(std::string text) {
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) text.erase(0, 1);
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text == ".nan" || text == ".inf" || text == "nan" || text == "inf" || text == "infinity";
}

// "010", "-007": a whole number with a leading zero, octal to YAML 1.1.
bool IsOctalLooking(const std::string& text) {
  size_t start = !text.empty() && (text[0] == '+' || text[0] == '-') ? 1 : 0;
  return text.size() > start + 1 && text[start] == '0' && text[start + 1] >= '0' &&
         text[start + 1] <= '9' && text.find_first_of(".eE") == std::string::npos;
}

}  // namespace

// Curve parameters and points are doubles (scores are doubles; money never
// is). from_chars reads them the same whatever C locale a program using the
// library has set (strtod would read "0,5" under a Dutch one), and NaN or
// infinity in any YAML spelling is refused: one NaN would make every score
// it touches NaN.
std::optional<double> ReadNumber(LoadContext& ctx, const Item& item) {
  if (!IsPlainScalar(item.node)) {
    ctx.Error(item.mark, item.path, "expected a number, got " + DescribeNode(item.node));
    return std::nullopt;
  }
  const std::string& text = item.node.Scalar();
  if (IsNonFiniteSpelling(text)) {
    ctx.Error(item.mark, item.path, "expected a finite number, got " + text);
    return std::nullopt;
  }
  if (IsOctalLooking(text)) {
    ctx.Error(item.mark, item.path,
              "number has a leading zero, which YAML 1.1 tools read as an octal number: " +
                  Shorten(text));
    return std::nullopt;
  }
  // from_chars takes no leading '+', which YAML allows.
  const char* begin = text.data() + (!text.empty() && text[0] == '+' ? 1 : 0);
  const char* end = text.data() + text.size();
  double value = 0;
  auto [stop, error] = std::from_chars(begin, end, value);
  if (error == std::errc::result_out_of_range) {
    ctx.Error(item.mark, item.path, "number out of range: " + Shorten(text));
    return std::nullopt;
  }
  if (error != std::errc() || stop != end || begin == end || !std::isfinite(value)) {
    ctx.Error(item.mark, item.path, "expected a number, got " + Quoted(text));
    return std::nullopt;
  }
  return value;
}

namespace {

// A number or [low, likely, high], each value read by `read_value`. Every
// value of a triple is read (and reported) before the order is checked, and
// the order is checked only when all three are numbers.
template <typename ReadValue>
std::optional<Param> ReadParamWith(LoadContext& ctx, const Item& item, ReadValue read_value) {
  if (!item.node.IsSequence()) {
    std::optional<double> value = read_value(ctx, item);
    return value ? std::optional<Param>(Param::Exact(*value)) : std::nullopt;
  }
  if (item.node.size() != 3) {
    ctx.Error(item.mark, item.path,
              "expected a number or [low, likely, high], got a list of " +
                  std::to_string(item.node.size()) + " values");
    return std::nullopt;
  }
  std::optional<std::vector<Item>> elements = ReadList(ctx, item);
  double values[3] = {0, 0, 0};
  bool ok = true;
  for (size_t i = 0; i < 3; ++i) {
    std::optional<double> value = read_value(ctx, (*elements)[i]);
    ok = ok && value.has_value();
    if (value) values[i] = *value;
  }
  if (!ok) return std::nullopt;
  if (values[0] > values[1] || values[1] > values[2]) {
    ctx.Error(item.mark, item.path,
              "[low, likely, high] must satisfy low <= likely <= high: " + ValueText(item.node));
    return std::nullopt;
  }
  return Param{values[0], values[1], values[2], true};
}

// An amount that may be uncertain (a saturating curve's `half`) is written
// and checked like money (two decimals, not negative), then used in euros in
// the double arithmetic of the curves.
std::optional<double> ReadMoneyAsEuros(LoadContext& ctx, const Item& item) {
  std::optional<Money> money = ReadMoney(ctx, item);
  if (!money) return std::nullopt;
  return static_cast<double>(money->cents()) / 100.0;
}

}  // namespace

namespace {

std::optional<double> ReadPoints(LoadContext& ctx, const Item& item) {
  std::optional<double> value = ReadNumber(ctx, item);
  if (!value || std::fabs(*value) <= kMaxEffectPoints) return value;
  ctx.Error(item.mark, item.path,
            "points must be between -1000000 and 1000000, got " + Shorten(item.node.Scalar()));
  return std::nullopt;
}

}  // namespace

std::optional<Param> ReadParam(LoadContext& ctx, const Item& item) {
  return ReadParamWith(ctx, item, ReadPoints);
}

std::optional<Param> ReadMoneyParam(LoadContext& ctx, const Item& item) {
  return ReadParamWith(ctx, item, ReadMoneyAsEuros);
}

// The factor of `scale`, exactly as written: digits over a power of ten
// (1.333 is 1333 / 10^3), so that ScaleMoney rounds only once, the exact
// product. A double would turn 1.333 into 1.33299999999999996...
std::optional<Decimal> ReadDecimal(LoadContext& ctx, const Item& item) {
  if (!IsPlainScalar(item.node)) {
    ctx.Error(item.mark, item.path, "expected a number, got " + DescribeNode(item.node));
    return std::nullopt;
  }
  const std::string& text = item.node.Scalar();
  size_t start = !text.empty() && text[0] == '+' ? 1 : 0;
  size_t point = text.find('.');
  std::string whole = text.substr(start, point == std::string::npos ? point : point - start);
  std::string fraction = point == std::string::npos ? "" : text.substr(point + 1);
  auto is_digits = [](const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (!text.empty() && text[0] == '-' && text.size() > 1) {
    ctx.Error(item.mark, item.path, "scale factor must not be negative: " + Shorten(text));
    return std::nullopt;
  }
  if ((whole.empty() && fraction.empty()) || !is_digits(whole) || !is_digits(fraction)) {
    ctx.Error(item.mark, item.path, "expected a decimal number like 0.5, got " + Quoted(text));
    return std::nullopt;
  }
  // Trailing zeros of the fraction and leading zeros of the whole carry no
  // precision, so "1.50" and "001.5" fit as well as "1.5".
  fraction.erase(fraction.find_last_not_of('0') + 1);
  std::string digits = whole + fraction;
  digits.erase(0, std::min(digits.find_first_not_of('0'), digits.size()));
  constexpr size_t kMaxDigits = 18;  // 10^18 - 1 fits int64; Decimal::scale is 0..18
  if (digits.size() > kMaxDigits || fraction.size() > kMaxDigits) {
    const char* what = digits.size() > kMaxDigits ? "significant digits" : "decimals";
    ctx.Error(item.mark, item.path,
              std::string("scale factor has more than 18 ") + what + ": " + Shorten(text));
    return std::nullopt;
  }
  return Decimal{digits.empty() ? 0 : std::stoll(digits), static_cast<int>(fraction.size())};
}

bool ReadRequiredString(LoadContext& ctx, MapReader& map, const std::string& key,
                        std::string& out) {
  std::optional<Item> item = map.Require(key);
  std::optional<std::string> value = item ? ReadString(ctx, *item) : std::nullopt;
  if (value) out = *value;
  return value.has_value();
}

void ReadOptionalString(LoadContext& ctx, const MapReader& map, const std::string& key,
                        std::string& out) {
  if (std::optional<Item> item = map.Get(key)) {
    if (std::optional<std::string> value = ReadString(ctx, *item)) out = *value;
  }
}

void ReadOptionalBool(LoadContext& ctx, const MapReader& map, const std::string& key, bool& out) {
  if (std::optional<Item> item = map.Get(key)) {
    if (std::optional<bool> value = ReadBool(ctx, *item)) out = *value;
  }
}

bool CheckFormat(LoadContext& ctx, MapReader& top) {
  std::optional<Item> item = top.Require("format");
  if (!item) return true;  // reported; the rest may still be an allot file
  std::optional<std::string> format = ReadString(ctx, *item);
  if (!format) return false;
  if (*format == "allot/1") return true;
  ctx.Error(item->mark, item->path,
            "unsupported format " + Quoted(*format) + "; expected 'allot/1'");
  return false;
}

// Remembers the first definition's line (1-based), for the message.
bool IdRegistry::Add(LoadContext& ctx, const std::string& id, const Item& where) {
  auto [first, fresh] = first_line_.emplace(id, where.mark.line + 1);
  if (fresh) return true;
  ctx.Error(where.mark, where.path,
            "duplicate " + what_ + " id '" + id + "' (first defined at line " +
                std::to_string(first->second) + ")");
  return false;
}

}  // namespace allot::detail
