// Drawing the model's assumed amounts with every sourced total exact to the
// cent (allot sensitivity --amounts uncertain).
#include <algorithm>
#include <cmath>

#include "allot/resolve.hpp"
#include "allot/uncertain_amounts.hpp"

namespace allot {

namespace {

__extension__ typedef __int128 Int128;

bool IsKnown(const Provenance& p) {
  return p.level == ProvenanceLevel::kSourced || p.level == ProvenanceLevel::kReported;
}

// Whether a line's amount in each year is an estimate that the run draws.
bool AmountsAssumed(const Line& line) {
  return line.illustrative || line.YearAmounts().IsEstimate();
}

// Whether a line's total is known while its split over the years is not.
bool TotalKept(const Line& line) {
  return IsKnown(line.amounts) && line.split && line.split->IsEstimate();
}

Money AmountIn(const Line& line, int year) {
  auto it = line.budget.find(year);
  return it == line.budget.end() ? Money() : it->second;
}

// The written amount +- `share` of it, in whole cents, never below 0.
AmountBounds DefaultRange(Money written, double share) {
  double cents = static_cast<double>(written.cents());
  auto spread = static_cast<int64_t>(std::floor(cents * share));
  spread = std::min(spread, INT64_MAX - written.cents());
  return {Money::FromCents(std::max<int64_t>(0, written.cents() - spread)),
          Money::FromCents(written.cents() + spread)};
}

// A whole number of cents drawn uniformly from [low, high].
Money UniformCents(const AmountBounds& range, double u) {
  auto width = static_cast<double>(range.high.cents() - range.low.cents()) + 1.0;
  auto step = static_cast<int64_t>(std::floor(u * width));
  return Money::FromCents(std::min(range.high.cents(), range.low.cents() + step));
}

// The base of draw `attempt` of a sample: attempt 0 is the sample's own.
uint64_t AttemptBase(uint64_t seed, uint64_t sample, uint32_t attempt) {
  uint64_t base = SampleBase(seed ^ 0x5851f42d4c957f2dULL, sample);
  return attempt == 0 ? base : Mix64(base + attempt * 0x9e3779b97f4a7c15ULL);
}

}  // namespace

std::optional<std::vector<Money>> ScaleIntoRanges(Money target, const std::vector<Money>& draws,
                                                  const std::vector<AmountBounds>& range) {
  const size_t n = draws.size();
  Int128 low_sum = 0, high_sum = 0;
  for (const AmountBounds& r : range) low_sum += r.low.cents(), high_sum += r.high.cents();
  if (target.cents() < low_sum || target.cents() > high_sum) return std::nullopt;
  std::vector<Money> out(n);
  // 0: free, scaled with the others; -1 / +1: held at its low / high end.
  std::vector<int> held(n, 0);
  for (size_t k = 0; k < n; ++k) {
    if (range[k].low == range[k].high) held[k] = -1, out[k] = range[k].low;
  }
  // Each round scales the free amounts to what the held ones leave, then
  // holds the side that overshoots most: when the amounts above their high
  // ends exceed by more than those below their low ends fall short, the
  // true factor is at least this round's, so those above stay above
  // (and the other way round). Every round holds at least one more amount.
  for (;;) {
    Int128 left = target.cents();
    std::vector<size_t> free;
    std::vector<Money> weights;
    for (size_t k = 0; k < n; ++k) {
      if (held[k] != 0) {
        left -= out[k].cents();
      } else {
        free.push_back(k);
        weights.push_back(draws[k]);
      }
    }
    if (free.empty()) return left == 0 ? std::optional(out) : std::nullopt;
    bool all_zero = std::all_of(weights.begin(), weights.end(), [](Money m) { return m.IsZero(); });
    if (all_zero) std::fill(weights.begin(), weights.end(), Money::FromCents(1));
    std::vector<Money> parts =
        SplitProportionally(Money::FromCents(static_cast<int64_t>(left)), weights);
    Int128 over = 0, under = 0;
    for (size_t i = 0; i < free.size(); ++i) {
      const AmountBounds& r = range[free[i]];
      if (parts[i] > r.high) over += parts[i].cents() - r.high.cents();
      if (parts[i] < r.low) under += r.low.cents() - parts[i].cents();
    }
    if (over == 0 && under == 0) {
      for (size_t i = 0; i < free.size(); ++i) out[free[i]] = parts[i];
      return out;
    }
    for (size_t i = 0; i < free.size(); ++i) {
      const AmountBounds& r = range[free[i]];
      if (over >= under && parts[i] > r.high) held[free[i]] = 1, out[free[i]] = r.high;
      if (over < under && parts[i] < r.low) held[free[i]] = -1, out[free[i]] = r.low;
    }
  }
}

AmountSampler::AmountSampler(const Model& model, double default_range) {
  const bool years_kept = IsKnown(model.provenance.year_totals);
  std::vector<std::vector<Slot>> by_year(model.years.size());
  for (size_t l = 0; l < model.lines.size(); ++l) {
    const Line& line = model.lines[l];
    if (!AmountsAssumed(line)) continue;
    std::vector<Slot> slots;
    Money total;
    for (int year : model.years) {
      Money written = AmountIn(line, year);
      total += written;
      const AmountBounds* stated = line.bounds.In(year);
      AmountBounds range = stated ? *stated : DefaultRange(written, default_range);
      amounts_.push_back({line.id, year, written, range, stated != nullptr});
      Slot slot{l, year, range, StreamKey("amount\x1f" + line.id + '\x1f' + std::to_string(year))};
      slots.push_back(slot);
    }
    if (TotalKept(line)) {
      line_groups_.push_back(std::move(slots));
      line_totals_.push_back(total);
      kept_.push_back({KeptTotal::Kind::kLine, line.id, 0, total});
      continue;
    }
    for (size_t y = 0; y < slots.size(); ++y) {
      (years_kept ? by_year[y] : free_).push_back(slots[y]);
    }
  }
  if (!years_kept) return;
  for (size_t y = 0; y < model.years.size(); ++y) {
    Money total;
    for (const Line& line : model.lines) total += AmountIn(line, model.years[y]);
    kept_.push_back({KeptTotal::Kind::kYear, "", model.years[y], total});
    year_groups_.push_back(std::move(by_year[y]));
    group_years_.push_back(model.years[y]);
    year_totals_.push_back(total);
  }
}

bool AmountSampler::Draw(uint64_t seed, uint64_t sample, uint32_t attempt, Model& into) const {
  const uint64_t base = AttemptBase(seed, sample, attempt);
  auto draw_group = [&](const std::vector<Slot>& slots, Money target) {
    std::vector<Money> draws;
    std::vector<AmountBounds> ranges;
    for (const Slot& s : slots) {
      draws.push_back(UniformCents(s.range, UniformAt(base, s.key)));
      ranges.push_back(s.range);
    }
    std::optional<std::vector<Money>> amounts = ScaleIntoRanges(target, draws, ranges);
    if (!amounts) return false;
    for (size_t k = 0; k < slots.size(); ++k) {
      into.lines[slots[k].line].budget[slots[k].year] = (*amounts)[k];
    }
    return true;
  };
  // Step 1: lines whose total is known. Their ranges hold the written
  // amounts, which add up to the total, so this never fails.
  for (size_t g = 0; g < line_groups_.size(); ++g) {
    if (!draw_group(line_groups_[g], line_totals_[g])) return false;
  }
  // Step 2: each kept year total, less what is fixed or drawn in step 1.
  for (size_t g = 0; g < year_groups_.size(); ++g) {
    int year = group_years_[g];
    Int128 fixed = 0;
    for (size_t l = 0; l < into.lines.size(); ++l) {
      bool drawn = std::any_of(year_groups_[g].begin(), year_groups_[g].end(),
                               [l](const Slot& s) { return s.line == l; });
      if (!drawn) fixed += AmountIn(into.lines[l], year).cents();
    }
    Int128 left = year_totals_[g].cents() - fixed;
    if (left < 0) return false;
    if (!draw_group(year_groups_[g], Money::FromCents(static_cast<int64_t>(left)))) return false;
  }
  // Step 3: amounts no kept total ties.
  for (const Slot& s : free_) {
    into.lines[s.line].budget[s.year] = UniformCents(s.range, UniformAt(base, s.key));
  }
  return true;
}

}  // namespace allot
