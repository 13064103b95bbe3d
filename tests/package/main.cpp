// Loads a model from text through the installed public headers, resolves it
// and prints its total: what a library user of allot does first.
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "allot/diagnostic.hpp"
#include "allot/load.hpp"
#include "allot/money.hpp"
#include "allot/resolve.hpp"
#include "consumer_model.hpp"

int main() {
  allot::Diagnostics diags;
  std::optional<allot::Model> model = allot::LoadModel(consumer::kModel, "consumer.yaml", diags);
  if (!model) {
    for (const allot::Diagnostic& d : diags) std::cerr << allot::FormatDiagnostic(d);
    return 1;
  }
  std::vector<allot::ResolvedScenario> resolved = allot::ResolveScenarios(*model, {}, diags);
  if (!diags.empty() || resolved.empty()) return 1;
  const allot::Money total = resolved.front().total;
  std::cout << "total: " << allot::FormatMoney(total, allot::Lang::kEn) << "\n";
  // 100,000 + 125,000.50 EUR, to the cent.
  return total == allot::Money::FromCents(22'500'050) ? 0 : 1;
}
