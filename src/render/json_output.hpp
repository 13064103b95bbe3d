// Writing a JSON document (internal): every command's machine interface
// ends here.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>

namespace allot::detail {

// Objects keep their keys in the order they were added: the documented order.
using Json = nlohmann::ordered_json;

// Writes `json` two-space indented with a final newline, after checking that
// it holds no NaN or infinity (core/finite_output.hpp). Invalid UTF-8 in a
// name from a file is replaced, never a reason to abort. Numbers are
// whatever the caller put in: scores and shares go through Rounded(v, 6).
void WriteJson(const Json& json, std::ostream& out);

}  // namespace allot::detail
