// Rendering stability intervals: table, csv (long format), json, md.
#include <nlohmann/json.hpp>

#include "allot/stability.hpp"
#include "analysis_common.hpp"
#include "analysis_output.hpp"

namespace allot {

namespace {

using Json = nlohmann::ordered_json;

std::string Who(const StabilityEnd& end) {
  return end.overtaker.empty() ? "none" : end.overtaker + " passes " + end.overtaken;
}

// For the top scenario the one passed is always the top: name the new top only.
std::string NewTop(const StabilityEnd& end) { return end.overtaker.empty() ? "none" : end.overtaker; }

detail::Section SetSection(const WeightSetStability& s) {
  detail::Section section;
  section.title = "Weight set " + s.weight_set + ": top scenario " + s.ranking.front();
  section.header = {"objective", "weight", "top from", "top to", "new top below", "new top above",
                    "ranking from", "ranking to", "first swap below", "first swap above"};
  section.text_columns = 1;
  for (const ObjectiveStability& o : s.objectives) {
    section.rows.push_back({o.objective, detail::Fixed(o.weight, 3), detail::Fixed(o.top_low.t, 3),
                            detail::Fixed(o.top_high.t, 3), NewTop(o.top_low), NewTop(o.top_high),
                            detail::Fixed(o.rank_low.t, 3), detail::Fixed(o.rank_high.t, 3),
                            Who(o.rank_low), Who(o.rank_high)});
  }
  std::string ranking = "ranking now:";
  for (size_t i = 0; i < s.ranking.size(); ++i) {
    ranking += (i ? ", " : " ") + s.ranking[i] + " " + detail::Fixed(s.scores[i], 2);
  }
  section.notes.push_back(ranking);
  section.notes.push_back(
      "while one objective's weight moves within [from, to] (the others rescaled in "
      "proportion), the top scenario / the whole ranking stays the same");
  return section;
}

Json EndJson(const StabilityEnd& end) {
  Json j;
  j["weight"] = detail::Rounded(end.t);
  j["overtaker"] = end.overtaker.empty() ? Json(nullptr) : Json(end.overtaker);
  j["overtaken"] = end.overtaken.empty() ? Json(nullptr) : Json(end.overtaken);
  return j;
}

Json ResultJson(const StabilityResult& r) {
  Json j;
  j["format"] = "allot/1";
  j["analysis"] = "stability";
  j["weight_sets"] = Json::array();
  for (const WeightSetStability& s : r.sets) {
    Json set;
    set["name"] = s.weight_set;
    set["ranking"] = Json::array();
    for (size_t i = 0; i < s.ranking.size(); ++i) {
      set["ranking"].push_back({{"id", s.ranking[i]}, {"score", detail::Rounded(s.scores[i])}});
    }
    set["objectives"] = Json::array();
    for (const ObjectiveStability& o : s.objectives) {
      Json oj;
      oj["id"] = o.objective;
      oj["weight"] = detail::Rounded(o.weight);
      oj["top"] = {{"low", EndJson(o.top_low)}, {"high", EndJson(o.top_high)}};
      oj["ranking"] = {{"low", EndJson(o.rank_low)}, {"high", EndJson(o.rank_high)}};
      set["objectives"].push_back(oj);
    }
    j["weight_sets"].push_back(set);
  }
  return j;
}

void WriteStabilityCsv(const StabilityResult& r, std::ostream& out) {
  std::vector<std::vector<std::string>> rows;
  for (const WeightSetStability& s : r.sets) {
    for (const ObjectiveStability& o : s.objectives) {
      auto add = [&](const char* what, const char* end, const StabilityEnd& e) {
        rows.push_back({s.weight_set, o.objective, detail::CsvNumber(o.weight), what, end,
                        detail::CsvNumber(e.t), e.overtaker, e.overtaken});
      };
      add("top", "low", o.top_low);
      add("top", "high", o.top_high);
      add("ranking", "low", o.rank_low);
      add("ranking", "high", o.rank_high);
    }
  }
  detail::WriteCsv({"weight_set", "objective", "weight", "stays", "end", "at_weight",
                    "overtaker", "overtaken"},
                   rows, out);
}

}  // namespace

void RenderStability(const StabilityResult& result, OutputFormat format, std::ostream& out) {
  if (format == OutputFormat::kJson) {
    out << ResultJson(result).dump(2) << '\n';
  } else if (format == OutputFormat::kCsv) {
    WriteStabilityCsv(result, out);
  } else {
    std::vector<detail::Section> sections;
    for (const WeightSetStability& s : result.sets) sections.push_back(SetSection(s));
    detail::WriteSections(result.title + ": weight stability", sections, format, out);
  }
}

}  // namespace allot
