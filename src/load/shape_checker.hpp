// What allot checks on a YAML stream's parse events, before yaml-cpp builds
// any node (internal to src/load/yaml_reader.cpp).
//
// Limits (nesting, nodes and text with aliases expanded) stop the parse at
// once by throwing ShapeError. Problems that are mistakes rather than
// attacks (a tag, a quoted string that swallowed the lines after it) are
// collected, so that a file gets all of them, and refuse the file at the
// end. The checker also records where each alias is used, by key path, so
// that an error in an anchored value can name the use (LoadContext).
#pragma once

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/mark.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "allot/load.hpp"
#include "load/yaml_reader.hpp"

namespace allot::detail {

// A problem at a position of the stream.
struct ShapeError {
  YAML::Mark mark;
  std::string message;
};

class ShapeChecker : public YAML::EventHandler {
 public:
  // `text` is the document (as parsed: a byte order mark at its start is not
  // counted by yaml-cpp's positions). `aliases`, when given, receives every
  // alias use with a key path.
  ShapeChecker(std::string_view text, const LoadLimits& limits, AliasUses* aliases);

  int documents() const { return documents_; }
  // Collected problems, in file order.
  const std::vector<ShapeError>& problems() const { return problems_; }

  void OnDocumentStart(const YAML::Mark& mark) override;
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override;
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override;
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override;
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override;
  void OnSequenceEnd() override { Close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override;
  void OnMapEnd() override { Close(); }

 private:
  // The size of a complete anchored node: nodes and bytes of scalar text in
  // it, and how many levels of collections it holds (0 for a scalar).
  struct Shape {
    int64_t nodes = 0;
    int64_t bytes = 0;
    int height = 0;
  };
  // A collection whose end has not been seen yet.
  struct OpenCollection {
    YAML::anchor_t anchor = YAML::NullAnchor;
    int64_t nodes_before = 0;  // total_nodes_ when it started
    int64_t bytes_before = 0;  // total_bytes_ when it started
    int height = 1;            // levels of collections seen in it so far
    bool is_map = false;
    bool path_known = true;  // false inside a mapping key
    std::string path;        // its key path, as the loaders spell it
    // Mappings: whether the next node is a key, and the current key.
    bool at_key = true;
    bool key_known = false;
    std::string key;
    YAML::Mark key_mark;
    size_t index = 0;  // lists: the next element's index
  };
  // Where a node that starts now sits.
  struct Place {
    bool path_known = false;
    std::string path;
    YAML::Mark key_mark;  // of its key, when it is a mapping value
  };

  Place NextPlace(const YAML::Mark& mark, const std::string* scalar);
  void Leaf(const YAML::Mark& mark, YAML::anchor_t anchor, int64_t bytes);
  void Open(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor, bool is_map);
  void Close();
  void Count(const YAML::Mark& mark, int64_t nodes, int64_t bytes);
  void CheckDepth(const YAML::Mark& mark, int height);
  void CheckTag(const YAML::Mark& mark, const std::string& tag, const Place& place);
  void CheckQuoted(const YAML::Mark& mark);
  void Problem(const YAML::Mark& mark, std::string message);

  std::string_view text_;
  const LoadLimits& limits_;
  AliasUses* aliases_;
  int documents_ = 0;
  int64_t total_nodes_ = 0;
  int64_t total_bytes_ = 0;
  std::vector<OpenCollection> open_;
  std::unordered_map<YAML::anchor_t, Shape> anchors_;  // complete ones only
  std::vector<ShapeError> problems_;
};

}  // namespace allot::detail
