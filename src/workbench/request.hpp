// Reading the workbench's JSON requests (internal to src/workbench/).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>

#include "allot/diagnostic.hpp"
#include "allot/draft.hpp"
#include "allot/money.hpp"

namespace allot::detail {

using Json = nlohmann::ordered_json;

// A request that is not what the API accepts: the reply is 400 with this
// message. Thrown by the readers below and caught by the Workbench method
// that called them; it never leaves the library.
class BadRequest : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The request's JSON object. Throws BadRequest for anything else.
Json ParseRequest(const std::string& text);

// Member `key` as a string; `fallback` when absent (nullopt: required).
std::string StringField(const Json& object, const char* key,
                        const std::optional<std::string>& fallback = std::nullopt);

// "lang": "en" (default) or "nl".
Lang LangField(const Json& request);

// "lines": "all" (the default) or a list of line ids: which lines the
// reply lists (view.hpp, LineSelection).
struct LineSelection;
LineSelection LinesField(const Json& request);

// An edit as the page sends it ({"kind": "set_amount", ...}; docs/serve.md).
// A malformed edit throws BadRequest; an amount the user typed that is not
// a valid amount is a diagnostic (the edit is refused, not the request).
std::optional<DraftEdit> ParseEdit(const Json& edit, Diagnostics& diags);

}  // namespace allot::detail
