// Building the optimisation problem: bounds per line from the options,
// pieces per effect, options per line with levels or a lock; checking the
// options; finding which constraints conflict; rounding to cents.
#include "optimise/setup.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>

#include "allot/evaluate.hpp"

namespace allot::detail {

namespace {

double Euros(Money m) { return static_cast<double>(m.cents()) / 100.0; }

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

void CheckLine(const ResolvedScenario& base, const std::string& option, const std::string& id,
               Diagnostics& diags) {
  std::vector<std::string> known;
  for (const ResolvedLine& l : base.lines) {
    if (l.def->id == id) return;
    known.push_back(l.def->id);
  }
  AddError(diags, {}, option + ": unknown line '" + id + "'" + DidYouMean(ClosestMatch(id, known)));
}

struct Bounds {
  Money lo;
  Money hi;
};

// A line's allowed total from --min, --max and --max-change.
Bounds LineBounds(const OptimiseConstraints& c, const std::string& id, Money base_total,
                  Money budget_total) {
  Bounds b{Money(), budget_total};
  for (const LineAmount& m : c.min) {
    if (m.line == id) b.lo = std::max(b.lo, m.amount);
  }
  for (const LineAmount& m : c.max) {
    if (m.line == id) b.hi = std::min(b.hi, m.amount);
  }
  std::optional<Money> change = c.max_change;
  if (c.max_change_fraction) {
    auto cents = static_cast<int64_t>(
        std::floor(static_cast<double>(base_total.cents()) * *c.max_change_fraction));
    change = Money::FromCents(change ? std::min(change->cents(), cents) : cents);
  }
  if (change) {
    b.lo = std::max(b.lo, base_total.cents() > change->cents() ? base_total - *change : Money());
    b.hi = std::min(b.hi, Money::FromCents(base_total.cents() + change->cents()));
  }
  return b;
}

std::vector<double> ToEuros(const std::vector<Money>& amounts) {
  std::vector<double> e;
  for (Money m : amounts) e.push_back(Euros(m));
  return e;
}

std::vector<Money> LevelAmounts(const Level& level, const std::vector<int>& years) {
  std::vector<Money> amounts;
  for (int y : years) {
    auto it = level.budget.find(y);
    amounts.push_back(it == level.budget.end() ? Money() : it->second);
  }
  return amounts;
}

// A discrete choice for a line: its amounts per year and its exact value.
void AddOption(ProblemLine& pl, const Model& model, const Line& def,
               const std::vector<Money>& amounts, const std::vector<int>& kept) {
  // Points per kept objective, exactly as Evaluate computes them.
  size_t n = 0;
  for (int k : kept) n += k >= 0 ? 1 : 0;
  std::vector<double> values(n, 0.0);
  Money total = TotalOf(amounts);
  for (const Effect& e : def.effects) {
    int k = kept[static_cast<size_t>(model.ObjectiveIndex(e.objective))];
    if (k >= 0) values[static_cast<size_t>(k)] += CurveValue(e.curve, total);
  }
  pl.options.push_back(ToEuros(amounts));
  pl.values.push_back(values);
}

// The most any line may spend: the whole budget, or without yearly
// budgets (when testing for conflicts) enough for every --min and the base.
Money Ceiling(const ResolvedScenario& base, const OptimiseConstraints& c, bool budget_rows) {
  Money ceiling = TotalOf(c.budget);
  if (budget_rows) return ceiling;
  for (const LineAmount& m : c.min) ceiling += m.amount;
  return ceiling + base.total;
}

ProblemLine MakeLine(const Model& model, const ResolvedLine& line, const OptimiseConstraints& c,
                     const OptimiseOptions& o, Approx approx, const std::vector<int>& kept,
                     Money budget_total, const std::vector<double>& extra, double ceiling) {
  ProblemLine pl;
  const Line& def = *line.def;
  Money base_total = TotalOf(line.by_year);
  Bounds b = LineBounds(c, def.id, base_total, budget_total);
  // The line's own bounds, without the budget: what the options and the
  // pieces depend on, so that a problem at another budget (a frontier
  // point) has the same shape and is solved in place (MilpSolver). The
  // budget rows keep out the options it cannot pay.
  Bounds own = LineBounds(c, def.id, base_total, Money::FromCents(INT64_MAX));
  if (Contains(c.lock, def.id)) {
    pl.discrete = true;
    pl.none_allowed = false;  // and no option when the base's total is out of bounds
    if (base_total >= own.lo && base_total <= own.hi) AddOption(pl, model, def, line.by_year, kept);
    return pl;
  }
  if (!def.levels.empty()) {
    pl.discrete = true;
    pl.none_allowed = own.lo.IsZero();
    for (const Level& level : def.levels) {
      std::vector<Money> amounts = LevelAmounts(level, model.years);
      Money total = TotalOf(amounts);
      if (total >= own.lo && total <= own.hi) AddOption(pl, model, def, amounts, kept);
    }
    return pl;
  }
  // Constraints are exact in both problems: the solver's answer is rounded
  // to cents onto them (RoundToCents), not kept a margin away from them.
  const double margin = 0;
  pl.lo = Euros(b.lo);
  pl.hi = Euros(b.hi);
  // The curves are cut on [0, upper]: the line's own maximum, or the
  // largest budget of the command (`ceiling`), whichever is less.
  double upper = std::max(0.0, std::min(Euros(own.hi), std::max(ceiling, pl.hi)));
  for (const Effect& e : def.effects) {
    int k = kept[static_cast<size_t>(model.ObjectiveIndex(e.objective))];
    if (k < 0) continue;
    PiecewiseEffect pe;
    pe.objective = k;
    Curve plain = e.curve;  // a concave curve's threshold becomes one binary
    plain.threshold.reset();
    std::vector<Piece> chords =
        CurvePieces(plain, upper, o.segments, margin, Approx::kInner, extra);
    pe.concave = IsConcave(chords);
    bool threshold = e.curve.threshold && !e.curve.threshold->IsZero();
    if (threshold && pe.concave) {
      pe.threshold = Euros(*e.curve.threshold);
      if (pe.threshold > upper) continue;  // out of reach: no effect
      pe.reachable = pe.threshold <= pl.hi;
      // y = 0: the total up to the threshold, worth 0; when --min asks for
      // more, anywhere up to the most the line may have (worth 0 there: an
      // underestimate, and y = 1 remains for the outer problem).
      pe.below = pe.threshold;
      if (pe.below < pl.lo) pe.below = upper;
    } else if (threshold) {
      plain = e.curve;
      chords = CurvePieces(plain, upper, o.segments, margin, Approx::kInner, extra);
      pe.concave = false;
    }
    if (approx == Approx::kInner) {
      pe.pieces = std::move(chords);
    } else if (pe.concave && e.curve.kind == CurveKind::kSaturating) {
      pe.pieces = TangentEnvelope(plain, chords);
    } else {
      pe.pieces = CurvePieces(plain, upper, o.segments, margin, Approx::kOuter, extra);
    }
    // No pieces: the line cannot spend (--max 0) or the curve has no
    // stretch within reach; "choose one piece" would then have nothing to
    // choose and make the whole problem infeasible.
    if (pe.pieces.empty()) continue;
    pl.effects.push_back(std::move(pe));
  }
  return pl;
}

}  // namespace

Money TotalOf(const std::vector<Money>& amounts) {
  return std::accumulate(amounts.begin(), amounts.end(), Money());
}

namespace {

std::string Plain(Money m) { return FormatMoneyPlain(m); }

// A line with levels (and no lock) spends exactly one level's budget, or 0.
bool AtALevel(const Model& model, const Line& def, const std::vector<Money>& amounts) {
  if (TotalOf(amounts).IsZero()) return true;
  for (const Level& level : def.levels) {
    if (LevelAmounts(level, model.years) == amounts) return true;
  }
  return false;
}

}  // namespace

Money MotionMinimum(const Motion& motion, const OptimiseConstraints& c) {
  return motion.min_spend ? std::max(*motion.min_spend, Money::FromCents(1)) : c.motion_minimum;
}

std::string Violation(const Model& model, const ResolvedScenario& base,
                      const OptimiseConstraints& c,
                      const std::vector<std::vector<Money>>& amounts) {
  Money budget_total = TotalOf(c.budget);
  for (size_t t = 0; t < c.budget.size(); ++t) {
    Money year;
    for (const std::vector<Money>& line : amounts) year += line[t];
    if (c.spend_exactly ? year != c.budget[t] : year > c.budget[t]) {
      return "year " + std::to_string(model.years[t]) + " spends " + Plain(year) +
             " against a budget of " + Plain(c.budget[t]);
    }
  }
  for (size_t i = 0; i < base.lines.size(); ++i) {
    const ResolvedLine& line = base.lines[i];
    const std::string& id = line.def->id;
    for (Money m : amounts[i]) {
      if (m < Money()) return id + " has a negative amount";
    }
    bool locked = Contains(c.lock, id);
    if (locked && amounts[i] != line.by_year) return id + " is locked but changed";
    if (!locked && !line.def->levels.empty() && !AtALevel(model, *line.def, amounts[i]))
      return id + " is at none of its levels";
    Bounds b = LineBounds(c, id, TotalOf(line.by_year), budget_total);
    Money total = TotalOf(amounts[i]);
    if (total < b.lo || total > b.hi) {
      return id + " totals " + Plain(total) + ", outside " + Plain(b.lo) + " to " + Plain(b.hi);
    }
  }
  for (const std::string& id : c.fund_motions) {
    const Motion& motion = model.motions[static_cast<size_t>(model.MotionIndex(id))];
    Money spent;
    for (size_t i = 0; i < base.lines.size(); ++i) {
      if (Contains(base.lines[i].def->motions, id)) spent += TotalOf(amounts[i]);
    }
    if (spent < MotionMinimum(motion, c)) {
      return "motion " + id + " gets " + Plain(spent) + ", below " +
             Plain(MotionMinimum(motion, c));
    }
  }
  return "";
}

bool MeetsConstraints(const Model& model, const ResolvedScenario& base,
                      const OptimiseConstraints& c,
                      const std::vector<std::vector<Money>>& amounts) {
  return Violation(model, base, c, amounts).empty();
}

std::vector<std::string> UnfundableMotions(const ResolvedScenario& base,
                                           const OptimiseConstraints& c) {
  std::vector<std::string> out;
  for (const std::string& id : c.fund_motions) {
    bool named = false;
    for (const ResolvedLine& line : base.lines) named = named || Contains(line.def->motions, id);
    if (!named) out.push_back("--fund-motions " + id + " (no line of the base names this motion)");
  }
  return out;
}

namespace {

// The solver works in doubles, which hold whole cents exactly only up to
// 2^53; beyond that, rounding its answer to cents could overflow int64.
void CheckSolverRange(const ResolvedScenario& base, const OptimiseConstraints& c,
                      Diagnostics& diags) {
  constexpr int64_t kMaxSolverCents = int64_t{1} << 53;
  std::optional<Money> budget = Money();
  for (Money m : c.budget) budget = budget ? CheckedAdd(*budget, m) : std::nullopt;
  if (budget && budget->cents() <= kMaxSolverCents && base.total.cents() <= kMaxSolverCents) return;
  AddError(diags, {},
           "the budget and the base's total must each be at most " +
               FormatMoney(Money::FromCents(kMaxSolverCents), Lang::kEn) +
               " (2^53 cents, where the solver's floating point stops being exact to the cent)");
}

}  // namespace

bool CheckConstraints(const Model& model, const ResolvedScenario& base,
                      const OptimiseConstraints& c, const OptimiseOptions& o, Diagnostics& diags) {
  size_t before = diags.size();
  if (c.budget.size() != model.years.size()) {
    AddError(diags, {},
             "--budget: expected an amount for each of the model's " +
                 std::to_string(model.years.size()) + " years");
  }
  for (const LineAmount& m : c.min) CheckLine(base, "--min", m.line, diags);
  for (const LineAmount& m : c.max) CheckLine(base, "--max", m.line, diags);
  for (const std::string& id : c.lock) CheckLine(base, "--lock", id, diags);
  std::vector<std::string> motions;
  for (const Motion& m : model.motions) motions.push_back(m.id);
  for (const std::string& id : c.fund_motions) {
    if (model.MotionIndex(id) >= 0) continue;
    AddError(diags, {},
             "--fund-motions: unknown motion '" + id + "'" + DidYouMean(ClosestMatch(id, motions)));
  }
  for (const LineAmount& lo : c.min) {
    for (const LineAmount& hi : c.max) {
      if (lo.line == hi.line && lo.amount > hi.amount) {
        AddError(diags, {},
                 "--min " + lo.line + "=" + Plain(lo.amount) + " is above --max " + hi.line + "=" +
                     Plain(hi.amount));
      }
    }
  }
  if (c.motion_minimum < Money()) AddError(diags, {}, "--motion-minimum: must not be negative");
  if (!(o.time_limit_seconds > 0) || !std::isfinite(o.time_limit_seconds)) {
    AddError(diags, {}, "--time-limit: must be a positive number of seconds");
  }
  if (!(o.tolerance >= 0) || !std::isfinite(o.tolerance)) {
    AddError(diags, {}, "--tolerance: must be a non-negative number of points");
  }
  if (c.max_change_fraction && !(*c.max_change_fraction >= 0)) {
    AddError(diags, {}, "--max-change: must not be negative");
  }
  if (o.segments < 1 || o.segments > 1000) {
    AddError(diags, {},
             "--segments: must be between 1 and 1000, not " + std::to_string(o.segments));
  }
  if (o.weights.size() != model.objectives.size()) {
    AddError(diags, {}, "--weights: expected a weight for each objective");
  }
  for (double w : o.weights) {
    if (!std::isfinite(w) || w < 0) {
      AddError(diags, {}, "--weights: every weight must be finite and not negative");
      break;
    }
  }
  CheckSolverRange(base, c, diags);
  return diags.size() == before;
}

Problem MakeProblem(const Model& model, const ResolvedScenario& base, const OptimiseConstraints& c,
                    const OptimiseOptions& o, Approx approx, bool budget_rows,
                    const std::vector<std::vector<double>>& extra, double ceiling) {
  Problem p;
  std::vector<int> kept(model.objectives.size(), -1);
  for (size_t j = 0; j < o.weights.size(); ++j) {
    if (o.weights[j] <= 0) continue;  // an objective nobody weighs adds nothing
    kept[j] = static_cast<int>(p.weights.size());
    p.weights.push_back(o.weights[j]);
  }
  p.budget = ToEuros(c.budget);
  p.budget_rows = budget_rows;
  p.spend_exactly = c.spend_exactly;
  for (size_t i = 0; i < base.lines.size(); ++i) {
    static const std::vector<double> kNone;
    p.lines.push_back(MakeLine(model, base.lines[i], c, o, approx, kept,
                               Ceiling(base, c, budget_rows), i < extra.size() ? extra[i] : kNone,
                               ceiling));
  }
  for (const std::string& id : c.fund_motions) {
    const Motion& motion = model.motions[static_cast<size_t>(model.MotionIndex(id))];
    MotionRow row;
    // Without a min_spend "funded" means more than 0 in compare, which a
    // solver cannot tell from 0: optimise asks for c.motion_minimum.
    row.min = Euros(MotionMinimum(motion, c));
    for (size_t i = 0; i < base.lines.size(); ++i) {
      if (Contains(base.lines[i].def->motions, id)) row.lines.push_back(static_cast<int>(i));
    }
    p.motions.push_back(row);
  }
  return p;
}

}  // namespace allot::detail
