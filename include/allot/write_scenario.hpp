// Writing a scenario as an allot/1 YAML file: the inverse of LoadScenario.
//
// The file is what a person would write: the header keys, then one change a
// list item, moves and sets in flow style (`- move: {amount: 200000, from: a,
// to: b}`), an added line in block style. Amounts are plain numbers in EUR
// (`650000`, `162500.50`), never through a double; effect parameters are
// written in the shortest text that reads back as the same double.
#pragma once

#include <string>
#include <vector>

#include "allot/scenario.hpp"

namespace allot {

// The file for `scenario`. `comment` lines come first, each as "# LINE".
// Round trip: LoadScenario(WriteScenarioYaml(s)) gives `s` again (source
// locations aside) for any scenario LoadScenario can produce. Deterministic.
std::string WriteScenarioYaml(const Scenario& scenario,
                              const std::vector<std::string>& comment = {});

// An amount as allot/1 files write it: whole euros without decimals
// ("650000"), otherwise exactly two ("162500.50").
std::string YamlAmount(Money amount);

// A YAML scalar for free text: plain when that reads back as the same
// string in a flow collection, otherwise double-quoted with escapes.
std::string YamlText(const std::string& text);

}  // namespace allot
