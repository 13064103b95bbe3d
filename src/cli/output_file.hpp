// Writing the outputs (internal): files whole or not at all, standard output
// checked.
#pragma once

#include <sys/types.h>

#include <functional>
#include <optional>
#include <ostream>
#include <streambuf>
#include <string>
#include <vector>

#include "cli/remove_on_signal.hpp"

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

// WriteFileAtomically in parts, for an output too large to hold in memory
// (batch writes each run as it is done): Open makes the temporary beside
// `path`, Write appends to it, Commit syncs it and renames it over `path`.
// Destroyed before Commit succeeded (an error, an exception) it removes the
// temporary: `path` is untouched. Each returns false with `error` set, the
// messages those of WriteFileAtomically.
class AtomicFile {
 public:
  AtomicFile() = default;
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  bool Open(const std::string& path, std::string& error);
  bool Write(const std::string& text, std::string& error);
  bool Commit(std::string& error);

 private:
  std::string path_, dir_, temp_;  // temp_: "" once renamed (or never made)
  int fd_ = -1;
  mode_t mode_ = 0;
  std::optional<RemoveOnSignal> remove_on_signal_;
};

// A stream buffer that hands what is written through it to `sink`, in
// parts of at most kPartSize bytes and at each flush: an output written as
// it is made, so that it is never all in memory (batch). Once `sink` returns
// false (after saying why) every later write fails, and the stream's
// badbit tells the writer to stop. Nothing is handed on when it is
// destroyed without a flush.
class PartsBuffer : public std::streambuf {
 public:
  static constexpr size_t kPartSize = size_t{64} * 1024;

  explicit PartsBuffer(std::function<bool(const std::string&)> sink);

 protected:
  int_type overflow(int_type c) override;
  int sync() override;

 private:
  bool HandOn();

  std::function<bool(const std::string&)> sink_;
  std::string part_;
  bool failed_ = false;
};

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
