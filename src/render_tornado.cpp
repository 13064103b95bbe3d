// Rendering a tornado: table, csv, json, md.
#include <nlohmann/json.hpp>

#include "allot/tornado.hpp"
#include "analysis_common.hpp"
#include "analysis_output.hpp"

namespace allot {

namespace {

using Json = nlohmann::ordered_json;

const char* KindName(TornadoFactorKind k) { return k == TornadoFactorKind::kWeight ? "weight" : "effect"; }

std::string Signed(double v, int decimals) { return (v > 0 ? "+" : "") + detail::Fixed(v, decimals); }

Json ResultJson(const TornadoResult& r) {
  Json j;
  j["format"] = "allot/1";
  j["analysis"] = "tornado";
  j["weight_set"] = r.weight_set;
  j["a"] = r.a;
  j["b"] = r.b;
  j["base_gap"] = detail::Rounded(r.base_gap);
  j["bars"] = Json::array();
  for (const TornadoBar& bar : r.bars) {
    j["bars"].push_back({{"kind", KindName(bar.kind)},
                         {"factor", bar.factor},
                         {"low_value", detail::Rounded(bar.low_value)},
                         {"high_value", detail::Rounded(bar.high_value)},
                         {"gap_low", detail::Rounded(bar.gap_low)},
                         {"gap_high", detail::Rounded(bar.gap_high)},
                         {"change_low", detail::Rounded(bar.gap_low - r.base_gap)},
                         {"change_high", detail::Rounded(bar.gap_high - r.base_gap)},
                         {"swing", detail::Rounded(bar.swing)}});
  }
  return j;
}

void WriteTornadoCsv(const TornadoResult& r, std::ostream& out) {
  std::vector<std::vector<std::string>> rows;
  for (const TornadoBar& bar : r.bars) {
    rows.push_back({r.weight_set, r.a, r.b, KindName(bar.kind), bar.factor,
                    detail::CsvNumber(bar.low_value), detail::CsvNumber(bar.high_value),
                    detail::CsvNumber(r.base_gap), detail::CsvNumber(bar.gap_low - r.base_gap),
                    detail::CsvNumber(bar.gap_high - r.base_gap), detail::CsvNumber(bar.swing)});
  }
  detail::WriteCsv({"weight_set", "a", "b", "kind", "factor", "low_value", "high_value", "base_gap",
                    "change_low", "change_high", "swing"},
                   rows, out);
}

detail::Section BarsSection(const TornadoResult& r) {
  detail::Section s;
  s.title = "Gap " + r.a + " - " + r.b + " under " + r.weight_set + ": " + Signed(r.base_gap, 3) +
            " points at the likely values";
  s.text_columns = 2;
  s.header = {"factor", "kind", "low", "high", "change at low", "change at high", "swing"};
  for (const TornadoBar& bar : r.bars) {
    int decimals = bar.kind == TornadoFactorKind::kWeight ? 3 : 4;
    s.rows.push_back({bar.factor, KindName(bar.kind), detail::Fixed(bar.low_value, decimals),
                      detail::Fixed(bar.high_value, decimals), Signed(bar.gap_low - r.base_gap, 3),
                      Signed(bar.gap_high - r.base_gap, 3), detail::Fixed(bar.swing, 3)});
  }
  s.notes.push_back("effect: one uncertain parameter at its low / high value, all others at likely");
  s.notes.push_back("weight: that objective's weight 25% lower / higher, then all renormalised");
  return s;
}

}  // namespace

void RenderTornado(const TornadoResult& result, OutputFormat format, std::ostream& out) {
  if (format == OutputFormat::kJson) {
    out << ResultJson(result).dump(2) << '\n';
  } else if (format == OutputFormat::kCsv) {
    WriteTornadoCsv(result, out);
  } else {
    detail::WriteSections(result.title + ": tornado", {BarsSection(result)}, format, out);
  }
}

}  // namespace allot
