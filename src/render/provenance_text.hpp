// Provenance in words (internal): the level of a figure as people read it,
// with who reports it, in English or Dutch.
#pragma once

#include <string>

#include "allot/money.hpp"
#include "allot/provenance.hpp"

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

}  // namespace allot::detail
