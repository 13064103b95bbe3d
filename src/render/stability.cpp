// Rendering stability intervals: table, csv (long format), json, md.
#include "allot/stability.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "analyse/analysis_common.hpp"
#include "render/analysis_output.hpp"

namespace allot {

namespace {

using Json = nlohmann::ordered_json;

// The words of the table and md in each language; scenario, objective and
// weight set ids stay as written.
struct Words {
  const char* title;       // appended to the model's title
  const char* weight_set;  // "Weight set"
  const char* top;         // ": top scenario"
  std::vector<std::string> header;
  const char* none;
  const char* passes;  // "X passes Y"
  const char* ranking_now;
  const char* separator;  // between the ranked scenarios: "; " where numbers have a decimal comma
  const char* note;
};

const Words kEn{": weight stability",
                "Weight set ",
                ": top scenario ",
                {"objective", "weight", "top from", "top to", "new top below", "new top above",
                 "ranking from", "ranking to", "first swap below", "first swap above"},
                "none",
                " passes ",
                "ranking now:",
                ", ",
                "while one objective's weight moves within [from, to] (the others rescaled in "
                "proportion), the top scenario / the whole ranking stays the same"};
const Words kNl{
    ": stabiliteit van de weging",
    "Weging ",
    ": bovenaan staat ",
    {"doel", "gewicht", "top van", "top tot", "nieuwe top eronder", "nieuwe top erboven",
     "volgorde van", "volgorde tot", "eerste wissel eronder", "eerste wissel erboven"},
    "geen",
    " passeert ",
    "volgorde nu:",
    "; ",
    "zolang het gewicht van één doel binnen [van, tot] blijft (de andere naar verhouding "
    "herschaald), blijft het bovenste scenario / de hele volgorde gelijk"};

std::string Who(const StabilityEnd& end, const Words& w) {
  return end.overtaker.empty() ? w.none : end.overtaker + w.passes + end.overtaken;
}

// For the top scenario the one passed is always the top: name the new top only.
std::string NewTop(const StabilityEnd& end, const Words& w) {
  return end.overtaker.empty() ? w.none : end.overtaker;
}

detail::Section SetSection(const WeightSetStability& s, Lang lang) {
  const Words& w = lang == Lang::kNl ? kNl : kEn;
  auto fixed = [lang](double v, int decimals) { return detail::Fixed(v, decimals, lang); };
  detail::Section section;
  section.title = w.weight_set + s.weight_set + w.top + s.ranking.front();
  section.header = w.header;
  section.text_columns = 1;
  for (const ObjectiveStability& o : s.objectives) {
    section.rows.push_back({o.objective, fixed(o.weight, 3), fixed(o.top_low.t, 3),
                            fixed(o.top_high.t, 3), NewTop(o.top_low, w), NewTop(o.top_high, w),
                            fixed(o.rank_low.t, 3), fixed(o.rank_high.t, 3), Who(o.rank_low, w),
                            Who(o.rank_high, w)});
  }
  std::string ranking = w.ranking_now;
  for (size_t i = 0; i < s.ranking.size(); ++i) {
    ranking += (i ? w.separator : " ") + s.ranking[i] + " " + fixed(s.scores[i], 2);
  }
  section.notes.push_back(ranking);
  section.notes.push_back(w.note);
  return section;
}

Json EndJson(const StabilityEnd& end) {
  Json j;
  j["weight"] = detail::Rounded(end.t, 6);
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
      set["ranking"].push_back(
          {{"id", s.ranking[i]}, {"rank", s.ranks[i]}, {"score", detail::Rounded(s.scores[i], 6)}});
    }
    set["objectives"] = Json::array();
    for (const ObjectiveStability& o : s.objectives) {
      Json oj;
      oj["id"] = o.objective;
      oj["weight"] = detail::Rounded(o.weight, 6);
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
  detail::WriteCsv(
      {"weight_set", "objective", "weight", "stays", "end", "at_weight", "overtaker", "overtaken"},
      rows, out);
}

}  // namespace

void RenderStability(const StabilityResult& result, OutputFormat format, Lang lang,
                     std::ostream& out) {
  if (format == OutputFormat::kJson) {
    out << ResultJson(result).dump(2) << '\n';
  } else if (format == OutputFormat::kCsv) {
    WriteStabilityCsv(result, out);
  } else {
    std::vector<detail::Section> sections;
    for (const WeightSetStability& s : result.sets) sections.push_back(SetSection(s, lang));
    detail::WriteSections(result.title + (lang == Lang::kNl ? kNl : kEn).title, sections, format,
                          out);
  }
}

}  // namespace allot
