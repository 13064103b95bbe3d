#include "render/catalogue.hpp"

#include <cassert>

namespace allot::detail {

namespace {

struct Entry {
  const char* name;
  const char* en;
  const char* nl;
};

// Which of "{0}".."{9}" a text uses, as bits.
constexpr unsigned Placeholders(const char* text) {
  unsigned used = 0;
  for (const char* p = text; *p; ++p) {
    if (p[0] == '{' && p[1] >= '0' && p[1] <= '9' && p[2] == '}') used |= 1u << (p[1] - '0');
  }
  return used;
}

// Both texts present, and the same placeholders in both languages.
constexpr bool Complete(const char* en, const char* nl) {
  return en[0] != 0 && nl[0] != 0 && Placeholders(en) == Placeholders(nl);
}

#define ALLOT_TEXT(key, en, nl) \
  static_assert(Complete(en, nl), #key ": needs an English and a Dutch text with the same {N}");
#include "render/catalogue.inc"
#undef ALLOT_TEXT

constexpr Entry kEntries[] = {
#define ALLOT_TEXT(key, en, nl) {#key, en, nl},
#include "render/catalogue.inc"
#undef ALLOT_TEXT
};

static_assert(sizeof kEntries / sizeof kEntries[0] == static_cast<size_t>(Key::kCount));

const Entry& EntryFor(Key key) { return kEntries[static_cast<size_t>(key)]; }

}  // namespace

const char* CatalogueText(Key key, Lang lang) {
  return lang == Lang::kNl ? EntryFor(key).nl : EntryFor(key).en;
}

const char* CatalogueKeyName(Key key) { return EntryFor(key).name; }

std::string Say(Key key, Lang lang, const std::vector<std::string>& args) {
  const char* text = CatalogueText(key, lang);
  assert(Placeholders(text) == (args.empty() ? 0u : (1u << args.size()) - 1));
  std::string out;
  for (const char* p = text; *p; ++p) {
    if (p[0] == '{' && p[1] >= '0' && p[1] <= '9' && p[2] == '}') {
      size_t n = static_cast<size_t>(p[1] - '0');
      if (n < args.size()) out += args[n];
      p += 2;
    } else {
      out += *p;
    }
  }
  return out;
}

}  // namespace allot::detail
