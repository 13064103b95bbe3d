// Words and dates of the HTML and XLSX reports (internal). Every text comes
// from the language catalogue (render/catalogue.inc, the kReport... keys).
#pragma once

#include <string>

#include "allot/money.hpp"
#include "render/catalogue.hpp"

namespace allot::detail {

// "2023-10-03" as "3 October 2023" (en) / "3 oktober 2023" (nl); any other
// text is returned as written.
std::string FormatDate(const std::string& iso_date, Lang lang);

}  // namespace allot::detail
