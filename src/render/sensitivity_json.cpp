// SMAA results as JSON: the machine interface of `allot sensitivity` and
// `allot merge` (DESIGN.md, "allot sensitivity").
#include "allot/sensitivity.hpp"
#include "render/json_output.hpp"
#include "render/number.hpp"

namespace allot::detail {

namespace {

// Scores and shares: six decimals like compare's JSON (Rounded(v, 6)).
Json RoundedList(const std::vector<double>& values) {
  Json j = Json::array();
  for (double v : values) j.push_back(Rounded(v, 6));
  return j;
}

// A Wilson 95% interval as [low, high].
Json Interval(const ProportionInterval& i) {
  return Json::array({Rounded(i.low, 6), Rounded(i.high, 6)});
}

Json ScenarioJson(const SmaaResult& r, const SmaaScenarioResult& s) {
  Json j;
  j["id"] = s.id;
  j["name"] = s.name;
  j["rank_acceptability"] = RoundedList(s.rank_acceptability);
  j["rank_acceptability_se"] = RoundedList(s.rank_acceptability_se);
  j["rank_acceptability_interval"] = Json::array();
  for (const ProportionInterval& i : s.rank_acceptability_interval)
    j["rank_acceptability_interval"].push_back(Interval(i));
  j["p_best"] = Rounded(s.rank_acceptability[0], 6);
  j["mean_score"] = Rounded(s.mean_score, 6);
  j["sd_score"] = Rounded(s.sd_score, 6);
  j["p5_score"] = Rounded(s.p5_score, 6);
  j["p95_score"] = Rounded(s.p95_score, 6);
  j["best_samples"] = s.best_samples;
  j["too_few_samples"] = s.central_weights ? Json(s.too_few_samples()) : Json(nullptr);
  if (s.central_weights) {
    Json w = Json::object();
    for (size_t o = 0; o < r.header.objectives.size(); ++o)
      w[r.header.objectives[o]] = Rounded((*s.central_weights)[o], 6);
    j["central_weights"] = w;
  } else {
    j["central_weights"] = nullptr;
  }
  j["confidence_factor"] =
      s.confidence_factor ? Json(Rounded(*s.confidence_factor, 6)) : Json(nullptr);
  j["confidence_factor_se"] =
      s.confidence_factor_se ? Json(Rounded(*s.confidence_factor_se, 6)) : Json(nullptr);
  j["confidence_factor_interval"] =
      s.confidence_factor_interval ? Interval(*s.confidence_factor_interval) : Json(nullptr);
  return j;
}

}  // namespace

Json SensitivityJson(const SmaaResult& r) {
  Json j;
  j["format"] = "allot/1";
  j["analysis"] = "smaa";
  j["samples"] = r.header.samples;
  j["seed"] = r.header.seed;
  j["weights"] = r.header.weights;
  j["effects"] = r.header.effects;
  j["precision"] = r.precision ? Json(*r.precision) : Json(nullptr);
  j["max_half_width"] = Rounded(r.max_half_width(), 6);
  j["inputs_hash"] = r.header.inputs_hash;
  j["objectives"] = r.header.objectives;
  j["histogram_resolution"] = ScoreHistogram::kFineResolution;
  j["confidence_samples"] = r.confidence_samples;
  j["too_few_samples_below"] = kMinCentralSamples;
  j["scenarios"] = Json::array();
  for (const SmaaScenarioResult& s : r.scenarios) j["scenarios"].push_back(ScenarioJson(r, s));
  // pairwise[a][b] = P(a scores strictly higher than b); ties count for neither.
  // null when the run has more scenarios than --max-pairwise.
  size_t S = r.scenarios.size();
  if (!r.header.pairwise) {
    j["pairwise"] = nullptr;
    return j;
  }
  j["pairwise"] = Json::object();
  for (size_t a = 0; a < S; ++a) {
    Json row = Json::object();
    for (size_t b = 0; b < S; ++b) {
      if (a != b) row[r.scenarios[b].id] = Rounded(r.beats[a * S + b], 6);
    }
    j["pairwise"][r.scenarios[a].id] = row;
  }
  return j;
}

}  // namespace allot::detail
