#include "allot/diagnostic.hpp"

#include <catch2/catch.hpp>

using allot::Diagnostic;
using allot::FormatDiagnostic;
using allot::SourceLocation;
using allot::SourceText;

namespace {

SourceLocation At(const char* text, int line, int column) {
  auto source = std::make_shared<const SourceText>(SourceText{"f.yaml", text});
  return SourceLocation{source, line, column};
}

}  // namespace

TEST_CASE("a diagnostic quotes its line with a caret under the column", "[diagnostic]") {
  Diagnostic d{At("a: 1\nbudjet: neutral\n", 2, 1), "budjet: unknown key"};
  CHECK(FormatDiagnostic(d) ==
        "f.yaml:2:1: error: budjet: unknown key\n"
        "  budjet: neutral\n"
        "  ^\n");
  Diagnostic indented{At("x:\n\t  y: 2\r\n", 2, 4), "bad"};
  // Tabs are kept in the caret line so it lines up; a CR is not quoted.
  CHECK(FormatDiagnostic(indented) == "f.yaml:2:4: error: bad\n  \t  y: 2\n  \t  ^\n");
}

TEST_CASE("a diagnostic without a position names only what it can", "[diagnostic]") {
  CHECK(FormatDiagnostic(Diagnostic{{}, "--weights: unknown weight set 'x'"}) ==
        "error: --weights: unknown weight set 'x'\n");
  CHECK(FormatDiagnostic(Diagnostic{At("", 0, 0), "cannot open"}) ==
        "f.yaml: error: cannot open\n");
}

TEST_CASE("did-you-mean suggests only plausible typos", "[diagnostic]") {
  std::vector<std::string> keys = {"budget", "base", "name", "changes"};
  CHECK(allot::ClosestMatch("budjet", keys) == "budget");
  CHECK(allot::ClosestMatch("chnages", keys) == "changes");
  CHECK(allot::ClosestMatch("zzzzzz", keys).empty());
  CHECK(allot::ClosestMatch("x", {}).empty());
}
