// Rendering a tornado: table, csv, json, md.
#include "allot/tornado.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "analyse/analysis_common.hpp"
#include "render/analysis_output.hpp"

namespace allot {

namespace {

using Json = nlohmann::ordered_json;

const char* KindName(TornadoFactorKind k) {
  return k == TornadoFactorKind::kWeight ? "weight" : "effect";
}

Json ResultJson(const TornadoResult& r) {
  Json j;
  j["format"] = "allot/1";
  j["analysis"] = "tornado";
  j["weight_set"] = r.weight_set;
  j["a"] = r.a;
  j["b"] = r.b;
  j["base_gap"] = detail::Rounded(r.base_gap, 6);
  j["bars"] = Json::array();
  for (const TornadoBar& bar : r.bars) {
    j["bars"].push_back({{"kind", KindName(bar.kind)},
                         {"factor", bar.factor},
                         {"low_value", detail::Rounded(bar.low_value, 6)},
                         {"high_value", detail::Rounded(bar.high_value, 6)},
                         {"gap_low", detail::Rounded(bar.gap_low, 6)},
                         {"gap_high", detail::Rounded(bar.gap_high, 6)},
                         {"change_low", detail::Rounded(bar.gap_low - r.base_gap, 6)},
                         {"change_high", detail::Rounded(bar.gap_high - r.base_gap, 6)},
                         {"swing", detail::Rounded(bar.swing, 6)}});
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

// The words of the table and md in each language; ids and factor names
// (line: objective field) stay as written.
struct Words {
  const char* title;  // ": tornado"
  const char* gap;    // "Gap A - B under SET: +0.637 points at the likely values"
  const char* under;
  const char* points;
  std::vector<std::string> header;
  const char* effect;  // the kinds in the table
  const char* weight;
  const char* effect_note;
  const char* weight_note;
};

const Words kEn{": tornado",
                "Gap ",
                " under ",
                " points at the likely values",
                {"factor", "kind", "low", "high", "change at low", "change at high", "swing"},
                "effect",
                "weight",
                "effect: one uncertain parameter at its low / high value, all others at likely",
                "weight: that objective's weight 25% lower / higher, then all renormalised"};
const Words kNl{
    ": tornado",
    "Verschil ",
    " bij weging ",
    " punten bij de waarschijnlijke waarden",
    {"factor", "soort", "laag", "hoog", "verandering bij laag", "verandering bij hoog", "uitslag"},
    "effect",
    "gewicht",
    "effect: één onzekere parameter op zijn lage / hoge waarde, alle andere op de waarschijnlijke",
    "gewicht: het gewicht van dat doel 25% lager / hoger, daarna alle gewichten opnieuw "
    "genormaliseerd"};

detail::Section BarsSection(const TornadoResult& r, const Words& w, Lang lang) {
  auto fixed = [lang](double v, int decimals) { return detail::Fixed(v, decimals, lang); };
  auto signed_ = [lang](double v) { return detail::Fixed(v, 3, lang, true); };
  detail::Section s;
  s.title =
      w.gap + r.a + " - " + r.b + w.under + r.weight_set + ": " + signed_(r.base_gap) + w.points;
  s.text_columns = 2;
  s.header = w.header;
  for (const TornadoBar& bar : r.bars) {
    bool weight = bar.kind == TornadoFactorKind::kWeight;
    int decimals = weight ? 3 : 4;
    s.rows.push_back({bar.factor, weight ? w.weight : w.effect, fixed(bar.low_value, decimals),
                      fixed(bar.high_value, decimals), signed_(bar.gap_low - r.base_gap),
                      signed_(bar.gap_high - r.base_gap), fixed(bar.swing, 3)});
  }
  s.notes.push_back(w.effect_note);
  s.notes.push_back(w.weight_note);
  return s;
}

}  // namespace

void RenderTornado(const TornadoResult& result, OutputFormat format, Lang lang, std::ostream& out) {
  if (format == OutputFormat::kJson) {
    out << ResultJson(result).dump(2) << '\n';
  } else if (format == OutputFormat::kCsv) {
    WriteTornadoCsv(result, out);
  } else {
    const Words& w = lang == Lang::kNl ? kNl : kEn;
    detail::WriteSections(result.title + w.title, {BarsSection(result, w, lang)}, format, out);
  }
}

}  // namespace allot
