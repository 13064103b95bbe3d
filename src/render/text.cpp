#include "render/text.hpp"

namespace allot::detail {

namespace {

constexpr Labels kEnglish = {
    "Scenarios",
    "name",
    "scenario",
    "total",
    "Money per year",
    "change vs",
    "Objective scores (0-100)",
    "Weighted score: ",
    "score",
    "rank",
    "change",
    "cost per point",
    "Motions left unfunded",
    "none",
    "all funded",
    "* contains illustrative figures: estimates, not sourced amounts",
    "Objectives",
    "baseline",
    "weights",
};

constexpr Labels kDutch = {
    "Scenario's",
    "naam",
    "scenario",
    "totaal",
    "Geld per jaar",
    "verschil met",
    "Score per doel (0-100)",
    "Gewogen score: ",
    "score",
    "rang",
    "verschil",
    "kosten per punt",
    "Niet-gefinancierde moties",
    "geen",
    "alle gefinancierd",
    "* bevat illustratieve bedragen: schattingen, geen bronbedragen",
    "Doelen",
    "basis",
    "gewichten",
};

}  // namespace

const Labels& LabelsFor(Lang lang) { return lang == Lang::kNl ? kDutch : kEnglish; }

std::string FormatScore(double value, int decimals, Lang lang, bool sign) {
  return Decimal(value, decimals, lang, sign);
}

std::string Joined(const std::vector<std::string>& parts, const std::string& separator) {
  std::string text;
  for (size_t i = 0; i < parts.size(); ++i) text += (i ? separator : "") + parts[i];
  return text;
}

std::vector<std::string> UnfundedMotions(const CompareResult& result, const ScenarioResult& s) {
  std::vector<std::string> ids;
  for (size_t m = 0; m < result.motions.size(); ++m) {
    if (!s.motions_funded[m]) ids.push_back(result.motions[m].id);
  }
  return ids;
}

}  // namespace allot::detail
