#include "allot/score_histogram.hpp"

#include <algorithm>
#include <cstring>
#include <limits>

namespace allot {

namespace {

uint64_t BitsOf(double v) {
  uint64_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  return bits;
}

double FromBits(uint64_t bits) {
  double v;
  std::memcpy(&v, &bits, sizeof v);
  return v;
}

// A coarse bin is the exponent and the top 17 mantissa bits of -s: the low
// 35 of the 52 mantissa bits are dropped. Positive doubles order like their
// bits, so the bins are contiguous and ordered.
constexpr int kDroppedBits = 35;
const uint64_t kCoarseBase = BitsOf(1000.0) >> kDroppedBits;  // 1000.0 starts a bin
const uint64_t kCoarseCount =
    (BitsOf(std::numeric_limits<double>::infinity()) >> kDroppedBits) - kCoarseBase + 1;

// The window grows by at least this many bins (2.56 points) at a time, and
// at least doubles, so a scenario's few thousand bins take a few steps.
constexpr int64_t kSlack = 256;

}  // namespace

int64_t ScoreHistogram::CoarseKey(double score) {
  uint64_t c = (BitsOf(-score) >> kDroppedBits) - kCoarseBase;
  c = std::min(c, kCoarseCount - 1);  // a non-finite score: kept, never crashes
  return kLowestFineKey - 1 - static_cast<int64_t>(c);
}

double ScoreHistogram::KeyValue(int64_t key) {
  if (key >= kLowestFineKey) return static_cast<double>(key) * kFineResolution;
  uint64_t c = static_cast<uint64_t>(kLowestFineKey - 1 - key);
  // The middle of the bin: the dropped bits set to 1000...0.
  return -FromBits(((kCoarseBase + c) << kDroppedBits) | (uint64_t{1} << (kDroppedBits - 1)));
}

void ScoreHistogram::AddFine(int64_t key, uint64_t count) {
  // Scores are at most 100 points; a rounding error above it stays in range.
  key = std::min(std::max(key, kLowestFineKey), kHighestKey);
  int64_t size = static_cast<int64_t>(fine_.size());
  int64_t low = low_, high = low_ + size - 1;
  if (size == 0) {
    low = key - kSlack / 2, high = key + kSlack / 2;
  } else if (key < low) {
    low = std::min(key, low - std::max(kSlack, size));
  } else if (key > high) {
    high = std::max(key, high + std::max(kSlack, size));
  }
  low = std::max(low, kLowestFineKey);
  high = std::min(high, kHighestKey);
  if (low != low_ || high - low + 1 != size) {
    std::vector<uint32_t> grown(static_cast<size_t>(high - low + 1), 0);
    if (size > 0) std::copy(fine_.begin(), fine_.end(), grown.begin() + (low_ - low));
    fine_ = std::move(grown);
    low_ = low;
  }
  size_t at = static_cast<size_t>(key - low_);
  uint64_t sum = uint64_t{fine_[at]} + (count & 0xFFFFFFFFu);
  fine_[at] = static_cast<uint32_t>(sum);
  uint64_t carry = (count >> 32) + (sum >> 32);
  if (carry > 0) carries_[key] += carry;
}

uint64_t ScoreHistogram::FineCount(size_t at) const {
  uint64_t count = fine_[at];
  if (!carries_.empty()) {
    auto carry = carries_.find(low_ + static_cast<int64_t>(at));
    if (carry != carries_.end()) count += carry->second << 32;
  }
  return count;
}

bool ScoreHistogram::AddCount(int64_t key, uint64_t count) {
  int64_t lowest = kLowestFineKey - static_cast<int64_t>(kCoarseCount);
  if (key < lowest || key > kHighestKey) return false;
  if (count == 0) return true;
  if (key >= kLowestFineKey)
    AddFine(key, count);
  else
    coarse_[key] += count;
  return true;
}

void ScoreHistogram::Merge(const ScoreHistogram& other) {
  for (size_t i = 0; i < other.fine_.size(); ++i) {
    uint64_t count = other.FineCount(i);
    if (count > 0) AddFine(other.low_ + static_cast<int64_t>(i), count);
  }
  for (const auto& [key, count] : other.coarse_) coarse_[key] += count;
}

uint64_t ScoreHistogram::count() const {
  uint64_t n = 0;
  for (uint64_t c : fine_) n += c;
  for (const auto& carry : carries_) n += carry.second << 32;
  for (const auto& bin : coarse_) n += bin.second;
  return n;
}

std::vector<std::pair<int64_t, uint64_t>> ScoreHistogram::Bins() const {
  std::vector<std::pair<int64_t, uint64_t>> bins(coarse_.begin(), coarse_.end());
  for (size_t i = 0; i < fine_.size(); ++i) {
    uint64_t count = FineCount(i);
    if (count > 0) bins.emplace_back(low_ + static_cast<int64_t>(i), count);
  }
  return bins;
}

double ScoreHistogram::Percentile(uint64_t percent) const {
  uint64_t n = count();
  // ceil(percent * n / 100) in 128 bits: n may be up to 2^48.
  __extension__ typedef unsigned __int128 U128;
  uint64_t rank = std::max<uint64_t>(1, static_cast<uint64_t>((U128(percent) * n + 99) / 100));
  uint64_t cumulative = 0;
  for (const auto& [key, count] : Bins()) {
    cumulative += count;
    if (cumulative >= rank) return KeyValue(key);
  }
  return KeyValue(kHighestKey);
}

}  // namespace allot
