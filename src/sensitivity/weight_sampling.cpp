#include "allot/weight_sampling.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

namespace allot {

namespace {

// Stream keys of the weight draws, one per objective index; distinct from
// the effect parameters' keys, which hash names.
uint64_t WeightKey(size_t objective) { return Mix64(0x5745494748545300ULL + objective); }

// Exp(1) draws normalised to sum 1 over `indexes`: Dirichlet(1,...,1) on
// that face of the simplex. (Uniform draws normalised would be biased
// towards the centre.)
void DrawUniformOn(const std::vector<int>& indexes, uint64_t base, double* w) {
  double sum = 0;
  for (int j : indexes) {
    SampleRng rng(base, WeightKey(static_cast<size_t>(j)));
    w[j] = rng.NextExp();
    sum += w[j];
  }
  for (int j : indexes) w[j] /= sum;
}

void DrawUniform(uint64_t base, size_t objectives, double* w) {
  double sum = 0;
  for (size_t j = 0; j < objectives; ++j) {
    SampleRng rng(base, WeightKey(j));
    w[j] = rng.NextExp();
    sum += w[j];
  }
  for (size_t j = 0; j < objectives; ++j) w[j] /= sum;
}

// Gamma draws normalised to sum 1, in logs: for a small KAPPA the draws
// (Gamma(shape + 1) * U^(1/shape)) underflow to 0 long before their ratios
// stop mattering (the Dirichlet then puts nearly all weight on one
// objective), so each is kept as its logarithm and the largest sets the
// scale. ParseKappa's range keeps the largest logarithm finite.
void DrawDirichlet(const WeightSpec& spec, uint64_t base, size_t objectives, double* w) {
  double largest = -std::numeric_limits<double>::infinity();
  for (size_t j = 0; j < objectives; ++j) {
    double shape = spec.kappa * spec.mean[j];
    w[j] = -std::numeric_limits<double>::infinity();  // log 0: zero weights stay zero
    if (!(shape > 0)) continue;                       // also a shape that underflowed
    SampleRng rng(base, WeightKey(j));
    w[j] = rng.NextLogGamma(shape);
    largest = std::max(largest, w[j]);
  }
  double sum = 0;
  for (size_t j = 0; j < objectives; ++j) {
    w[j] = std::exp(w[j] - largest);
    sum += w[j];
  }
  for (size_t j = 0; j < objectives; ++j) w[j] /= sum;
}

// Uniform on {w : w[order[0]] >= w[order[1]] >= ...} within the active
// face: the simplex splits into k! congruent copies of that region, one per
// ordering of the ordered weights, and Dirichlet(1) is symmetric under
// permuting them, so sorting a uniform draw folds every copy onto the region
// with the density unchanged. Exact, and never rejects.
void DrawOrdinal(const WeightSpec& spec, uint64_t base, size_t objectives, double* w) {
  std::fill(w, w + objectives, 0.0);
  DrawUniformOn(spec.active, base, w);
  // A model has few objectives; the heap is used only beyond 64.
  double small[64];
  size_t k = spec.order.size();
  std::vector<double> large(k > 64 ? k : 0);
  double* sorted = k > 64 ? large.data() : small;
  for (size_t i = 0; i < k; ++i) sorted[i] = w[spec.order[i]];
  std::sort(sorted, sorted + k, std::greater<double>());
  for (size_t i = 0; i < k; ++i) w[spec.order[i]] = sorted[i];
}

std::optional<double> ParseKappa(const std::string& text) {
  try {
    size_t used = 0;
    double kappa = std::stod(text, &used);
    if (used != text.size() || !(kappa >= kMinKappa && kappa <= kMaxKappa)) return std::nullopt;
    return kappa;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace

uint64_t StreamKey(std::string_view text) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : text) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
  return Mix64(h);
}

double SampleRng::NextExp() { return -std::log1p(-NextUniform()); }

double SampleRng::NextNormal() {
  double u1 = 1.0 - NextUniform();  // (0, 1]: log is finite
  double u2 = NextUniform();
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
}

// log Gamma(shape): for shape < 1, log Gamma(shape + 1) + log(U) / shape,
// which stays finite where U^(1/shape) would underflow to 0.
double SampleRng::NextLogGamma(double shape) {
  if (shape >= 1) return std::log(NextGamma(shape));
  double g = NextGamma(shape + 1);
  return std::log(g) + std::log1p(-NextUniform()) / shape;
}

// Marsaglia & Tsang (2000); shape < 1 through Gamma(shape + 1) * U^(1/shape).
double SampleRng::NextGamma(double shape) {
  if (shape < 1) {
    double g = NextGamma(shape + 1);
    return g * std::pow(1.0 - NextUniform(), 1.0 / shape);
  }
  double d = shape - 1.0 / 3.0;
  double c = 1.0 / std::sqrt(9.0 * d);
  for (;;) {
    double x = NextNormal();
    double v = 1.0 + c * x;
    if (v <= 0) continue;
    v = v * v * v;
    double u = 1.0 - NextUniform();
    if (std::log(u) < 0.5 * x * x + d - d * v + d * std::log(v)) return d * v;
  }
}

std::optional<WeightSpec> ParseWeightSpec(const std::string& text, const Model& model,
                                          std::string& error) {
  WeightSpec spec;
  spec.text = text;
  if (text == "uniform") return spec;
  size_t colon = text.find(':');
  spec.set = text.substr(0, colon);
  int index = model.WeightSetIndex(spec.set);
  if (index < 0) {
    error = "unknown weight set '" + spec.set + "' (use uniform, SET, SET:KAPPA or SET:order)";
    return std::nullopt;
  }
  const WeightSet& set = model.weights[static_cast<size_t>(index)];
  spec.mean = set.weights;
  spec.mode = WeightMode::kFixed;
  if (colon == std::string::npos) return spec;
  std::string suffix = text.substr(colon + 1);
  if (suffix == "order") {
    if (set.order.empty()) {
      error = "weight set '" + spec.set + "' has no order: to sample from";
      return std::nullopt;
    }
    spec.mode = WeightMode::kOrdinal;
    for (const std::string& id : set.order) spec.order.push_back(model.ObjectiveIndex(id));
    for (size_t j = 0; j < set.weights.size(); ++j) {
      int jj = static_cast<int>(j);
      bool ordered = std::find(spec.order.begin(), spec.order.end(), jj) != spec.order.end();
      if (ordered || set.weights[j] > 0) spec.active.push_back(jj);
    }
    return spec;
  }
  std::optional<double> kappa = ParseKappa(suffix);
  if (!kappa) {
    error = "'" + suffix + "' after '" + spec.set +
            ":' must be a number from 1e-300 to 1e300 (KAPPA) or 'order'";
    return std::nullopt;
  }
  spec.mode = WeightMode::kDirichlet;
  spec.kappa = *kappa;
  return spec;
}

void DrawWeights(const WeightSpec& spec, uint64_t seed, uint64_t sample, size_t objectives,
                 double* w) {
  uint64_t base = SampleBase(seed, sample);
  switch (spec.mode) {
    case WeightMode::kUniform:
      DrawUniform(base, objectives, w);
      return;
    case WeightMode::kFixed:
      std::copy(spec.mean.begin(), spec.mean.end(), w);
      return;
    case WeightMode::kDirichlet:
      DrawDirichlet(spec, base, objectives, w);
      return;
    case WeightMode::kOrdinal:
      DrawOrdinal(spec, base, objectives, w);
      return;
  }
}

}  // namespace allot
