// Partial SMAA results as JSON, read back with every problem reported
// against the file.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "allot/sensitivity_io.hpp"
#include "core/finite_output.hpp"
#include "sensitivity/exact_sum.hpp"

namespace allot {

namespace {

using Json = nlohmann::ordered_json;
using detail::Int128;
using detail::UInt128;

// The layout of a part: a part of another layout is refused with a clear
// message rather than read wrongly. 2: score_bits, 192-bit square sums,
// histogram keys below 0, confidence_draws instead of the first 1,000
// samples' scores.
constexpr int kPartFormat = 2;

std::string ToDecimal(ExactSum sum) {
  Int128 v = detail::Wide(sum);
  if (v == 0) return "0";
  bool negative = v < 0;
  UInt128 u = negative ? -static_cast<UInt128>(v) : static_cast<UInt128>(v);
  std::string digits;
  for (; u > 0; u /= 10)
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(u % 10)));
  return negative ? "-" + digits : digits;
}

// 192 bits as decimal: long division of the three words by 10, digit by
// digit (most significant word first).
std::string ToDecimal(SquareSum v) {
  std::string digits;
  while (v.high > 0 || v.middle > 0 || v.low > 0) {
    UInt128 rest = 0;
    for (uint64_t* word : {&v.high, &v.middle, &v.low}) {
      UInt128 current = (rest << 64) | *word;
      *word = static_cast<uint64_t>(current / 10);
      rest = current % 10;
    }
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(rest)));
  }
  return digits.empty() ? "0" : digits;
}

// Throws std::invalid_argument on anything but digits that fit 192 bits.
SquareSum SquareFromDecimal(const std::string& text) {
  if (text.empty() || text.size() > 58) throw std::invalid_argument("not an integer: " + text);
  SquareSum v;
  for (char c : text) {
    if (c < '0' || c > '9') throw std::invalid_argument("not an integer: " + text);
    // v = v * 10 + digit, least significant word first.
    UInt128 carry = static_cast<UInt128>(c - '0');
    for (uint64_t* word : {&v.low, &v.middle, &v.high}) {
      UInt128 current = UInt128(*word) * 10 + carry;
      *word = static_cast<uint64_t>(current);
      carry = current >> 64;
    }
    if (carry > 0) throw std::invalid_argument("not an integer below 2^192: " + text);
  }
  return v;
}

// Throws std::invalid_argument on anything but an optional '-' and digits
// that fit 127 bits.
ExactSum FromDecimal(const std::string& text) {
  size_t start = !text.empty() && text[0] == '-' ? 1 : 0;
  if (start == text.size() || text.size() - start > 38)
    throw std::invalid_argument("not an integer: " + text);
  Int128 v = 0;
  for (size_t i = start; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') throw std::invalid_argument("not an integer: " + text);
    v = v * 10 + (text[i] - '0');
  }
  return detail::Narrow(start ? -v : v);
}

template <typename T>
Json Matrix(const std::vector<T>& flat, size_t columns) {
  Json rows = Json::array();
  for (size_t k = 0; k < flat.size(); k += columns) {
    rows.push_back(std::vector<T>(flat.begin() + static_cast<long>(k),
                                  flat.begin() + static_cast<long>(k + columns)));
  }
  return rows;
}

template <typename T>
Json Sums(const std::vector<T>& sums) {
  Json j = Json::array();
  for (const T& v : sums) j.push_back(ToDecimal(v));
  return j;
}

Json Histogram(const ScoreHistogram& h) {
  Json j = Json::array();
  for (const auto& [key, count] : h.Bins()) j.push_back({key, count});
  return j;
}

// One count of a part: a whole number from 0 up, or throws. The JSON
// library converts -8 to 2^64 - 8 without a word, so counts of -8 and 28
// added up to a shard's 20 samples and merge printed 92233720368547760000 %.
uint64_t ReadCount(const Json& v, const char* key) {
  if (!v.is_number_unsigned()) {
    throw std::invalid_argument(std::string("'") + key + "' holds " + v.dump() +
                                ", which is not a count (a whole number from 0 up)");
  }
  return v.get<uint64_t>();
}

// Reads `json[key]` as a flat array of `rows` x `columns` counts, or throws.
std::vector<uint64_t> ReadCounts(const Json& json, const char* key, size_t rows, size_t columns) {
  const Json& m = json.at(key);
  if (!m.is_array() || m.size() != rows)
    throw std::invalid_argument(std::string("'") + key + "' has the wrong shape");
  std::vector<uint64_t> flat;
  for (const Json& row : m) {
    if (!row.is_array() || row.size() != columns)
      throw std::invalid_argument(std::string("'") + key + "' has the wrong shape");
    for (const Json& v : row) flat.push_back(ReadCount(v, key));
  }
  return flat;
}

std::vector<ExactSum> ReadSums(const Json& json, const char* key, size_t size) {
  std::vector<ExactSum> sums;
  for (const Json& row : json.at(key)) {
    if (row.is_array()) {
      for (const Json& v : row) sums.push_back(FromDecimal(v.get<std::string>()));
    } else {
      sums.push_back(FromDecimal(row.get<std::string>()));
    }
  }
  if (sums.size() != size)
    throw std::invalid_argument(std::string("'") + key + "' has the wrong size");
  return sums;
}

std::vector<SquareSum> ReadSquareSums(const Json& json, const char* key, size_t size) {
  std::vector<SquareSum> sums;
  for (const Json& v : json.at(key)) sums.push_back(SquareFromDecimal(v.get<std::string>()));
  if (sums.size() != size)
    throw std::invalid_argument(std::string("'") + key + "' has the wrong size");
  return sums;
}

void ReadHistogram(const Json& json, SmaaAccumulator& a) {
  const Json& all = json.at("histogram");
  size_t S = a.header.scenario_ids.size();
  if (!all.is_array() || all.size() != S)
    throw std::invalid_argument("'histogram' has the wrong shape");
  for (size_t s = 0; s < S; ++s) {
    uint64_t binned = 0;  // bounded by the samples, so that it cannot wrap around
    for (const Json& pair : all[s]) {
      uint64_t count = ReadCount(pair.at(1), "histogram");
      binned += count;
      if (count > a.count() || binned > a.count()) {
        throw std::invalid_argument("the histogram counts of scenario '" +
                                    a.header.scenario_ids[s] +
                                    "' add up to more than the shard's samples");
      }
      if (!a.histograms[s].AddCount(pair.at(0).get<int64_t>(), count))
        throw std::invalid_argument("histogram bin out of range");
    }
  }
}

SmaaHeader ReadHeader(const Json& j) {
  if (j.at("format").get<std::string>() != "allot/1" ||
      j.at("analysis").get<std::string>() != "smaa-part") {
    throw std::invalid_argument("not an allot/1 sensitivity part (analysis 'smaa-part')");
  }
  int format = j.contains("part_format") ? j.at("part_format").get<int>() : 1;
  if (format != kPartFormat) {
    throw std::invalid_argument("written by another version of allot (part format " +
                                std::to_string(format) + "; this one reads " +
                                std::to_string(kPartFormat) +
                                "): run the shards again with this version");
  }
  SmaaHeader h;
  h.inputs_hash = j.at("inputs_hash").get<std::string>();
  h.weights = j.at("weights").get<std::string>();
  h.effects = j.at("effects").get<std::string>();
  h.seed = j.at("seed").get<uint64_t>();
  h.samples = j.at("samples").get<uint64_t>();
  h.score_bits = j.at("score_bits").get<int>();
  if (!j.at("confidence_draws").is_null())
    h.confidence_draws = j.at("confidence_draws").get<uint64_t>();
  if (h.score_bits < 0 || h.score_bits > kScoreBits)
    throw std::invalid_argument("'score_bits' must be from 0 to " + std::to_string(kScoreBits));
  h.objectives = j.at("objectives").get<std::vector<std::string>>();
  for (const Json& s : j.at("scenarios")) {
    h.scenario_ids.push_back(s.at("id").get<std::string>());
    h.scenario_names.push_back(s.at("name").get<std::string>());
  }
  return h;
}

// Counts that a real run cannot produce (a hand-edited or truncated part).
void CheckConsistent(const SmaaAccumulator& a) {
  size_t S = a.header.scenario_ids.size();
  if (a.header.samples == 0) throw std::invalid_argument("'samples' must be at least 1");
  for (size_t s = 0; s < S; ++s) {
    uint64_t ranks = 0, binned = a.histograms[s].count();
    // Each count at most the samples, so that the sums cannot wrap around.
    bool too_large = false;
    for (size_t r = 0; r < S; ++r) {
      too_large = too_large || a.rank_counts[s * S + r] > a.count();
      ranks += a.rank_counts[s * S + r];
    }
    if (too_large || ranks != a.count() || binned != a.count()) {
      throw std::invalid_argument("the counts of scenario '" + a.header.scenario_ids[s] +
                                  "' do not add up to the shard's samples");
    }
    // A sample puts s above o, o above s, or ties them: the two counts of a
    // pair add up to at most the samples (an edited count printed P(A>B)
    // above 100%).
    for (size_t o = s; a.header.pairwise && o < S; ++o) {
      uint64_t pair = a.beats[s * S + o] + (o == s ? 0 : a.beats[o * S + s]);
      bool too_many = a.beats[s * S + o] > a.count() || a.beats[o * S + s] > a.count() ||
                      (o == s ? pair != 0 : pair > a.count());
      if (too_many) {
        throw std::invalid_argument("the 'beats' counts of scenario '" + a.header.scenario_ids[s] +
                                    "' against '" + a.header.scenario_ids[o] +
                                    "' add up to more than the shard's samples");
      }
    }
  }
}

SmaaPart ReadPart(const Json& j) {
  SmaaPart part;
  SmaaHeader h = ReadHeader(j);
  const Json& shard = j.at("shard");
  part.index = shard.at("index").get<uint32_t>();
  part.count = shard.at("count").get<uint32_t>();
  if (part.count == 0 || part.index == 0 || part.index > part.count)
    throw std::invalid_argument("'shard' is not K of N with 1 <= K <= N");
  SmaaAccumulator& a = part.accumulator;
  h.pairwise = j.contains("beats");  // left out of parts above --max-pairwise
  a = EmptyAccumulator(h, shard.at("first").get<uint64_t>());
  a.end = shard.at("end").get<uint64_t>();
  auto [first, end] = ShardRange(h.samples, part.index, part.count);
  if (a.first != first || a.end != end)
    throw std::invalid_argument("'shard' range does not match shard K of N");
  size_t S = h.scenario_ids.size(), J = h.objectives.size();
  a.rank_counts = ReadCounts(j, "rank_counts", S, S);
  if (h.pairwise) a.beats = ReadCounts(j, "beats", S, S);
  a.score_sum = ReadSums(j, "score_sum", S);
  a.score_square_sum = ReadSquareSums(j, "score_square_sum", S);
  a.best_weight_sum = ReadSums(j, "best_weight_sum", S * J);
  ReadHistogram(j, a);
  CheckConsistent(a);
  return part;
}

// 1-based line and column of byte `offset` in `text`.
SourceLocation At(const std::shared_ptr<const SourceText>& file, size_t offset) {
  SourceLocation where{file, 1, 1};
  for (size_t i = 0; i < offset && i < file->text.size(); ++i) {
    if (file->text[i] == '\n')
      ++where.line, where.column = 1;
    else
      ++where.column;
  }
  return where;
}

// A field that differs between the first part and another.
void CheckSame(const SmaaPart& first, const SmaaPart& other, Diagnostics& diags) {
  const SmaaHeader& a = first.accumulator.header;
  const SmaaHeader& b = other.accumulator.header;
  auto differs = [&](bool different, const std::string& what) {
    if (different)
      AddError(diags, other.where,
               "this part has a different " + what + " than " + first.where.source->name);
  };
  differs(a.inputs_hash != b.inputs_hash, "inputs hash (model and scenarios)");
  differs(a.objectives != b.objectives, "list of objectives");
  differs(a.scenario_ids != b.scenario_ids || a.scenario_names != b.scenario_names,
          "list of scenarios");
  differs(a.weights != b.weights, "--weights (" + b.weights + " vs " + a.weights + ")");
  differs(a.effects != b.effects, "--effects (" + b.effects + " vs " + a.effects + ")");
  differs(a.pairwise != b.pairwise, "pairwise table ('beats' in one part, not in the other)");
  differs(a.seed != b.seed,
          "--seed (" + std::to_string(b.seed) + " vs " + std::to_string(a.seed) + ")");
  differs(a.samples != b.samples,
          "--samples (" + std::to_string(b.samples) + " vs " + std::to_string(a.samples) + ")");
  auto draws = [](const SmaaHeader& h) {
    return h.confidence_draws ? std::to_string(*h.confidence_draws) : std::string("all");
  };
  differs(a.confidence_draws != b.confidence_draws,
          "--cf-samples (" + draws(b) + " vs " + draws(a) + ")");
  differs(a.score_bits != b.score_bits, "score_bits (" + std::to_string(b.score_bits) + " vs " +
                                            std::to_string(a.score_bits) + ")");
  differs(first.count != other.count, "shard count (" + std::to_string(other.count) + " vs " +
                                          std::to_string(first.count) + ")");
}

}  // namespace

std::pair<uint64_t, uint64_t> ShardRange(uint64_t samples, uint32_t index, uint32_t count) {
  return {static_cast<uint64_t>(UInt128(samples) * (index - 1) / count),
          static_cast<uint64_t>(UInt128(samples) * index / count)};
}

std::string SmaaPartToJson(const SmaaPart& part) {
  const SmaaAccumulator& a = part.accumulator;
  const SmaaHeader& h = a.header;
  size_t S = h.scenario_ids.size(), J = h.objectives.size();
  Json j;
  j["format"] = "allot/1";
  j["analysis"] = "smaa-part";
  j["part_format"] = kPartFormat;
  j["inputs_hash"] = h.inputs_hash;
  j["weights"] = h.weights;
  j["effects"] = h.effects;
  j["seed"] = h.seed;
  j["samples"] = h.samples;
  j["score_bits"] = h.score_bits;
  j["confidence_draws"] = h.confidence_draws ? Json(*h.confidence_draws) : Json(nullptr);
  j["shard"] = {{"index", part.index}, {"count", part.count}, {"first", a.first}, {"end", a.end}};
  j["objectives"] = h.objectives;
  j["scenarios"] = Json::array();
  for (size_t s = 0; s < S; ++s)
    j["scenarios"].push_back({{"id", h.scenario_ids[s]}, {"name", h.scenario_names[s]}});
  j["rank_counts"] = Matrix(a.rank_counts, S);
  if (h.pairwise) j["beats"] = Matrix(a.beats, S);
  j["score_sum"] = Sums(a.score_sum);
  j["score_square_sum"] = Sums(a.score_square_sum);
  j["best_weight_sum"] = Json::array();
  for (size_t s = 0; s < S; ++s) {
    j["best_weight_sum"].push_back(
        Sums(std::vector<ExactSum>(a.best_weight_sum.begin() + static_cast<long>(s * J),
                                   a.best_weight_sum.begin() + static_cast<long>((s + 1) * J))));
  }
  j["histogram"] = Json::array();
  for (size_t s = 0; s < S; ++s) j["histogram"].push_back(Histogram(a.histograms[s]));
  return detail::CheckedJson(j).dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::optional<SmaaPart> ParseSmaaPart(const std::shared_ptr<const SourceText>& file,
                                      Diagnostics& diags) {
  Json json;
  try {
    json = Json::parse(file->text);
  } catch (const Json::parse_error& e) {
    AddError(diags, At(file, e.byte > 0 ? e.byte - 1 : 0), "not valid JSON");
    return std::nullopt;
  }
  try {
    SmaaPart part = ReadPart(json);
    part.where = SourceLocation{file, 0, 0};
    return part;
  } catch (const std::exception& e) {
    std::string what = e.what();
    // nlohmann's messages start with "[json.exception.type_error.302] ".
    size_t cut = what.find("] ");
    if (what.rfind("[json.exception", 0) == 0 && cut != std::string::npos)
      what = what.substr(cut + 2);
    AddError(diags, SourceLocation{file, 0, 0}, "not a valid sensitivity part: " + what);
    return std::nullopt;
  }
}

std::optional<SmaaAccumulator> MergeSmaaParts(const std::vector<SmaaPart>& parts,
                                              Diagnostics& diags) {
  size_t errors = diags.size();
  if (parts.empty()) return std::nullopt;
  const SmaaPart& first = parts[0];
  std::vector<const SmaaPart*> by_index(first.count + 1, nullptr);
  for (const SmaaPart& part : parts) {
    CheckSame(first, part, diags);
    if (part.count != first.count) continue;
    if (by_index[part.index]) {
      AddError(diags, part.where,
               "shard " + std::to_string(part.index) + "/" + std::to_string(part.count) +
                   " is also in " + by_index[part.index]->where.source->name);
    }
    by_index[part.index] = &part;
  }
  for (uint32_t k = 1; k <= first.count && diags.size() == errors; ++k) {
    if (!by_index[k]) {
      AddError(diags, SourceLocation{},
               "shard " + std::to_string(k) + "/" + std::to_string(first.count) +
                   " is missing: merge needs every shard exactly once");
    }
  }
  if (diags.size() != errors) return std::nullopt;
  SmaaAccumulator total = EmptyAccumulator(first.accumulator.header, 0);
  for (uint32_t k = 1; k <= first.count; ++k) MergeInto(total, by_index[k]->accumulator);
  return total;
}

}  // namespace allot
