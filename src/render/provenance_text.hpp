// Provenance in words (internal): the level of a figure as people read it,
// with who reports it, in English or Dutch.
#pragma once

#include <string>

#include "allot/compare.hpp"
#include "allot/money.hpp"
#include "allot/provenance.hpp"
#include "allot/provenance_summary.hpp"
#include "render/json_output.hpp"

namespace allot::detail {

// "sourced", "reported", "assumed", "judgement", "not stated" in `lang`
// ("bron", "gemeld", "aangenomen", "oordeel", "niet vermeld").
std::string LevelText(ProvenanceLevel level, Lang lang);

// The level with who reports it: "reported (CKM)", "assumed".
std::string ProvenanceText(const Provenance& p, Lang lang);

// The level, who and the reference in one phrase for legends:
// "reported by CKM: CKM, inbreng oktober 2023", "sourced: Kamerstuk 28638
// nr. 233", "assumed (the split is ours)".
std::string ProvenanceLegend(const Provenance& p, Lang lang);

// The weakest level among a scenario's total and its years' totals.
ProvenanceLevel WeakestMoneyLevel(const ScenarioBasis& basis);

// What a scenario's money rests on, for the report's provenance tables:
// "sourced" when its total and every year's total rest on the same level,
// else "total sourced, years assumed" (the weakest year).
std::string MoneyBasisText(const ScenarioBasis& basis, Lang lang);

// What a line's amounts rest on: "reported (CKM)", or "reported (CKM);
// split over the years assumed" when its years are known less well than
// its total.
std::string AmountsText(const Provenance& total, const Provenance& years, Lang lang);

// The one line every command's table and md output ends with: "What this
// rests on: 2 of 3 lines have an assumed amount in some scenario shown (1 of
// 2 in the model); all effects and weights are judgements." (docs/output.md,
// "What the figures rest on").
std::string ProvenanceCaveat(const ProvenanceCounts& counts, Lang lang);

// The same counts for json: {"line_amounts": {"count", "estimated",
// "not_stated"}, "model_line_amounts": {...}, "effects": {...},
// "weight_sets": {...}, "caveat"}.
Json ProvenanceJson(const ProvenanceCounts& counts);

}  // namespace allot::detail
