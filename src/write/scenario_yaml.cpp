// Writing a scenario as an allot/1 YAML file (allot/write_scenario.hpp).
#include <charconv>
#include <sstream>
#include <type_traits>

#include "allot/write_scenario.hpp"

namespace allot {

namespace {

// Characters that may stand in a plain scalar anywhere, flow context
// included: no indicator (",[]{}:#&*!|>'\"%@`?"), no quote. Bytes >= 0x80
// are UTF-8 text and safe after the first character.
bool IsPlainChar(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ' ||
         c == '_' || c == '.' || c == '-' || c == '(' || c == ')' || c == '/' || c == '+' ||
         c == '=' || c == ';' || c >= 0x80;
}

// Unicode characters that YAML (1.1, as yaml-cpp reads it) takes for line
// breaks or a byte order mark, in UTF-8: NEL, LS, PS, BOM.
const char* const kUnicodeSpecials[] = {"\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9", "\xEF\xBB\xBF"};
const char* const kUnicodeEscapes[] = {"\\u0085", "\\u2028", "\\u2029", "\\ufeff"};

// The index in kUnicodeSpecials of the character starting at `at`, or -1.
int UnicodeSpecialAt(const std::string& text, size_t at) {
  for (int i = 0; i < 4; ++i) {
    if (text.compare(at, std::char_traits<char>::length(kUnicodeSpecials[i]),
                     kUnicodeSpecials[i]) == 0) {
      return i;
    }
  }
  return -1;
}

bool IsPlainSafe(const std::string& text) {
  if (text.empty() || text.front() == ' ' || text.back() == ' ') return false;
  unsigned char first = static_cast<unsigned char>(text.front());
  bool letter_or_digit = (first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z') ||
                         (first >= '0' && first <= '9') || first == '_' || first == '(';
  if (!letter_or_digit) return false;
  // yaml-cpp reads these as null, not as a string.
  if (text == "null" || text == "Null" || text == "NULL") return false;
  for (size_t i = 0; i < text.size(); ++i) {
    if (!IsPlainChar(static_cast<unsigned char>(text[i])) || UnicodeSpecialAt(text, i) >= 0) {
      return false;
    }
  }
  return true;
}

// The shortest text in fixed notation that reads back (std::from_chars) as
// the same double: "100000", "0.1", never "1e+05". The buffer holds any
// double in fixed notation (at most 309 digits before the point and 1074
// after it).
std::string YamlNumber(double value) {
  char buffer[1500];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
  return std::string(buffer, result.ptr);
}

std::string YamlParam(const Param& p) {
  if (!p.uncertain) return YamlNumber(p.likely);
  return "[" + YamlNumber(p.low) + ", " + YamlNumber(p.likely) + ", " + YamlNumber(p.high) + "]";
}

std::string YamlDecimal(Decimal d) {
  std::string digits = std::to_string(d.numerator);
  if (d.scale == 0) return digits;
  size_t scale = static_cast<size_t>(d.scale);
  if (digits.size() <= scale) digits.insert(0, scale + 1 - digits.size(), '0');
  return digits.substr(0, digits.size() - scale) + "." + digits.substr(digits.size() - scale);
}

std::string YamlBudget(const std::map<int, Money>& budget) {
  std::string text = "{";
  for (const auto& [year, amount] : budget) {
    text += (text.size() > 1 ? ", " : "") + std::to_string(year) + ": " + YamlAmount(amount);
  }
  return text + "}";
}

// A provenance as written: the level alone, or a flow map with its keys.
std::string YamlProvenance(const Provenance& p) {
  std::string text = ProvenanceLevelName(p.level);
  if (p.ref.empty() && p.by.empty() && p.note.empty()) return text;
  text = "{level: " + text;
  if (!p.by.empty()) text += ", by: " + YamlText(p.by);
  if (!p.ref.empty()) text += ", ref: " + YamlText(p.ref);
  if (!p.note.empty()) text += ", note: " + YamlText(p.note);
  return text + "}";
}

void OptionalProvenance(std::ostream& out, const std::string& indent, const char* key,
                        const Provenance& p) {
  if (p.level != ProvenanceLevel::kUnstated) {
    out << indent << key << ": " << YamlProvenance(p) << '\n';
  }
}

// `illustrative: true` is what `amounts: assumed` with nothing more reads
// as, and what figures built in memory (the workbench) say: written so,
// files stay readable by allot versions before provenance.
bool WritesIllustrative(bool illustrative, const Provenance& amounts) {
  bool bare = amounts.ref.empty() && amounts.by.empty() && amounts.note.empty();
  return (illustrative && amounts.level == ProvenanceLevel::kUnstated) ||
         (amounts.level == ProvenanceLevel::kAssumed && bare);
}

std::string YamlRange(const AmountBounds& range) {
  return "[" + YamlAmount(range.low) + ", " + YamlAmount(range.high) + "]";
}

std::string YamlBounds(const LineBounds& bounds) {
  if (bounds.every_year) return YamlRange(*bounds.every_year);
  std::string text = "{";
  for (const auto& [year, range] : bounds.by_year) {
    text += (text.size() > 1 ? ", " : "") + std::to_string(year) + ": " + YamlRange(range);
  }
  return text + "}";
}

std::string YamlIdList(const std::vector<std::string>& ids) {
  std::string text = "[";
  for (const std::string& id : ids) text += (text.size() > 1 ? ", " : "") + YamlText(id);
  return text + "]";
}

std::string YamlRule(const BudgetRule& rule) {
  switch (rule.kind) {
    case BudgetRuleKind::kNeutral:
      return "neutral";
    case BudgetRuleKind::kNeutralPerYear:
      return "neutral-per-year";
    case BudgetRuleKind::kCap:
      return "{cap: " + YamlAmount(rule.cap) + "}";
    case BudgetRuleKind::kNone:
      break;
  }
  return "";
}

// Writes `key: value` at `indent` when `value` is not empty.
void OptionalText(std::ostream& out, const std::string& indent, const char* key,
                  const std::string& value) {
  if (!value.empty()) out << indent << key << ": " << YamlText(value) << '\n';
}

void WriteCurve(std::ostream& out, const std::string& indent, const Curve& curve) {
  switch (curve.kind) {
    case CurveKind::kLinear:
      out << indent << "curve: linear\n"
          << indent << "points: " << YamlParam(curve.points) << '\n'
          << indent << "per: " << YamlAmount(curve.per) << '\n';
      break;
    case CurveKind::kSaturating:
      out << indent << "curve: saturating\n"
          << indent << "max: " << YamlParam(curve.max) << '\n'
          << indent << "half: " << YamlParam(curve.half) << '\n';
      break;
    case CurveKind::kTable: {
      out << indent << "curve: table\n" << indent << "points: [";
      for (size_t i = 0; i < curve.table.size(); ++i) {
        out << (i == 0 ? "" : ", ") << "[" << YamlAmount(curve.table[i].x) << ", "
            << YamlParam(curve.table[i].value) << "]";
      }
      out << "]\n";
      break;
    }
  }
  if (curve.threshold) out << indent << "threshold: " << YamlAmount(*curve.threshold) << '\n';
}

// A full line definition, each key on its own line at `indent`.
void WriteLine(std::ostream& out, const std::string& indent, const Line& line) {
  out << indent << "id: " << YamlText(line.id) << '\n';
  out << indent << "name: " << YamlText(line.name) << '\n';
  OptionalText(out, indent, "owner", line.owner);
  out << indent << "budget: " << YamlBudget(line.budget) << '\n';
  if (WritesIllustrative(line.illustrative, line.amounts)) {
    out << indent << "illustrative: true\n";
  } else {
    OptionalProvenance(out, indent, "amounts", line.amounts);
  }
  if (line.split) OptionalProvenance(out, indent, "split", *line.split);
  if (!line.bounds.empty()) out << indent << "bounds: " << YamlBounds(line.bounds) << '\n';
  OptionalText(out, indent, "source", line.source);
  OptionalText(out, indent, "note", line.note);
  if (!line.motions.empty()) out << indent << "motions: " << YamlIdList(line.motions) << '\n';
  if (!line.effects.empty()) {
    out << indent << "effects:\n";
    for (const Effect& effect : line.effects) {
      out << indent << "  " << YamlText(effect.objective) << ":\n";
      WriteCurve(out, indent + "    ", effect.curve);
      OptionalText(out, indent + "    ", "source", effect.source);
      OptionalProvenance(out, indent + "    ", "provenance", effect.provenance);
      OptionalText(out, indent + "    ", "note", effect.note);
    }
  }
  if (!line.levels.empty()) {
    out << indent << "levels:\n";
    for (const Level& level : line.levels) {
      out << indent << "  - {name: " << YamlText(level.name)
          << ", budget: " << YamlBudget(level.budget) << "}\n";
    }
  }
}

void WriteChange(std::ostream& out, const Change& change) {
  std::visit(
      [&](const auto& c) {
        using T = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<T, MoveChange>) {
          out << "  - move: {amount: " << YamlAmount(c.amount) << ", from: " << YamlText(c.from)
              << ", to: " << YamlText(c.to);
          if (c.year) out << ", year: " << *c.year;
          out << "}\n";
        } else if constexpr (std::is_same_v<T, SetChange>) {
          out << "  - set: {line: " << YamlText(c.line) << ", budget: " << YamlBudget(c.budget)
              << "}\n";
        } else if constexpr (std::is_same_v<T, ScaleChange>) {
          out << "  - scale: {line: " << YamlText(c.line) << ", by: " << YamlDecimal(c.by) << "}\n";
        } else if constexpr (std::is_same_v<T, AddChange>) {
          out << "  - add:\n";
          WriteLine(out, "      ", c.line);
        } else if constexpr (std::is_same_v<T, IncreaseChange> ||
                             std::is_same_v<T, DecreaseChange>) {
          out << (std::is_same_v<T, IncreaseChange> ? "  - increase" : "  - decrease")
              << ": {line: " << YamlText(c.line) << ", amount: " << YamlAmount(c.amount);
          if (c.year) out << ", year: " << *c.year;
          out << "}\n";
        } else {
          static_assert(std::is_same_v<T, RemoveChange>, "a change kind without a writer");
          out << "  - remove: " << YamlText(c.line) << '\n';
        }
      },
      change.what);
}

}  // namespace

std::string YamlAmount(Money m) {
  std::string text = FormatMoneyPlain(m);
  if (text.size() > 3 && text.compare(text.size() - 3, 3, ".00") == 0) text.resize(text.size() - 3);
  return text;
}

std::string YamlText(const std::string& text) {
  if (IsPlainSafe(text)) return text;
  std::string out = "\"";
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    unsigned char u = static_cast<unsigned char>(c);
    if (int special = UnicodeSpecialAt(text, i); special >= 0) {
      out += kUnicodeEscapes[special];
      i += std::char_traits<char>::length(kUnicodeSpecials[special]) - 1;
    } else if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (u < 0x20 || u == 0x7f) {
      static const char kHex[] = "0123456789abcdef";
      out += "\\x";
      out += kHex[u >> 4];
      out += kHex[u & 15];
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string WriteScenarioYaml(const Scenario& scenario, const std::vector<std::string>& comment) {
  std::ostringstream out;
  for (const std::string& line : comment) out << "# " << line << '\n';
  out << "format: allot/1\n";
  out << "scenario: " << YamlText(scenario.id) << '\n';
  OptionalText(out, "", "name", scenario.name);
  if (scenario.base) out << "base: " << YamlText(*scenario.base) << '\n';
  if (scenario.budget.kind != BudgetRuleKind::kNone) {
    out << "budget: " << YamlRule(scenario.budget) << '\n';
  }
  if (scenario.current) out << "current: true\n";
  if (WritesIllustrative(scenario.illustrative, scenario.amounts)) {
    out << "illustrative: true\n";
  } else {
    OptionalProvenance(out, "", "amounts", scenario.amounts);
  }
  if (scenario.total) OptionalProvenance(out, "", "total", *scenario.total);
  if (scenario.year_totals) OptionalProvenance(out, "", "year_totals", *scenario.year_totals);
  OptionalText(out, "", "source", scenario.source);
  OptionalText(out, "", "note", scenario.note);
  if (scenario.changes.empty()) {
    out << "changes: []\n";
    return out.str();
  }
  out << "changes:\n";
  for (const Change& change : scenario.changes) WriteChange(out, change);
  return out.str();
}

}  // namespace allot
