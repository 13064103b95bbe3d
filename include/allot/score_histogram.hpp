// A histogram of weighted scores for percentiles (p5, p95 of allot
// sensitivity) that covers every score a model can produce, is exact to
// merge, and keeps memory bounded whatever the sample count.
//
// A score s falls into a bin with an integer key that depends on s alone:
//   s >= -1000   key = round(s * 100): bins of 0.01 points, key -100000..10000
//                (scores are at most 100: every objective is capped at 100);
//   s <  -1000   key < -100000: bins of relative width 2^-17 (at most
//                0.0008% of the score), from the bits of the double -s.
// Percentiles are nearest-rank over the bins, so they are exact to within
// 0.005 points down to -1000 and to 0.0004% of the score below. Counts per
// key add up exactly, so any split over threads or shards gives the same
// histogram. Memory: the bins between the lowest and highest key seen above
// -1000 (at most 110,001; a few thousand when scores span tens of points),
// plus one entry per bin seen below -1000. Counts are exact up to 2^64.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <utility>
#include <vector>

namespace allot {

// The histogram described above: a count per bin, exact to merge.
class ScoreHistogram {
 public:
  // The lowest fine key: scores below -1000 points get coarse keys below it.
  static constexpr int64_t kLowestFineKey = -100000;
  static constexpr int64_t kHighestKey = 10000;  // a score of 100 points
  static constexpr double kFineResolution = 0.01;

  // Counts one score (finite, at most 100 points).
  void Add(double score) {
    if (score >= -1000.0) {
      // floor(s * 100 + 0.5) by truncation of a positive number (the
      // offset 2^20 keeps it positive; std::floor is a call on plain x86-64).
      int64_t key = static_cast<int64_t>(score * 100 + (0.5 + 1048576.0)) - 1048576;
      uint64_t at = static_cast<uint64_t>(key - low_);
      if (at < fine_.size()) {
        if (++fine_[at] == 0) ++carries_[key];  // every 2^32nd score in one bin
        return;
      }
      AddFine(key, 1);
      return;
    }
    ++coarse_[CoarseKey(score)];
  }

  // Adds `count` scores to bin `key`; false (nothing added) when no score
  // has that key.
  bool AddCount(int64_t key, uint64_t count);

  // Adds every count of `other`.
  void Merge(const ScoreHistogram& other);

  // The number of scores counted.
  uint64_t count() const;

  // The nearest-rank `percent` percentile (1..100): the value of the first
  // bin at which the cumulative count reaches ceil(percent / 100 * count).
  // Precondition: count() > 0.
  double Percentile(uint64_t percent) const;

  // The non-empty bins as (key, count), lowest key first.
  std::vector<std::pair<int64_t, uint64_t>> Bins() const;

  // The score a bin stands for: key / 100, or the middle of a coarse bin.
  static double KeyValue(int64_t key);

  // The key of a score below -1000 points.
  static int64_t CoarseKey(double score);

 private:
  void AddFine(int64_t key, uint64_t count);

  uint64_t FineCount(size_t at) const;

  int64_t low_ = 0;  // key of fine_[0]
  // Counts of keys low_ .. low_ + size - 1, modulo 2^32: 32 bits halve the
  // cache the per-sample increments walk over; a bin's 2^32nd count carries.
  std::vector<uint32_t> fine_;
  std::map<int64_t, uint64_t> carries_;  // per fine key: multiples of 2^32 in its count
  std::map<int64_t, uint64_t> coarse_;   // counts of keys below kLowestFineKey
};

}  // namespace allot
