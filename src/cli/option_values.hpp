// Reading option values that several commands share (internal to src/cli/).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace allot::cli {

// "a,b,,c" -> {"a", "b", "c"}; the values of a repeated option are split
// each and joined.
std::vector<std::string> SplitList(const std::string& text);
std::vector<std::string> SplitList(const std::vector<std::string>& values);

// A whole number from `low` to `high` written in plain digits (no sign,
// space or exponent), or nullopt.
std::optional<uint64_t> ParseCount(const std::string& text, uint64_t low, uint64_t high);

}  // namespace allot::cli
