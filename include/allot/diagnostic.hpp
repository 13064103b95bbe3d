// Diagnostics: how allot reports bad input.
//
// Bad user data is normal input: every stage that reads user data appends
// Diagnostics to a list instead of throwing, so that all errors of all files
// can be shown at once. Each one renders as
//
//   FILE:LINE:COL: error: message
//     offending line
//     ^
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace allot {

// The text of one input file and the name it is reported under. Shared by
// every location that points into it, so that a diagnostic can quote the
// offending line long after loading.
struct SourceText {
  std::string name;  // as given by the user, e.g. "scenarios/ckm.yaml"
  std::string text;  // the whole file
};

// A 1-based position in a SourceText. A default-constructed location has no
// source and renders without a file position.
struct SourceLocation {
  std::shared_ptr<const SourceText> source;
  int line = 0;    // 1-based; 0 = unknown
  int column = 0;  // 1-based; 0 = unknown
  // When the text at line:column was reached through a YAML alias (`*a`),
  // where that alias is (1-based; 0 = not through an alias): the anchored
  // text is shared by every use, so the use says which one is meant.
  int alias_line = 0;
  int alias_column = 0;
};

// One input error: where it is and what is wrong. Bad input is normal
// input, reported as a list of these; the driver prints them and exits 2.
struct Diagnostic {
  SourceLocation where;
  std::string message;  // one sentence, no trailing period, no "error:" prefix
};

// Every error found, in the order reported (the loaders sort each file's
// by position).
using Diagnostics = std::vector<Diagnostic>;

// "FILE:LINE:COL: error: message\n" followed, when the line is known, by the
// offending line and a caret under the column. A location reached through an
// alias adds " (through the alias at line L, column C)" to the message.
// Control characters in the message and the quoted line are shown escaped
// ("\x1b"), so that a file cannot send escape sequences to a terminal.
std::string FormatDiagnostic(const Diagnostic& d);

// Convenience for the common "append an error" pattern.
inline void AddError(Diagnostics& diags, SourceLocation where, std::string message) {
  diags.push_back(Diagnostic{std::move(where), std::move(message)});
}

// `text` with every control character (C0, DEL and C1, other than tab and
// line feed when `keep_tab_and_newline`) written as an escape: "\n", "\t",
// "\r", "\0", "\x1b", "\u009b". Printable text, UTF-8 included, is
// unchanged; so are bytes that are not valid UTF-8 (they cannot start an
// escape sequence on their own).
std::string EscapeControl(std::string_view text, bool keep_tab_and_newline = false);

// The closest candidate to `word` by edit distance, or "" when none is close
// enough to be a plausible typo (used for "did you mean 'budget'?").
std::string ClosestMatch(std::string_view word, const std::vector<std::string>& candidates);

// " (did you mean 'MATCH'?)" to append to an error, or "" when `match` is
// empty (ClosestMatch found nothing).
std::string DidYouMean(const std::string& match);

}  // namespace allot
