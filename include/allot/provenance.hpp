// Provenance: what a figure rests on. Every amount, effect and weight of a
// model carries one of four levels (docs/format.md, "Provenance"), so that
// every output can say how much of what it shows is sourced and how much is
// assumed or a judgement.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "allot/diagnostic.hpp"
#include "allot/money.hpp"

namespace allot {

enum class ProvenanceLevel {
  kUnstated,   // the file says nothing (files written before provenance)
  kSourced,    // a published figure; `ref` names it
  kReported,   // stated by a named party (`by`), not found in a primary source
  kAssumed,    // our estimate where the fact is not known
  kJudgement,  // a valuation, not a fact (effects, weights)
};

// What one figure, or a group of figures, rests on.
struct Provenance {
  ProvenanceLevel level = ProvenanceLevel::kUnstated;
  std::string ref;       // sourced: required; reported: optional
  std::string by;        // reported: who reports it
  std::string note;      // optional
  SourceLocation where;  // where it was written; empty for defaults

  static Provenance Of(ProvenanceLevel level) { return Provenance{level, "", "", "", {}}; }
  // Assumed or a judgement: an estimate or a valuation rather than a fact.
  bool IsEstimate() const {
    return level == ProvenanceLevel::kAssumed || level == ProvenanceLevel::kJudgement;
  }
};

// How weak a level is, for "the weakest one counts": sourced 0, reported 1,
// not stated 2, judgement 3, assumed 4.
int Weakness(ProvenanceLevel level);

// A provenance with nothing stated, for figures whose file says nothing.
const Provenance& UnstatedProvenance();

// The weaker of the two (the first on a tie).
const Provenance& Weaker(const Provenance& a, const Provenance& b);

// The weaker of two levels (the first on a tie).
ProvenanceLevel WeakerLevel(ProvenanceLevel a, ProvenanceLevel b);

// "sourced", "reported", "assumed", "judgement", or "not stated".
const char* ProvenanceLevelName(ProvenanceLevel level);

// The level written as `name` ("sourced", ...), or false.
bool ParseProvenanceLevel(const std::string& name, ProvenanceLevel& level);

// The stated range of an assumed amount in one year; low <= high.
struct AmountBounds {
  Money low;
  Money high;
};

// A line's `bounds:`: one range for every model year, or ranges by year
// (years not named have no stated range).
struct LineBounds {
  std::optional<AmountBounds> every_year;  // `bounds: [low, high]`
  std::map<int, AmountBounds> by_year;     // `bounds: {2024: [low, high], ...}`
  SourceLocation where;                    // the `bounds:` value in the file

  bool empty() const { return !every_year && by_year.empty(); }
  // The range for `year`, or null when it has none.
  const AmountBounds* In(int year) const {
    if (every_year) return &*every_year;
    auto it = by_year.find(year);
    return it == by_year.end() ? nullptr : &it->second;
  }
};

}  // namespace allot
