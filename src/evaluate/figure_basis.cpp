#include "evaluate/figure_basis.hpp"

namespace allot::detail {

namespace {

ProvenanceLevel LevelOf(const Provenance* p) {
  return p != nullptr ? p->level : ProvenanceLevel::kUnstated;
}

void Weaken(ProvenanceLevel& level, ProvenanceLevel by) { level = WeakerLevel(level, by); }

// Each objective's score is the sum of the curves of the lines with an
// effect on it, each at that line's total: both count.
std::vector<ProvenanceLevel> ObjectiveLevels(const Model& model, const ResolvedScenario& r) {
  std::vector<ProvenanceLevel> levels(model.objectives.size(), ProvenanceLevel::kSourced);
  for (const ResolvedLine& line : r.lines) {
    for (const Effect& effect : line.def->effects) {
      int j = model.ObjectiveIndex(effect.objective);
      if (j < 0) continue;  // validated away; kept safe
      Weaken(levels[static_cast<size_t>(j)],
             WeakerLevel(LevelOf(line.total_provenance), effect.provenance.level));
    }
  }
  return levels;
}

// A motion counts as funded on the totals of the lines naming it, against
// its min_spend when it has one.
std::vector<ProvenanceLevel> MotionLevels(const Model& model, const ResolvedScenario& r) {
  std::vector<ProvenanceLevel> levels(model.motions.size(), ProvenanceLevel::kSourced);
  for (const ResolvedLine& line : r.lines) {
    for (const std::string& id : line.def->motions) {
      int m = model.MotionIndex(id);
      if (m >= 0) Weaken(levels[static_cast<size_t>(m)], LevelOf(line.total_provenance));
    }
  }
  for (size_t m = 0; m < model.motions.size(); ++m) {
    const Motion& motion = model.motions[m];
    if (motion.min_spend) Weaken(levels[m], motion.min_spend_provenance.level);
  }
  return levels;
}

}  // namespace

ScenarioBasis OwnBasis(const Model& model, const ResolvedScenario& r,
                       const std::vector<WeightSet>& sets) {
  ScenarioBasis b;
  b.total = LevelOf(r.total_provenance);
  for (size_t y = 0; y < model.years.size(); ++y) {
    b.by_year.push_back(y < r.year_provenance.size() ? LevelOf(r.year_provenance[y])
                                                     : ProvenanceLevel::kUnstated);
  }
  b.objectives = ObjectiveLevels(model, r);
  for (const WeightSet& set : sets) {
    ProvenanceLevel level = set.provenance.level;
    for (size_t j = 0; j < b.objectives.size() && j < set.weights.size(); ++j) {
      if (set.weights[j] != 0) Weaken(level, b.objectives[j]);
    }
    b.weighted.push_back(level);
    b.cost_per_point.push_back(WeakerLevel(b.total, level));
  }
  b.motions_funded = MotionLevels(model, r);
  return b;
}

void FillComparedBasis(std::vector<ScenarioResult>& scenarios, size_t baseline) {
  if (scenarios.empty()) return;
  // A rank compares every scenario's weighted score: the weakest counts.
  std::vector<ProvenanceLevel> rank = scenarios.front().basis.weighted;
  for (const ScenarioResult& s : scenarios) {
    for (size_t w = 0; w < rank.size(); ++w) Weaken(rank[w], s.basis.weighted[w]);
  }
  const ScenarioBasis base = scenarios[baseline].basis;
  for (ScenarioResult& s : scenarios) {
    ScenarioBasis& b = s.basis;
    b.rank = rank;
    b.delta_total = WeakerLevel(b.total, base.total);
    b.delta_by_year.clear();
    for (size_t y = 0; y < b.by_year.size(); ++y)
      b.delta_by_year.push_back(WeakerLevel(b.by_year[y], base.by_year[y]));
    b.delta_weighted.clear();
    for (size_t w = 0; w < b.weighted.size(); ++w)
      b.delta_weighted.push_back(WeakerLevel(b.weighted[w], base.weighted[w]));
  }
}

}  // namespace allot::detail
