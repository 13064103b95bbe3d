// The width of text in a terminal or a fixed-width cell (internal).
#pragma once

#include <cstddef>
#include <string>

namespace allot::detail {

// The number of columns a UTF-8 string takes: one per code point ("€" is
// one), which is right for the Latin, Greek and symbol characters allot
// prints.
inline size_t DisplayWidth(const std::string& text) {
  size_t width = 0;
  for (unsigned char c : text) {
    if ((c & 0xC0) != 0x80) ++width;  // count lead bytes only
  }
  return width;
}

}  // namespace allot::detail
