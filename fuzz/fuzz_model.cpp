// Fuzzes the model loader: any bytes in, diagnostics or a model out, never a
// crash, a hang or a sanitizer report. A model that loads is also resolved
// and compared on its own, so that whatever the loader accepts (amounts near
// the int64 bound, extreme weights, long year ranges) is exercised
// downstream too.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include "allot/compare.hpp"
#include "allot/load.hpp"
#include "allot/render.hpp"
#include "allot/resolve.hpp"
#include "fuzz_checks.hpp"
#include "fuzz_targets.hpp"

void allot::fuzz::FuzzModel(const std::string& text) {
  allot::Diagnostics diags;
  std::optional<allot::Model> model = allot::LoadModel(text, "fuzz.yaml", diags);
  allot::fuzz::CheckDiagnostics(diags, model.has_value());
  if (model) allot::fuzz::CompareAndRender(*model, {});
}

#ifndef ALLOT_FUZZ_REPLAY
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  allot::fuzz::FuzzModel(std::string(reinterpret_cast<const char*>(data), size));
  return 0;
}
#endif
