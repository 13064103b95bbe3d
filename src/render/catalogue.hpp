// The language catalogue: every word and sentence that allot shows people,
// in English and Dutch (internal; docs/output.md, "Languages").
//
// The texts live in one table, render/catalogue.inc, one line per key:
//
//   ALLOT_TEXT(kTornadoTitle, "{0}: tornado", "{0}: tornado")
//
// "{0}".."{9}" are filled in by Say(), in whatever order the language needs
// them ("{1} haalt {0} in"). Each line names its key, so a missing text is
// a compile error, never a shifted label, and the build checks that every
// key has both languages with the same placeholders. Ids, numbers and
// amounts are never in the catalogue: callers format them (render/number.hpp)
// and pass them in.
//
// Add a key: one line in catalogue.inc, in the block of the output that
// uses it. tests/render/catalogue_test.cpp fails when a renderer writes an
// English sentence of its own instead.
#pragma once

#include <string>
#include <vector>

#include "allot/money.hpp"

namespace allot::detail {

enum class Key : int {
#define ALLOT_TEXT(key, en, nl) key,
#include "render/catalogue.inc"
#undef ALLOT_TEXT
  kCount
};

// The text of `key` in `lang`, with "{0}".."{9}" replaced by `args` (as
// many as the text has placeholders).
std::string Say(Key key, Lang lang, const std::vector<std::string>& args = {});

// The catalogue in one language, for code that says many things:
//   Words words(lang);  ...  words(Key::kReportContents)
class Words {
 public:
  explicit Words(Lang lang) : lang_(lang) {}
  std::string operator()(Key key, const std::vector<std::string>& args = {}) const {
    return Say(key, lang_, args);
  }
  Lang lang() const { return lang_; }

 private:
  Lang lang_;
};

// The text of `key` in `lang` exactly as the catalogue holds it (for tests).
const char* CatalogueText(Key key, Lang lang);

// The key's name as written in catalogue.inc ("kTornadoTitle"), for tests.
const char* CatalogueKeyName(Key key);

}  // namespace allot::detail
