// The one directory `allot serve` writes into: names checked, every
// operation relative to the directory's descriptor.
#include "serve/save_dir.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <random>

namespace allot::serve {

namespace {

bool EndsWith(const std::string& text, const std::string& end) {
  return text.size() >= end.size() && text.compare(text.size() - end.size(), end.size(), end) == 0;
}

std::string Errno(const std::string& what) { return what + ": " + std::strerror(errno); }

// Writes all of `text` to `fd`; false on error.
bool WriteAll(int fd, const std::string& text) {
  size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

}  // namespace

std::string CheckFileName(const std::string& name) {
  if (name.empty() || name.size() > 100) return "a file name has 1 to 100 characters";
  for (char c : name) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '_' || c == '-';
    if (!ok) {
      return "a file name may hold only letters, digits, '.', '_' and '-' (no folders): '" + name +
             "'";
    }
  }
  if (name[0] == '.' || name[0] == '-' || name[0] == '_') {
    return "a file name starts with a letter or a digit: '" + name + "'";
  }
  if (!EndsWith(name, ".yaml") && !EndsWith(name, ".yml")) {
    return "a scenario file name ends in .yaml or .yml: '" + name + "'";
  }
  return "";
}

std::unique_ptr<SaveDir> SaveDir::Open(const std::string& path, std::string& error) {
  int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) {
    error = Errno("--dir '" + path + "' cannot be opened as a directory");
    return nullptr;
  }
  std::error_code ec;
  std::string absolute = std::filesystem::canonical(path, ec).string();
  return std::unique_ptr<SaveDir>(new SaveDir(fd, ec ? path : absolute));
}

SaveDir::~SaveDir() { ::close(fd_); }

SaveDir::Result SaveDir::Write(const std::string& name, const std::string& text,
                               bool overwrite) const {
  if (std::string why = CheckFileName(name); !why.empty()) return {Outcome::kRefused, why};
  struct stat existing;
  bool exists = ::fstatat(fd_, name.c_str(), &existing, AT_SYMLINK_NOFOLLOW) == 0;
  if (exists && !S_ISREG(existing.st_mode)) {
    return {Outcome::kRefused, "'" + name + "' exists and is not a plain file (a link or a " +
                                   "folder): it is not replaced"};
  }
  if (exists && !overwrite) return {Outcome::kExists, ""};
  // A temporary file beside the target, created exclusively and never
  // through a link, so a crash or a failed write leaves the target as it was.
  std::mt19937_64 random(std::random_device{}());
  std::string temp;
  int fd = -1;
  for (int attempt = 0; fd < 0 && attempt < 100; ++attempt) {
    temp = "." + name + ".allot-" + std::to_string(random() % 1000000000);
    fd = ::openat(fd_, temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0 && errno != EEXIST) break;
  }
  if (fd < 0) return {Outcome::kFailed, Errno("cannot create a file in '" + path_ + "'")};
  bool ok = WriteAll(fd, text) && ::fsync(fd) == 0;
  ok = ::close(fd) == 0 && ok;
  if (!ok) {
    std::string message = Errno("cannot write '" + name + "'");
    ::unlinkat(fd_, temp.c_str(), 0);
    return {Outcome::kFailed, message};
  }
  // Without overwrite a hard link claims the name only if it is still free
  // (atomic, never replaces); with overwrite a rename replaces the plain
  // file, or the link that appeared since (the link itself, not its target).
  int placed = overwrite ? ::renameat(fd_, temp.c_str(), fd_, name.c_str())
                         : ::linkat(fd_, temp.c_str(), fd_, name.c_str(), 0);
  int placed_errno = errno;
  if (!overwrite || placed != 0) ::unlinkat(fd_, temp.c_str(), 0);
  if (placed != 0 && placed_errno == EEXIST) return {Outcome::kExists, ""};
  if (placed != 0) {
    errno = placed_errno;
    return {Outcome::kFailed, Errno("cannot write '" + name + "'")};
  }
  ::fsync(fd_);  // the new name survives a power cut
  return {Outcome::kWritten, ""};
}

}  // namespace allot::serve
