#include "allot/provenance.hpp"

namespace allot {

int Weakness(ProvenanceLevel level) {
  switch (level) {
    case ProvenanceLevel::kSourced:
      return 0;
    case ProvenanceLevel::kReported:
      return 1;
    case ProvenanceLevel::kUnstated:
      return 2;
    case ProvenanceLevel::kJudgement:
      return 3;
    case ProvenanceLevel::kAssumed:
      return 4;
  }
  return 2;
}

const Provenance& UnstatedProvenance() {
  static const Provenance unstated;
  return unstated;
}

const Provenance& Weaker(const Provenance& a, const Provenance& b) {
  return Weakness(b.level) > Weakness(a.level) ? b : a;
}

const char* ProvenanceLevelName(ProvenanceLevel level) {
  switch (level) {
    case ProvenanceLevel::kSourced:
      return "sourced";
    case ProvenanceLevel::kReported:
      return "reported";
    case ProvenanceLevel::kAssumed:
      return "assumed";
    case ProvenanceLevel::kJudgement:
      return "judgement";
    case ProvenanceLevel::kUnstated:
      return "not stated";
  }
  return "not stated";
}

bool ParseProvenanceLevel(const std::string& name, ProvenanceLevel& level) {
  for (ProvenanceLevel l : {ProvenanceLevel::kSourced, ProvenanceLevel::kReported,
                            ProvenanceLevel::kAssumed, ProvenanceLevel::kJudgement}) {
    if (name == ProvenanceLevelName(l)) {
      level = l;
      return true;
    }
  }
  return false;
}

}  // namespace allot
