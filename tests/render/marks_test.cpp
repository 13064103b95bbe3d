// Marks per figure in compare's table and md output: on exactly the
// figures that rest on an assumed amount, never on a whole row.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "allot/cli.hpp"
#include "test_support.hpp"

using allot::testing::CliRun;
using allot::testing::Has;
using allot::testing::RunAllot;
using allot::testing::TempDir;

using allot::testing::kMarksModel;

TEST_CASE("compare marks the figures that rest on an assumed amount, not the row", "[marks][cli]") {
  TempDir dir;
  std::string model = dir.Write("m.yaml", kMarksModel);
  CliRun en = RunAllot({"compare", model});
  INFO(en.out + en.err);
  REQUIRE(en.code == 0);
  // Objective a rests on x (assumed), b on y (sourced): one mark, after a.
  CHECK(Has(en.out,
            "scenario    a      b\n"
            "--------------------\n"
            "model     1.0 ~  1.0\n"
            "  a: A\n  b: B\n"
            "  marks: ~ assumed; no mark: sourced. Each figure has the mark of the "
            "weakest input it rests on\n"));
  // The weighted score counts only b: nothing in its table is marked, and
  // the money (sourced year totals) is not either; no legend without marks.
  CHECK(Has(en.out, "model      €200  €200                0\n\n"));
  CHECK(Has(en.out,
            "model      1.00     1             0.00            €200\n  weights: b 1.000\n\n"));
  CHECK_FALSE(Has(en.out, "model *"));
  CliRun nl = RunAllot({"compare", model, "--lang", "nl", "--format", "md"});
  CHECK(Has(nl.out, "| model | 1,0 \\~ | 1,0 |\n"));
  CHECK(Has(nl.out, "- tekens: \\~ aangenomen; zonder teken: bron."));
}

TEST_CASE("a sourced-only model shows no mark and no legend", "[marks][cli]") {
  TempDir dir;
  std::string yaml = kMarksModel;
  yaml.replace(yaml.find("amounts: assumed,"), std::string("amounts: assumed,").size(), "");
  std::string model = dir.Write("m.yaml", yaml);
  CliRun en = RunAllot({"compare", model});
  INFO(en.out + en.err);
  REQUIRE(en.code == 0);
  for (const char* mark : {" ~", " ^", " *", " ?", "marks:"}) CHECK_FALSE(Has(en.out, mark));
  CliRun csv = RunAllot({"compare", model, "--format", "csv"});
  CHECK(Has(csv.out, ",total_eur_basis,eur_2024_basis,objective_a_basis,"));
  CHECK(Has(csv.out, ",sourced,sourced,sourced,sourced,sourced,"));
  CHECK_FALSE(Has(csv.out, ",assumed"));
}

TEST_CASE("compare json gives each figure's level beside the figures", "[marks][cli]") {
  TempDir dir;
  std::string model = dir.Write("m.yaml", kMarksModel);
  CliRun json = RunAllot({"compare", model, "--format", "json"});
  INFO(json.out + json.err);
  REQUIRE(json.code == 0);
  nlohmann::json j = nlohmann::json::parse(json.out);
  const nlohmann::json& basis = j["scenarios"][0]["basis"];
  CHECK(basis["total_cents"] == "sourced");
  CHECK(basis["by_year_cents"]["2024"] == "sourced");
  CHECK(basis["lines"]["x"]["per_year"] == "assumed");
  CHECK(basis["lines"]["y"]["total"] == "sourced");
  CHECK(basis["objectives"]["a"] == "assumed");
  CHECK(basis["objectives"]["b"] == "sourced");
  CHECK(basis["weighted"]["w"] == "sourced");
  CHECK(basis["cost_per_point_cents"]["w"] == "sourced");
  // The existing keys stay.
  CHECK(j["scenarios"][0]["illustrative_lines"] == nlohmann::json::array({"x"}));
}
