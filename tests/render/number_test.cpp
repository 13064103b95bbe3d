// The one rounding rule (render/number.hpp): the shortest decimal text of a
// double, rounded half away from zero.
#include "render/number.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "core/finite_output.hpp"

using allot::Lang;
using allot::Money;
using allot::detail::Decimal;
using allot::detail::DecimalTrimmed;
using allot::detail::MoneyChange;
using allot::detail::Rounded;
using allot::detail::Shortest;
using allot::detail::SignificantEuros;

TEST_CASE("halves round away from zero on the decimal the JSON shows", "[number]") {
  CHECK(Decimal(0.125, 2) == "0.13");  // printf's "%.2f" gives 0.12 (ties to even)
  CHECK(Decimal(-0.125, 2) == "-0.13");
  CHECK(Decimal(0.0625, 3) == "0.063");
  CHECK(Decimal(0.1875, 3) == "0.188");
  CHECK(Decimal(2.675, 2) == "2.68");  // stored as 2.67499999...; its shortest text is 2.675
  CHECK(Decimal(1.005, 2) == "1.01");
  CHECK(Decimal(0.5, 0) == "1");
  CHECK(Decimal(1.5, 0) == "2");
  CHECK(Decimal(2.5, 0) == "3");
  CHECK(Decimal(-2.5, 0) == "-3");
  CHECK(Decimal(0.124999, 2) == "0.12");
}

TEST_CASE("a carry runs through every nine and can add a digit", "[number]") {
  CHECK(Decimal(9.995, 2) == "10.00");
  CHECK(Decimal(99.95, 1) == "100.0");
  CHECK(Decimal(0.9996, 3) == "1.000");
  CHECK(Decimal(-999.5, 0) == "-1000");
}

TEST_CASE("small, large and whole numbers get their zeros", "[number]") {
  CHECK(Decimal(0, 2) == "0.00");
  CHECK(Decimal(7, 0) == "7");
  CHECK(Decimal(7, 3) == "7.000");
  CHECK(Decimal(0.004, 2) == "0.00");
  CHECK(Decimal(0.005, 2) == "0.01");
  CHECK(Decimal(0.0004, 3) == "0.000");
  CHECK(Decimal(1e-9, 2) == "0.00");
  CHECK(Decimal(123456789.125, 2) == "123456789.13");
  CHECK(Decimal(1e20, 1) == "100000000000000000000.0");
  CHECK(Decimal(0.000123456, 6) == "0.000123");
}

TEST_CASE("no minus zero, and '+' only for what rounds to a positive number", "[number]") {
  CHECK(Decimal(-0.0, 2) == "0.00");
  CHECK(Decimal(-0.001, 2) == "0.00");
  CHECK(Decimal(-0.001, 2, Lang::kEn, true) == "0.00");
  CHECK(Decimal(0.001, 2, Lang::kEn, true) == "0.00");
  CHECK(Decimal(0.005, 2, Lang::kEn, true) == "+0.01");
  CHECK(Decimal(-0.005, 2, Lang::kEn, true) == "-0.01");
  CHECK(Decimal(25.26, 2, Lang::kEn, true) == "+25.26");
}

TEST_CASE("Dutch writes a decimal comma and no thousands separator", "[number]") {
  CHECK(Decimal(0.237, 3, Lang::kNl) == "0,237");
  CHECK(Decimal(1234.5, 1, Lang::kNl, true) == "+1234,5");
  CHECK(Shortest(0.25, Lang::kNl) == "0,25");
  CHECK(DecimalTrimmed(0.5, 6, Lang::kNl) == "0,5");
}

TEST_CASE("trimmed and shortest forms", "[number]") {
  CHECK(DecimalTrimmed(0.5, 6) == "0.5");
  CHECK(DecimalTrimmed(2, 6) == "2");
  CHECK(DecimalTrimmed(1.23456789, 6) == "1.234568");
  CHECK(DecimalTrimmed(-0.0000001, 6) == "0");
  CHECK(Shortest(0.1 + 0.2) == "0.30000000000000004");
  CHECK(Shortest(60000) == "60000");
  CHECK(Shortest(1e-7) == "1e-07");
  CHECK(Shortest(-0.0) == "0");
}

TEST_CASE("JSON numbers are rounded by the same rule", "[number]") {
  CHECK(Rounded(0.1234565, 6) == 0.123457);
  CHECK(Rounded(2.675, 2) == 2.68);
  CHECK(Rounded(0.0625, 3) == 0.063);
  CHECK(Rounded(-0.0000001, 6) == 0.0);
  CHECK(!std::signbit(Rounded(-0.0000001, 6)));
  CHECK(Rounded(1.0 / 3, 9) == 0.333333333);
}

TEST_CASE("money changes carry their sign, no change is 0", "[number]") {
  CHECK(MoneyChange(Money::FromCents(10000000), Lang::kEn) == "+€100,000");
  CHECK(MoneyChange(Money::FromCents(-5000000), Lang::kNl) == "-€ 50.000");
  CHECK(MoneyChange(Money(), Lang::kEn) == "0");
}

TEST_CASE("money to significant digits, never finer than whole euros", "[number]") {
  auto cents = [](int64_t c) { return SignificantEuros(Money::FromCents(c), 3).cents(); };
  CHECK(cents(30789375) == 30800000);    // EUR 307,893.75 -> 308,000
  CHECK(cents(17472116) == 17500000);    // EUR 174,721.16 -> 175,000
  CHECK(cents(16450000) == 16500000);    // EUR 164,500 -> 165,000: a half rounds up
  CHECK(cents(-16450000) == -16500000);  // and away from zero below it
  CHECK(cents(16449999) == 16400000);    // just under the half
  CHECK(cents(99950000) == 100000000);   // EUR 999,500 -> 1,000,000: a carry adds a digit
  CHECK(cents(12345) == 12300);          // EUR 123.45 -> 123: whole euros at least
  CHECK(cents(12350) == 12400);          // EUR 123.50 -> 124
  CHECK(cents(49) == 0);                 // under half a euro
  CHECK(cents(0) == 0);
  CHECK(SignificantEuros(Money::FromCents(std::numeric_limits<int64_t>::max()), 3).cents() ==
        std::numeric_limits<int64_t>::max());  // no overflow: left as it is
}

TEST_CASE("the formatter refuses NaN and infinity", "[number]") {
  double nan = std::numeric_limits<double>::quiet_NaN();
  double inf = std::numeric_limits<double>::infinity();
  CHECK_THROWS_AS(Decimal(nan, 2), allot::detail::NonFiniteOutput);
  CHECK_THROWS_AS(Decimal(-inf, 2), allot::detail::NonFiniteOutput);
  CHECK_THROWS_AS(Shortest(inf), allot::detail::NonFiniteOutput);
  CHECK_THROWS_AS(Rounded(nan, 6), allot::detail::NonFiniteOutput);
}
