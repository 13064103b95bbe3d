// Rendering explain: table, csv (long format), json, md.
#include <nlohmann/json.hpp>

#include "allot/explain.hpp"
#include "analysis_common.hpp"
#include "analysis_output.hpp"

namespace allot {

namespace {

using Json = nlohmann::ordered_json;

const char* ChangeName(LineChange c) {
  switch (c) {
    case LineChange::kAmount: return "amount";
    case LineChange::kAdded: return "added";
    case LineChange::kRemoved: return "removed";
    case LineChange::kDefinition: return "definition";
  }
  return "";
}

std::string Signed(double v, int decimals) { return (v > 0 ? "+" : "") + detail::Fixed(v, decimals); }

std::string Method(const ExplainResult& r) {
  if (r.exact) return "exact Shapley values";
  return "Shapley values estimated from " + std::to_string(r.permutations) +
         " random orders (seed " + std::to_string(r.seed) + "), +- one standard error";
}

detail::Section LinesSection(const ExplainResult& r) {
  detail::Section s;
  s.title = "Difference " + r.b + " - " + r.a + " by action line";
  s.text_columns = 2;
  s.header = {"line", "change", r.a, r.b};
  for (const WeightSet& set : r.weight_sets) s.header.push_back(set.name);
  for (const LineAttribution& l : r.lines) {
    std::vector<std::string> row{l.line, ChangeName(l.change), FormatMoney(l.total_a, Lang::kEn),
                                 FormatMoney(l.total_b, Lang::kEn)};
    for (size_t w = 0; w < r.weight_sets.size(); ++w) {
      row.push_back(Signed(l.by_set[w], 3) + (r.exact ? "" : " +- " + detail::Fixed(l.error_by_set[w], 3)));
    }
    s.rows.push_back(std::move(row));
  }
  std::vector<std::string> total{"total", "", "", ""};
  for (size_t w = 0; w < r.weight_sets.size(); ++w) total.push_back(Signed(r.score_b[w] - r.score_a[w], 3));
  s.rows.push_back(std::move(total));
  s.notes.push_back(Method(r) + "; each column adds up to the total");
  return s;
}

detail::Section ObjectivesSection(const ExplainResult& r) {
  detail::Section s;
  s.title = "Difference " + r.b + " - " + r.a + " by objective (weight x score change)";
  s.header = {"objective", r.a, r.b};
  for (const WeightSet& set : r.weight_sets) s.header.push_back(set.name);
  for (size_t j = 0; j < r.objectives.size(); ++j) {
    std::vector<std::string> row{r.objectives[j], detail::Fixed(r.objectives_a[j], 2),
                                 detail::Fixed(r.objectives_b[j], 2)};
    for (size_t w = 0; w < r.weight_sets.size(); ++w) row.push_back(Signed(r.by_objective[w][j], 3));
    s.rows.push_back(std::move(row));
  }
  std::vector<std::string> total{"weighted score", "", ""};
  for (size_t w = 0; w < r.weight_sets.size(); ++w) {
    total.push_back(detail::Fixed(r.score_a[w], 2) + " -> " + detail::Fixed(r.score_b[w], 2));
  }
  s.rows.push_back(std::move(total));
  return s;
}

Json ResultJson(const ExplainResult& r) {
  Json j;
  j["format"] = "allot/1";
  j["analysis"] = "explain";
  j["a"] = r.a;
  j["b"] = r.b;
  j["method"] = r.exact ? "exact" : "sampled";
  j["permutations"] = r.exact ? Json(nullptr) : Json(r.permutations);
  j["seed"] = r.exact ? Json(nullptr) : Json(r.seed);
  j["weight_sets"] = Json::array();
  for (size_t w = 0; w < r.weight_sets.size(); ++w) {
    Json set;
    set["name"] = r.weight_sets[w].name;
    set["score_a"] = detail::Rounded(r.score_a[w]);
    set["score_b"] = detail::Rounded(r.score_b[w]);
    set["difference"] = detail::Rounded(r.score_b[w] - r.score_a[w]);
    set["lines"] = Json::array();
    for (const LineAttribution& l : r.lines) {
      set["lines"].push_back({{"line", l.line},
                              {"change", ChangeName(l.change)},
                              {"total_a_cents", l.total_a.cents()},
                              {"total_b_cents", l.total_b.cents()},
                              {"attribution", detail::Rounded(l.by_set[w])},
                              {"std_error", detail::Rounded(l.error_by_set[w])}});
    }
    set["objectives"] = Json::object();
    for (size_t k = 0; k < r.objectives.size(); ++k) {
      set["objectives"][r.objectives[k]] = detail::Rounded(r.by_objective[w][k]);
    }
    j["weight_sets"].push_back(set);
  }
  return j;
}

void WriteExplainCsv(const ExplainResult& r, std::ostream& out) {
  std::vector<std::vector<std::string>> rows;
  for (size_t w = 0; w < r.weight_sets.size(); ++w) {
    const std::string& set = r.weight_sets[w].name;
    for (const LineAttribution& l : r.lines) {
      rows.push_back({r.a, r.b, set, "line", l.line, detail::CsvNumber(l.by_set[w]),
                      detail::CsvNumber(l.error_by_set[w])});
    }
    for (size_t k = 0; k < r.objectives.size(); ++k) {
      rows.push_back({r.a, r.b, set, "objective", r.objectives[k], detail::CsvNumber(r.by_objective[w][k]), "0"});
    }
    rows.push_back({r.a, r.b, set, "total", "", detail::CsvNumber(r.score_b[w] - r.score_a[w]), "0"});
  }
  detail::WriteCsv({"a", "b", "weight_set", "part", "item", "attribution", "std_error"}, rows, out);
}

}  // namespace

void RenderExplain(const ExplainResult& result, OutputFormat format, std::ostream& out) {
  if (format == OutputFormat::kJson) {
    out << ResultJson(result).dump(2) << '\n';
  } else if (format == OutputFormat::kCsv) {
    WriteExplainCsv(result, out);
  } else {
    detail::WriteSections(result.title + ": why " + result.b + " differs from " + result.a,
                          {LinesSection(result), ObjectivesSection(result)}, format, out);
  }
}

}  // namespace allot
