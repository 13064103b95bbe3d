#include "cli/output_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <optional>
#include <utility>

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

AtomicFile::~AtomicFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!temp_.empty()) ::unlink(temp_.c_str());
}

bool AtomicFile::Open(const std::string& path, std::string& error) {
  path_ = path;
  std::filesystem::path target(path);
  dir_ = target.has_parent_path() ? target.parent_path().string() : ".";
  struct stat existing {};
  bool exists = ::stat(path.c_str(), &existing) == 0;
  if (exists && !S_ISREG(existing.st_mode)) {
    error = "'" + path +
            "' is not a regular file; --output replaces files whole (write to "
            "standard output to reach a device or pipe)";
    return false;
  }
  mode_ = exists ? existing.st_mode & 07777 : DefaultMode();
  std::string temp =
      (std::filesystem::path(dir_) / ("." + target.filename().string() + ".allot-XXXXXX")).string();
  fd_ = CreateTemporary(temp, remove_on_signal_);  // Ctrl-C, kill or hangup: no temporary left
  if (fd_ < 0) {
    error = "cannot create a file in '" + dir_ + "': " + Reason();
    return false;
  }
  temp_ = temp;
  return true;
}

bool AtomicFile::Write(const std::string& text, std::string& error) {
  if (fd_ >= 0 && WriteAll(fd_, text)) return true;
  error = "cannot write '" + path_ + "': " + Reason();
  return false;
}

bool AtomicFile::Commit(std::string& error) {
  bool ok = ::fchmod(fd_, mode_) == 0 && ::fsync(fd_) == 0;
  if (!ok) error = "cannot write '" + path_ + "': " + Reason();
  int closed = ::close(fd_);
  fd_ = -1;
  if (closed != 0 && ok) {
    ok = false;
    error = "cannot write '" + path_ + "': " + Reason();
  }
  if (ok && ::rename(temp_.c_str(), path_.c_str()) != 0) {
    ok = false;
    error = "cannot replace '" + path_ + "': " + Reason();
  }
  if (!ok) return false;  // the destructor removes the temporary
  temp_.clear();
  remove_on_signal_.reset();  // the temporary's name is gone with the rename
  if (!SyncDirectory(dir_)) {
    error = "wrote '" + path_ + "' but cannot sync its directory: " + Reason();
    return false;
  }
  return true;
}

bool WriteFileAtomically(const std::string& path, const std::string& contents, std::string& error) {
  AtomicFile file;
  return file.Open(path, error) && file.Write(contents, error) && file.Commit(error);
}

PartsBuffer::PartsBuffer(std::function<bool(const std::string&)> sink)
    : sink_(std::move(sink)), part_(kPartSize, '\0') {
  setp(part_.data(), part_.data() + part_.size());
}

bool PartsBuffer::HandOn() {
  if (failed_) return false;
  size_t size = static_cast<size_t>(pptr() - pbase());
  if (size > 0 && !sink_(part_.substr(0, size))) failed_ = true;
  setp(part_.data(), part_.data() + part_.size());
  return !failed_;
}

PartsBuffer::int_type PartsBuffer::overflow(int_type c) {
  if (!HandOn()) return traits_type::eof();
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  *pptr() = traits_type::to_char_type(c);
  pbump(1);
  return c;
}

int PartsBuffer::sync() { return HandOn() ? 0 : -1; }

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
