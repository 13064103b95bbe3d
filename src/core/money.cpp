#include "allot/money.hpp"

#include <cstdlib>
#include <string>

namespace allot {

Money Money::operator+(Money other) const {
  int64_t sum = 0;
  // Validation proves every sum allot forms fits; reaching this is a bug.
  if (__builtin_add_overflow(cents_, other.cents_, &sum)) std::abort();
  return Money(sum);
}

Money Money::operator-(Money other) const {
  int64_t difference = 0;
  if (__builtin_sub_overflow(cents_, other.cents_, &difference)) std::abort();
  return Money(difference);
}

std::optional<Money> CheckedAdd(Money a, Money b) {
  int64_t sum = 0;
  if (__builtin_add_overflow(a.cents(), b.cents(), &sum)) return std::nullopt;
  return Money::FromCents(sum);
}

std::optional<Money> CheckedSub(Money a, Money b) {
  int64_t difference = 0;
  if (__builtin_sub_overflow(a.cents(), b.cents(), &difference)) return std::nullopt;
  return Money::FromCents(difference);
}

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsNonFiniteSpelling(std::string_view t) {
  if (!t.empty() && (t[0] == '+' || t[0] == '-')) t.remove_prefix(1);
  return t == ".nan" || t == ".NaN" || t == ".NAN" || t == ".inf" || t == ".Inf" || t == ".INF";
}

// The digits of a decimal number split at its point, with the exponent
// applied by moving the point. "1.5e3" -> whole "1500", fraction "".
struct DecimalDigits {
  std::string whole;
  std::string fraction;
};

bool SplitDecimal(std::string_view text, DecimalDigits& out) {
  size_t i = 0;
  while (i < text.size() && IsDigit(text[i])) out.whole += text[i++];
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && IsDigit(text[i])) out.fraction += text[i++];
  }
  if (out.whole.empty() && out.fraction.empty()) return false;
  if (i == text.size()) return true;
  if (text[i] != 'e' && text[i] != 'E') return false;
  ++i;
  bool negative = false;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
  if (i == text.size() || text.size() - i > 3) return false;  // at most e999
  int exponent = 0;
  for (; i < text.size(); ++i) {
    if (!IsDigit(text[i])) return false;
    exponent = exponent * 10 + (text[i] - '0');
  }
  if (negative) {
    std::string digits = std::string(exponent, '0') + out.whole;
    out.fraction = digits.substr(digits.size() - static_cast<size_t>(exponent)) + out.fraction;
    out.whole = digits.substr(0, digits.size() - static_cast<size_t>(exponent));
  } else {
    out.fraction += std::string(static_cast<size_t>(exponent), '0');
    out.whole += out.fraction.substr(0, static_cast<size_t>(exponent));
    out.fraction.erase(0, static_cast<size_t>(exponent));
  }
  return true;
}

}  // namespace

MoneyParse ParseMoney(std::string_view text) {
  MoneyParse result;
  if (IsNonFiniteSpelling(text)) {
    result.error = MoneyParseError::kNotFinite;
    return result;
  }
  bool negative = false;
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
    negative = text[0] == '-';
    text.remove_prefix(1);
  }
  DecimalDigits digits;
  if (!SplitDecimal(text, digits)) return result;  // kNotANumber
  // YAML 1.1 (PyYAML, many spreadsheet importers) reads 0650000 as octal
  // 217,088: the same file would mean different money to different tools.
  if (text.size() > 1 && text[0] == '0' && IsDigit(text[1])) {
    result.error = MoneyParseError::kLeadingZero;
    return result;
  }
  // Trailing zeros past the cents change nothing, but the contract is "at
  // most two decimals" as written; an exponent may legitimately add zeros.
  size_t significant_fraction = digits.fraction.find_last_not_of('0') + 1;
  bool written_decimals = text.find_first_of("eE") == std::string_view::npos;
  if ((written_decimals ? digits.fraction.size() : significant_fraction) > 2) {
    result.error = MoneyParseError::kTooManyDecimals;
    return result;
  }
  std::string cents_digits = digits.whole + digits.fraction.substr(0, 2);
  cents_digits.append(2 - std::min<size_t>(2, digits.fraction.size()), '0');
  int64_t cents = 0;
  for (char c : cents_digits) {
    if (cents > kMaxInputAmount.cents()) break;  // stop before any overflow
    cents = cents * 10 + (c - '0');
  }
  if (cents > kMaxInputAmount.cents()) {
    result.error = MoneyParseError::kTooLarge;
    return result;
  }
  if (negative && cents != 0) {
    result.error = MoneyParseError::kNegative;
    return result;
  }
  result.value = Money::FromCents(cents);
  return result;
}

std::string DescribeMoneyParseError(MoneyParseError error) {
  switch (error) {
    case MoneyParseError::kNotANumber:
      return "expected an amount (a number with at most two decimals)";
    case MoneyParseError::kTooManyDecimals:
      return "amount has more than two decimals";
    case MoneyParseError::kNegative:
      return "amount is negative";
    case MoneyParseError::kTooLarge:
      return "amount is over the limit of 10^13";
    case MoneyParseError::kNotFinite:
      return "amount is not a finite number";
    case MoneyParseError::kLeadingZero:
      return "amount has a leading zero, which YAML 1.1 tools read as an octal number";
  }
  return "invalid amount";
}

namespace {

std::string GroupThousands(int64_t whole, char separator) {
  std::string digits = std::to_string(whole);
  std::string grouped;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += separator;
    grouped += digits[i];
  }
  return grouped;
}

// |cents| without overflow for INT64_MIN: work in unsigned.
uint64_t Magnitude(int64_t cents) {
  return cents < 0 ? uint64_t{0} - static_cast<uint64_t>(cents) : static_cast<uint64_t>(cents);
}

}  // namespace

std::string FormatMoney(Money m, Lang lang) {
  uint64_t magnitude = Magnitude(m.cents());
  int64_t whole = static_cast<int64_t>(magnitude / 100);
  int cents = static_cast<int>(magnitude % 100);
  bool dutch = lang == Lang::kNl;
  std::string text = m.cents() < 0 ? "-" : "";
  text += dutch ? "€ " : "€";
  text += GroupThousands(whole, dutch ? '.' : ',');
  if (cents != 0) {
    text += dutch ? ',' : '.';
    text += static_cast<char>('0' + cents / 10);
    text += static_cast<char>('0' + cents % 10);
  }
  return text;
}

std::string FormatMoneyPlain(Money m) {
  uint64_t magnitude = Magnitude(m.cents());
  std::string text = m.cents() < 0 ? "-" : "";
  text += std::to_string(magnitude / 100);
  text += '.';
  int cents = static_cast<int>(magnitude % 100);
  text += static_cast<char>('0' + cents / 10);
  text += static_cast<char>('0' + cents % 10);
  return text;
}

}  // namespace allot
