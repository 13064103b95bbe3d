#include "load/yaml_reader.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>

#include <algorithm>
#include <cstdint>
#include <new>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

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

namespace {

// The length of the UTF-8 sequence starting at `i`, or 0 if it is invalid
// (overlong forms, surrogates and code points past U+10FFFF included).
size_t Utf8SequenceLength(std::string_view text, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char lead = byte(i);
  size_t length = lead < 0x80   ? 1
                  : lead < 0xC2 ? 0
                  : lead < 0xE0 ? 2
                  : lead < 0xF0 ? 3
                  : lead < 0xF5 ? 4
                                : 0;
  if (length == 0 || i + length > text.size()) return 0;
  if (length == 1) return 1;
  // The second byte's range is narrower for a few leads (RFC 3629, table 3-7).
  unsigned char low = lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
  unsigned char high = lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;
  if (byte(i + 1) < low || byte(i + 1) > high) return 0;
  for (size_t k = 2; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  }
  return length;
}

}  // namespace

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

// Thrown from inside yaml-cpp's parser by ShapeChecker to stop it at once.
struct ShapeError {
  YAML::Mark mark;
  std::string message;
};

// Measures a YAML stream from its parse events, before any node is built.
// An alias counts as the whole subtree its anchor names: yaml-cpp shares
// aliased nodes, so a "billion laughs" file is small in memory yet would take
// ages to walk; measured here, it is refused after a few dozen events.
class ShapeChecker : public YAML::EventHandler {
 public:
  explicit ShapeChecker(const LoadLimits& limits) : limits_(limits) {}

  int documents() const { return documents_; }

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (++documents_ > 1) {
      throw ShapeError{mark, "more than one YAML document; an allot file holds exactly one"};
    }
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override { Leaf(mark, anchor); }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                const std::string&) override {
    Leaf(mark, anchor);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override;

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    Open(mark, anchor);
  }
  void OnSequenceEnd() override { Close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    Open(mark, anchor);
  }
  void OnMapEnd() override { Close(); }

 private:
  // The size of a complete anchored node: nodes in it, and how many levels
  // of collections it holds (0 for a scalar).
  struct Shape {
    int64_t nodes = 0;
    int height = 0;
  };
  // A collection whose end has not been seen yet.
  struct OpenCollection {
    YAML::anchor_t anchor;
    int64_t nodes_before;  // total_ when it started
    int height = 1;        // levels of collections seen in it so far
  };

  void Leaf(const YAML::Mark& mark, YAML::anchor_t anchor) {
    Count(mark, 1);
    if (anchor != YAML::NullAnchor) anchors_[anchor] = Shape{1, 0};
  }
  void Open(const YAML::Mark& mark, YAML::anchor_t anchor);
  void Close();
  void Count(const YAML::Mark& mark, int64_t nodes);
  void CheckDepth(const YAML::Mark& mark, int height);

  const LoadLimits& limits_;
  int documents_ = 0;
  int64_t total_ = 0;
  std::vector<OpenCollection> open_;
  std::unordered_map<YAML::anchor_t, Shape> anchors_;  // complete ones only
};

void ShapeChecker::OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) {
  auto it = anchors_.find(anchor);
  // yaml-cpp registers an anchor when its node starts, so `&a [*a]` parses
  // into a cycle; an alias to an anchor not yet complete is exactly that.
  if (it == anchors_.end()) throw ShapeError{mark, "alias refers to a node that contains it"};
  const Shape& shape = it->second;
  if (shape.height > 0 && !open_.empty()) {
    open_.back().height = std::max(open_.back().height, shape.height + 1);
  }
  CheckDepth(mark, shape.height);
  Count(mark, shape.nodes);
}

void ShapeChecker::Open(const YAML::Mark& mark, YAML::anchor_t anchor) {
  CheckDepth(mark, 1);
  Count(mark, 1);
  open_.push_back(OpenCollection{anchor, total_ - 1});
}

void ShapeChecker::Close() {
  if (open_.empty()) return;  // yaml-cpp reports unbalanced input itself
  OpenCollection done = open_.back();
  open_.pop_back();
  if (!open_.empty()) open_.back().height = std::max(open_.back().height, done.height + 1);
  if (done.anchor != YAML::NullAnchor) {
    anchors_[done.anchor] = Shape{total_ - done.nodes_before, done.height};
  }
}

void ShapeChecker::Count(const YAML::Mark& mark, int64_t nodes) {
  // Both terms are at most max_nodes (anything bigger was refused), so the
  // sum cannot overflow.
  total_ += nodes;
  if (total_ > limits_.max_nodes) {
    throw ShapeError{mark, "document too large: more than " + std::to_string(limits_.max_nodes) +
                               " nodes with aliases expanded"};
  }
}

// `height` levels of collections are about to open below the current one.
void ShapeChecker::CheckDepth(const YAML::Mark& mark, int height) {
  if (static_cast<int64_t>(open_.size()) + height > limits_.max_depth) {
    throw ShapeError{
        mark, "nesting too deep: more than " + std::to_string(limits_.max_depth) + " levels"};
  }
}

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
    AddError(diags, LocationOf(source, YAML::Mark::null_mark()), "out of memory reading YAML");
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
                                    Diagnostics& diags, const LoadLimits& limits) {
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
  ShapeChecker checker(limits);
  bool shaped = Guarded(source, diags, [&] {
    std::istringstream in(text);
    YAML::Parser parser(in);
    while (parser.HandleNextDocument(checker)) {
    }
  });
  if (!shaped) return std::nullopt;
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
