#include "allot/provenance.hpp"

#include <algorithm>
#include <map>
#include <string>

#include "allot/provenance_summary.hpp"

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

ProvenanceLevel WeakerLevel(ProvenanceLevel a, ProvenanceLevel b) {
  return Weakness(b) > Weakness(a) ? b : a;
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

namespace {

// The weakest level a line's amounts have in any scenario, by line id, with
// the line's definition (for its effects), in the order first seen.
struct LineLevels {
  std::vector<std::string> order;
  std::map<std::string, std::pair<const Line*, const Provenance*>> weakest;

  void Note(const ResolvedLine& line) {
    const Provenance* p =
        line.year_provenance != nullptr ? line.year_provenance : &UnstatedProvenance();
    auto [it, fresh] = weakest.try_emplace(line.def->id, line.def, p);
    if (fresh) {
      order.push_back(line.def->id);
    } else {
      it->second.second = &Weaker(*it->second.second, *p);
    }
  }
};

void Count(const Provenance& p, int& all, int& estimated, int& unstated) {
  ++all;
  if (p.IsEstimate()) ++estimated;
  if (p.level == ProvenanceLevel::kUnstated) ++unstated;
}

}  // namespace

ProvenanceCounts CountProvenance(const Model& model, const std::vector<ResolvedScenario>& resolved,
                                 const std::vector<std::string>& shown) {
  LineLevels levels;
  ProvenanceCounts c;
  bool model_shown = false;
  for (const ResolvedScenario& r : resolved) {
    if (!shown.empty() && std::find(shown.begin(), shown.end(), r.id) == shown.end()) continue;
    for (const ResolvedLine& line : r.lines) levels.Note(line);
    ++c.scenarios;
    model_shown = model_shown || r.id == kModelScenarioId;
  }
  c.only_model = c.scenarios == 1 && model_shown;
  for (const std::string& id : levels.order) {
    const auto& [def, weakest] = levels.weakest.at(id);
    Count(*weakest, c.lines, c.lines_estimated, c.lines_unstated);
    for (const Effect& effect : def->effects) {
      Count(effect.provenance, c.effects, c.effects_estimated, c.effects_unstated);
    }
  }
  for (const Line& line : model.lines) {
    Count(line.YearAmounts(), c.model_lines, c.model_lines_estimated, c.model_lines_unstated);
  }
  for (const WeightSet& set : model.weights) {
    Count(set.provenance, c.weight_sets, c.weight_sets_estimated, c.weight_sets_unstated);
  }
  return c;
}

ProvenanceCounts CountProvenance(const Model& model,
                                 const std::vector<ResolvedScenario>& resolved) {
  return CountProvenance(model, resolved, {});
}

}  // namespace allot
