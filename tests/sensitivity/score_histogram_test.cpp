// The percentile histogram of allot sensitivity: every score a model can
// produce has a bin, bins merge exactly, and percentiles are nearest-rank.
#include "allot/score_histogram.hpp"

#include <catch2/catch.hpp>
#include <cmath>

namespace allot {
namespace {

TEST_CASE("a score has the bin of its value rounded to 0.01 points down to -1000",
          "[sensitivity][histogram]") {
  for (double score : {100.0, 44.67, 0.0, -0.004, -29.97, -39.01, -999.99, -1000.0}) {
    ScoreHistogram h;
    h.Add(score);
    REQUIRE(h.Bins().size() == 1);
    INFO(score);
    CHECK(h.Bins()[0].first == std::llround(score * 100));
    CHECK(h.Percentile(50) == Approx(score).margin(0.005));
  }
}

TEST_CASE("scores below -1000 points keep their value to 0.0004%", "[sensitivity][histogram]") {
  for (double score : {-1000.01, -1234.5678, -5e6, -1e11, -1.7e308}) {
    ScoreHistogram h;
    h.Add(score);
    INFO(score);
    REQUIRE(h.Bins().size() == 1);
    CHECK(h.Bins()[0].first < ScoreHistogram::kLowestFineKey);
    CHECK(std::fabs(h.Percentile(5) - score) <= 4e-6 * std::fabs(score));
  }
  // Lower scores, lower keys: percentiles walk the bins in order of value.
  CHECK(ScoreHistogram::CoarseKey(-2000) < ScoreHistogram::CoarseKey(-1001));
  CHECK(ScoreHistogram::CoarseKey(-1001) < ScoreHistogram::kLowestFineKey);
}

TEST_CASE("nearest-rank percentiles over negative and positive scores",
          "[sensitivity][histogram]") {
  // -50.00, -49.00, ..., 49.00: the 5th percentile of 100 values is the
  // 5th smallest, the 95th the 95th smallest.
  ScoreHistogram h;
  for (int k = 0; k < 100; ++k) h.Add(-50.0 + k);
  CHECK(h.count() == 100);
  CHECK(h.Percentile(5) == Approx(-46.0));
  CHECK(h.Percentile(95) == Approx(44.0));
  CHECK(h.Percentile(100) == Approx(49.0));
  h.Add(-5000);  // one far below: the new smallest bin, first in order
  CHECK(h.Bins().front().first < ScoreHistogram::kLowestFineKey);
  CHECK(ScoreHistogram::KeyValue(h.Bins().front().first) == Approx(-5000).epsilon(4e-6));
  CHECK(h.Percentile(1) == Approx(-50.0));  // ceil(1% of 101) = 2nd smallest
}

TEST_CASE("histograms merged in any order and split give the same bins",
          "[sensitivity][histogram]") {
  std::vector<double> scores;
  for (int k = 0; k < 3000; ++k)
    scores.push_back(std::sin(k * 0.37) * 60 - 20 - (k % 97 == 0) * 4e3);
  ScoreHistogram whole;
  for (double s : scores) whole.Add(s);
  for (size_t split : {size_t{1}, size_t{700}, size_t{2999}}) {
    ScoreHistogram a, b;
    for (size_t k = 0; k < scores.size(); ++k) (k < split ? a : b).Add(scores[k]);
    ScoreHistogram ab = a, ba = b;
    ab.Merge(b);
    ba.Merge(a);
    CHECK(ab.Bins() == whole.Bins());
    CHECK(ba.Bins() == whole.Bins());
  }
  // Read back from (key, count) pairs, as merge does with parts.
  ScoreHistogram read;
  for (const auto& [key, count] : whole.Bins()) CHECK(read.AddCount(key, count));
  CHECK(read.Bins() == whole.Bins());
  CHECK_FALSE(read.AddCount(ScoreHistogram::kHighestKey + 1, 1));
  CHECK_FALSE(read.AddCount(INT64_MIN, 1));
}

TEST_CASE("a bin counts past 2^32: its 32-bit count carries", "[sensitivity][histogram]") {
  ScoreHistogram h;
  const uint64_t big = (uint64_t{1} << 32) + 5;
  CHECK(h.AddCount(1234, big));
  h.Add(12.34);
  CHECK(h.AddCount(1234, (uint64_t{1} << 32) - 1));  // exactly fills the low word
  CHECK(h.count() == big + 1 + (uint64_t{1} << 32) - 1);
  REQUIRE(h.Bins().size() == 1);
  CHECK(h.Bins()[0].second == h.count());
  ScoreHistogram merged;
  merged.Add(12.34);
  merged.Merge(h);
  CHECK(merged.Bins()[0].second == h.count() + 1);

  ScoreHistogram wraps;  // one Add takes the low word from 2^32 - 1 to 0
  CHECK(wraps.AddCount(-250, (uint64_t{1} << 32) - 1));
  wraps.Add(-2.5);
  CHECK(wraps.count() == uint64_t{1} << 32);
  CHECK(wraps.Bins() == std::vector<std::pair<int64_t, uint64_t>>{{-250, uint64_t{1} << 32}});
  CHECK(wraps.Percentile(50) == -2.5);
}

}  // namespace
}  // namespace allot
