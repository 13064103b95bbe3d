#include "render/number.hpp"

#include <cassert>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

#include "core/finite_output.hpp"

namespace allot::detail {

namespace {

// The digits of |value| in its shortest round-trip form, and where the
// decimal point goes: |value| = 0.<digits> * 10^point.
struct Digits {
  std::string digits;
  int point = 0;
};

Digits ShortestDigits(double value) {
  char buffer[64];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, std::fabs(value),
                              std::chars_format::scientific);
  assert(result.ec == std::errc());
  std::string text(buffer, result.ptr);  // "d.ddde+XX" or "de-XX"
  size_t e = text.find('e');
  Digits d;
  for (size_t i = 0; i < e; ++i) {
    if (text[i] != '.') d.digits += text[i];
  }
  d.point = std::atoi(text.c_str() + e + 1) + 1;
  return d;
}

// Rounds `d` to `decimals` places, halves away from zero (d is a magnitude,
// so "up" is away from zero), and writes it with exactly that many places.
std::string RoundedText(Digits d, int decimals) {
  int keep = d.point + decimals;  // digits that survive
  if (keep < 0) return decimals > 0 ? "0." + std::string(static_cast<size_t>(decimals), '0') : "0";
  std::string digits = d.digits;
  if (static_cast<size_t>(keep) < digits.size()) {
    bool up = digits[static_cast<size_t>(keep)] >= '5';  // a tie or more: away from zero
    digits.resize(static_cast<size_t>(keep));
    for (size_t i = digits.size(); up && i > 0; --i) {
      up = digits[i - 1] == '9';
      digits[i - 1] = up ? '0' : static_cast<char>(digits[i - 1] + 1);
    }
    if (up) {
      digits.insert(0, "1");
      ++d.point;
      ++keep;
    }
  }
  digits.resize(static_cast<size_t>(keep), '0');
  // Put the point in: integer digits first, padded with zeros on the left.
  std::string whole = d.point > 0 ? digits.substr(0, static_cast<size_t>(d.point)) : "";
  std::string fraction = d.point > 0 ? digits.substr(static_cast<size_t>(d.point))
                                     : std::string(static_cast<size_t>(-d.point), '0') + digits;
  fraction.resize(static_cast<size_t>(decimals), '0');
  if (whole.empty()) whole = "0";
  return decimals > 0 ? whole + "." + fraction : whole;
}

std::string InNotation(std::string text, Lang lang) {
  if (lang == Lang::kNl) {
    for (char& c : text) {
      if (c == '.') c = ',';
    }
  }
  return text;
}

bool IsZero(const std::string& text) { return text.find_first_not_of("0.") == std::string::npos; }

}  // namespace

std::string Decimal(double value, int decimals, Lang lang, bool sign) {
  CheckFinite(value);
  assert(decimals >= 0 && decimals <= 17);
  std::string text =
      value == 0 ? RoundedText({"0", 1}, decimals) : RoundedText(ShortestDigits(value), decimals);
  if (!IsZero(text)) {
    if (value < 0) {
      text.insert(0, "-");
    } else if (sign) {
      text.insert(0, "+");
    }
  }
  return InNotation(text, lang);
}

std::string DecimalTrimmed(double value, int decimals, Lang lang) {
  std::string text = Decimal(value, decimals, Lang::kEn);
  if (text.find('.') != std::string::npos) {
    text.erase(text.find_last_not_of('0') + 1);
    if (text.back() == '.') text.pop_back();
  }
  return InNotation(text, lang);
}

std::string MarginUp(double value, int decimals, Lang lang) {
  CheckFinite(value);
  double scale = std::pow(10.0, decimals);
  return Decimal(std::ceil(value * scale - 1e-9) / scale, decimals, lang);
}

std::string Shortest(double value, Lang lang) {
  CheckFinite(value);
  if (value == 0) return "0";
  char buffer[32];
  if (std::fabs(value) < 1e15 && std::floor(value) == value) {
    std::snprintf(buffer, sizeof buffer, "%.0f", value);  // 60000, not 6e+04
    return buffer;
  }
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buffer, sizeof buffer, "%.*g", precision, value);
    if (std::strtod(buffer, nullptr) == value) break;
  }
  return InNotation(buffer, lang);
}

double Rounded(double value, int decimals) {
  double r = std::strtod(Decimal(value, decimals).c_str(), nullptr);
  return r == 0 ? 0.0 : r;
}

Money SignificantEuros(Money money, int digits) {
  int64_t cents = money.cents();
  // |INT64_MIN| does not fit; no cost per point comes near it.
  if (cents == std::numeric_limits<int64_t>::min()) return money;
  int64_t magnitude = cents < 0 ? -cents : cents;
  int64_t limit = 1;
  for (int d = 0; d < digits; ++d) limit *= 10;
  int64_t unit = 100;  // whole euros at least
  while (magnitude / unit >= limit && unit <= std::numeric_limits<int64_t>::max() / 10) unit *= 10;
  if (magnitude > std::numeric_limits<int64_t>::max() - unit / 2) return money;
  int64_t rounded = (magnitude + unit / 2) / unit * unit;
  return Money::FromCents(cents < 0 ? -rounded : rounded);
}

std::string MoneyChange(Money change, Lang lang) {
  if (change.IsZero()) return "0";
  return (change.cents() > 0 ? "+" : "") + FormatMoney(change, lang);
}

}  // namespace allot::detail
