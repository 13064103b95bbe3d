// Rendering explain: table, csv (long format), json, md.
#include "allot/explain.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "analyse/analysis_common.hpp"
#include "render/analysis_output.hpp"

namespace allot {

namespace {

using Json = nlohmann::ordered_json;

const char* ChangeName(LineChange c) {
  switch (c) {
    case LineChange::kAmount:
      return "amount";
    case LineChange::kAdded:
      return "added";
    case LineChange::kRemoved:
      return "removed";
    case LineChange::kDefinition:
      return "definition";
  }
  return "";
}

// The change as the table shows it: the json/csv name in English.
const char* ChangeLabel(LineChange c, Lang lang) {
  if (lang == Lang::kEn) return ChangeName(c);
  switch (c) {
    case LineChange::kAmount:
      return "bedrag";
    case LineChange::kAdded:
      return "toegevoegd";
    case LineChange::kRemoved:
      return "verwijderd";
    case LineChange::kDefinition:
      return "definitie";
  }
  return "";
}

// The words of the table and md in each language; ids stay as written.
struct Words {
  const char* title;  // ": why B differs from A"
  const char* differs;
  const char* difference;  // "Difference B - A by action line"
  const char* by_line;
  const char* by_objective;
  const char* line;
  const char* change;
  const char* total;
  const char* objective;
  const char* weighted_score;
  const char* exact;      // "exact Shapley values"
  const char* estimated;  // "Shapley values estimated from N random orders (seed S), +- ..."
  const char* orders;
  const char* error;
  const char* adds_up;
};

const Words kEn{": why ",
                " differs from ",
                "Difference ",
                " by action line",
                " by objective (weight x score change)",
                "line",
                "change",
                "total",
                "objective",
                "weighted score",
                "exact Shapley values",
                "Shapley values estimated from ",
                " random orders (seed ",
                "), +- one standard error",
                "; each column adds up to the total"};
const Words kNl{": waarom ",
                " verschilt van ",
                "Verschil ",
                " per actielijn",
                " per doel (gewicht x verandering van de score)",
                "actielijn",
                "wijziging",
                "totaal",
                "doel",
                "gewogen score",
                "exacte Shapley-waarden",
                "Shapley-waarden geschat uit ",
                " willekeurige volgordes (seed ",
                "), +- één standaardfout",
                "; elke kolom telt op tot het totaal"};

std::string Method(const ExplainResult& r, const Words& w) {
  if (r.exact) return w.exact;
  return w.estimated + std::to_string(r.permutations) + w.orders + std::to_string(r.seed) + w.error;
}

detail::Section LinesSection(const ExplainResult& r, const Words& w, Lang lang) {
  auto signed_ = [lang](double v) { return detail::Fixed(v, 3, lang, true); };
  detail::Section s;
  s.title = w.difference + r.b + " - " + r.a + w.by_line;
  s.text_columns = 2;
  s.header = {w.line, w.change, r.a, r.b};
  for (const WeightSet& set : r.weight_sets) s.header.push_back(set.name);
  for (const LineAttribution& l : r.lines) {
    std::vector<std::string> row{l.line, ChangeLabel(l.change, lang), FormatMoney(l.total_a, lang),
                                 FormatMoney(l.total_b, lang)};
    for (size_t k = 0; k < r.weight_sets.size(); ++k) {
      row.push_back(signed_(l.by_set[k]) +
                    (r.exact ? "" : " +- " + detail::Fixed(l.error_by_set[k], 3, lang)));
    }
    s.rows.push_back(std::move(row));
  }
  std::vector<std::string> total{w.total, "", "", ""};
  for (size_t k = 0; k < r.weight_sets.size(); ++k)
    total.push_back(signed_(r.score_b[k] - r.score_a[k]));
  s.rows.push_back(std::move(total));
  s.notes.push_back(Method(r, w) + w.adds_up);
  return s;
}

detail::Section ObjectivesSection(const ExplainResult& r, const Words& w, Lang lang) {
  auto fixed = [lang](double v) { return detail::Fixed(v, 2, lang); };
  detail::Section s;
  s.title = w.difference + r.b + " - " + r.a + w.by_objective;
  s.header = {w.objective, r.a, r.b};
  for (const WeightSet& set : r.weight_sets) s.header.push_back(set.name);
  for (size_t j = 0; j < r.objectives.size(); ++j) {
    std::vector<std::string> row{r.objectives[j], fixed(r.objectives_a[j]),
                                 fixed(r.objectives_b[j])};
    for (size_t k = 0; k < r.weight_sets.size(); ++k) {
      row.push_back(detail::Fixed(r.by_objective[k][j], 3, lang, true));
    }
    s.rows.push_back(std::move(row));
  }
  std::vector<std::string> total{w.weighted_score, "", ""};
  for (size_t k = 0; k < r.weight_sets.size(); ++k) {
    total.push_back(fixed(r.score_a[k]) + " -> " + fixed(r.score_b[k]));
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
    set["score_a"] = detail::Rounded(r.score_a[w], 6);
    set["score_b"] = detail::Rounded(r.score_b[w], 6);
    set["difference"] = detail::Rounded(r.score_b[w] - r.score_a[w], 6);
    set["lines"] = Json::array();
    for (const LineAttribution& l : r.lines) {
      set["lines"].push_back({{"line", l.line},
                              {"change", ChangeName(l.change)},
                              {"total_a_cents", l.total_a.cents()},
                              {"total_b_cents", l.total_b.cents()},
                              {"attribution", detail::Rounded(l.by_set[w], 6)},
                              {"std_error", detail::Rounded(l.error_by_set[w], 6)}});
    }
    set["objectives"] = Json::object();
    for (size_t k = 0; k < r.objectives.size(); ++k) {
      set["objectives"][r.objectives[k]] = detail::Rounded(r.by_objective[w][k], 6);
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
      rows.push_back({r.a, r.b, set, "objective", r.objectives[k],
                      detail::CsvNumber(r.by_objective[w][k]), "0"});
    }
    rows.push_back(
        {r.a, r.b, set, "total", "", detail::CsvNumber(r.score_b[w] - r.score_a[w]), "0"});
  }
  detail::WriteCsv({"a", "b", "weight_set", "part", "item", "attribution", "std_error"}, rows, out);
}

}  // namespace

void RenderExplain(const ExplainResult& result, OutputFormat format, Lang lang, std::ostream& out) {
  if (format == OutputFormat::kJson) {
    out << ResultJson(result).dump(2) << '\n';
  } else if (format == OutputFormat::kCsv) {
    WriteExplainCsv(result, out);
  } else {
    const Words& w = lang == Lang::kNl ? kNl : kEn;
    detail::WriteSections(result.title + w.title + result.b + w.differs + result.a,
                          {LinesSection(result, w, lang), ObjectivesSection(result, w, lang)},
                          format, out);
  }
}

}  // namespace allot
