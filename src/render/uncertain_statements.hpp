// The statements of `allot sensitivity --amounts uncertain` (internal):
// which first places and pairwise comparisons hold in at least the run's
// share of samples, for the renderers and the HTML report's summary.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "allot/output_format.hpp"
#include "allot/uncertain_amounts.hpp"

namespace allot::detail {

// A statement's count over the samples: "a ranks first" (b unused) or "a
// scores higher than b".
struct Share {
  size_t a = 0, b = 0;          // scenario indexes
  uint64_t count = 0;           // samples in which it is true
  double share = 0;             // count / samples
  ProportionInterval interval;  // Wilson 95%
  double holds_at = 0.95;
  bool holds = false;  // share >= holds_at

  // The 95% interval includes holds_at: more samples could tip it.
  bool Borderline() const { return interval.low < holds_at && holds_at <= interval.high; }
};

Share MakeShare(uint64_t count, uint64_t samples, double holds_at);

// Per scenario, the share of samples in which it is (jointly) first.
std::vector<Share> FirstShares(const UncertainResult& r, const UncertainWeighting& w);

// The index of the largest share (the first on a tie).
size_t MostOftenFirst(const std::vector<Share>& firsts);

// Every ordered pair a != b, in scenario order.
std::vector<Share> AllPairs(const UncertainResult& r, const UncertainWeighting& w);

// The pairs that hold, largest share first (ties: scenario order).
std::vector<Share> HeldPairs(const UncertainResult& r, const UncertainWeighting& w);

// The pairwise statements that hold under every weighting of the run, in
// the order of HeldPairs of the first weighting (its shares): `firm` are
// borderline under none, `borderline` under at least one.
struct PairsHeldEverywhere {
  std::vector<Share> firm, borderline;
};
PairsHeldEverywhere HeldUnderEveryWeighting(const UncertainResult& r);

// The summary in plain words: per weighting who is first and whether that
// holds, then the pairwise statements that hold under every weighting.
std::vector<std::string> UncertainSummaryLines(const UncertainResult& r, Lang lang);

// "a > b = c": a ranking (rank per scenario) as ids, best first.
std::string UncertainRankingText(const UncertainResult& r, const std::vector<int>& ranks);

}  // namespace allot::detail
