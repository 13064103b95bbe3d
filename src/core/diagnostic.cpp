#include "allot/diagnostic.hpp"

#include <algorithm>
#include <string>

#include "core/utf8.hpp"

namespace allot {

namespace {

// The text of 1-based line `line` of `text`, without its line break.
std::string_view LineText(std::string_view text, int line) {
  size_t start = 0;
  for (int i = 1; i < line; ++i) {
    size_t next = text.find('\n', start);
    if (next == std::string_view::npos) return {};
    start = next + 1;
  }
  size_t end = text.find('\n', start);
  std::string_view result = text.substr(start, end == std::string_view::npos ? end : end - start);
  if (!result.empty() && result.back() == '\r') result.remove_suffix(1);
  return result;
}

// Quoting a line of a huge or binary file would flood the terminal.
constexpr size_t kMaxQuotedLine = 200;

}  // namespace

std::string FormatDiagnostic(const Diagnostic& d) {
  std::string text;
  const SourceLocation& at = d.where;
  if (at.source) {
    text += EscapeControl(at.source->name);
    if (at.line > 0) {
      text += ':' + std::to_string(at.line);
      if (at.column > 0) text += ':' + std::to_string(at.column);
    }
    text += ": ";
  }
  text += "error: " + EscapeControl(d.message);
  if (at.alias_line > 0) {
    text += " (through the alias at line " + std::to_string(at.alias_line) + ", column " +
            std::to_string(at.alias_column) + ")";
  }
  text += "\n";
  if (!at.source || at.line <= 0) return text;
  std::string_view line = LineText(at.source->text, at.line);
  if (line.empty() || line.size() > kMaxQuotedLine || line.find('\0') != std::string_view::npos) {
    return text;
  }
  text += "  ";
  text += EscapeControl(line, true);
  text += "\n  ";
  // Keep tabs so the caret lines up under the column in any terminal; an
  // escaped control character takes the width of its escape.
  std::string before = EscapeControl(
      line.substr(0, std::min(line.size(), static_cast<size_t>(at.column - 1))), true);
  for (char c : before) text += c == '\t' ? '\t' : ' ';
  text += "^\n";
  return text;
}

namespace {

std::string Hex(unsigned value, int digits) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) out += kHex[(value >> shift) & 0xF];
  return out;
}

}  // namespace

std::string EscapeControl(std::string_view text, bool keep_tab_and_newline) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    auto c = static_cast<unsigned char>(text[i]);
    size_t length = detail::Utf8SequenceLength(text, i);
    if (length == 0) {  // not UTF-8: a lone 0x9b would be CSI to an 8-bit terminal
      out += "\\x" + Hex(c, 2);
      ++i;
    } else if (length == 2 && c == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0) {
      out += "\\u00" + Hex(static_cast<unsigned char>(text[i + 1]), 2);  // C1: U+0080-U+009F
      i += 2;
    } else if (length > 1 || (c >= 0x20 && c != 0x7F) ||
               (keep_tab_and_newline && (c == '\t' || c == '\n'))) {
      out.append(text.substr(i, length));
      i += length;
    } else {
      out += c == '\n'   ? "\\n"
             : c == '\t' ? "\\t"
             : c == '\r' ? "\\r"
             : c == 0    ? "\\0"
                         : "\\x" + Hex(c, 2);
      ++i;
    }
  }
  return out;
}

namespace {

// Optimal string alignment distance: insertions, deletions, substitutions
// and swaps of neighbours ("modle" -> "model") each count one. Only
// distances up to `limit` matter, so only the diagonal band |i - j| <= limit
// is computed, in three rows: O(length * limit) time and O(length) memory,
// even for ids megabytes long. Returns limit + 1 for anything farther.
size_t EditDistance(std::string_view a, std::string_view b, size_t limit) {
  size_t longer = std::max(a.size(), b.size());
  if (longer - std::min(a.size(), b.size()) > limit) return limit + 1;
  const size_t far = limit + 1;  // stands for "more than limit"
  std::vector<size_t> before(b.size() + 1, far), previous(b.size() + 1, far),
      current(b.size() + 1, far);
  for (size_t j = 0; j <= std::min(b.size(), limit); ++j) previous[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t low = i > limit ? i - limit : 0;
    size_t high = std::min(b.size(), i + limit);
    // Only the band is written; the cells just outside it, which the next
    // rows read, are marked far (filling whole rows would be quadratic).
    if (low == 0)
      current[0] = i;
    else
      current[low - 1] = far;
    if (high + 1 <= b.size()) current[high + 1] = far;
    size_t row_best = low == 0 ? current[0] : far;
    for (size_t j = std::max<size_t>(low, 1); j <= high; ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      size_t d = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d = std::min(d, before[j - 2] + 1);
      }
      current[j] = std::min(d, far);
      row_best = std::min(row_best, current[j]);
    }
    if (row_best > limit) return far;  // every path is already too far
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return std::min(previous[b.size()], far);
}

}  // namespace

std::string ClosestMatch(std::string_view word, const std::vector<std::string>& candidates) {
  // A third of the word's length, at least one and at most three edits: close
  // enough to be a typo, far enough apart not to suggest nonsense.
  size_t allowed = std::clamp<size_t>(word.size() / 3, 1, 3);
  std::string best;
  size_t best_distance = allowed + 1;
  for (const std::string& candidate : candidates) {
    size_t distance = EditDistance(word, candidate, allowed);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  return best;
}

std::string DidYouMean(const std::string& match) {
  return match.empty() ? std::string() : " (did you mean '" + match + "'?)";
}

}  // namespace allot
