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
};

struct Diagnostic {
  SourceLocation where;
  std::string message;  // one sentence, no trailing period, no "error:" prefix
};

using Diagnostics = std::vector<Diagnostic>;

// "FILE:LINE:COL: error: message\n" followed, when the line is known, by the
// offending line and a caret under the column.
std::string FormatDiagnostic(const Diagnostic& d);

// Convenience for the common "append an error" pattern.
inline void AddError(Diagnostics& diags, SourceLocation where, std::string message) {
  diags.push_back(Diagnostic{std::move(where), std::move(message)});
}

// The closest candidate to `word` by edit distance, or "" when none is close
// enough to be a plausible typo (used for "did you mean 'budget'?").
std::string ClosestMatch(std::string_view word, const std::vector<std::string>& candidates);

// " (did you mean 'MATCH'?)" to append to an error, or "" when `match` is
// empty (ClosestMatch found nothing).
std::string DidYouMean(const std::string& match);

}  // namespace allot
