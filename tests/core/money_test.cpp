#include "allot/money.hpp"

#include <catch2/catch.hpp>

using allot::DescribeMoneyParseError;
using allot::FormatMoney;
using allot::FormatMoneyPlain;
using allot::Lang;
using allot::Money;
using allot::MoneyParseError;
using allot::ParseMoney;

namespace {

int64_t Cents(const char* text) {
  allot::MoneyParse parsed = ParseMoney(text);
  REQUIRE(parsed.value);
  return parsed.value->cents();
}

MoneyParseError ErrorOf(const char* text) {
  allot::MoneyParse parsed = ParseMoney(text);
  REQUIRE_FALSE(parsed.value);
  return parsed.error;
}

}  // namespace

TEST_CASE("amounts are parsed from their text, digit by digit", "[money]") {
  CHECK(Cents("650000") == 65000000);
  CHECK(Cents("162500.50") == 16250050);
  CHECK(Cents("162500.5") == 16250050);
  CHECK(Cents("0.01") == 1);
  CHECK(Cents("+7") == 700);
  CHECK(Cents("0") == 0);
  CHECK(Cents("-0") == 0);
  // 0.1 + 0.2 is not 0.3 in binary; here it is exact.
  CHECK(Cents("0.30") == 30);
}

TEST_CASE("an exponent is accepted when it lands on whole cents", "[money]") {
  CHECK(Cents("1e6") == 100000000);
  CHECK(Cents("1.5E+3") == 150000);
  CHECK(Cents("125e-2") == 125);
  CHECK(ErrorOf("1e-3") == MoneyParseError::kTooManyDecimals);
}

TEST_CASE("malformed amounts are rejected with the reason", "[money]") {
  CHECK(ErrorOf("1.005") == MoneyParseError::kTooManyDecimals);
  CHECK(ErrorOf("1.000") == MoneyParseError::kTooManyDecimals);
  CHECK(ErrorOf("-5") == MoneyParseError::kNegative);
  CHECK(ErrorOf("650k") == MoneyParseError::kNotANumber);
  CHECK(ErrorOf("") == MoneyParseError::kNotANumber);
  CHECK(ErrorOf(".") == MoneyParseError::kNotANumber);
  CHECK(ErrorOf("1,000") == MoneyParseError::kNotANumber);
  CHECK(ErrorOf("0x10") == MoneyParseError::kNotANumber);
  CHECK(ErrorOf(".nan") == MoneyParseError::kNotFinite);
  CHECK(ErrorOf("-.inf") == MoneyParseError::kNotFinite);
  CHECK(DescribeMoneyParseError(MoneyParseError::kTooManyDecimals) ==
        "amount has more than two decimals");
}

TEST_CASE("amounts up to 10^13 EUR are accepted and larger ones refused", "[money]") {
  CHECK(Cents("10000000000000") == 1'000'000'000'000'000);
  CHECK(Cents("10000000000000.00") == 1'000'000'000'000'000);
  CHECK(ErrorOf("10000000000000.01") == MoneyParseError::kTooLarge);
  CHECK(ErrorOf("99999999999999999999999999999") == MoneyParseError::kTooLarge);
  CHECK(ErrorOf("1e300") == MoneyParseError::kTooLarge);
}

TEST_CASE("checked arithmetic reports overflow instead of wrapping", "[money]") {
  Money max = Money::FromCents(INT64_MAX);
  CHECK_FALSE(allot::CheckedAdd(max, Money::FromCents(1)));
  CHECK_FALSE(allot::CheckedSub(Money::FromCents(INT64_MIN), Money::FromCents(1)));
  CHECK(allot::CheckedAdd(Money::FromCents(1), Money::FromCents(2))->cents() == 3);
}

TEST_CASE("money is formatted per language", "[money]") {
  CHECK(FormatMoney(Money::FromCents(65000000), Lang::kEn) == "€650,000");
  CHECK(FormatMoney(Money::FromCents(65000000), Lang::kNl) == "€ 650.000");
  CHECK(FormatMoney(Money::FromCents(65000050), Lang::kEn) == "€650,000.50");
  CHECK(FormatMoney(Money::FromCents(65000005), Lang::kNl) == "€ 650.000,05");
  CHECK(FormatMoney(Money::FromCents(-100000), Lang::kEn) == "-€1,000");
  CHECK(FormatMoney(Money::FromCents(0), Lang::kEn) == "€0");
  CHECK(FormatMoney(Money::FromCents(INT64_MIN), Lang::kEn) == "-€92,233,720,368,547,758.08");
  CHECK(FormatMoneyPlain(Money::FromCents(600000000)) == "6000000.00");
  CHECK(FormatMoneyPlain(Money::FromCents(-5)) == "-0.05");
}
