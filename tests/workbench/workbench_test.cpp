#include "allot/workbench.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "allot/compare.hpp"
#include "allot/load.hpp"
#include "allot/resolve.hpp"
#include "render/marks.hpp"
#include "test_support.hpp"

using namespace allot;
using allot::testing::kSmallModel;
using allot::testing::ModelFrom;
using allot::testing::ResolveOk;
using allot::testing::ShippedModel;
using allot::testing::ShippedScenarios;
using Json = nlohmann::json;

namespace {

Json Call(const WorkbenchReply& reply, int status = 200) {
  INFO(reply.body);
  CHECK(reply.status == status);
  Json body = Json::parse(reply.body);
  return body;
}

// What `allot compare` computes for the shipped set plus the draft's file
// (read back from its YAML text), against `baseline`.
CompareResult CompareWithFile(const std::string& yaml, const std::string& baseline) {
  static const Model model = ShippedModel();
  static std::vector<Scenario> scenarios;
  scenarios = ShippedScenarios();
  Diagnostics diags;
  std::optional<Scenario> draft = LoadScenario(yaml, "saved.yaml", diags);
  REQUIRE(draft);
  scenarios.push_back(*draft);
  std::vector<ResolvedScenario> resolved = ResolveOk(model, scenarios);
  std::optional<CompareResult> result = Compare(model, resolved, {{}, baseline}, diags);
  REQUIRE(result);
  return *result;
}

// A request that applies `edit` to `draft` (its file text).
std::string Edit(const Json& draft, const Json& edit, const std::string& lang = "en",
                 const std::string& baseline = "model") {
  return Json{{"draft", draft["yaml"]}, {"lang", lang}, {"baseline", baseline}, {"edit", edit}}
      .dump();
}

Json SetAmount(const std::string& line, int year, const std::string& amount) {
  return {{"kind", "set_amount"}, {"line", line}, {"year", year}, {"amount", amount}};
}

// `figure` has the level `level` (as compare's json names it) under
// `<prefix>basis` and compare's mark for it under `<prefix>mark`.
void CheckBasis(const Json& figure, ProvenanceLevel level, const std::string& prefix = "") {
  INFO(figure.dump() << " " << prefix);
  CHECK(figure.value(prefix + "basis", "missing") == ProvenanceLevelName(level));
  CHECK(figure.value(prefix + "mark", "missing") == detail::Mark(level));
}

const LineAllocation& LineOf(const ScenarioResult& s, const std::string& id) {
  for (const LineAllocation& line : s.lines) {
    if (line.id == id) return line;
  }
  FAIL("no line " << id);
  return s.lines.front();
}

const Json& LineIn(const Json& view, const std::string& id) {
  for (const Json& line : view["lines"]) {
    if (line["id"] == id) return line;
  }
  FAIL("no line " << id << " in the view");
  return view;
}

// The small model with every figure sourced: no mark anywhere until an edit.
std::string SourcedModel() {
  std::string yaml = kSmallModel;
  const std::string ref = "{level: sourced, ref: \"Kamerstuk 1\"}";
  yaml.insert(yaml.find("years:"), "provenance:\n  year_totals: " + ref + "\n  amounts: " + ref +
                                       "\n  effects: " + ref + "\n  weights: " + ref + "\n");
  return yaml;
}

}  // namespace

TEST_CASE("the workbench shows what allot compare computes for the saved draft", "[workbench]") {
  Workbench bench(ShippedModel(), ShippedScenarios());
  Json first = Call(bench.Evaluate(R"({"new_from": "herverdeling-ckm", "lang": "nl"})"));
  CHECK(first["draft"]["id"] == "herverdeling-ckm-variant");
  CHECK(first["draft"]["base"] == "herverdeling-ckm");
  CHECK(first["refused"].is_null());

  Json request = {{"draft", first["draft"]["yaml"]},
                  {"baseline", "versterkt-2024"},
                  {"lang", "nl"},
                  {"edit",
                   {{"kind", "set_amount"},
                    {"line", "technology"},
                    {"year", 2025},
                    {"amount", "100000.50"},
                    {"balance", "awareness_campaign"}}}};
  Json after = Call(bench.Evaluate(request.dump()));
  CHECK(after["refused"].is_null());
  const std::string yaml = after["draft"]["yaml"];
  CHECK(yaml.find("  - move: {amount: ") != std::string::npos);
  CompareResult expected = CompareWithFile(yaml, "versterkt-2024");
  const ScenarioResult& draft = expected.scenarios.back();
  REQUIRE(draft.id == "herverdeling-ckm-variant");
  const Json& view = after["view"];
  REQUIRE(view["weighted"].size() == expected.weight_sets.size());
  for (size_t w = 0; w < expected.weight_sets.size(); ++w) {
    INFO(expected.weight_sets[w].name);
    CHECK(view["weighted"][w]["value"].get<double>() == Approx(draft.weighted[w]).margin(5e-7));
    CHECK(view["weighted"][w]["rank"] == draft.rank[w]);
    CHECK(view["weighted"][w]["of"] == expected.scenarios.size());
    // Cost per point to three significant digits (about EUR 170,000 here):
    // whole thousands, never cents.
    const std::string cost = view["weighted"][w]["cost_per_point"];
    CHECK(cost.size() > 4);
    CHECK(cost.substr(cost.size() - 4) == ".000");
  }
  for (size_t j = 0; j < expected.objectives.size(); ++j) {
    CHECK(view["objectives"][j]["value"].get<double>() == Approx(draft.objectives[j]).margin(5e-7));
  }
  CHECK(view["money"]["total"]["cents"] == draft.total.cents());
  // Balanced: the total is the base's, EUR 1.5 million under the baseline's.
  CHECK(view["money"]["total"]["change_text"] == "-€ 1.500.000");
  // Dutch texts, as allot compare --lang nl prints them.
  CHECK(view["money"]["total"]["text"] == "€ 6.000.000");
  std::string score = view["weighted"][0]["text"];
  CHECK(score.find(',') != std::string::npos);
  for (const Json& line : view["lines"]) {
    if (line["id"] != "technology") continue;
    CHECK(line["years"][1]["plain"] == "100000.50");
    CHECK(line["years"][1]["cents"] == 10000050);
  }
}

TEST_CASE("an edit that cannot be made leaves the draft as it was and says why", "[workbench]") {
  Workbench bench(ShippedModel(), ShippedScenarios());
  Json first = Call(bench.Evaluate(R"({"new_from": "model"})"));
  Json request = {{"draft", first["draft"]["yaml"]},
                  {"edit",
                   {{"kind", "move"},
                    {"from", "information_point"},
                    {"to", "technology"},
                    {"amount", "650000.01"}}}};
  Json refused = Call(bench.Evaluate(request.dump()));
  CHECK(refused["draft"]["yaml"] == first["draft"]["yaml"]);
  REQUIRE(refused["refused"]["messages"].size() == 1);
  std::string message = refused["refused"]["messages"][0];
  CHECK(message.find("which has only €650,000 in all years (short by €0.01)") != std::string::npos);

  request["edit"] = {
      {"kind", "set_amount"}, {"line", "technology"}, {"year", 2024}, {"amount", "1.005"}};
  Json typo = Call(bench.Evaluate(request.dump()));
  CHECK(typo["refused"]["messages"][0] ==
        "error: amount: amount has more than two decimals: 1.005");
}

TEST_CASE("requests the API does not accept get a 400 that says why", "[workbench]") {
  Workbench bench(ShippedModel(), ShippedScenarios());
  auto error = [&](const std::string& request) {
    WorkbenchReply reply = bench.Evaluate(request);
    CHECK(reply.status == 400);
    return Json::parse(reply.body)["error"].get<std::string>();
  };
  CHECK(error("{") == "the request is not JSON");
  CHECK(error("[1]") == "the request must be a JSON object");
  CHECK(error(R"({"lang": "de"})") == "\"lang\" must be en or nl");
  CHECK(error(R"({"baseline": "nope"})") == "\"baseline\": no scenario 'nope'");
  CHECK(error(R"({"new_from": "nope"})") == "\"new_from\": no scenario 'nope'");
  CHECK(error(R"({"edit": {"kind": "explode"}})") == "unknown edit kind 'explode'");
  CHECK(error(R"({"edit": {"kind": "set_amount", "line": "x", "year": "2024", "amount": "1"}})") ==
        "\"year\" must be a year");
  CHECK(error(R"({"draft": "format: allot/1\nscenario: x\nbudjet: neutral\n"})")
            .find("draft.yaml:3:1: error: budjet: unknown key (did you mean 'budget'?)") !=
        std::string::npos);
  // A draft that names a loaded scenario's id is not a draft.
  CHECK(error(R"({"draft": "format: allot/1\nscenario: versterkt-2024\n"})")
            .find("id 'versterkt-2024' is taken by a loaded scenario") != std::string::npos);
}

TEST_CASE("a draft that beats every scenario on every objective is best in every sample",
          "[workbench]") {
  // The small model: x scores on a, y on b. More money on both lines beats
  // the model on both objectives, so under any weights the draft is best.
  Workbench bench(ModelFrom(kSmallModel), {});
  Json draft = Call(bench.Evaluate(R"({"new_from": "model"})"))["draft"];
  for (const char* line : {"x", "y"}) {
    Json request = {
        {"draft", draft["yaml"]},
        {"edit", {{"kind", "set_amount"}, {"line", line}, {"year", 2026}, {"amount", "1000"}}}};
    draft = Call(bench.Evaluate(request.dump()))["draft"];
  }
  Json smaa = Call(bench.Smaa(Json{{"draft", draft["yaml"]}}.dump()));
  CHECK(smaa["samples"] == 4000);
  REQUIRE(smaa["scenarios"].size() == 2);
  CHECK(smaa["scenarios"][0]["id"] == "model");
  CHECK(smaa["scenarios"][0]["p_best"] == 0);
  CHECK(smaa["scenarios"][0]["text"] == "0%");
  CHECK(smaa["scenarios"][1]["draft"] == true);
  CHECK(smaa["scenarios"][1]["p_best"] == 1);
  CHECK(smaa["scenarios"][1]["text"] == "100%");
}

TEST_CASE("the report and the saved file are those of the draft", "[workbench]") {
  Workbench bench(ShippedModel(), ShippedScenarios());
  Json first = Call(bench.Evaluate(R"({"new_from": "versterkt-2024"})"));
  Json request = {{"draft", first["draft"]["yaml"]}, {"lang", "en"}};
  std::string html;
  Call(bench.Report(request.dump(), html));
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("versterkt-2024-variant") != std::string::npos);
  // What its figures rest on, as in every output (docs/output.md).
  CHECK(html.find("What this rests on: ") != std::string::npos);

  DraftFile file;
  request["file"] = "mine.yaml";
  Json saved = Call(bench.Save(request.dump(), file));
  CHECK(saved["file"] == "mine.yaml");
  CHECK(file.file == "mine.yaml");
  CHECK_FALSE(file.overwrite);
  CHECK(file.yaml ==
        "# A what-if scenario written with allot serve: changes against scenario "
        "'versterkt-2024'.\n"
        "format: allot/1\nscenario: versterkt-2024-variant\nbase: versterkt-2024\n"
        "illustrative: true\nchanges: []\n");
}

TEST_CASE("describe lists the model and the scenarios to start from", "[workbench]") {
  Workbench bench(ShippedModel(), ShippedScenarios());
  Json d = Call(bench.Describe("{}"));
  CHECK(d["years"] == Json::array({2024, 2025, 2026}));
  CHECK(d["scenarios"][0]["id"] == "model");
  CHECK(d["scenarios"].size() == 8);  // the model and the 7 shipped scenarios
  CHECK(d["weight_sets"].size() == ShippedModel().weights.size());
}

TEST_CASE("a reply lists only the lines asked for, with the same figures", "[workbench]") {
  Workbench bench(ShippedModel(), ShippedScenarios());
  Json first = Call(bench.Evaluate(R"({"new_from": "zonder-informatiepunt"})"));
  Json request = {{"draft", first["draft"]["yaml"]},
                  {"edit",
                   {{"kind", "set_amount"},
                    {"line", "technology"},
                    {"year", 2025},
                    {"amount", "80000"},
                    {"balance", "awareness_campaign"}}}};
  Json all = Call(bench.Evaluate(request.dump()));
  request["lines"] = {"technology", "awareness_campaign"};
  Json some = Call(bench.Evaluate(request.dump()));
  CHECK(all["view"]["all_lines"] == true);
  CHECK(some["view"]["all_lines"] == false);
  // All lines: the draft's, then the baseline's line the draft removed.
  const Json& lines = all["view"]["lines"];
  CHECK(lines.size() == ShippedModel().lines.size());
  CHECK(lines.back()["id"] == "information_point");
  CHECK(lines.back()["removed"] == true);
  REQUIRE(some["view"]["lines"].size() == 2);
  for (const Json& line : some["view"]["lines"]) {
    INFO(line["id"]);
    auto same = std::find_if(lines.begin(), lines.end(),
                             [&](const Json& l) { return l["id"] == line["id"]; });
    REQUIRE(same != lines.end());
    CHECK(line == *same);
  }
  // Everything but the lines is the same either way.
  all["view"].erase("lines");
  all["view"].erase("all_lines");
  some["view"].erase("lines");
  some["view"].erase("all_lines");
  CHECK(all == some);
  request["lines"] = "some";
  CHECK(bench.Evaluate(request.dump()).status == 400);
}

TEST_CASE("a workbench is made only of scenarios that resolve", "[workbench]") {
  std::vector<Scenario> scenarios = ShippedScenarios();
  scenarios.front().base = std::string("no-such-scenario");
  CHECK_THROWS_AS(Workbench(ShippedModel(), scenarios), std::invalid_argument);
}

TEST_CASE("every figure of the workbench has the mark allot compare gives it", "[workbench]") {
  const Model model = ShippedModel();
  const std::vector<Scenario> scenarios = ShippedScenarios();
  Workbench bench(model, scenarios);
  Json first = Call(bench.Evaluate(R"({"new_from": "model", "lang": "nl"})"));
  Json after = Call(bench.Evaluate(
      Edit(first["draft"], SetAmount("technology", 2025, "150000"), "nl", "versterkt-2024")));
  REQUIRE(after["refused"].is_null());
  CompareResult expected = CompareWithFile(after["draft"]["yaml"], "versterkt-2024");
  const ScenarioResult& d = expected.scenarios.back();
  const ScenarioResult* b = nullptr;
  for (const ScenarioResult& s : expected.scenarios) b = s.id == "versterkt-2024" ? &s : b;
  REQUIRE(b != nullptr);
  const Json& view = after["view"];

  for (size_t w = 0; w < expected.weight_sets.size(); ++w) {
    const Json& entry = view["weighted"][w];
    CheckBasis(entry, d.basis.weighted[w]);
    CheckBasis(entry, d.basis.rank[w], "rank_");
    CheckBasis(entry, d.basis.delta_weighted[w], "change_");
    CheckBasis(entry, d.basis.cost_per_point[w], "cost_per_point_");
    CheckBasis(entry["baseline"], b->basis.weighted[w]);
  }
  for (size_t j = 0; j < expected.objectives.size(); ++j) {
    CheckBasis(view["objectives"][j], d.basis.objectives[j]);
    CheckBasis(view["objectives"][j]["baseline"], b->basis.objectives[j]);
  }
  CheckBasis(view["money"]["total"], d.basis.total);
  CheckBasis(view["money"]["total"], d.basis.delta_total, "change_");
  CheckBasis(view["money"]["total"], b->basis.total, "baseline_");
  for (size_t y = 0; y < expected.years.size(); ++y) {
    CheckBasis(view["money"]["years"][y], d.basis.by_year[y]);
    CheckBasis(view["money"]["years"][y], d.basis.delta_by_year[y], "change_");
  }
  for (size_t m = 0; m < expected.motions.size(); ++m) {
    CheckBasis(view["motions"][m], d.basis.motions_funded[m], "funded_");
    CheckBasis(view["motions"][m], b->basis.motions_funded[m], "baseline_funded_");
  }
  const Json& ranking = view["scenarios"].back();
  REQUIRE(ranking["draft"] == true);
  for (size_t w = 0; w < expected.weight_sets.size(); ++w) {
    CheckBasis(ranking["scores"][w], d.basis.weighted[w]);
    CheckBasis(ranking["scores"][w], d.basis.rank[w], "rank_");
  }
  const LineAllocation& tech = LineOf(d, "technology");
  CheckBasis(LineIn(view, "technology")["years"][1], tech.year_basis);
  CheckBasis(LineIn(view, "technology")["total"], tech.total_basis);
}

TEST_CASE("an amount typed in the workbench is assumed, in the view and in the saved file",
          "[workbench]") {
  Workbench bench(ShippedModel(), ShippedScenarios());
  Json first = Call(bench.Evaluate(R"({"new_from": "model"})"));
  // The model's technology line is a zero reported by CKM ...
  CHECK(LineIn(first["view"], "technology")["years"][1].value("basis", "missing") == "reported");
  CHECK(LineIn(first["view"], "technology")["years"][1].value("mark", "missing") == "^");
  // ... and the draft's own amounts are estimates until the user says otherwise.
  CHECK(first["draft"]["amounts"] == "assumed");
  CHECK(first["draft"]["yaml"].get<std::string>().find("\nillustrative: true\n") !=
        std::string::npos);
  Json after = Call(bench.Evaluate(Edit(first["draft"], SetAmount("technology", 2025, "150000"))));
  const Json& tech = LineIn(after["view"], "technology");
  CHECK(tech["years"][1].value("basis", "missing") == "assumed");
  CHECK(tech["years"][1].value("mark", "missing") == "~");
  CHECK(tech["years"][1].value("change_mark", "missing") == "~");
  CHECK(tech["years"][1].value("baseline_mark", "missing") == "^");
  CHECK(tech["total"].value("mark", "missing") == "~");
  // The year total changed by the user's amount: assumed too.
  CHECK(after["view"]["money"]["years"][1].value("mark", "missing") == "~");

  // Not estimates, but no source given on the page: not stated.
  Json describe = {{"kind", "describe"}, {"id", "mine"}, {"name", "Mine"},
                   {"note", ""},         {"source", ""}, {"illustrative", false}};
  Json plain = Call(bench.Evaluate(Edit(after["draft"], describe)));
  const std::string yaml = plain["draft"]["yaml"];
  CHECK(yaml.find("illustrative") == std::string::npos);
  CHECK(plain["draft"]["amounts"] == "not stated");
  CHECK(LineIn(plain["view"], "technology")["years"][1].value("mark", "missing") == "?");
  CompareResult saved = CompareWithFile(yaml, "model");
  CHECK(LineOf(saved.scenarios.back(), "technology").year_basis == ProvenanceLevel::kUnstated);
}

TEST_CASE("the workbench's legend names the marks its figures use, in the page's language",
          "[workbench]") {
  Workbench bench(ModelFrom(SourcedModel()), {});
  Json first = Call(bench.Evaluate(R"({"new_from": "model", "lang": "nl"})"));
  CHECK(first["view"]["marks"]["text"] == "");
  CHECK(first["view"]["marks"]["used"].empty());
  CHECK(first["view"]["weighted"][0]["mark"] == "");

  Json after = Call(bench.Evaluate(Edit(first["draft"], SetAmount("x", 2025, "250"), "nl")));
  Json marks = after["view"]["marks"];
  CHECK(marks["text"] ==
        "tekens: ~ aangenomen; zonder teken: bron. Elk getal heeft het teken van de zwakste "
        "invoer waarop het rust");
  REQUIRE(marks["used"].size() == 1);
  CHECK(marks["used"][0] == Json{{"mark", "~"}, {"basis", "assumed"}, {"text", "aangenomen"}});
  // Objective a rests on line x, objective b does not.
  CHECK(after["view"]["objectives"][0]["mark"] == "~");
  CHECK(after["view"]["objectives"][1]["mark"] == "");

  // A view that lists only line y still counts line x's marks: the page
  // keeps showing them.
  Json partial = {{"draft", after["draft"]["yaml"]}, {"lang", "nl"}, {"lines", {"y"}}};
  Json only_y = Call(bench.Evaluate(partial.dump()));
  REQUIRE(only_y["view"]["lines"].size() == 1);
  CHECK(only_y["view"]["lines"][0]["years"][1].value("mark", "missing") == "");
  CHECK(only_y["view"]["marks"] == marks);
}
