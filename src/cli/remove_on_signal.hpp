// Temporary files removed when the user interrupts a write (internal).
#pragma once

#include <optional>
#include <string>

namespace allot::cli {

// While one of these lives, SIGINT, SIGTERM and SIGHUP (Ctrl-C, kill, a
// closed terminal) first remove its file, then act as they did before: the
// handlers in place when the first guard was made, or the default, which
// ends the process with that signal. Without it an interrupted --output
// left its `.NAME.allot-XXXXXX` temporary behind. SIGKILL and a power cut
// cannot be caught: their temporaries stay (docs/limits.md).
// At most kMaxFiles guards at once (a command writes one file at a time);
// a path longer than PATH_MAX, or a guard beyond those, is not registered.
class RemoveOnSignal {
 public:
  static constexpr int kMaxFiles = 8;

  explicit RemoveOnSignal(const std::string& path);
  ~RemoveOnSignal();
  RemoveOnSignal(const RemoveOnSignal&) = delete;
  RemoveOnSignal& operator=(const RemoveOnSignal&) = delete;

 private:
  int slot_ = -1;  // -1: not registered
};

// mkstemp(3) on `path_template` (which it fills in, as mkstemp does) with
// the three signals held off until `guard` holds the new file, so that no
// signal finds the file made but not yet registered. Returns the open
// descriptor, or -1 with errno set and `guard` empty.
int CreateTemporary(std::string& path_template, std::optional<RemoveOnSignal>& guard);

}  // namespace allot::cli
