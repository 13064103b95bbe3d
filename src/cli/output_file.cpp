#include "cli/output_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <optional>

#include "cli/remove_on_signal.hpp"

namespace allot::cli {

namespace {

std::string Reason() { return std::strerror(errno); }

bool WriteAll(int fd, const std::string& contents) {
  const char* data = contents.data();
  size_t left = contents.size();
  while (left > 0) {
    ssize_t written = ::write(fd, data, left);
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return false;
    data += written;
    left -= static_cast<size_t>(written);
  }
  return true;
}

// The mode a new file would get from open(2): 0666 less the umask.
mode_t DefaultMode() {
  mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

// Makes a rename in `dir` durable. Filesystems that cannot sync a
// directory say EINVAL; the file itself is already synced then.
bool SyncDirectory(const std::string& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return false;
  bool ok = ::fsync(fd) == 0 || errno == EINVAL;
  ::close(fd);
  return ok;
}

}  // namespace

bool WriteFileAtomically(const std::string& path, const std::string& contents, std::string& error) {
  std::filesystem::path target(path);
  std::filesystem::path dir = target.has_parent_path() ? target.parent_path() : ".";
  struct stat existing {};
  bool exists = ::stat(path.c_str(), &existing) == 0;
  if (exists && !S_ISREG(existing.st_mode)) {
    error = "'" + path +
            "' is not a regular file; --output replaces files whole (write to "
            "standard output to reach a device or pipe)";
    return false;
  }
  std::string temp = (dir / ("." + target.filename().string() + ".allot-XXXXXX")).string();
  std::optional<RemoveOnSignal> remove_on_signal;  // Ctrl-C, kill or hangup: no temporary left
  int fd = CreateTemporary(temp, remove_on_signal);
  if (fd < 0) {
    error = "cannot create a file in '" + dir.string() + "': " + Reason();
    return false;
  }
  mode_t mode = exists ? existing.st_mode & 07777 : DefaultMode();
  bool ok = WriteAll(fd, contents) && ::fchmod(fd, mode) == 0 && ::fsync(fd) == 0;
  if (!ok) error = "cannot write '" + path + "': " + Reason();
  if (::close(fd) != 0 && ok) {
    ok = false;
    error = "cannot write '" + path + "': " + Reason();
  }
  if (ok && ::rename(temp.c_str(), path.c_str()) != 0) {
    ok = false;
    error = "cannot replace '" + path + "': " + Reason();
  }
  if (!ok) {
    ::unlink(temp.c_str());
    return false;
  }
  remove_on_signal.reset();  // the temporary's name is gone with the rename
  if (!SyncDirectory(dir.string())) {
    error = "wrote '" + path + "' but cannot sync its directory: " + Reason();
    return false;
  }
  return true;
}

bool WriteStandardOutput(std::ostream& out, const std::string& text, std::string& reason) {
  // errno is cleared first so that a stream that fails without a system
  // error (a test's stream) is not blamed on an earlier, unrelated one.
  errno = 0;
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  out.flush();
  if (out) return true;
  reason = errno != 0 ? Reason() : "the stream refused the output";
  return false;
}

bool IsOneOf(const std::string& output, const std::vector<std::string>& inputs) {
  struct stat out {};
  if (::stat(output.c_str(), &out) != 0) return false;  // a new file is no input
  for (const std::string& input : inputs) {
    struct stat in {};
    if (::stat(input.c_str(), &in) == 0 && in.st_dev == out.st_dev && in.st_ino == out.st_ino) {
      return true;
    }
  }
  return false;
}

}  // namespace allot::cli
