// `allot sensitivity --amounts uncertain --format json` (analysis
// "smaa-amounts"): what was drawn, what stayed exact, and per weighting
// every first place, the commonest ranking and every ordered pair with its
// count, share, Wilson 95% interval and whether it holds.
#include "render/json_output.hpp"
#include "render/number.hpp"
#include "render/uncertain_statements.hpp"

namespace allot::detail {

namespace {

Json ShareJson(const Share& s) {
  Json j;
  j["samples"] = s.count;
  j["share"] = Rounded(s.share, 6);
  j["interval"] = Json::array({Rounded(s.interval.low, 6), Rounded(s.interval.high, 6)});
  j["holds"] = s.holds;
  return j;
}

Json WeightingJson(const UncertainResult& r, const UncertainWeighting& w) {
  Json j;
  j["weights"] = w.name;
  j["weights_drawn"] = w.sampled;
  j["first"] = Json::array();
  for (const Share& s : FirstShares(r, w)) {
    Json f;
    f["id"] = r.scenario_ids[s.a];
    f.update(ShareJson(s));
    j["first"].push_back(f);
  }
  Json ranking;
  ranking["order"] = UncertainRankingText(r, w.commonest_ranking);
  ranking["ranks"] = Json::object();
  for (size_t s = 0; s < w.commonest_ranking.size(); ++s)
    ranking["ranks"][r.scenario_ids[s]] = w.commonest_ranking[s];
  ranking.update(ShareJson(MakeShare(w.commonest_count, r.samples, r.holds_at)));
  j["commonest_ranking"] = ranking;
  j["pairwise"] = Json::array();
  for (const Share& s : AllPairs(r, w)) {
    Json p;
    p["higher"] = r.scenario_ids[s.a];
    p["lower"] = r.scenario_ids[s.b];
    p.update(ShareJson(s));
    j["pairwise"].push_back(p);
  }
  return j;
}

}  // namespace

Json UncertainAmountsJson(const UncertainResult& r) {
  Json j;
  j["format"] = "allot/1";
  j["analysis"] = "smaa-amounts";
  j["samples"] = r.samples;
  j["seed"] = r.seed;
  j["weights"] = r.weights;
  j["effects"] = r.effects;
  j["amounts"] = "uncertain";
  j["amount_range"] = Rounded(r.default_range, 6);
  j["holds_at"] = Rounded(r.holds_at, 6);
  j["scenarios"] = Json::array();
  for (size_t s = 0; s < r.scenario_ids.size(); ++s) {
    j["scenarios"].push_back({{"id", r.scenario_ids[s]}, {"name", r.scenario_names[s]}});
  }
  j["drawn_amounts"] = Json::array();
  for (const DrawnAmount& a : r.amounts) {
    Json d;
    d["line"] = a.line;
    d["year"] = a.year;
    d["written_cents"] = a.written.cents();
    d["low_cents"] = a.range.low.cents();
    d["high_cents"] = a.range.high.cents();
    d["range"] = a.stated ? "bounds" : "default";
    j["drawn_amounts"].push_back(d);
  }
  j["kept_totals"] = Json::array();
  for (const KeptTotal& k : r.kept) {
    Json d;
    d["kind"] = k.kind == KeptTotal::Kind::kLine ? "line" : "year";
    if (k.kind == KeptTotal::Kind::kLine) {
      d["line"] = k.line;
    } else {
      d["year"] = k.year;
    }
    d["total_cents"] = k.total.cents();
    j["kept_totals"].push_back(d);
  }
  j["uncertain_effects"] = r.uncertain_effects;
  Json redraws;
  redraws["total"] = r.redraws;
  redraws["year_totals"] = r.redraws_for_year_totals;
  redraws["by_scenario"] = Json::object();
  for (size_t s = 0; s < r.redraws_by_scenario.size(); ++s) {
    if (r.redraws_by_scenario[s] > 0)
      redraws["by_scenario"][r.scenario_ids[s]] = r.redraws_by_scenario[s];
  }
  j["redraws"] = redraws;
  j["weightings"] = Json::array();
  for (const UncertainWeighting& w : r.weightings) j["weightings"].push_back(WeightingJson(r, w));
  return j;
}

}  // namespace allot::detail
