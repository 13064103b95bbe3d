// Writing an optimised allocation as an allot/1 scenario file.
#include <sstream>

#include "allot/optimise.hpp"

namespace allot {

namespace {

// A YAML double-quoted scalar.
std::string Quote(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

bool SameYearTotals(const ResolvedScenario& a, const ResolvedScenario& b) {
  return a.by_year == b.by_year;
}

}  // namespace

std::string OptimisedScenarioYaml(const Model& model, const ResolvedScenario& base,
                                  const OptimiseResult& result, const std::string& id,
                                  const std::string& name, const std::vector<std::string>& header) {
  std::ostringstream out;
  // Every line of the header stays a comment, even when a part of it (the
  // model's path) holds a line break: nothing in it can become YAML.
  for (const std::string& line : header) {
    out << "# ";
    for (char c : line) out << (c == '\n' || c == '\r' ? std::string("\n# ") : std::string(1, c));
    out << '\n';
  }
  out << "format: allot/1\n";
  out << "scenario: " << Quote(id) << '\n';
  out << "name: " << Quote(name) << '\n';
  if (base.scenario != nullptr) out << "base: " << Quote(base.id) << '\n';
  if (SameYearTotals(base, result.allocation)) out << "budget: neutral-per-year\n";
  std::ostringstream changes;
  for (size_t i = 0; i < base.lines.size(); ++i) {
    const ResolvedLine& now = result.allocation.lines[i];
    if (now.by_year == base.lines[i].by_year) continue;
    changes << "  - set: {line: " << Quote(now.def->id) << ", budget: {";
    for (size_t t = 0; t < model.years.size(); ++t) {
      changes << (t == 0 ? "" : ", ") << model.years[t] << ": " << FormatMoneyPlain(now.by_year[t]);
    }
    changes << "}}";
    if (i < result.level.size() && !result.level[i].empty()) {
      changes << "  # level: " << result.level[i];
    }
    changes << '\n';
  }
  std::string list = changes.str();
  out << (list.empty() ? "changes: []\n" : "changes:\n" + list);
  return out.str();
}

}  // namespace allot
