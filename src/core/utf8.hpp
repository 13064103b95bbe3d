// UTF-8 sequences, for the code that must tell text from bytes (internal).
#pragma once

#include <cstddef>
#include <string_view>

namespace allot::detail {

// The length of the UTF-8 sequence starting at text[i], or 0 if it is
// invalid (overlong forms, surrogates and code points past U+10FFFF
// included). Precondition: i < text.size().
size_t Utf8SequenceLength(std::string_view text, size_t i);

}  // namespace allot::detail
