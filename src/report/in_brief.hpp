// The report's opening summary in plain words (internal): sentences made
// from the numbers of the sections that follow (docs/report.md, "In brief").
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "allot/compare.hpp"
#include "allot/provenance_summary.hpp"
#include "allot/sensitivity.hpp"
#include "allot/uncertain_amounts.hpp"

namespace allot::detail {

// What the summary is made from. A topic that needs another analysis (the
// sampled amounts of `sensitivity --amounts uncertain`) adds its result
// here and one topic (a sentence-maker) to InBriefParagraphs's list.
struct InBriefInputs {
  const CompareResult& result;
  const std::optional<SmaaResult>& sensitivity;
  // `sensitivity --amounts uncertain` over the same scenarios, in the
  // same order: what holds when the assumed amounts vary too.
  const std::optional<UncertainResult>& amounts;
  const std::optional<ProvenanceCounts>& rests_on;
  Lang lang;
};

// The summary as paragraphs of plain text, one per topic, in order: who
// ranks first under each weight set, how robust that is, what drives the
// biggest gap, which motions each scenario leaves unfunded, what the
// figures rest on; after the second, with an --amounts uncertain run,
// which first places, rankings and pairwise statements survive the unknown
// split (report/in_brief_amounts.hpp). A topic with nothing to say has no paragraph.
std::vector<std::string> InBriefParagraphs(const InBriefInputs& in);

// "a, b and c" / "a, b en c".
std::string BriefList(const std::vector<std::string>& items, Lang lang);

}  // namespace allot::detail
