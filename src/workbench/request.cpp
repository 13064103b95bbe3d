// Reading the workbench's JSON requests: edits as the page sends them.
#include "workbench/request.hpp"

#include <charconv>
#include <limits>

#include "allot/render.hpp"
#include "workbench/view.hpp"

namespace allot::detail {

namespace {

const Json& Member(const Json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end()) throw BadRequest(std::string("missing \"") + key + "\"");
  return *it;
}

std::optional<std::string> OptionalString(const Json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return std::nullopt;
  if (!it->is_string()) throw BadRequest(std::string("\"") + key + "\" must be a string");
  return it->get<std::string>();
}

int YearField(const Json& object, const char* key) {
  const Json& value = Member(object, key);
  if (!value.is_number_integer() || value.get<int64_t>() < std::numeric_limits<int>::min() ||
      value.get<int64_t>() > std::numeric_limits<int>::max()) {
    throw BadRequest(std::string("\"") + key + "\" must be a year");
  }
  return value.get<int>();
}

bool BoolField(const Json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end()) return false;
  if (!it->is_boolean()) throw BadRequest(std::string("\"") + key + "\" must be true or false");
  return it->get<bool>();
}

// An amount the user typed, as text in EUR ("250000", "162500.50"): parsed
// exactly, as in a file. A bad amount is a diagnostic naming `what`.
std::optional<Money> AmountField(const Json& object, const char* key, const std::string& what,
                                 Diagnostics& diags) {
  const Json& value = Member(object, key);
  if (!value.is_string()) throw BadRequest(std::string("\"") + key + "\" must be a string");
  const std::string& text = value.get_ref<const std::string&>();
  MoneyParse parsed = ParseMoney(text);
  if (parsed.value) return parsed.value;
  std::string shown = text.size() > 40 ? text.substr(0, 40) + "..." : text;
  AddError(diags, {},
           what + ": " +
               (parsed.error == MoneyParseError::kNotANumber
                    ? "expected an amount in euros such as 250000 or 162500.50, got '" + shown + "'"
                    : DescribeMoneyParseError(parsed.error) + ": " + shown));
  return std::nullopt;
}

std::optional<DraftEdit> SetAmount(const Json& e, Diagnostics& diags) {
  std::optional<Money> amount = AmountField(e, "amount", "amount", diags);
  if (!amount) return std::nullopt;
  return SetAmountEdit{StringField(e, "line"), YearField(e, "year"), *amount,
                       OptionalString(e, "balance")};
}

std::optional<DraftEdit> Move(const Json& e, Diagnostics& diags) {
  std::optional<Money> amount = AmountField(e, "amount", "amount", diags);
  if (!amount) return std::nullopt;
  if (amount->IsZero()) {
    AddError(diags, {}, "amount: a move needs an amount greater than 0");
    return std::nullopt;
  }
  std::optional<int> year;
  if (e.contains("year") && !e["year"].is_null()) year = YearField(e, "year");
  return MoveEdit{MoveChange{*amount, StringField(e, "from"), StringField(e, "to"), year}};
}

std::optional<DraftEdit> AddLine(const Json& e, Diagnostics& diags) {
  AddLineEdit add{StringField(e, "id"),
                  StringField(e, "name"),
                  {},
                  OptionalString(e, "effects_like"),
                  OptionalString(e, "balance")};
  const Json& budget = Member(e, "budget");
  if (!budget.is_object()) throw BadRequest("\"budget\" must be an object of year: amount");
  bool ok = true;
  for (const auto& [key, value] : budget.items()) {
    int year = 0;
    auto [end, error] = std::from_chars(key.data(), key.data() + key.size(), year);
    if (error != std::errc() || end != key.data() + key.size()) {
      throw BadRequest("\"budget\": '" + key + "' is not a year");
    }
    Json one = {{"amount", value}};
    std::optional<Money> amount = AmountField(one, "amount", "budget." + key, diags);
    ok = ok && amount.has_value();
    if (amount) add.budget[year] = *amount;
  }
  if (!ok) return std::nullopt;
  return add;
}

std::optional<DraftEdit> BudgetRuleChange(const Json& e) {
  std::string rule = StringField(e, "rule");
  BudgetRule r;
  if (rule == "neutral") {
    r.kind = BudgetRuleKind::kNeutral;
  } else if (rule == "neutral-per-year") {
    r.kind = BudgetRuleKind::kNeutralPerYear;
  } else if (rule != "none") {
    throw BadRequest("\"rule\" must be none, neutral or neutral-per-year");
  }
  return BudgetRuleEdit{r};
}

}  // namespace

Json ParseRequest(const std::string& text) {
  Json request = Json::parse(text, nullptr, false);
  if (request.is_discarded()) throw BadRequest("the request is not JSON");
  if (!request.is_object()) throw BadRequest("the request must be a JSON object");
  return request;
}

std::string StringField(const Json& object, const char* key,
                        const std::optional<std::string>& fallback) {
  std::optional<std::string> value = OptionalString(object, key);
  if (value) return *value;
  if (fallback) return *fallback;
  throw BadRequest(std::string("missing \"") + key + "\"");
}

Lang LangField(const Json& request) {
  std::optional<Lang> parsed = ParseLang(StringField(request, "lang", std::string("en")));
  if (!parsed) throw BadRequest("\"lang\" must be en or nl");
  return *parsed;
}

LineSelection LinesField(const Json& request) {
  LineSelection selection;
  auto it = request.find("lines");
  if (it == request.end() || (it->is_string() && *it == "all")) return selection;
  if (!it->is_array()) throw BadRequest("\"lines\" must be \"all\" or a list of line ids");
  selection.all = false;
  for (const Json& id : *it) {
    if (!id.is_string()) throw BadRequest("\"lines\" must be \"all\" or a list of line ids");
    selection.ids.insert(id.get<std::string>());
  }
  return selection;
}

std::optional<DraftEdit> ParseEdit(const Json& edit, Diagnostics& diags) {
  if (!edit.is_object()) throw BadRequest("\"edit\" must be an object");
  std::string kind = StringField(edit, "kind");
  if (kind == "set_amount") return SetAmount(edit, diags);
  if (kind == "move") return Move(edit, diags);
  if (kind == "add_line") return AddLine(edit, diags);
  if (kind == "remove_line") {
    return RemoveLineEdit{StringField(edit, "line"), OptionalString(edit, "balance")};
  }
  if (kind == "budget_rule") return BudgetRuleChange(edit);
  if (kind == "describe") {
    return DescribeEdit{StringField(edit, "id"), StringField(edit, "name", std::string()),
                        StringField(edit, "note", std::string()),
                        StringField(edit, "source", std::string()),
                        BoolField(edit, "illustrative")};
  }
  throw BadRequest("unknown edit kind '" + kind + "'");
}

}  // namespace allot::detail
