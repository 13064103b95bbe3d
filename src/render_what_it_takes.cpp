// Rendering "what would it take": table, csv, json, md.
#include <nlohmann/json.hpp>

#include "allot/what_it_takes.hpp"
#include "analysis_common.hpp"
#include "analysis_output.hpp"

namespace allot {

namespace {

using Json = nlohmann::ordered_json;

const char* StatusName(OvertakeStatus s) {
  switch (s) {
    case OvertakeStatus::kAlreadyWins: return "already_wins";
    case OvertakeStatus::kFound: return "found";
    case OvertakeStatus::kImpossible: return "impossible";
  }
  return "";
}

Json ResultJson(const OvertakeResult& r) {
  Json j;
  j["format"] = "allot/1";
  j["analysis"] = "what-it-takes";
  j["weight_set"] = r.weight_set;
  j["a"] = r.a;
  j["b"] = r.b;
  j["status"] = StatusName(r.status);
  j["score_a"] = detail::Rounded(r.score_a);
  j["score_b"] = detail::Rounded(r.score_b);
  bool has_weights = r.status != OvertakeStatus::kImpossible;
  j["distance"] = has_weights ? Json(detail::Rounded(r.distance)) : Json(nullptr);
  j["new_score_a"] = has_weights ? Json(detail::Rounded(r.new_score_a)) : Json(nullptr);
  j["new_score_b"] = has_weights ? Json(detail::Rounded(r.new_score_b)) : Json(nullptr);
  j["weights"] = Json::array();
  for (const WeightChange& c : r.weights) {
    j["weights"].push_back({{"objective", c.objective},
                            {"from", detail::Rounded(c.from)},
                            {"to", has_weights ? Json(detail::Rounded(c.to)) : Json(nullptr)}});
  }
  j["summary"] = r.summary;
  return j;
}

void WriteOvertakeCsv(const OvertakeResult& r, std::ostream& out) {
  std::vector<std::vector<std::string>> rows;
  bool has_weights = r.status != OvertakeStatus::kImpossible;
  for (const WeightChange& c : r.weights) {
    rows.push_back({r.weight_set, r.a, r.b, StatusName(r.status), c.objective,
                    detail::CsvNumber(c.from), has_weights ? detail::CsvNumber(c.to) : "",
                    has_weights ? detail::CsvNumber(r.distance) : ""});
  }
  detail::WriteCsv({"weight_set", "a", "b", "status", "objective", "from", "to", "distance"}, rows, out);
}

detail::Section WeightsSection(const OvertakeResult& r) {
  detail::Section s;
  s.title = "Weights: " + r.weight_set + " now, and nearest at which " + r.b + " catches up";
  s.header = {"objective", "now", "needed", "change"};
  for (const WeightChange& c : r.weights) {
    s.rows.push_back({c.objective, detail::Fixed(c.from, 3), detail::Fixed(c.to, 3),
                      (c.to - c.from > 0 ? "+" : "") + detail::Fixed(c.to - c.from, 3)});
  }
  s.notes.push_back("scores now: " + r.a + " " + detail::Fixed(r.score_a, 2) + ", " + r.b + " " +
                    detail::Fixed(r.score_b, 2) + "; at the needed weights: " + r.a + " " +
                    detail::Fixed(r.new_score_a, 2) + ", " + r.b + " " + detail::Fixed(r.new_score_b, 2));
  s.notes.push_back("L1 distance " + detail::Fixed(r.distance, 4) +
                    " (sum of |needed - now|; half of it is the weight moved)");
  return s;
}

}  // namespace

void RenderOvertake(const OvertakeResult& result, OutputFormat format, std::ostream& out) {
  if (format == OutputFormat::kJson) {
    out << ResultJson(result).dump(2) << '\n';
    return;
  }
  if (format == OutputFormat::kCsv) {
    WriteOvertakeCsv(result, out);
    return;
  }
  std::vector<detail::Section> sections;
  if (result.status == OvertakeStatus::kFound) sections.push_back(WeightsSection(result));
  detail::WriteSections(result.title + ": what would it take for " + result.b + " to catch up with " +
                            result.a,
                        sections, format, out);
  out << (sections.empty() ? "\n" : "\n") << result.summary << '\n';
}

}  // namespace allot
