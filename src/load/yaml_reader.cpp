#include "load/yaml_reader.hpp"

#include <yaml-cpp/depthguard.h>

#include <algorithm>
#include <cstdint>
#include <new>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/utf8.hpp"
#include "load/shape_checker.hpp"

namespace allot::detail {

SourceLocation LocationOf(const std::shared_ptr<const SourceText>& source, const YAML::Mark& mark) {
  if (mark.is_null() || mark.line < 0) return SourceLocation{source, 0, 0};
  return SourceLocation{source, mark.line + 1, mark.column + 1};
}

SourceLocation LocationOfByte(const std::shared_ptr<const SourceText>& source, size_t offset) {
  std::string_view text = source->text;
  int line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return SourceLocation{source, line, static_cast<int>(offset - line_start) + 1};
}

size_t FindNonTextByte(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '\0') return i;
    size_t length = Utf8SequenceLength(text, i);
    if (length == 0) return i;
    i += length;
  }
  return std::string_view::npos;
}

namespace {

// Runs `parse`, turning anything it throws into a diagnostic. Returns false
// if it threw.
template <typename Parse>
bool Guarded(const std::shared_ptr<const SourceText>& source, Diagnostics& diags, Parse parse) {
  try {
    parse();
    return true;
  } catch (const ShapeError& e) {
    AddError(diags, LocationOf(source, e.mark), e.message);
  } catch (const YAML::DeepRecursion& e) {
    AddError(diags, LocationOf(source, e.mark), "nesting too deep for the YAML parser");
  } catch (const YAML::Exception& e) {
    AddError(diags, LocationOf(source, e.mark), "invalid YAML: " + e.msg);
  } catch (const std::bad_alloc&) {
    throw;  // the command reports it (out of memory is no fault of the file)
  } catch (const std::exception& e) {
    AddError(diags, LocationOf(source, YAML::Mark::null_mark()),
             std::string("cannot read YAML: ") + e.what());
  }
  return false;
}

void AddEmptyFileError(const std::shared_ptr<const SourceText>& source, Diagnostics& diags) {
  AddError(diags, LocationOf(source, YAML::Mark::null_mark()),
           "file is empty; expected 'format: allot/1'");
}

}  // namespace

std::optional<YAML::Node> ParseYaml(const std::shared_ptr<const SourceText>& source,
                                    Diagnostics& diags, const LoadLimits& limits,
                                    AliasUses* aliases) {
  const std::string& text = source->text;
  size_t bad = FindNonTextByte(text);
  if (bad != std::string_view::npos) {
    auto byte = static_cast<unsigned char>(text[bad]);
    static const char kHex[] = "0123456789abcdef";
    std::string what =
        byte == 0 ? std::string("NUL byte")
                  : std::string("invalid UTF-8 byte 0x") + kHex[byte >> 4] + kHex[byte & 0xF];
    AddError(diags, LocationOfByte(source, bad),
             "not a text file: " + what + " (allot reads UTF-8 YAML)");
    return std::nullopt;
  }
  // First pass: events only, so that limits hold before any node exists.
  ShapeChecker checker(text, limits, aliases);
  Diagnostics stopped;
  bool shaped = Guarded(source, stopped, [&] {
    std::istringstream in(text);
    YAML::Parser parser(in);
    while (parser.HandleNextDocument(checker)) {
    }
  });
  for (const ShapeError& problem : checker.problems()) {
    AddError(diags, LocationOf(source, problem.mark), problem.message);
  }
  diags.insert(diags.end(), stopped.begin(), stopped.end());
  if (!shaped || !checker.problems().empty()) return std::nullopt;
  if (checker.documents() == 0) {
    AddEmptyFileError(source, diags);
    return std::nullopt;
  }
  YAML::Node root;
  if (!Guarded(source, diags, [&] { root = YAML::Load(text); })) return std::nullopt;
  if (root.IsNull()) {
    AddEmptyFileError(source, diags);
    return std::nullopt;
  }
  return root;
}

}  // namespace allot::detail
