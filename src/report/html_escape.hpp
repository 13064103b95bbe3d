// Escaping text for HTML and SVG (internal).
#pragma once

#include <string>

namespace allot::detail {

// `text` safe both as element content and inside a double- or
// single-quoted attribute value: & < > " ' become character references.
// Every string that comes from a file (names, ids, sources, notes) goes
// through this before it reaches the report.
std::string EscapeHtml(const std::string& text);

}  // namespace allot::detail
