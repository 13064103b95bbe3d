// The page of `allot serve`, compiled into the binary (internal to
// src/serve/). The bytes are generated from src/serve/assets/ by
// cmake/EmbedAssets.cmake; nothing is read from disk at run time.
#pragma once

#include <cstddef>

namespace allot::serve {

struct Asset {
  const char* path;          // the URL path: "/" for index.html, "/app.js", ...
  const char* content_type;  // "text/html; charset=utf-8", ...
  const unsigned char* data;
  size_t size;
};

extern const Asset kAssets[];
extern const size_t kAssetCount;

}  // namespace allot::serve
