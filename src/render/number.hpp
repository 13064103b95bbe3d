// The one number formatter of every output (internal; docs/output.md,
// "Numbers").
//
// One rounding rule everywhere: a double is first written as its shortest
// decimal text that reads back as the same double (what the JSON and CSV
// show for it: 0.125, 2.675, 0.0625), and that decimal is rounded to the
// wanted number of places, halves away from zero: 0.125 -> "0.13",
// 2.675 -> "2.68", 0.0625 -> "0.063", -0.125 -> "-0.13". A reader who
// checks a rounded figure against the full one in the JSON always finds it
// rounded the way school arithmetic does; the binary value of the double
// (2.675 is stored as 2.67499999...) never shows through. Money is not a
// double and never passes through here: core/money formats exact cents.
//
// Every function refuses NaN and infinity (core/finite_output.hpp).
#pragma once

#include <string>

#include "allot/money.hpp"

namespace allot::detail {

// `value` with exactly `decimals` places (0..17) by the rule above, in the
// notation of `lang` ("17.35" / "17,35"; no thousands separator). A value
// that rounds to zero prints without a sign ("0.00", never "-0.00"); with
// `sign`, a value that rounds to a positive number gets a leading '+'.
std::string Decimal(double value, int decimals, Lang lang = Lang::kEn, bool sign = false);

// `value` with at most `decimals` places by the same rule, trailing zeros
// (and a trailing point) dropped: 0.5 -> "0.5", 2 -> "2", 1.2345678 -> "1.234568".
std::string DecimalTrimmed(double value, int decimals, Lang lang = Lang::kEn);

// A margin (the "±" of an estimate) with `decimals` places, rounded UP:
// the one exception to the rule above, because a margin shown smaller than
// it is overstates the precision (0.019 at one place is "0.1", never
// "0.0"). Values within 1e-9 of the places shown are not pushed up.
std::string MarginUp(double value, int decimals, Lang lang = Lang::kEn);

// Every digit: the shortest text that reads back as the same double
// ("0.25", "1e-07", "60000"), "-0" as "0"; in the notation of `lang`.
// For CSV columns that must not lose precision.
std::string Shortest(double value, Lang lang = Lang::kEn);

// The number a JSON document stores: `value` rounded to `decimals` places
// by the same rule (then the nearest double to that decimal, which the JSON
// writer prints as that decimal), no -0. Every JSON document writes six
// decimals: more would show noise (docs/output.md). The analyses' tie-breaks
// that compare at nine decimals use it too.
double Rounded(double value, int decimals);

// `money` rounded to `digits` significant digits, but never finer than whole
// euros, halves away from zero: EUR 307,893.75 -> EUR 308,000 at three,
// EUR 123.45 -> EUR 123. For money derived from judged figures (cost per
// weighted point), whose inputs carry no more precision than that.
Money SignificantEuros(Money money, int digits);

// A change in money for people: "+€100,000", "-€ 50.000", and "0" for no
// change.
std::string MoneyChange(Money change, Lang lang);

}  // namespace allot::detail
