// The public loading entry points: text or file in, value types out.
#include "allot/load.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <filesystem>
#include <memory>
#include <tuple>
#include <utility>

#include "load/common.hpp"
#include "load/yaml_reader.hpp"

namespace allot {

namespace {

// Puts the diagnostics from `first` on in file order: readers visit a
// mapping's keys in the order they check them, not the order written. Those
// about the file as a whole (line 0) go last.
void SortByPosition(Diagnostics& diags, size_t first) {
  std::stable_sort(diags.begin() + static_cast<std::ptrdiff_t>(first), diags.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return std::make_tuple(a.where.line == 0, a.where.line, a.where.column) <
                            std::make_tuple(b.where.line == 0, b.where.line, b.where.column);
                   });
}

// Parses `text` and hands the document to `read`. The readers do not throw;
// anything that escapes but std::bad_alloc becomes one more diagnostic.
template <typename Read>
auto Load(const std::string& text, const std::string& source_name, Diagnostics& diags,
          const LoadLimits& limits, Read read)
    -> decltype(read(std::declval<detail::LoadContext&>(), YAML::Node())) {
  auto source = std::make_shared<const SourceText>(SourceText{source_name, text});
  size_t first = diags.size();
  decltype(read(std::declval<detail::LoadContext&>(), YAML::Node())) result;
  try {
    detail::AliasUses aliases;
    if (std::optional<YAML::Node> root = detail::ParseYaml(source, diags, limits, &aliases)) {
      detail::LoadContext ctx(source, diags, limits, std::move(aliases));
      result = read(ctx, *root);
    }
  } catch (const detail::TooManyErrors&) {
    SortByPosition(diags, first);
    AddError(diags, SourceLocation{source, 0, 0},
             "too many errors: stopped reading after " + std::to_string(limits.max_errors) +
                 " (raise with --max-errors)");
    return std::nullopt;
  } catch (const std::bad_alloc&) {
    throw;  // the command reports it: out of memory is no fault of the file
  } catch (const std::exception& e) {
    AddError(diags, SourceLocation{source, 0, 0}, std::string("cannot load: ") + e.what());
    result.reset();
  }
  SortByPosition(diags, first);
  return result;
}

bool HasKey(const YAML::Node& map, const std::string& key) {
  if (!map.IsMap()) return false;
  for (const auto& pair : map) {
    if (pair.first.IsScalar() && pair.first.Scalar() == key) return true;
  }
  return false;
}

std::optional<LoadedFile> ReadAny(detail::LoadContext& ctx, const YAML::Node& root) {
  if (HasKey(root, "scenario")) {
    std::optional<Scenario> scenario = detail::ReadScenario(ctx, root);
    if (!scenario) return std::nullopt;
    return LoadedFile{std::move(*scenario)};
  }
  std::optional<Model> model = detail::ReadModel(ctx, root);
  if (!model) return std::nullopt;
  return LoadedFile{std::move(*model)};
}

// An error about the file as a whole: its name, no position.
void AddFileError(Diagnostics& diags, const std::string& path, const std::string& message) {
  auto source = std::make_shared<const SourceText>(SourceText{path, ""});
  AddError(diags, SourceLocation{source, 0, 0}, message);
}

// "No such file or directory" -> "no such file or directory".
std::string Lowercased(std::string sentence) {
  if (!sentence.empty() && sentence[0] >= 'A' && sentence[0] <= 'Z') {
    sentence[0] = static_cast<char>(sentence[0] - 'A' + 'a');
  }
  return sentence;
}

// A size-limit message; `size` is unknown (-1) for pipes and devices.
std::string TooLarge(int64_t size, int64_t limit) {
  if (size < 0) return "file too large: over the limit of " + std::to_string(limit) + " bytes";
  return "file too large: " + std::to_string(size) + " bytes (limit " + std::to_string(limit) + ")";
}

}  // namespace

std::optional<Model> LoadModel(const std::string& text, const std::string& source_name,
                               Diagnostics& diags, const LoadLimits& limits) {
  return Load(text, source_name, diags, limits, detail::ReadModel);
}

std::optional<Scenario> LoadScenario(const std::string& text, const std::string& source_name,
                                     Diagnostics& diags, const LoadLimits& limits) {
  return Load(text, source_name, diags, limits, detail::ReadScenario);
}

std::optional<LoadedFile> LoadAny(const std::string& text, const std::string& source_name,
                                  Diagnostics& diags, const LoadLimits& limits) {
  return Load(text, source_name, diags, limits, ReadAny);
}

namespace {

// Refuses a directory, and a regular file over the limit without reading it.
bool CheckPath(const std::string& path, Diagnostics& diags, const LoadLimits& limits) {
  namespace fs = std::filesystem;
  std::error_code error;
  fs::file_status status = fs::status(path, error);
  if (fs::is_directory(status)) {
    AddFileError(diags, path, "is a directory, not a file");
    return false;
  }
  if (!fs::is_regular_file(status)) return true;  // missing ones fail to open
  uintmax_t size = fs::file_size(path, error);
  if (!error && size > static_cast<uintmax_t>(limits.max_file_bytes)) {
    AddFileError(diags, path, TooLarge(static_cast<int64_t>(size), limits.max_file_bytes));
    return false;
  }
  return true;
}

// Reads `file` to its end. Pipes and devices have no size up front, so the
// limit is also checked as the text grows.
bool ReadAll(std::FILE* file, const std::string& path, std::string& text, Diagnostics& diags,
             const LoadLimits& limits) {
  char buffer[64 * 1024];
  size_t got = 0;
  while ((got = std::fread(buffer, 1, sizeof buffer, file)) > 0) {
    if (static_cast<int64_t>(text.size() + got) > limits.max_file_bytes) {
      AddFileError(diags, path, TooLarge(-1, limits.max_file_bytes));
      return false;
    }
    text.append(buffer, got);
  }
  if (std::ferror(file)) {
    AddFileError(diags, path, "cannot read file: " + Lowercased(std::strerror(errno)));
    return false;
  }
  return true;
}

}  // namespace

bool ReadFileText(const std::string& path, std::string& text, Diagnostics& diags,
                  const LoadLimits& limits) {
  text.clear();
  if (!CheckPath(path, diags, limits)) return false;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"),
                                                       &std::fclose);
  if (!file) {
    AddFileError(diags, path, "cannot open file: " + Lowercased(std::strerror(errno)));
    return false;
  }
  if (ReadAll(file.get(), path, text, diags, limits)) return true;
  text.clear();
  return false;
}

std::optional<LoadedFile> LoadFile(const std::string& path, Diagnostics& diags,
                                   const LoadLimits& limits) {
  std::string text;
  if (!ReadFileText(path, text, diags, limits)) return std::nullopt;
  return LoadAny(text, path, diags, limits);
}

}  // namespace allot
