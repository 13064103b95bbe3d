#include "cli/option_values.hpp"

#include <algorithm>
#include <sstream>
#include <thread>

namespace allot::cli {

std::vector<std::string> SplitList(const std::string& text) {
  std::vector<std::string> parts;
  std::stringstream stream(text);
  for (std::string part; std::getline(stream, part, ',');) {
    if (!part.empty()) parts.push_back(part);
  }
  return parts;
}

std::vector<std::string> SplitList(const std::vector<std::string>& values) {
  std::vector<std::string> parts;
  for (const std::string& value : values) {
    std::vector<std::string> split = SplitList(value);
    parts.insert(parts.end(), split.begin(), split.end());
  }
  return parts;
}

std::optional<uint64_t> ParseCount(const std::string& text, uint64_t low, uint64_t high) {
  if (text.empty() || text.size() > 20 || text.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  uint64_t v = 0;
  for (char c : text) {
    uint64_t digit = static_cast<uint64_t>(c - '0');
    if (v > (UINT64_MAX - digit) / 10) return std::nullopt;  // over 2^64 - 1
    v = v * 10 + digit;
  }
  if (v < low || v > high) return std::nullopt;
  return v;
}

unsigned MachineThreads() {
  unsigned cores = std::thread::hardware_concurrency();  // 0: unknown
  return std::min(std::max(cores, 1u), kMaxThreads);
}

void ReadThreads(const std::string& text, unsigned& threads, std::vector<std::string>& problems) {
  if (text.empty()) {
    threads = MachineThreads();
  } else if (std::optional<uint64_t> t = ParseCount(text, 1, kMaxThreads)) {
    threads = static_cast<unsigned>(*t);
  } else {
    problems.push_back("--threads must be a whole number from 1 to " + std::to_string(kMaxThreads) +
                       ", not '" + text + "'");
  }
}

}  // namespace allot::cli
