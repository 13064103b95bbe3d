// The fuzz targets as functions (internal to fuzz/ and its replay test):
// each LLVMFuzzerTestOneInput calls one, and tests/fuzz/replay_test.cpp runs
// the seeds, the red-team corpus and every input in tests/data/regressions/
// through the same checks without libFuzzer. A broken invariant throws
// InvariantBroken (fuzz_checks.hpp).
#pragma once

#include <string>

namespace allot::fuzz {

// The model loader, then resolve, compare and every renderer on what loads.
void FuzzModel(const std::string& input);

// One or more scenario files separated by a line "#8<", loaded, written
// back and read again, then resolved and compared with the shipped ones.
void FuzzScenario(const std::string& input);

// `allot ARGS...` with one argument per line, run in the current directory,
// which must be a sandbox made by MakeCliSandbox (the run may write there;
// it is put back afterwards).
void FuzzCli(const std::string& input);

// Fills the existing directory `dir` with copies of the shipped model and
// scenarios, as the files FuzzCli's arguments name.
void MakeCliSandbox(const std::string& dir);

}  // namespace allot::fuzz
