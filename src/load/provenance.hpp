// Readers for provenance, bounds and two-language texts (internal): the keys
// that say what a figure rests on (docs/format.md, "Provenance").
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "allot/provenance.hpp"
#include "load/common.hpp"

namespace allot::detail {

// `assumed`, `judgement`, or {level, ref?, by?, note?}; `sourced` needs
// `ref`, `reported` needs `by`.
std::optional<Provenance> ReadProvenance(LoadContext& ctx, const Item& item);

// `[low, high]` for every year, or {YEAR: [low, high], ...}; with `years`,
// the years named are checked against them.
std::optional<LineBounds> ReadBounds(LoadContext& ctx, const Item& item,
                                     const std::vector<int>* years);

// A text, or {en: ..., nl: ...} (en required). `nl` is left empty when the
// file gives one text or no Dutch.
bool ReadTwoLanguages(LoadContext& ctx, const Item& item, std::string& en, std::string& nl);

}  // namespace allot::detail
