// The one directory `allot serve` writes into (--dir), and the file names
// it accepts there (internal to src/serve/).
//
// The page names a file; the server writes it only as a plain name inside
// the directory it opened at start: no separators, no "..", no absolute or
// encoded paths (the name's characters are a short allow-list), never
// through a symbolic link, never over an existing file unless the request
// says so, and then only over a regular file. Every file operation is
// relative to the directory's descriptor, so a path can never leave it.
#pragma once

#include <memory>
#include <string>

namespace allot::serve {

// "" when `name` is a file name the server may write, otherwise why not:
// 1 to 100 characters from [A-Za-z0-9._-], starting with a letter or
// digit, ending in .yaml or .yml.
std::string CheckFileName(const std::string& name);

class SaveDir {
 public:
  // Opens the existing directory `path`; nullptr with `error` set otherwise.
  static std::unique_ptr<SaveDir> Open(const std::string& path, std::string& error);
  ~SaveDir();
  SaveDir(const SaveDir&) = delete;
  SaveDir& operator=(const SaveDir&) = delete;

  // The directory as an absolute path, for messages.
  const std::string& path() const { return path_; }

  enum class Outcome {
    kWritten,  // the file now holds `text`, whole (fsync'ed, then renamed or linked)
    kExists,   // a file of that name exists and `overwrite` was false: nothing written
    kRefused,  // a bad name, or the name is taken by a link or a directory
    kFailed,   // an I/O error; nothing changed
  };
  struct Result {
    Outcome outcome;
    std::string message;  // for kRefused and kFailed
  };

  // Writes `text` to the file `name` in the directory, whole or not at all.
  Result Write(const std::string& name, const std::string& text, bool overwrite) const;

 private:
  SaveDir(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
  int fd_;
  std::string path_;
};

}  // namespace allot::serve
