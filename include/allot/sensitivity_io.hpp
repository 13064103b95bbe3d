// Partial SMAA results as files: `allot sensitivity --shard K/N` writes one,
// `allot merge` reads them back and adds them up exactly.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "allot/diagnostic.hpp"
#include "allot/sensitivity.hpp"

namespace allot {

// The samples shard `index` (1-based) of `count` covers, [first, end):
// first = floor((index - 1) * samples / count), end = floor(index * samples / count).
std::pair<uint64_t, uint64_t> ShardRange(uint64_t samples, uint32_t index, uint32_t count);

// One shard of a run as read from, or written to, a part file.
struct SmaaPart {
  SmaaAccumulator accumulator;  // covers exactly ShardRange(samples, index, count)
  uint32_t index = 1;
  uint32_t count = 1;
  SourceLocation where;  // the file, for messages
};

// The part as JSON (analysis "smaa-part"): the run's identity, the shard,
// and the raw accumulators (128-bit sums as decimal strings, the histogram
// as [bin, count] pairs of its non-empty bins). Deterministic text.
std::string SmaaPartToJson(const SmaaPart& part);

// Reads a part written by SmaaPartToJson. On malformed text appends
// FILE:LINE:COL diagnostics and returns nullopt.
std::optional<SmaaPart> ParseSmaaPart(const std::shared_ptr<const SourceText>& file,
                                      Diagnostics& diags);

// Checks that `parts` belong together (same inputs hash, weights, effects,
// seed, samples, objectives, scenarios and shard count; every shard exactly
// once) and adds them up. On mismatch appends a diagnostic per problem and
// returns nullopt.
std::optional<SmaaAccumulator> MergeSmaaParts(const std::vector<SmaaPart>& parts,
                                              Diagnostics& diags);

}  // namespace allot
