// SMAA results for people (table, Markdown, with a plain-words summary) and
// for spreadsheets (CSV, one row per scenario).
#include <algorithm>
#include <cmath>
#include <sstream>

#include "allot/render_sensitivity.hpp"
#include "render/text.hpp"

namespace allot {

namespace detail {
void RenderSensitivityJson(const SmaaResult& result, std::ostream& out);
}

namespace {

using detail::DisplayWidth;
using detail::FormatScore;

struct Words {
  const char* title;    // "Sensitivity (SMAA-2)"
  const char* samples;  // "samples"
  const char* weights;
  const char* effects;
  const char* acceptability;  // "Rank acceptability ..."
  const char* rank;
  const char* scenario;
  const char* score_title;
  const char* best;
  const char* confidence;
  const char* pairwise;
  const char* summary;
  const char* is_best;         // "is best in"
  const char* of_samples;      // "of the samples (95%: ±"
  const char* points;          // "percentage points)"
  const char* never;           // "No other scenario is ever best."
  const char* then;            // "Next: "
  const char* scores;          // "%s scores %s on average (5-95%%: %s-%s)."
  const char* central;         // "At its central weights it is best in"
  const char* of_draws;        // "of the effect draws (confidence factor)."
  const char* precision;       // "samples were needed ..."
  const char* mean;            // column of the mean score
  const char* list_separator;  // between "id 7.7%" items: "; " in Dutch, where "7,7" has a comma
  const char* uncertain;       // the effects mode, as the header line shows it
  const char* fixed;
  const char* too_few;          // the confidence cell of a scenario best too rarely
  const char* too_few_summary;  // "Its central weights rest on" N "samples only: ..."
  const char* too_few_end;
};

const Words kEn{"Sensitivity (SMAA-2)",
                "samples",
                "weights",
                "effects",
                "Rank acceptability: % of samples at each rank (± the wider side of the 95% "
                "Wilson interval, rounded up)",
                "rank",
                "scenario",
                "Weighted score (points, at most 100)",
                "P(best) %",
                "confidence %",
                "P(row scores higher than column) %",
                "Summary",
                "is best in",
                "of the samples (95%: ±",
                "percentage points).",
                "No other scenario is ever best.",
                "Next:",
                "scores",
                "At its central weights it is best in",
                "of the effect draws (confidence factor).",
                "samples were needed to bring every acceptability's 95% interval within",
                "mean",
                ", ",
                "uncertain",
                "fixed",
                "too few samples",
                "Its central weights rest on",
                "samples only: too few for a confidence factor."};
const Words kNl{"Gevoeligheid (SMAA-2)",
                "trekkingen",
                "gewichten",
                "effecten",
                "Rangkans: % van de trekkingen op elke plaats (± de wijdste kant van het "
                "95%-Wilson-interval, naar boven afgerond)",
                "plaats",
                "scenario",
                "Gewogen score (punten, hoogstens 100)",
                "P(beste) %",
                "betrouwbaarheid %",
                "P(rij scoort hoger dan kolom) %",
                "Samenvatting",
                "is het beste in",
                "van de trekkingen (95%: ±",
                "procentpunt).",
                "Geen ander scenario is ooit het beste.",
                "Daarna:",
                "scoort gemiddeld",
                "Bij zijn centrale gewichten is het het beste in",
                "van de effecttrekkingen (betrouwbaarheidsfactor).",
                "trekkingen waren nodig om het 95%-interval van elke rangkans binnen deze marge te "
                "brengen:",
                "gem.",
                "; ",
                "onzeker",
                "vast",
                "te weinig trekkingen",
                "Zijn centrale gewichten berusten op slechts",
                "trekkingen: te weinig voor een betrouwbaarheidsfactor."};

const Words& WordsFor(Lang lang) { return lang == Lang::kNl ? kNl : kEn; }

std::string Percent(double p, Lang lang) { return FormatScore(100 * p, 1, lang); }

// The "±" of a share: the wider side of its 95% interval, in percent,
// rounded up to the one decimal shown, so that a share of 0 out of 20,000
// (interval up to 0.019%) shows ±0.1 and never ±0.0.
std::string Margin(const ProportionInterval& interval, double p, Lang lang) {
  double tenths = std::ceil(interval.HalfWidth(p) * 1000 - 1e-9);
  return "±" + FormatScore(tenths / 10, 1, lang);
}

// The confidence factor with its margin, or the mark of too few samples.
std::string Confidence(const SmaaScenarioResult& s, const Words& w, Lang lang) {
  if (!s.confidence_factor) return "-";
  if (s.too_few_samples()) return w.too_few;
  return Percent(*s.confidence_factor, lang) + " " +
         Margin(*s.confidence_factor_interval, *s.confidence_factor, lang);
}

struct Table {
  std::string title;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

Table AcceptabilityTable(const SmaaResult& r, const Words& w, Lang lang) {
  Table t{w.acceptability, {w.scenario}, {}};
  for (size_t k = 0; k < r.scenarios.size(); ++k)
    t.header.push_back(std::string(w.rank) + " " + std::to_string(k + 1));
  for (const SmaaScenarioResult& s : r.scenarios) {
    std::vector<std::string> row{s.id};
    for (size_t k = 0; k < s.rank_acceptability.size(); ++k) {
      row.push_back(Percent(s.rank_acceptability[k], lang) + " " +
                    Margin(s.rank_acceptability_interval[k], s.rank_acceptability[k], lang));
    }
    t.rows.push_back(row);
  }
  return t;
}

Table ScoreTable(const SmaaResult& r, const Words& w, Lang lang) {
  Table t{w.score_title, {w.scenario, w.best, w.mean, "sd", "p5", "p95", w.confidence}, {}};
  for (const SmaaScenarioResult& s : r.scenarios) {
    t.rows.push_back({s.id, Percent(s.rank_acceptability[0], lang),
                      FormatScore(s.mean_score, 2, lang), FormatScore(s.sd_score, 2, lang),
                      FormatScore(s.p5_score, 2, lang), FormatScore(s.p95_score, 2, lang),
                      Confidence(s, w, lang)});
  }
  return t;
}

Table PairwiseTable(const SmaaResult& r, const Words& w, Lang lang) {
  Table t{w.pairwise, {""}, {}};
  size_t S = r.scenarios.size();
  for (size_t b = 0; b < S; ++b) t.header.push_back(std::to_string(b + 1));
  for (size_t a = 0; a < S; ++a) {
    std::vector<std::string> row{std::to_string(a + 1) + " " + r.scenarios[a].id};
    for (size_t b = 0; b < S; ++b) row.push_back(a == b ? "-" : Percent(r.beats[a * S + b], lang));
    t.rows.push_back(row);
  }
  return t;
}

// Scenario indexes by P(best), highest first (ties: input order).
std::vector<size_t> ByBest(const SmaaResult& r) {
  std::vector<size_t> order(r.scenarios.size());
  for (size_t s = 0; s < order.size(); ++s) order[s] = s;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return r.scenarios[a].rank_acceptability[0] > r.scenarios[b].rank_acceptability[0];
  });
  return order;
}

std::vector<std::string> Summary(const SmaaResult& r, const Words& w, Lang lang) {
  std::vector<size_t> order = ByBest(r);
  const SmaaScenarioResult& top = r.scenarios[order[0]];
  std::vector<std::string> lines;
  lines.push_back(top.id + " " + w.is_best + " " + Percent(top.rank_acceptability[0], lang) + "% " +
                  w.of_samples +
                  Margin(top.rank_acceptability_interval[0], top.rank_acceptability[0], lang)
                      .substr(std::string("±").size()) +
                  " " + w.points);
  std::string next = w.then;
  for (size_t k = 1; k < std::min<size_t>(order.size(), 4); ++k) {
    const SmaaScenarioResult& s = r.scenarios[order[k]];
    if (s.rank_acceptability[0] == 0) break;
    next += std::string(k > 1 ? w.list_separator : " ") + s.id + " " +
            Percent(s.rank_acceptability[0], lang) + "%";
  }
  lines.push_back(next == w.then ? std::string(w.never) : next + ".");
  lines.push_back(top.id + " " + w.scores + " " + FormatScore(top.mean_score, 2, lang) +
                  " (p5-p95: " + FormatScore(top.p5_score, 2, lang) + "-" +
                  FormatScore(top.p95_score, 2, lang) + ").");
  if (top.confidence_factor && top.too_few_samples()) {
    lines.push_back(std::string(w.too_few_summary) + " " + std::to_string(top.best_samples) + " " +
                    w.too_few_end);
  } else if (top.confidence_factor) {
    lines.push_back(std::string(w.central) + " " + Percent(*top.confidence_factor, lang) + "% " +
                    Margin(*top.confidence_factor_interval, *top.confidence_factor, lang) + " " +
                    w.of_draws);
  }
  if (r.precision) {
    lines.push_back(std::to_string(r.header.samples) + " " + w.precision + " " +
                    FormatScore(*r.precision, 4, lang) + ".");
  }
  return lines;
}

void PrintTable(std::ostream& out, const Table& t, bool markdown) {
  out << (markdown ? "## " : "") << t.title << "\n\n";
  std::vector<size_t> width(t.header.size(), 0);
  auto measure = [&](const std::vector<std::string>& row) {
    for (size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], DisplayWidth(row[c]));
  };
  measure(t.header);
  for (const auto& row : t.rows) measure(row);
  auto print = [&](const std::vector<std::string>& row) {
    for (size_t c = 0; c < row.size(); ++c) {
      std::string pad(width[c] - DisplayWidth(row[c]), ' ');
      if (markdown)
        out << "| " << (c == 0 ? row[c] + pad : pad + row[c]) << ' ';
      else
        out << (c ? "  " : "") << (c == 0 ? row[c] + pad : pad + row[c]);
    }
    out << (markdown ? "|\n" : "\n");
  };
  print(t.header);
  if (markdown) {
    for (size_t c = 0; c < width.size(); ++c)
      out << "|" << (c ? std::string(width[c] + 1, '-') + ":" : std::string(width[c] + 2, '-'));
    out << "|\n";
  }
  for (const auto& row : t.rows) print(row);
  out << '\n';
}

void RenderText(const SmaaResult& r, Lang lang, bool markdown, std::ostream& out) {
  const Words& w = WordsFor(lang);
  out << (markdown ? "# " : "") << w.title << ": " << r.header.samples << ' ' << w.samples
      << ", seed " << r.header.seed << ", " << w.weights << ' ' << r.header.weights << ", "
      << w.effects << ' '
      << (r.header.effects == "uncertain" ? w.uncertain
          : r.header.effects == "fixed"   ? w.fixed
                                          : r.header.effects)
      << "\n\n";
  PrintTable(out, AcceptabilityTable(r, w, lang), markdown);
  PrintTable(out, ScoreTable(r, w, lang), markdown);
  PrintTable(out, PairwiseTable(r, w, lang), markdown);
  out << (markdown ? "## " : "") << w.summary << "\n\n";
  for (const std::string& line : Summary(r, w, lang)) out << line << '\n';
}

// RFC 4180 quoting; text a spreadsheet would run as a formula gets a quote mark.
std::string CsvText(const std::string& text) {
  std::string value = !text.empty() && std::string("=+-@\t\r").find(text[0]) != std::string::npos
                          ? "'" + text
                          : text;
  if (value.find_first_of(",\"\n\r") == std::string::npos) return value;
  std::string quoted = "\"";
  for (char c : value) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

void RenderCsv(const SmaaResult& r, std::ostream& out) {
  auto number = [](double v) { return FormatScore(v, 6, Lang::kEn); };
  size_t S = r.scenarios.size();
  out << "scenario,name,samples,p_best,mean_score,sd_score,p5_score,p95_score,confidence_factor";
  for (size_t k = 1; k <= S; ++k) out << ",rank" << k;
  for (size_t k = 1; k <= S; ++k) out << ",rank" << k << "_se";
  out << "\r\n";
  for (const SmaaScenarioResult& s : r.scenarios) {
    out << CsvText(s.id) << ',' << CsvText(s.name) << ',' << r.header.samples << ','
        << number(s.rank_acceptability[0]) << ',' << number(s.mean_score) << ','
        << number(s.sd_score) << ',' << number(s.p5_score) << ',' << number(s.p95_score) << ','
        << (s.confidence_factor ? number(*s.confidence_factor) : "");
    for (double p : s.rank_acceptability) out << ',' << number(p);
    for (double se : s.rank_acceptability_se) out << ',' << number(se);
    out << "\r\n";
  }
}

}  // namespace

void RenderSensitivity(const SmaaResult& result, OutputFormat format, Lang lang,
                       std::ostream& out) {
  // If-chain, not a switch: formats added for other commands (html, xlsx)
  // are turned away by the driver before this point.
  if (format == OutputFormat::kJson) {
    detail::RenderSensitivityJson(result, out);
  } else if (format == OutputFormat::kCsv) {
    RenderCsv(result, out);
  } else {
    RenderText(result, lang, format == OutputFormat::kMarkdown, out);
  }
}

}  // namespace allot
