// The thin layer between allot's loaders and yaml-cpp (internal).
//
// Everything yaml-cpp throws is caught here and becomes a Diagnostic; the
// loaders above never see a yaml-cpp exception from parsing.
#pragma once

#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "allot/diagnostic.hpp"
#include "allot/load.hpp"

namespace allot::detail {

// The 1-based location of a yaml-cpp Mark (which is 0-based). A null mark
// gives line 0: the file name alone.
SourceLocation LocationOf(const std::shared_ptr<const SourceText>& source, const YAML::Mark& mark);

// The 1-based location of byte `offset` of `source`'s text.
SourceLocation LocationOfByte(const std::shared_ptr<const SourceText>& source, size_t offset);

// The offset of the first byte that keeps `text` from being UTF-8 text (a
// NUL byte or an invalid UTF-8 sequence), or std::string_view::npos.
size_t FindNonTextByte(std::string_view text);

// One use of an alias (`*a`) in a document: where it is, and where the key
// it is the value of is (a null mark for a list element).
struct AliasUse {
  YAML::Mark use;
  YAML::Mark key;
};
// The alias uses of a document by the key path of the value they stand for
// ("lines[3].budget"), spelled as the loaders spell paths (common.hpp).
using AliasUses = std::unordered_map<std::string, AliasUse>;

// Parses the one YAML document of `source`. Before building any node, it
// rejects what yaml-cpp would accept but allot must not: an empty file,
// binary content, more than one document, nesting deeper than
// limits.max_depth, more than limits.max_nodes nodes or
// limits.max_expanded_bytes bytes of text (every alias counted as the whole
// subtree it names), aliases that contain themselves, tags other than the
// YAML core schema's, and a quoted string that takes in lines that look
// like keys (an unclosed quote). Returns a mapping, sequence or scalar
// node; on any error appends diagnostics and returns nullopt. With
// `aliases`, also returns where each alias is used. Throws std::bad_alloc
// when memory runs out, and nothing else.
std::optional<YAML::Node> ParseYaml(const std::shared_ptr<const SourceText>& source,
                                    Diagnostics& diags, const LoadLimits& limits,
                                    AliasUses* aliases = nullptr);

}  // namespace allot::detail
