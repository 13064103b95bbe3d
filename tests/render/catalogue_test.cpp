// The language catalogue (render/catalogue.hpp): every key in both
// languages, and no English left in the renderers outside it.
#include "render/catalogue.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.hpp"

using allot::Lang;
using allot::detail::CatalogueKeyName;
using allot::detail::CatalogueText;
using allot::detail::Key;
using allot::detail::Say;

namespace {

std::vector<Key> AllKeys() {
  std::vector<Key> keys;
  for (int k = 0; k < static_cast<int>(Key::kCount); ++k) keys.push_back(static_cast<Key>(k));
  return keys;
}

std::set<std::string> PlaceholdersOf(const std::string& text) {
  std::set<std::string> found;
  std::regex placeholder(R"(\{[0-9]\})");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), placeholder);
       it != std::sregex_iterator(); ++it) {
    found.insert(it->str());
  }
  return found;
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The string literals of C++ source `code` that a person would read as
// English words: two words in a row ("weighted score") or a capitalised
// word ("Summary"), after HTML tags, entities and {N} placeholders are
// taken out. Comments, #include lines and raw strings (the report's CSS)
// are skipped. Single lowercase words pass: they are the machine names of
// JSON keys, CSV columns and CSS classes, the same in every language.
std::vector<std::string> EnglishLiterals(const std::string& code) {
  std::vector<std::string> found;
  std::regex words(R"(\b[A-Za-z]{2,} [A-Za-z]{2,}\b|\b[A-Z][a-z]{2,}\b)");
  std::regex markup(R"(<[^>]*>?|&[a-z]+;|\{[0-9]\})");  // a tag may run to the end
  for (size_t i = 0; i < code.size(); ++i) {
    if (code.compare(i, 2, "//") == 0 || code.compare(i, 8, "#include") == 0) {
      i = code.find('\n', i);
      if (i == std::string::npos) break;
    } else if (code.compare(i, 2, "/*") == 0) {
      i = code.find("*/", i) + 1;
    } else if (code.compare(i, 3, "R\"(") == 0) {
      i = code.find(")\"", i) + 1;
    } else if (code[i] == '\'') {
      i = code.find('\'', i + (code[i + 1] == '\\' ? 2 : 1) + 1);
    } else if (code[i] == '"') {
      std::string literal;
      for (++i; i < code.size() && code[i] != '"'; ++i) {
        if (code[i] == '\\') ++i;
        literal += code[i];
      }
      std::string text = std::regex_replace(literal, markup, " ");
      if (std::regex_search(text, words)) found.push_back(literal);
    }
  }
  return found;
}

// Literals with words that are not output for people in a chosen language.
const std::set<std::string> kAllowed = {
    // Errors for the command line, which reports them on stderr in English
    // like every diagnostic.
    "cannot create workbook '",
    "cannot write workbook '",
    // A bug's message (std::logic_error), never output.
    "CSV: an estimate needs a column for its value and one for its error",
};

std::vector<std::string> EnglishOutsideCatalogue(const std::vector<std::string>& folders) {
  std::vector<std::string> found;
  for (const std::string& folder : folders) {
    for (const auto& entry :
         std::filesystem::directory_iterator(allot::testing::SourcePath(folder))) {
      std::string name = entry.path().filename().string();
      if (name.rfind("catalogue", 0) == 0) continue;
      for (const std::string& literal : EnglishLiterals(ReadFile(entry.path()))) {
        if (kAllowed.count(literal) == 0)
          found.push_back(folder + "/" + name + ": \"" + literal + "\"");
      }
    }
  }
  return found;
}

}  // namespace

TEST_CASE("every catalogue key has an English and a Dutch text with the same placeholders",
          "[catalogue]") {
  REQUIRE(AllKeys().size() > 100);
  for (Key key : AllKeys()) {
    INFO(CatalogueKeyName(key));
    std::string en = CatalogueText(key, Lang::kEn), nl = CatalogueText(key, Lang::kNl);
    CHECK(!en.empty());
    CHECK(!nl.empty());
    CHECK(PlaceholdersOf(en) == PlaceholdersOf(nl));
  }
}

TEST_CASE("every catalogue key is used by the code", "[catalogue]") {
  std::string code;
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(allot::testing::SourcePath("src"))) {
    std::string name = entry.path().filename().string();
    if (entry.is_regular_file() && name.rfind("catalogue", 0) != 0) code += ReadFile(entry.path());
  }
  for (Key key : AllKeys()) {
    std::string name = CatalogueKeyName(key);
    INFO(name);
    CHECK(code.find("Key::" + name) != std::string::npos);
  }
}

TEST_CASE("Say fills the placeholders in the order each language needs", "[catalogue]") {
  CHECK(Say(Key::kOvertakeTitle, Lang::kEn, {"T", "b", "a"}) ==
        "T: what would it take for b to catch up with a");
  CHECK(Say(Key::kOvertakeTitle, Lang::kNl, {"T", "b", "a"}) ==
        "T: wat is er nodig zodat b a inhaalt");
  CHECK(Say(Key::kNone, Lang::kNl) == "geen");
}

TEST_CASE("the scan finds English written into a renderer", "[catalogue]") {
  CHECK(EnglishLiterals(R"src(out << "Weighted score";)src").size() == 1);
  CHECK(EnglishLiterals(R"src(t.notes.push_back("each column adds up");)src").size() == 1);
  CHECK(EnglishLiterals(R"src(html += "<p>Money per year</p>";)src").size() == 1);
  // Not people's English: JSON keys, CSV columns, markup, comments, CSS.
  CHECK(EnglishLiterals(R"src(j["total_cents"] = 1; TextColumn("weight_set");)src").empty());
  CHECK(EnglishLiterals(R"src(html += "<td class=\"num\">"; // Weighted score)src").empty());
  CHECK(EnglishLiterals("const char* kCss = R\"(body { font: 1em sans-serif })\";").empty());
}

TEST_CASE("no English sentence or label is written by a renderer outside the catalogue",
          "[catalogue]") {
  // src/cli writes --help texts, usage errors and diagnostics: those stay
  // English by design (docs/output.md, "Languages") and are not scanned.
  std::vector<std::string> found = EnglishOutsideCatalogue({"src/render", "src/report"});
  std::string list;
  for (const std::string& f : found) list += "\n  " + f;
  INFO("user-visible English outside src/render/catalogue.inc:" << list);
  CHECK(found.empty());
}
