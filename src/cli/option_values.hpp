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

// The most --threads accepts.
constexpr unsigned kMaxThreads = 1024;

// --threads when it is not given: the machine's cores (hardware threads),
// 1 when the system does not say, at most kMaxThreads. Results never depend
// on it, so a default that differs between machines changes only the speed.
unsigned MachineThreads();

// Reads --threads: `text` empty (not given) means MachineThreads(); else a
// whole number from 1 to kMaxThreads, or a message in `problems`.
void ReadThreads(const std::string& text, unsigned& threads, std::vector<std::string>& problems);

}  // namespace allot::cli
