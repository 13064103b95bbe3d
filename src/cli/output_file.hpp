// Writing an output file whole or not at all (internal).
#pragma once

#include <string>
#include <vector>

namespace allot::cli {

// Writes `contents` to a temporary file in the target's directory, flushes
// it to disk and renames it over `path`, so that readers (and a crash) see
// the old file or the new one, never a mix. An existing file keeps its
// permissions. Returns false with `error` set; the target is then untouched.
bool WriteFileAtomically(const std::string& path, const std::string& contents, std::string& error);

// Whether `output` names the same file as one of `inputs` (same device and
// inode, so links and "./x" count too).
bool IsOneOf(const std::string& output, const std::vector<std::string>& inputs);

}  // namespace allot::cli
