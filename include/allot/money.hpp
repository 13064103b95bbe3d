// Money: an exact signed count of cents. Never a double.
//
// Amounts enter allot as the text of a YAML number ("650000", "162500.50")
// and are parsed digit by digit, so no amount ever passes through binary
// floating point. Arithmetic is checked: an overflow is reported, never a
// wrap.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace allot {

// An amount of money: a signed count of cents in 64 bits, never a double.
// Inputs are at most 10^13 EUR (kMaxInputAmount); sums are computed with
// CheckedAdd where they could exceed 2^63 cents.
class Money {
 public:
  constexpr Money() = default;
  static constexpr Money FromCents(int64_t cents) { return Money(cents); }

  constexpr int64_t cents() const { return cents_; }
  constexpr bool IsZero() const { return cents_ == 0; }

  friend constexpr bool operator==(Money a, Money b) { return a.cents_ == b.cents_; }
  friend constexpr bool operator!=(Money a, Money b) { return a.cents_ != b.cents_; }
  friend constexpr bool operator<(Money a, Money b) { return a.cents_ < b.cents_; }
  friend constexpr bool operator<=(Money a, Money b) { return a.cents_ <= b.cents_; }
  friend constexpr bool operator>(Money a, Money b) { return a.cents_ > b.cents_; }
  friend constexpr bool operator>=(Money a, Money b) { return a.cents_ >= b.cents_; }

  // Unchecked in the sense of "cannot fail for validated input": callers use
  // these only on sums that validation has proven to fit (every resolved
  // scenario's grand total is computed with CheckedAdd first). An overflow
  // here is a bug in allot and aborts.
  Money operator+(Money other) const;
  Money operator-(Money other) const;
  Money& operator+=(Money other) { return *this = *this + other; }
  Money& operator-=(Money other) { return *this = *this - other; }

 private:
  constexpr explicit Money(int64_t cents) : cents_(cents) {}
  int64_t cents_ = 0;
};

// Checked arithmetic: nullopt on int64 overflow.
std::optional<Money> CheckedAdd(Money a, Money b);
std::optional<Money> CheckedSub(Money a, Money b);

// The largest amount an input may state: 10^13 EUR (DESIGN.md, "Money").
inline constexpr Money kMaxInputAmount = Money::FromCents(1'000'000'000'000'000);

// Why a money text was rejected.
enum class MoneyParseError {
  kNotANumber,       // "650k", "", "EUR 5"
  kTooManyDecimals,  // "1.005"
  kNegative,         // "-5"
  kTooLarge,         // over kMaxInputAmount
  kNotFinite,        // ".nan", ".inf"
  kLeadingZero,      // "0650000": octal to YAML 1.1 readers
};

// The result of ParseMoney: the amount, or why the text is not one.
struct MoneyParse {
  std::optional<Money> value;
  MoneyParseError error = MoneyParseError::kNotANumber;
};

// Parses the text of a plain YAML number: digits with an optional '.' and at
// most two decimals and an optional leading '+'; no leading zero ("0650000"),
// which YAML 1.1 readers take for octal ("0" and "0.50" are fine).
// An exponent ("1e6", "1.5E+3") is accepted when the value is a whole
// number of cents.
MoneyParse ParseMoney(std::string_view text);

// A sentence describing a MoneyParseError, e.g. "amount has more than two
// decimals".
std::string DescribeMoneyParseError(MoneyParseError error);

// The language of labels and number formats for people: English or Dutch.
enum class Lang { kEn, kNl };

// "€650,000" (en) / "€ 650.000" (nl); cents are shown only when not zero
// ("€650,000.50" / "€ 650.000,50"). Negative amounts get a leading minus
// ("-€1,000" / "-€ 1.000").
std::string FormatMoney(Money m, Lang lang);

// Euros with exactly two decimals and no grouping, "650000.00": the form
// used in CSV and in error messages where a plain number is wanted.
std::string FormatMoneyPlain(Money m);

}  // namespace allot
