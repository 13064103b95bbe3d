#include "load/shape_checker.hpp"

#include <algorithm>
#include <utility>

namespace allot::detail {

namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

bool IsWordStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool IsWordChar(char c) { return IsWordStart(c) || c == '.' || c == '-'; }

std::string ChildPath(const std::string& parent, const std::string& key) {
  return parent.empty() ? key : parent + "." + key;
}

// The mark of byte `target` of `text`, counting from `mark` (which is at or
// before it).
YAML::Mark MarkAt(std::string_view text, YAML::Mark mark, size_t offset, size_t target) {
  for (size_t i = offset; i < target && i < text.size(); ++i) {
    ++mark.pos;
    if (text[i] == '\n') {
      ++mark.line;
      mark.column = 0;
    } else {
      ++mark.column;
    }
  }
  return mark;
}

// Where a node's content starts: past its properties (`&anchor`, `!tag`)
// and the blanks after them. yaml-cpp's mark of a node is at its first
// property.
size_t ContentStart(std::string_view text, size_t i) {
  while (i < text.size() && (text[i] == '&' || text[i] == '!')) {
    while (i < text.size() && !IsBlank(text[i])) ++i;
    while (i < text.size() && IsBlank(text[i])) ++i;
  }
  return i;
}

// The offset of the quote that closes the quoted scalar opened at `open`
// (yaml-cpp has parsed it, so there is one), or text.size().
size_t ClosingQuote(std::string_view text, size_t open) {
  char quote = text[open];
  for (size_t i = open + 1; i < text.size(); ++i) {
    if (quote == '"' && text[i] == '\\') {
      ++i;  // an escaped character, possibly a quote
    } else if (text[i] == quote) {
      if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;  // '' is a quote inside single quotes
      } else {
        return i;
      }
    }
  }
  return text.size();
}

// The first line inside [begin, end) after the first one that starts like a
// YAML key (`name:` or `- name:`, followed by a blank or the end): the text
// of the key and its offset, or npos.
std::pair<size_t, std::string_view> KeyLikeLine(std::string_view text, size_t begin, size_t end) {
  for (size_t i = text.find('\n', begin); i < end; i = text.find('\n', i + 1)) {
    size_t k = i + 1;
    while (k < end && (text[k] == ' ' || text[k] == '\t')) ++k;
    if (k + 1 < end && text[k] == '-' && text[k + 1] == ' ') {
      k += 2;
      while (k < end && text[k] == ' ') ++k;
    }
    if (k >= end || !IsWordStart(text[k])) continue;
    size_t word = k;
    while (k < end && IsWordChar(text[k])) ++k;
    if (k < end && text[k] == ':' && (k + 1 >= end || IsBlank(text[k + 1]))) {
      return {word, text.substr(word, k + 1 - word)};
    }
  }
  return {std::string_view::npos, {}};
}

// "!!python/object" for yaml-cpp's "tag:yaml.org,2002:python/object".
std::string TagAsWritten(const std::string& tag) {
  const std::string core = "tag:yaml.org,2002:";
  return tag.rfind(core, 0) == 0 ? "!!" + tag.substr(core.size()) : tag;
}

// "?" is an untagged plain node and "!" a quoted or block scalar; the YAML
// core schema's own tags are taken at their word by the readers.
bool IsKnownTag(const std::string& tag) {
  static const std::vector<std::string> kCore = {"str",  "int", "float", "bool",
                                                 "null", "map", "seq"};
  if (tag.empty() || tag == "?" || tag == "!") return true;
  std::string written = TagAsWritten(tag);
  return written.rfind("!!", 0) == 0 &&
         std::find(kCore.begin(), kCore.end(), written.substr(2)) != kCore.end();
}

}  // namespace

ShapeChecker::ShapeChecker(std::string_view text, const LoadLimits& limits, AliasUses* aliases)
    : text_(text), limits_(limits), aliases_(aliases) {
  // yaml-cpp's positions do not count a UTF-8 byte order mark.
  if (text_.substr(0, 3) == "\xEF\xBB\xBF") text_.remove_prefix(3);
}

void ShapeChecker::OnDocumentStart(const YAML::Mark& mark) {
  if (++documents_ > 1) {
    throw ShapeError{mark, "more than one YAML document; an allot file holds exactly one"};
  }
}

ShapeChecker::Place ShapeChecker::NextPlace(const YAML::Mark& mark, const std::string* scalar) {
  Place place;
  if (open_.empty()) {
    place.path_known = true;  // the root: path ""
    return place;
  }
  OpenCollection& parent = open_.back();
  if (parent.is_map && parent.at_key) {
    parent.at_key = false;
    parent.key_known = scalar != nullptr && parent.path_known;
    parent.key = scalar != nullptr ? *scalar : std::string();
    parent.key_mark = mark;
    return place;  // a key has no path of its own
  }
  place.path_known = parent.path_known;
  if (parent.is_map) {
    parent.at_key = true;
    place.path_known = parent.key_known;
    place.key_mark = parent.key_mark;
    if (place.path_known) place.path = ChildPath(parent.path, parent.key);
  } else if (place.path_known) {
    place.path = parent.path + "[" + std::to_string(parent.index++) + "]";
  }
  return place;
}

void ShapeChecker::OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) {
  NextPlace(mark, nullptr);
  Leaf(mark, anchor, 0);
}

void ShapeChecker::OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                            const std::string& value) {
  Place place = NextPlace(mark, &value);
  Leaf(mark, anchor, static_cast<int64_t>(value.size()));
  CheckTag(mark, tag, place);
  if (tag == "!") CheckQuoted(mark);
}

void ShapeChecker::OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) {
  Place place = NextPlace(mark, nullptr);
  auto it = anchors_.find(anchor);
  // yaml-cpp registers an anchor when its node starts, so `&a [*a]` parses
  // into a cycle; an alias to an anchor not yet complete is exactly that.
  if (it == anchors_.end()) throw ShapeError{mark, "alias refers to a node that contains it"};
  const Shape& shape = it->second;
  if (shape.height > 0 && !open_.empty()) {
    open_.back().height = std::max(open_.back().height, shape.height + 1);
  }
  CheckDepth(mark, shape.height);
  Count(mark, shape.nodes, shape.bytes);
  if (aliases_ != nullptr && place.path_known) {
    aliases_->emplace(place.path, AliasUse{mark, place.key_mark});
  }
}

void ShapeChecker::OnSequenceStart(const YAML::Mark& mark, const std::string& tag,
                                   YAML::anchor_t anchor, YAML::EmitterStyle::value) {
  Open(mark, tag, anchor, false);
}

void ShapeChecker::OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                              YAML::EmitterStyle::value) {
  Open(mark, tag, anchor, true);
}

void ShapeChecker::Leaf(const YAML::Mark& mark, YAML::anchor_t anchor, int64_t bytes) {
  Count(mark, 1, bytes);
  if (anchor != YAML::NullAnchor) anchors_[anchor] = Shape{1, bytes, 0};
}

void ShapeChecker::Open(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                        bool is_map) {
  Place place = NextPlace(mark, nullptr);
  CheckDepth(mark, 1);
  Count(mark, 1, 0);
  CheckTag(mark, tag, place);
  OpenCollection collection;
  collection.anchor = anchor;
  collection.nodes_before = total_nodes_ - 1;
  collection.bytes_before = total_bytes_;
  collection.is_map = is_map;
  collection.path_known = place.path_known;
  collection.path = std::move(place.path);
  open_.push_back(std::move(collection));
}

void ShapeChecker::Close() {
  if (open_.empty()) return;  // yaml-cpp reports unbalanced input itself
  OpenCollection done = std::move(open_.back());
  open_.pop_back();
  if (!open_.empty()) open_.back().height = std::max(open_.back().height, done.height + 1);
  if (done.anchor != YAML::NullAnchor) {
    anchors_[done.anchor] =
        Shape{total_nodes_ - done.nodes_before, total_bytes_ - done.bytes_before, done.height};
  }
}

void ShapeChecker::Count(const YAML::Mark& mark, int64_t nodes, int64_t bytes) {
  // Each term is at most its limit (anything bigger was refused), so the
  // sums cannot overflow.
  total_nodes_ += nodes;
  total_bytes_ += bytes;
  if (total_nodes_ > limits_.max_nodes) {
    throw ShapeError{mark, "document too large: more than " + std::to_string(limits_.max_nodes) +
                               " nodes with aliases expanded"};
  }
  if (total_bytes_ > limits_.max_expanded_bytes) {
    throw ShapeError{mark, "document too large: more than " +
                               std::to_string(limits_.max_expanded_bytes) +
                               " bytes of text with aliases expanded (raise with "
                               "--max-expanded-size)"};
  }
}

// `height` levels of collections are about to open below the current one.
void ShapeChecker::CheckDepth(const YAML::Mark& mark, int height) {
  if (static_cast<int64_t>(open_.size()) + height > limits_.max_depth) {
    throw ShapeError{
        mark, "nesting too deep: more than " + std::to_string(limits_.max_depth) + " levels"};
  }
}

void ShapeChecker::CheckTag(const YAML::Mark& mark, const std::string& tag, const Place& place) {
  if (IsKnownTag(tag)) return;
  std::string path = place.path_known && !place.path.empty() ? place.path + ": " : "";
  Problem(mark, path + "unknown tag '" + TagAsWritten(tag) +
                    "': allot files hold plain values (text, numbers, lists, mappings); remove "
                    "the tag");
}

// A quoted string that does not end on its line and takes in a line that
// looks like a key is almost always a missing closing quote: the rest of the
// file became part of the string (a scenario's `changes:` in its name), and
// the file still parses. Reported at the opening quote.
void ShapeChecker::CheckQuoted(const YAML::Mark& mark) {
  if (mark.pos < 0 || static_cast<size_t>(mark.pos) >= text_.size()) return;
  size_t node = static_cast<size_t>(mark.pos);
  size_t open = ContentStart(text_, node);
  if (open >= text_.size() || (text_[open] != '"' && text_[open] != '\'')) return;  // block
  size_t close = ClosingQuote(text_, open);
  auto [found, key] = KeyLikeLine(text_, open, close);
  if (found == std::string_view::npos) return;
  YAML::Mark quote = MarkAt(text_, mark, node, open);
  int key_line = MarkAt(text_, quote, open, found).line + 1;
  std::string closing(1, text_[open]);
  Problem(quote, "this quoted text does not end on its line and takes in '" + std::string(key) +
                     "' (line " + std::to_string(key_line) +
                     "), which looks like a key: is the closing " + closing +
                     " missing? (text that spans lines can be written as a block scalar: "
                     "'note: >' and the text indented on the lines below)");
}

void ShapeChecker::Problem(const YAML::Mark& mark, std::string message) {
  if (static_cast<int64_t>(problems_.size()) >= limits_.max_errors) {
    throw ShapeError{YAML::Mark::null_mark(), "too many errors: stopped reading after " +
                                                  std::to_string(limits_.max_errors) +
                                                  " (raise with --max-errors)"};
  }
  problems_.push_back(ShapeError{mark, std::move(message)});
}

}  // namespace allot::detail
