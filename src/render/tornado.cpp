// A tornado as a table (table, md; csv) and JSON.
#include "allot/tornado.hpp"

#include <string>
#include <vector>

#include "allot/render.hpp"
#include "render/catalogue.hpp"
#include "render/json_output.hpp"
#include "render/layout.hpp"
#include "render/number.hpp"
#include "render/tornado_range.hpp"

namespace allot {

namespace {

using detail::Json;
using detail::Key;
using detail::Say;

const char* KindName(TornadoFactorKind k) {
  return k == TornadoFactorKind::kWeight ? "weight" : "effect";
}

Json TornadoJson(const TornadoResult& r) {
  Json j;
  j["format"] = "allot/1";
  j["analysis"] = "tornado";
  j["weight_set"] = r.weight_set;
  j["a"] = r.a;
  j["b"] = r.b;
  j["effect_range"] = detail::TornadoRangeId(r.effect_range);
  j["base_gap"] = detail::Rounded(r.base_gap, 6);
  j["bars"] = Json::array();
  for (const TornadoBar& bar : r.bars) {
    j["bars"].push_back({{"kind", KindName(bar.kind)},
                         {"factor", bar.factor},
                         {"range", detail::TornadoRangeId(bar.range)},
                         {"low_value", detail::Rounded(bar.low_value, 6)},
                         {"high_value", detail::Rounded(bar.high_value, 6)},
                         {"gap_low", detail::Rounded(bar.gap_low, 6)},
                         {"gap_high", detail::Rounded(bar.gap_high, 6)},
                         {"change_low", detail::Rounded(bar.change_low, 6)},
                         {"change_high", detail::Rounded(bar.change_high, 6)},
                         {"swing", detail::Rounded(bar.swing, 6)}});
  }
  return j;
}

detail::Table TornadoCsv(const TornadoResult& r) {
  using detail::kAllDigits;
  using detail::NumberColumn;
  using detail::TextColumn;
  detail::Table t("",
                  {TextColumn("weight_set"), TextColumn("a"), TextColumn("b"), TextColumn("kind"),
                   TextColumn("factor"), TextColumn("range"), NumberColumn("low_value", kAllDigits),
                   NumberColumn("high_value", kAllDigits), NumberColumn("base_gap", kAllDigits),
                   NumberColumn("change_low", kAllDigits), NumberColumn("change_high", kAllDigits),
                   NumberColumn("swing", kAllDigits)});
  for (const TornadoBar& bar : r.bars) {
    t.rows.push_back({r.weight_set, r.a, r.b, std::string(KindName(bar.kind)), bar.factor,
                      std::string(detail::TornadoRangeId(bar.range)), bar.low_value, bar.high_value,
                      r.base_gap, bar.change_low, bar.change_high, bar.swing});
  }
  return t;
}

// Weights have three decimals, effect parameters four: one column each for
// low and high would mix them, so each value is its own cell text.
detail::Table BarsTable(const TornadoResult& r, Lang lang) {
  using detail::ChangeColumn;
  using detail::NumberColumn;
  auto say = [lang](Key key) { return Say(key, lang); };
  detail::Table t(
      Say(Key::kTornadoGap, lang,
          {r.a, r.b, r.weight_set, detail::Decimal(r.base_gap, 3, lang, true)}),
      {detail::TextColumn(say(Key::kTornadoFactor)), detail::TextColumn(say(Key::kTornadoKind)),
       detail::TextColumn(say(Key::kTornadoRange)), NumberColumn(say(Key::kTornadoLow), 4),
       NumberColumn(say(Key::kTornadoHigh), 4), ChangeColumn(say(Key::kTornadoChangeLow), 3),
       ChangeColumn(say(Key::kTornadoChangeHigh), 3), NumberColumn(say(Key::kTornadoSwing), 3)});
  for (const TornadoBar& bar : r.bars) {
    bool weight = bar.kind == TornadoFactorKind::kWeight;
    auto value = [&](double v) -> detail::Cell {
      return weight ? detail::Cell(detail::Decimal(v, 3, lang)) : detail::Cell(v);
    };
    t.rows.push_back({bar.factor, say(weight ? Key::kWeight : Key::kTornadoEffect),
                      detail::TornadoRangeLabel(bar.range, lang), value(bar.low_value),
                      value(bar.high_value), bar.change_low, bar.change_high, bar.swing});
  }
  t.notes = detail::TornadoRangeNotes(r, lang);
  return t;
}

}  // namespace

void RenderTornado(const TornadoResult& result, OutputFormat format, Lang lang, std::ostream& out) {
  if (format == OutputFormat::kJson) return detail::WriteJson(TornadoJson(result), out);
  if (format == OutputFormat::kCsv) return detail::WriteCsv({TornadoCsv(result)}, out);
  detail::Document d{Say(Key::kTornadoTitle, lang, {result.title}), {}, {}, {}};
  d.tables.push_back(BarsTable(result, lang));
  detail::WriteDocument(d, format, lang, out);
}

}  // namespace allot
