// Splitting a range of samples over threads: contiguous blocks, one per
// thread, whose results the caller adds up in block order. Every sum in
// sensitivity is an integer, so the split never changes a result.
#pragma once

#include <algorithm>
#include <cstdint>
#include <thread>
#include <vector>

namespace allot {

// Calls work(block, a, b) for `threads` contiguous blocks [a, b) of
// [first, end) (fewer when the range is shorter), each on its own thread
// (the first on the calling thread), and returns the number of blocks.
template <typename Work>
uint64_t ForBlocks(uint64_t first, uint64_t end, unsigned threads, Work work) {
  uint64_t n = end - first;
  uint64_t count = std::max<uint64_t>(1, std::min<uint64_t>(threads, n));
  std::vector<std::thread> pool;
  for (uint64_t t = 1; t < count; ++t) {
    uint64_t a = first + n * t / count, b = first + n * (t + 1) / count;
    pool.emplace_back([&work, t, a, b] { work(t, a, b); });
  }
  work(0, first, first + n / count);
  for (std::thread& thread : pool) thread.join();
  return count;
}

}  // namespace allot
