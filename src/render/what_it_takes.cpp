// Rendering "what would it take": table, csv, json, md.
#include "allot/what_it_takes.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "analyse/analysis_common.hpp"
#include "render/analysis_output.hpp"

namespace allot {

namespace {

using Json = nlohmann::ordered_json;

const char* StatusName(OvertakeStatus s) {
  switch (s) {
    case OvertakeStatus::kAlreadyWins:
      return "already_wins";
    case OvertakeStatus::kFound:
      return "found";
    case OvertakeStatus::kImpossible:
      return "impossible";
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
  j["score_a"] = detail::Rounded(r.score_a, 6);
  j["score_b"] = detail::Rounded(r.score_b, 6);
  bool has_weights = r.status != OvertakeStatus::kImpossible;
  j["distance"] = has_weights ? Json(detail::Rounded(r.distance, 6)) : Json(nullptr);
  j["new_score_a"] = has_weights ? Json(detail::Rounded(r.new_score_a, 6)) : Json(nullptr);
  j["new_score_b"] = has_weights ? Json(detail::Rounded(r.new_score_b, 6)) : Json(nullptr);
  j["weights"] = Json::array();
  for (const WeightChange& c : r.weights) {
    j["weights"].push_back({{"objective", c.objective},
                            {"from", detail::Rounded(c.from, 6)},
                            {"to", has_weights ? Json(detail::Rounded(c.to, 6)) : Json(nullptr)}});
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
  detail::WriteCsv({"weight_set", "a", "b", "status", "objective", "from", "to", "distance"}, rows,
                   out);
}

// The words of the table and md in each language; ids stay as written.
struct Words {
  const char* title;  // ": what would it take for " B " to catch up with " A ""
  const char* to_catch_up;
  const char* title_end;
  const char* weights;  // "Weights: SET now, and nearest at which B catches up"
  const char* nearest;
  const char* catches_up;
  std::vector<std::string> header;
  const char* scores_now;
  const char* at_needed;
  const char* and_;      // between the two scores: not ", " where numbers have a decimal comma
  const char* distance;  // "L1 distance ... (...)"
  const char* distance_note;
};

const Words kEn{": what would it take for ",
                " to catch up with ",
                "",
                "Weights: ",
                " now, and nearest at which ",
                " catches up",
                {"objective", "now", "needed", "change"},
                "scores now: ",
                "; at the needed weights: ",
                ", ",
                "L1 distance ",
                " (sum of |needed - now|; half of it is the weight moved)"};
const Words kNl{": wat is er nodig zodat ",
                " ",
                " inhaalt",
                "Gewichten: ",
                " nu, en de dichtstbijzijnde waarbij ",
                " inhaalt",
                {"doel", "nu", "nodig", "verschil"},
                "scores nu: ",
                "; bij de benodigde gewichten: ",
                " en ",
                "L1-afstand ",
                " (som van |nodig - nu|; de helft daarvan is het verschoven gewicht)"};

detail::Section WeightsSection(const OvertakeResult& r, const Words& w, Lang lang) {
  auto fixed = [lang](double v, int decimals) { return detail::Fixed(v, decimals, lang); };
  detail::Section s;
  s.title = w.weights + r.weight_set + w.nearest + r.b + w.catches_up;
  s.header = w.header;
  for (const WeightChange& c : r.weights) {
    s.rows.push_back({c.objective, fixed(c.from, 3), fixed(c.to, 3),
                      detail::Fixed(c.to - c.from, 3, lang, true)});
  }
  s.notes.push_back(w.scores_now + r.a + " " + fixed(r.score_a, 2) + w.and_ + r.b + " " +
                    fixed(r.score_b, 2) + w.at_needed + r.a + " " + fixed(r.new_score_a, 2) +
                    w.and_ + r.b + " " + fixed(r.new_score_b, 2));
  s.notes.push_back(w.distance + fixed(r.distance, 4) + w.distance_note);
  return s;
}

}  // namespace

void RenderOvertake(const OvertakeResult& result, OutputFormat format, Lang lang,
                    std::ostream& out) {
  if (format == OutputFormat::kJson) {
    out << ResultJson(result).dump(2) << '\n';
    return;
  }
  if (format == OutputFormat::kCsv) {
    WriteOvertakeCsv(result, out);
    return;
  }
  const Words& w = lang == Lang::kNl ? kNl : kEn;
  std::vector<detail::Section> sections;
  if (result.status == OvertakeStatus::kFound) sections.push_back(WeightsSection(result, w, lang));
  detail::WriteSections(result.title + w.title + result.b + w.to_catch_up + result.a + w.title_end,
                        sections, format, out);
  out << '\n' << OvertakeSummary(result, lang) << '\n';
}

}  // namespace allot
