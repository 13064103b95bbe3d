// Writing the outputs (internal): files whole or not at all, standard output
// checked.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace allot::cli {

// Writes `contents` to a temporary file in the target's directory, flushes
// it to disk and renames it over `path`, so that readers (and a crash) see
// the old file or the new one, never a mix. An existing file keeps its
// permissions. After the rename the directory is fsync'ed too, so that the
// new name survives a power cut. An existing target that is not a regular
// file (a device such as /dev/full, a FIFO, a directory) is refused: it
// cannot be replaced atomically; write to standard output to reach it.
// A run killed mid-write leaves the target intact; Ctrl-C, SIGTERM and
// SIGHUP also remove the temporary (RemoveOnSignal), but SIGKILL or a crash
// may leave its `.NAME.allot-XXXXXX` beside it (safe to delete; not cleaned
// up by later runs, which cannot tell it from a concurrent run's).
// Returns false with `error` set; the target is then untouched.
bool WriteFileAtomically(const std::string& path, const std::string& contents, std::string& error);

// Writes `text` to `out` and flushes it. Returns false with `reason` set
// when the stream did not take all of it: for standard output the system's
// reason (errno), e.g. "No space left on device" for /dev/full or "Bad file
// descriptor" for a closed stdout. Bytes the system took before the failure
// stay written: a pipe or device cannot be written whole or not at all.
bool WriteStandardOutput(std::ostream& out, const std::string& text, std::string& reason);

// Whether `output` names the same file as one of `inputs` (same device and
// inode, so links and "./x" count too).
bool IsOneOf(const std::string& output, const std::vector<std::string>& inputs);

}  // namespace allot::cli
