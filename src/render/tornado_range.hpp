// What each tornado bar spans, in words and as a JSON/CSV id: shared by the
// tornado's own outputs and the report's tornado section and sheet.
#pragma once

#include <string>
#include <vector>

#include "allot/tornado.hpp"
#include "render/catalogue.hpp"

namespace allot::detail {

// Each range's id in JSON and CSV and its label in tables.
struct TornadoRangeWords {
  TornadoRange range;
  const char* id;
  Key label;
};
inline constexpr TornadoRangeWords kTornadoRanges[] = {
    {TornadoRange::kP10P90, "p10-p90", Key::kTornadoRangeP10P90},
    {TornadoRange::kLowHigh, "low-high", Key::kTornadoRangeLowHigh},
    {TornadoRange::kWeight25, "weight+-25%", Key::kTornadoRangeWeight},
};

inline const TornadoRangeWords& WordsOf(TornadoRange range) {
  for (const TornadoRangeWords& w : kTornadoRanges) {
    if (w.range == range) return w;
  }
  return kTornadoRanges[0];  // unreachable: every range is listed
}

// "p10-p90", "low-high" or "weight+-25%".
inline const char* TornadoRangeId(TornadoRange range) { return WordsOf(range).id; }

// "P10-P90", "low-high" or "±25%".
inline std::string TornadoRangeLabel(TornadoRange range, Lang lang) {
  return Say(WordsOf(range).label, lang);
}

// One note per range the bars use, and a warning when they use two.
inline std::vector<std::string> TornadoRangeNotes(const TornadoResult& r, Lang lang) {
  bool effects = false, weights = false;
  for (const TornadoBar& bar : r.bars) {
    if (bar.kind == TornadoFactorKind::kWeight)
      weights = true;
    else
      effects = true;
  }
  std::vector<std::string> notes;
  if (effects) {
    notes.push_back(Say(r.effect_range == TornadoRange::kLowHigh ? Key::kTornadoExtremesNote
                                                                 : Key::kTornadoEffectNote,
                        lang));
  }
  if (weights) notes.push_back(Say(Key::kTornadoWeightNote, lang));
  if (effects && weights) notes.push_back(Say(Key::kTornadoCompareNote, lang));
  return notes;
}

}  // namespace allot::detail
