// JSON: the stable machine interface (DESIGN.md, "compare --format json").
// Keys are in a fixed order, money is in integer cents, scores are rounded
// to six decimals so that re-runs give reviewable diffs; no timestamps.
#include <ostream>

#include "allot/compare.hpp"
#include "render/json_output.hpp"
#include "render/number.hpp"

namespace allot::detail {

namespace {

// Six decimals and no -0 (Rounded also refuses a non-finite score).
double Score(double v) { return Rounded(v, 6); }

Json ByYear(const std::vector<int>& years, const std::vector<Money>& amounts) {
  Json j = Json::object();
  for (size_t y = 0; y < years.size(); ++y) j[std::to_string(years[y])] = amounts[y].cents();
  return j;
}

Json PerSet(const CompareResult& r, const std::vector<double>& values) {
  Json j = Json::object();
  for (size_t w = 0; w < r.weight_sets.size(); ++w) j[r.weight_sets[w].name] = Score(values[w]);
  return j;
}

// An object of one value per line of `s`, by line id. Line ids are unique
// within a scenario, so append to the ordered map's vector directly:
// operator[] searches it linearly, which made rendering quadratic in the
// number of lines.
template <typename ValueOf>
Json PerLine(const ScenarioResult& s, ValueOf value_of) {
  Json lines = Json::object();
  auto& entries = lines.get_ref<Json::object_t&>();
  entries.reserve(s.lines.size());
  for (const LineAllocation& line : s.lines) {
    entries.std::vector<Json::object_t::value_type>::emplace_back(line.id, value_of(line));
  }
  return lines;
}

Json Level(ProvenanceLevel level) { return ProvenanceLevelName(level); }

Json LevelsPerSet(const CompareResult& r, const std::vector<ProvenanceLevel>& levels) {
  Json j = Json::object();
  for (size_t w = 0; w < r.weight_sets.size(); ++w) j[r.weight_sets[w].name] = Level(levels[w]);
  return j;
}

Json LevelsPerYear(const CompareResult& r, const std::vector<ProvenanceLevel>& levels) {
  Json j = Json::object();
  for (size_t y = 0; y < r.years.size(); ++y) j[std::to_string(r.years[y])] = Level(levels[y]);
  return j;
}

// What each figure of the scenario rests on, keyed like the figures
// themselves (docs/output.md, "Marks").
Json BasisJson(const CompareResult& r, const ScenarioResult& s) {
  const ScenarioBasis& b = s.basis;
  Json j;
  j["total_cents"] = Level(b.total);
  j["by_year_cents"] = LevelsPerYear(r, b.by_year);
  j["lines"] = PerLine(s, [](const LineAllocation& line) {
    return Json{{"per_year", Level(line.year_basis)}, {"total", Level(line.total_basis)}};
  });
  j["objectives"] = Json::object();
  for (size_t o = 0; o < r.objectives.size(); ++o)
    j["objectives"][r.objectives[o].id] = Level(b.objectives[o]);
  j["weighted"] = LevelsPerSet(r, b.weighted);
  j["rank"] = LevelsPerSet(r, b.rank);
  j["motions"] = Json::object();
  for (size_t m = 0; m < r.motions.size(); ++m)
    j["motions"][r.motions[m].id] = Level(b.motions_funded[m]);
  j["delta"] = {{"total_cents", Level(b.delta_total)},
                {"by_year_cents", LevelsPerYear(r, b.delta_by_year)},
                {"weighted", LevelsPerSet(r, b.delta_weighted)}};
  j["cost_per_point_cents"] = LevelsPerSet(r, b.cost_per_point);
  return j;
}

Json ScenarioJson(const CompareResult& r, const ScenarioResult& s) {
  Json j;
  j["id"] = s.id;
  j["name"] = s.name;
  j["illustrative"] = s.illustrative;
  j["total_cents"] = s.total.cents();
  j["by_year_cents"] = ByYear(r.years, s.by_year);
  j["lines"] =
      PerLine(s, [&r](const LineAllocation& line) { return ByYear(r.years, line.by_year); });
  Json illustrative_lines = Json::array();
  for (const LineAllocation& line : s.lines) {
    if (line.illustrative) illustrative_lines.push_back(line.id);
  }
  j["illustrative_lines"] = illustrative_lines;
  j["objectives"] = Json::object();
  for (size_t o = 0; o < r.objectives.size(); ++o)
    j["objectives"][r.objectives[o].id] = Score(s.objectives[o]);
  j["weighted"] = PerSet(r, s.weighted);
  j["rank"] = Json::object();
  for (size_t w = 0; w < r.weight_sets.size(); ++w) j["rank"][r.weight_sets[w].name] = s.rank[w];
  j["motions"] = Json::object();
  for (size_t m = 0; m < r.motions.size(); ++m)
    j["motions"][r.motions[m].id] = static_cast<bool>(s.motions_funded[m]);
  j["delta"] = {{"total_cents", s.delta_total.cents()},
                {"by_year_cents", ByYear(r.years, s.delta_by_year)},
                {"weighted", PerSet(r, s.delta_weighted)}};
  j["cost_per_point_cents"] = Json::object();
  for (size_t w = 0; w < r.weight_sets.size(); ++w) {
    const std::optional<Money>& cost = s.cost_per_point[w];
    j["cost_per_point_cents"][r.weight_sets[w].name] = cost ? Json(cost->cents()) : Json(nullptr);
  }
  j["basis"] = BasisJson(r, s);
  return j;
}

}  // namespace

void RenderJson(const CompareResult& result, std::ostream& out) {
  Json j;
  j["format"] = "allot/1";
  j["title"] = result.title;
  j["currency"] = result.currency;
  j["years"] = result.years;
  j["baseline"] = result.baseline;
  j["weights"] = Json::object();
  for (const WeightSet& set : result.weight_sets) {
    Json weights = Json::object();
    for (size_t o = 0; o < result.objectives.size(); ++o)
      weights[result.objectives[o].id] = Score(set.weights[o]);
    j["weights"][set.name] = weights;
  }
  j["scenarios"] = Json::array();
  for (const ScenarioResult& s : result.scenarios)
    j["scenarios"].push_back(ScenarioJson(result, s));
  WriteJson(j, out);
}

}  // namespace allot::detail
