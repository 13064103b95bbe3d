#include "render/json_output.hpp"

#include "core/finite_output.hpp"

namespace allot::detail {

void WriteJson(const Json& json, std::ostream& out) {
  out << CheckedJson(json).dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace allot::detail
