// The last guard before output: no NaN or infinity ever reaches a user
// (internal; docs/limits.md, "Non-finite numbers").
//
// The loader bounds every input so that every number allot computes is
// finite; a NaN or inf at a renderer is therefore a bug. Printing it as
// "nan", or as JSON `null`, would pass a wrong figure off as a result, so the
// number formatters throw NonFiniteOutput instead. RunCli reports it as
// `allot: internal error: …` with exit code 1; every command renders into
// memory before writing, so no output and no partial file is written
// (batch writes run by run: its --output temporary is removed, but
// standard output keeps the runs before).
#pragma once

#include <cmath>
#include <stdexcept>

namespace allot::detail {

class NonFiniteOutput : public std::logic_error {
 public:
  NonFiniteOutput();
};

// `value` unchanged; throws NonFiniteOutput when it is NaN or infinite.
inline double CheckFinite(double value) {
  if (!std::isfinite(value)) throw NonFiniteOutput();
  return value;
}

// `j` unchanged; throws NonFiniteOutput when any number in it is NaN or
// infinite (nlohmann::json would write them as `null`). For nlohmann::json
// and ordered_json: call as `CheckedJson(j).dump(2)`.
template <typename Json>
const Json& CheckedJson(const Json& j) {
  if (j.is_number_float()) {
    CheckFinite(j.template get<double>());
  } else if (j.is_structured()) {
    for (const auto& element : j) CheckedJson(element);
  }
  return j;
}

}  // namespace allot::detail
