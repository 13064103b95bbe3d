// The budget model: objectives, weight sets, motions and action lines with
// their per-year budgets and effects. Plain value types; derived numbers
// (scores, totals) live in result types elsewhere.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "allot/diagnostic.hpp"
#include "allot/money.hpp"
#include "allot/provenance.hpp"

namespace allot {

// A policy objective; 100 points means fully met.
struct Objective {
  std::string id;
  std::string name;
  std::string note;  // optional free text
  SourceLocation where;
};

// A curve parameter: a number, or [low, likely, high] for a triangular
// uncertainty. Deterministic evaluation uses `likely`.
// Invariant (checked by the loader): low <= likely <= high, all finite,
// and for points (not amounts) |value| <= kMaxEffectPoints.
struct Param {
  double low = 0;
  double likely = 0;
  double high = 0;
  bool uncertain = false;  // written as [low, likely, high]

  static Param Exact(double v) { return Param{v, v, v, false}; }
};

// The largest magnitude of a points value (linear `points`, saturating
// `max`, table values). Objectives run 0-100, so this is far above any real
// model; it keeps every effect and every sum of effects finite (a linear
// curve gives at most 10^6 * 9.3e16 EUR / 0.01 EUR < 10^25 points), where
// 1e300 points would make inf, and +inf and -inf on one objective NaN.
inline constexpr double kMaxEffectPoints = 1e6;

// The shape of an effect curve; x is a line's total spend over all years,
// in EUR, v the points it gives.
enum class CurveKind {
  kLinear,      // v = points * x / per
  kSaturating,  // v = max * x / (x + half)
  kTable,       // piecewise linear through (0,0) and `table`, flat after the last point
};

// One point of a `table` curve.
struct TablePoint {
  Money x;      // total spend at which the value is reached
  Param value;  // points at x
};

// How a line's total spend x (over all model years) becomes points on one
// objective. Only the fields of `kind` are meaningful.
struct Curve {
  CurveKind kind = CurveKind::kLinear;
  Param points;                    // linear: points gained per `per`
  Money per;                       // linear: > 0
  Param max;                       // saturating: the asymptote
  Param half;                      // saturating: spend at which max/2 is reached, > 0 (EUR)
  std::vector<TablePoint> table;   // table: strictly increasing x, x > 0
  std::optional<Money> threshold;  // below this total spend the effect is 0
};

// The effect of one line on one objective.
struct Effect {
  std::string objective;  // an Objective::id of the model
  Curve curve;
  std::string source;     // optional: where the numbers come from
  std::string note;       // optional: the reasoning
  Provenance provenance;  // what the curve rests on; unstated: the model's default
  SourceLocation where;   // the effect's key in the file
};

// A named alternative budget profile for a line (`levels:`), as
// decision-conferencing tools offer options per area. Only `allot optimise`
// and `allot frontier` use levels: they fund a line with levels at exactly
// one level's budget or not at all (0). Compare and evaluate ignore them.
struct Level {
  std::string name;             // unique within the line
  std::map<int, Money> budget;  // year -> amount; years within the model
  SourceLocation where;         // the level's `name:` in the file
};

// An action line (actielijn) or measure.
struct Line {
  std::string id;
  std::string name;
  std::string owner;            // optional
  std::map<int, Money> budget;  // year -> amount; years within the model
  std::string source;           // optional: where the amounts come from
  bool illustrative = false;    // the year amounts are estimates (assumed or a
                                // judgement), written so or read from `amounts`
  // What the amounts rest on: the line's total over all years, and its
  // amount in each year unless `split` says those are known less well.
  // Model lines that state nothing get the model's provenance.amounts.
  Provenance amounts;
  std::optional<Provenance> split;   // of how the total is divided over the years
  LineBounds bounds;                 // the stated range of assumed amounts
  std::string note;                  // optional
  std::vector<std::string> motions;  // ids of motions this line funds
  std::vector<Effect> effects;       // in file order
  std::vector<Level> levels;         // optional: options for optimise, file order
  SourceLocation where;              // the line's `id:` in the file

  // What the line's amount in one year rests on: `amounts`, or the weaker
  // of `amounts` and `split`.
  const Provenance& YearAmounts() const { return split ? Weaker(amounts, *split) : amounts; }
};

// Where a motion stands, beside whether money is set aside for it, so that
// "unfunded" never reads as "not done".
enum class MotionStatus {
  kUnstated,  // the file says nothing
  kAdopted,   // adopted by the House
  kRejected,  // rejected by the House
  kPromised,  // a minister's commitment (toezegging), not a motion
  kInBill,    // taken up in a bill that is not (yet, as far as checked) law
  kInLaw,     // what it asks is law
};

// "adopted", "rejected", "promised", "in-bill", "in-law" (as written in a
// file), or "" for kUnstated.
const char* MotionStatusName(MotionStatus status);

// An adopted motion or commitment. It counts as funded when the lines that
// name it spend, in total over all years, at least `min_spend` (or anything
// at all when min_spend is absent).
struct Motion {
  std::string id;
  std::string ref;               // e.g. "Kamerstuk 28638 nr. 229"
  std::optional<bool> verified;  // false: the reference is as cited, not checked
  std::string date;              // as written, e.g. "2023-10-03"
  std::string asks;              // what it asks, one sentence (English, or the only text)
  std::string asks_nl;           // the same in Dutch; empty: as `asks`
  MotionStatus status = MotionStatus::kUnstated;
  std::string status_note;     // the source of the status (English, or the only text)
  std::string status_note_nl;  // the same in Dutch; empty: as `status_note`
  std::string note;            // optional
  std::optional<Money> min_spend;
  Provenance min_spend_provenance;  // what min_spend rests on
  SourceLocation where;

  // `asks` / `status_note` in `lang`, falling back to the English text.
  const std::string& Asks(Lang lang) const {
    return lang == Lang::kNl && !asks_nl.empty() ? asks_nl : asks;
  }
  const std::string& StatusNote(Lang lang) const {
    return lang == Lang::kNl && !status_note_nl.empty() ? status_note_nl : status_note;
  }
};

// A named perspective on the objectives. `weights` is indexed like
// Model::objectives, normalised to sum 1, zeros for objectives left out.
struct WeightSet {
  std::string name;
  std::vector<double> weights;
  // Optional ordinal information, most important first, e.g.
  // [criminal_exploitation, clients, information]: used by sensitivity
  // analyses; compare ignores it.
  std::vector<std::string> order;
  Provenance provenance;  // what the weights rest on; unstated: the model's default
  SourceLocation where;
};

// The model's `provenance:` section: what its totals rest on, and the
// defaults for lines, effects and weight sets that state nothing.
struct ModelProvenance {
  Provenance year_totals;  // each year's total over all lines; unstated: derived from the lines
  Provenance total;        // the grand total; unstated: as year_totals
  Provenance amounts;      // default of Line::amounts
  Provenance effects;      // default of Effect::provenance
  Provenance weights;      // default of WeightSet::provenance
};

// A budget model as loaded and validated: every id unique, every reference
// (objective, motion, year) known, every amount within the limits. The
// evaluator relies on this and never re-checks.
struct Model {
  std::string title;
  std::string currency = "EUR";
  std::vector<int> years;             // strictly increasing
  std::vector<Objective> objectives;  // in file order
  std::vector<WeightSet> weights;     // in file order
  std::vector<Motion> motions;        // in file order
  std::vector<Line> lines;            // in file order
  ModelProvenance provenance;         // optional `provenance:` section
  std::string source;                 // optional
  std::string note;                   // optional
  SourceLocation where;               // the start of the file

  // Index of an objective / line / motion / weight set by id, or -1.
  int ObjectiveIndex(const std::string& id) const;
  int LineIndex(const std::string& id) const;
  int MotionIndex(const std::string& id) const;
  int WeightSetIndex(const std::string& name) const;
  int YearIndex(int year) const;
};

}  // namespace allot
