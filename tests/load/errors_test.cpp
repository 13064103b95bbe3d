// Every kind of input error, rendered in full as the CLI prints it:
// FILE:LINE:COL, the message, the offending line and a caret (ninja's
// ParserTest.Errors). One table of cases, one test that runs them all; to
// add a case, add a row.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "allot/load.hpp"
#include "test_support.hpp"

namespace {

using allot::testing::Render;

// Eight lines: text appended to it starts on line 9.
const std::string kModelHead = R"(format: allot/1
title: Test model
years: [2024, 2025, 2026]
objectives:
  - {id: information, name: Informatie}
  - {id: clients, name: Klanten}
weights:
  ministry: {information: 3, clients: 1}
)";

const std::string kScenarioHead = "format: allot/1\nscenario: alt\n";

allot::LoadLimits Limits(void (*change)(allot::LoadLimits&)) {
  allot::LoadLimits limits;
  change(limits);
  return limits;
}

// "Billion laughs": nine anchors, each a list of ten aliases of the one
// before, 10^9 nodes once expanded from a few hundred bytes.
std::string AliasBomb() {
  std::string text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char name = 'b'; name <= 'i'; ++name) {
    text += std::string(1, name) + ": &" + name + " [";
    for (int i = 0; i < 10; ++i) {
      text += std::string(i > 0 ? ", " : "") + "*" + static_cast<char>(name - 1);
    }
    text += "]\n";
  }
  return text;
}

enum Kind { kModel, kScenario };

// A file that must fail to load, and every diagnostic it must give, in
// file order, as the CLI prints them. The file is named model.yaml or
// scenario.yaml.
struct Case {
  const char* rule;  // what the case shows, as a test name would say it
  Kind kind;
  std::string text;
  std::string expected;
  allot::LoadLimits limits = {};
};

std::vector<Case> Cases() {
  return {
      {"an unknown key is reported with the key it most resembles", kScenario,
       kScenarioHead + R"~(budjet: neutral
)~",
       R"~(scenario.yaml:3:1: error: budjet: unknown key (did you mean 'budget'?)
  budjet: neutral
  ^
)~"},
      {"amounts with three decimals, a sign, no digits or too many digits are errors", kModel,
       kModelHead + R"~(lines:
  - id: point
    name: Informatiepunt
    budget: {2024: 1.005}
)~",
       R"~(model.yaml:12:20: error: lines[0].budget.2024: amount has more than two decimals: 1.005
      budget: {2024: 1.005}
                     ^
)~"},
      {"amounts with three decimals, a sign, no digits or too many digits are errors", kModel,
       kModelHead + R"~(lines:
  - id: point
    name: Informatiepunt
    budget: {2024: -5}
)~",
       R"~(model.yaml:12:20: error: lines[0].budget.2024: amount is negative: -5
      budget: {2024: -5}
                     ^
)~"},
      {"amounts with three decimals, a sign, no digits or too many digits are errors", kModel,
       kModelHead + R"~(lines:
  - id: point
    name: Informatiepunt
    budget: {2024: 10000000000000.01}
)~",
       R"~(model.yaml:12:20: error: lines[0].budget.2024: amount is over the limit of 10^13: 10000000000000.01
      budget: {2024: 10000000000000.01}
                     ^
)~"},
      {"amounts with three decimals, a sign, no digits or too many digits are errors", kModel,
       kModelHead + R"~(lines:
  - id: point
    name: Informatiepunt
    budget: {2024: 650k}
)~",
       R"~(model.yaml:12:20: error: lines[0].budget.2024: expected a number, got '650k'
      budget: {2024: 650k}
                     ^
)~"},
      {"amounts with three decimals, a sign, no digits or too many digits are errors", kModel,
       kModelHead + R"~(lines:
  - id: point
    name: Informatiepunt
    budget: {2024: .nan}
)~",
       R"~(model.yaml:12:20: error: lines[0].budget.2024: amount is not a finite number: .nan
      budget: {2024: .nan}
                     ^
)~"},
      {"a quoted amount is a string where a number belongs", kModel, kModelHead + R"~(lines:
  - id: point
    name: Informatiepunt
    budget: {2024: "650k"}
)~",
       R"~(model.yaml:12:20: error: lines[0].budget.2024: expected a number, got a string: "650k"
      budget: {2024: "650k"}
                     ^
)~"},
      {"a quoted amount is a string where a number belongs", kModel, kModelHead + R"~(lines:
  - id: point
    name: Informatiepunt
    budget: {2024: "650000"}
)~",
       R"~(model.yaml:12:20: error: lines[0].budget.2024: expected a number, got a string: "650000"
      budget: {2024: "650000"}
                     ^
)~"},
      {"a quoted amount is a string where a number belongs", kModel, kModelHead + R"~(lines:
  - id: point
    name: Informatiepunt
    budget: {2024: 100000}
    effects:
      information:
        curve: saturating
        max: 30
        half: "250k"
)~",
       R"~(model.yaml:17:15: error: lines[0].effects.information.half: expected a number, got a string: "250k"
          half: "250k"
                ^
)~"},
      {"curve parameters must be finite numbers or ordered triples", kModel, kModelHead + R"~(lines:
  - id: point
    name: Informatiepunt
    budget: {2024: 100000}
    effects:
      information:
        curve: linear
        points: [3, 2, 4]
        per: 100000
)~",
       R"~(model.yaml:16:17: error: lines[0].effects.information.points: [low, likely, high] must satisfy low <= likely <= high: [3, 2, 4]
          points: [3, 2, 4]
                  ^
)~"},
      {"curve parameters must be finite numbers or ordered triples", kModel, kModelHead + R"~(lines:
  - id: point
    name: Informatiepunt
    budget: {2024: 100000}
    effects:
      information:
        curve: linear
        points: [1, 2]
        per: 100000
)~",
       R"~(model.yaml:16:17: error: lines[0].effects.information.points: expected a number or [low, likely, high], got a list of 2 values
          points: [1, 2]
                  ^
)~"},
      {"curve parameters must be finite numbers or ordered triples", kModel, kModelHead + R"~(lines:
  - id: point
    name: Informatiepunt
    budget: {2024: 100000}
    effects:
      information:
        curve: saturating
        max: .nan
        half: 1000
)~",
       R"~(model.yaml:16:14: error: lines[0].effects.information.max: expected a finite number, got .nan
          max: .nan
               ^
)~"},
      {"curve parameters must be finite numbers or ordered triples", kModel, kModelHead + R"~(lines:
  - id: point
    name: Informatiepunt
    budget: {2024: 100000}
    effects:
      information:
        curve: linear
        points: [1, 2, .inf]
        per: 1000
)~",
       R"~(model.yaml:16:24: error: lines[0].effects.information.points[2]: expected a finite number, got .inf
          points: [1, 2, .inf]
                         ^
)~"},
      {"curve parameters must be finite numbers or ordered triples", kModel, kModelHead + R"~(lines:
  - id: point
    name: Informatiepunt
    budget: {2024: 100000}
    effects:
      information:
        curve: linear
        points: 1
        per: 0
)~",
       R"~(model.yaml:17:14: error: lines[0].effects.information.per: amount must be greater than 0: 0
          per: 0
               ^
)~"},
      {"curve parameters must be finite numbers or ordered triples", kModel, kModelHead + R"~(lines:
  - id: point
    name: Informatiepunt
    budget: {2024: 100000}
    effects:
      information:
        curve: saturating
        max: 30
        half: [0, 1000, 2000]
)~",
       R"~(model.yaml:17:15: error: lines[0].effects.information.half: amount must be greater than 0: [0, 1000, 2000]
          half: [0, 1000, 2000]
                ^
)~"},
      {"an effect on an unknown objective suggests the objective meant", kModel,
       kModelHead + R"~(lines:
  - id: point
    name: Informatiepunt
    budget: {2024: 100000}
    effects:
      info: {curve: linear, points: 1, per: 1000}
)~",
       R"~(model.yaml:14:7: error: lines[0].effects.info: unknown objective 'info' (did you mean 'information'?)
        info: {curve: linear, points: 1, per: 1000}
        ^
)~"},
      {"duplicate ids name the line of the first definition", kModel, kModelHead + R"~(lines:
  - {id: x, name: X, budget: {}}
  - {id: x, name: Y, budget: {}}
)~",
       R"~(model.yaml:11:10: error: lines[1].id: duplicate line id 'x' (first defined at line 10)
    - {id: x, name: Y, budget: {}}
           ^
)~"},
      {"duplicate ids name the line of the first definition", kModel,
       R"~(format: allot/1
title: Test model
years: [2024, 2025, 2026]
objectives:
  - {id: information, name: Informatie}
  - {id: information, name: Klanten}
weights:
  ministry: {information: 3, clients: 1}
lines: []
)~",
       R"~(model.yaml:6:10: error: objectives[1].id: duplicate objective id 'information' (first defined at line 5)
    - {id: information, name: Klanten}
           ^
model.yaml:8:30: error: weights.ministry.clients: unknown objective 'clients' (expected 'information')
    ministry: {information: 3, clients: 1}
                               ^
)~"},
      {"a duplicate YAML key is an error, not a silent overwrite", kModel, kModelHead + R"~(lines:
  - id: x
    name: X
    name: Y
    budget: {}
)~",
       R"~(model.yaml:12:5: error: lines[0].name: duplicate key (first defined at line 11)
      name: Y
      ^
)~"},
      {"table points must have strictly increasing amounts", kModel, kModelHead + R"~(lines:
  - id: point
    name: Informatiepunt
    budget: {2024: 100000}
    effects:
      information:
        curve: table
        points: [[200000, 10], [100000, 20]]
)~",
       R"~(model.yaml:16:33: error: lines[0].effects.information.points: table amounts must be strictly increasing: 100000 after 200000
          points: [[200000, 10], [100000, 20]]
                                  ^
)~"},
      {"table points must have strictly increasing amounts", kModel, kModelHead + R"~(lines:
  - id: point
    name: Informatiepunt
    budget: {2024: 100000}
    effects:
      information:
        curve: table
        points: [[100000, 10], [100000, 20]]
)~",
       R"~(model.yaml:16:33: error: lines[0].effects.information.points: table amounts must be strictly increasing: 100000 after 100000
          points: [[100000, 10], [100000, 20]]
                                  ^
)~"},
      {"weight sets must name known objectives with non-negative weights, not all zero", kModel,
       R"~(format: allot/1
title: Test model
years: [2024, 2025, 2026]
objectives:
  - {id: information, name: Informatie}
  - {id: clients, name: Klanten}
weights:
  ministry: {information: 0, clients: 0}
lines: []
)~",
       R"~(model.yaml:8:13: error: weights.ministry: all weights are zero
    ministry: {information: 0, clients: 0}
              ^
)~"},
      {"weight sets must name known objectives with non-negative weights, not all zero", kModel,
       R"~(format: allot/1
title: Test model
years: [2024, 2025, 2026]
objectives:
  - {id: information, name: Informatie}
  - {id: clients, name: Klanten}
weights:
  ministry: {information: -1, clients: 2}
lines: []
)~",
       R"~(model.yaml:8:27: error: weights.ministry.information: weight must not be negative: -1
    ministry: {information: -1, clients: 2}
                            ^
)~"},
      {"weight sets must name known objectives with non-negative weights, not all zero", kModel,
       R"~(format: allot/1
title: Test model
years: [2024, 2025, 2026]
objectives:
  - {id: information, name: Informatie}
  - {id: clients, name: Klanten}
weights:
  ministry: {informaton: 3, clients: 1}
lines: []
)~",
       R"~(model.yaml:8:14: error: weights.ministry.informaton: unknown objective 'informaton' (did you mean 'information'?)
    ministry: {informaton: 3, clients: 1}
               ^
)~"},
      {"weight sets must name known objectives with non-negative weights, not all zero", kModel,
       R"~(format: allot/1
title: Test model
years: [2024, 2025, 2026]
objectives:
  - {id: information, name: Informatie}
  - {id: clients, name: Klanten}
weights:
  ministry: {weights: {information: 1}, order: [clients, klients]}
lines: []
)~",
       R"~(model.yaml:8:58: error: weights.ministry.order[1]: unknown objective 'klients' (did you mean 'clients'?)
    ministry: {weights: {information: 1}, order: [clients, klients]}
                                                           ^
)~"},
      {"a file must declare format allot/1", kModel,
       R"~(format: allot/2
title: Test model
years: [2024, 2025, 2026]
objectives:
  - {id: information, name: Informatie}
  - {id: clients, name: Klanten}
weights:
  ministry: {information: 3, clients: 1}
lines: []
)~",
       R"~(model.yaml:1:9: error: format: unsupported format 'allot/2'; expected 'allot/1'
  format: allot/2
          ^
)~"},
      {"a file must declare format allot/1", kModel,
       R"~(title: Test model
years: [2024, 2025, 2026]
objectives:
  - {id: information, name: Informatie}
  - {id: clients, name: Klanten}
weights:
  ministry: {information: 3, clients: 1}
lines: []
)~",
       R"~(model.yaml:1:1: error: missing required key 'format'
  title: Test model
  ^
)~"},
      {"years must be whole, increasing and used only within the model", kModel,
       R"~(format: allot/1
title: Test model
years: [2024, 2025.5]
objectives:
  - {id: information, name: Informatie}
  - {id: clients, name: Klanten}
weights:
  ministry: {information: 3, clients: 1}
lines: []
)~",
       R"~(model.yaml:3:15: error: years[1]: expected a year, got '2025.5'
  years: [2024, 2025.5]
                ^
)~"},
      {"years must be whole, increasing and used only within the model", kModel,
       R"~(format: allot/1
title: Test model
years: [2024, 2025, 2025]
objectives:
  - {id: information, name: Informatie}
  - {id: clients, name: Klanten}
weights:
  ministry: {information: 3, clients: 1}
lines: []
)~",
       R"~(model.yaml:3:21: error: years: years must be strictly increasing: 2025 after 2025
  years: [2024, 2025, 2025]
                      ^
)~"},
      {"years must be whole, increasing and used only within the model", kModel,
       kModelHead + R"~(lines:
  - id: point
    name: Informatiepunt
    budget: {2027: 100}
)~",
       R"~(model.yaml:12:14: error: lines[0].budget.2027: year 2027 is not one of the model's years (2024, 2025, 2026)
      budget: {2027: 100}
               ^
)~"},
      {"unknown curve kinds and motions are errors", kModel, kModelHead + R"~(lines:
  - id: point
    name: Informatiepunt
    budget: {2024: 100000}
    effects:
      information:
        curve: saturate
        max: 30
        half: 1000
)~",
       R"~(model.yaml:15:16: error: lines[0].effects.information.curve: unknown curve 'saturate' (expected 'linear', 'saturating' or 'table')
          curve: saturate
                 ^
)~"},
      {"unknown curve kinds and motions are errors", kModel, kModelHead + R"~(motions:
  - {id: kuik-mutluer, ref: nr. 229, date: 2023-09-27, asks: X}
lines:
  - id: point
    name: Informatiepunt
    budget: {2024: 100000}
    motions: [kuik-mutluer, kuik]
)~",
       R"~(model.yaml:15:29: error: lines[0].motions[1]: unknown motion 'kuik' (did you mean 'kuik-mutluer'?)
      motions: [kuik-mutluer, kuik]
                              ^
)~"},
      {"required keys, ids, booleans, strings and currency codes are checked", kModel,
       kModelHead + R"~(lines:
  - {id: x, budget: {}}
)~",
       R"~(model.yaml:10:5: error: lines[0]: missing required key 'name'
    - {id: x, budget: {}}
      ^
)~"},
      {"required keys, ids, booleans, strings and currency codes are checked", kModel,
       kModelHead + R"~(lines:
  - {id: 'a b', name: X, budget: {}}
)~",
       R"~(model.yaml:10:10: error: lines[0].id: invalid id 'a b': use only letters, digits, '_', '.' and '-'
    - {id: 'a b', name: X, budget: {}}
           ^
)~"},
      {"required keys, ids, booleans, strings and currency codes are checked", kModel,
       kModelHead + R"~(lines:
  - id: point
    name: Informatiepunt
    budget: {2024: 100000}
    illustrative: yes
)~",
       R"~(model.yaml:13:19: error: lines[0].illustrative: expected true or false, got 'yes'
      illustrative: yes
                    ^
)~"},
      {"required keys, ids, booleans, strings and currency codes are checked", kModel,
       R"~(format: allot/1
title:
years: [2024, 2025, 2026]
objectives:
  - {id: information, name: Informatie}
  - {id: clients, name: Klanten}
weights:
  ministry: {information: 3, clients: 1}
lines: []
)~",
       R"~(model.yaml:2:1: error: title: expected a string, got nothing
  title:
  ^
)~"},
      {"required keys, ids, booleans, strings and currency codes are checked", kModel,
       R"~(format: allot/1
title: Test model
currency: euro
years: [2024, 2025, 2026]
objectives:
  - {id: information, name: Informatie}
  - {id: clients, name: Klanten}
weights:
  ministry: {information: 3, clients: 1}
lines: []
)~",
       R"~(model.yaml:3:11: error: currency: expected a three-letter currency code like 'EUR', got 'euro'
  currency: euro
            ^
)~"},
      {"required keys, ids, booleans, strings and currency codes are checked", kModel,
       R"~(- format: allot/1
)~",
       R"~(model.yaml:1:1: error: expected a mapping, got a list
  - format: allot/1
  ^
)~"},
      {"scenario changes are checked for kind, shape and values", kScenario,
       kScenarioHead + R"~(changes:
  - mvoe: {amount: 1, from: a, to: b}
)~",
       R"~(scenario.yaml:4:5: error: changes[0].mvoe: unknown change 'mvoe' (did you mean 'move'?)
    - mvoe: {amount: 1, from: a, to: b}
      ^
)~"},
      {"scenario changes are checked for kind, shape and values", kScenario,
       kScenarioHead + R"~(changes:
  - remove: {line: a}
)~",
       R"~(scenario.yaml:4:13: error: changes[0].remove: expected a line id, got a mapping
    - remove: {line: a}
              ^
)~"},
      {"scenario changes are checked for kind, shape and values", kScenario,
       kScenarioHead + R"~(changes:
  - remove: a
    move: {amount: 1, from: a, to: b}
)~",
       R"~(scenario.yaml:4:5: error: changes[0]: expected exactly one of 'move', 'set', 'scale', 'add', 'remove', 'increase' or 'decrease', got 2 keys
    - remove: a
      ^
)~"},
      {"scenario changes are checked for kind, shape and values", kScenario,
       kScenarioHead + R"~(changes:
  - scale: {line: a, by: -0.5}
)~",
       R"~(scenario.yaml:4:26: error: changes[0].scale.by: scale factor must not be negative: -0.5
    - scale: {line: a, by: -0.5}
                           ^
)~"},
      {"scenario changes are checked for kind, shape and values", kScenario,
       kScenarioHead + R"~(changes:
  - scale: {line: a, by: 1.0000000000000000001}
)~",
       R"~(scenario.yaml:4:26: error: changes[0].scale.by: scale factor has more than 18 significant digits: 1.0000000000000000001
    - scale: {line: a, by: 1.0000000000000000001}
                           ^
)~"},
      {"scenario changes are checked for kind, shape and values", kScenario,
       kScenarioHead + R"~(changes:
  - scale: {line: a, by: '0.5'}
)~",
       R"~(scenario.yaml:4:26: error: changes[0].scale.by: expected a number, got a string: "0.5"
    - scale: {line: a, by: '0.5'}
                           ^
)~"},
      {"scenario changes are checked for kind, shape and values", kScenario,
       kScenarioHead + R"~(changes:
  - move: {amount: 0, from: a, to: a}
)~",
       R"~(scenario.yaml:4:20: error: changes[0].move.amount: amount must be greater than 0: 0
    - move: {amount: 0, from: a, to: a}
                     ^
scenario.yaml:4:36: error: changes[0].move.to: cannot move from line 'a' to itself
    - move: {amount: 0, from: a, to: a}
                                     ^
)~"},
      {"scenario changes are checked for kind, shape and values", kScenario,
       kScenarioHead + R"~(changes:
  - set: {line: a, budget: {twenty: 5}}
)~",
       R"~(scenario.yaml:4:29: error: changes[0].set.budget.twenty: expected a year, got 'twenty'
    - set: {line: a, budget: {twenty: 5}}
                              ^
)~"},
      {"scenario changes are checked for kind, shape and values", kScenario,
       kScenarioHead + R"~(changes:
  - add: {id: n, name: N}
)~",
       R"~(scenario.yaml:4:10: error: changes[0].add: missing required key 'budget'
    - add: {id: n, name: N}
           ^
)~"},
      {"scenario changes are checked for kind, shape and values", kScenario,
       R"~(format: allot/1
name: X
)~",
       R"~(scenario.yaml:1:1: error: missing required key 'scenario'
  format: allot/1
  ^
)~"},
      {"budget rules must be neutral, neutral-per-year or a cap amount", kScenario,
       kScenarioHead + R"~(budget: nuetral
)~",
       R"~(scenario.yaml:3:9: error: budget: unknown budget rule 'nuetral' (did you mean 'neutral'?)
  budget: nuetral
          ^
)~"},
      {"budget rules must be neutral, neutral-per-year or a cap amount", kScenario,
       kScenarioHead + R"~(budget: {cap: lots}
)~",
       R"~(scenario.yaml:3:15: error: budget.cap: expected a number, got 'lots'
  budget: {cap: lots}
                ^
)~"},
      {"counts over the load limits are refused", kScenario, kScenarioHead + R"~(changes:
  - remove: a
  - remove: b
  - remove: c
)~",
       R"~(scenario.yaml:4:3: error: changes: too many changes: 3 (limit 2)
    - remove: a
    ^
)~",
       Limits([](allot::LoadLimits& l) { l.max_changes = 2; })},
      {"counts over the load limits are refused", kModel, kModelHead + R"~(lines:
  - {id: a, name: A, budget: {}}
  - {id: b, name: B, budget: {}}
)~",
       R"~(model.yaml:10:3: error: lines: too many lines: 2 (limit 1)
    - {id: a, name: A, budget: {}}
    ^
)~",
       Limits([](allot::LoadLimits& l) { l.max_lines = 1; })},
      {"counts over the load limits are refused", kModel, kModelHead + R"~(lines: []
)~",
       R"~(model.yaml:3:8: error: years: too many years: 3 (limit 2)
  years: [2024, 2025, 2026]
         ^
)~",
       Limits([](allot::LoadLimits& l) { l.max_years = 2; })},
      {"YAML syntax errors carry the parser's position", kModel,
       R"~(format: allot/1
title: [unclosed
years: [2024]
)~",
       R"~(model.yaml:3:6: error: invalid YAML: end of sequence flow not found
  years: [2024]
       ^
)~"},
      {"YAML syntax errors carry the parser's position", kModel,
       "format: allot/1\nlines:\n\t- id: x\n",
       "model.yaml:3:2: error: invalid YAML: illegal block entry\n  \t- id: x\n  \t^\n"},
      {"an empty or comment-only file asks for the format line", kModel, "",
       R"~(model.yaml: error: file is empty; expected 'format: allot/1'
)~"},
      {"an empty or comment-only file asks for the format line", kModel,
       R"~(# nothing here

# yet
)~",
       R"~(model.yaml: error: file is empty; expected 'format: allot/1'
)~"},
      {"a binary or non-UTF-8 file is refused at its first bad byte", kModel,
       std::string("format: allot/1\ntitle: \0\x01\x02\n", 27),
       R"~(model.yaml:2:8: error: not a text file: NUL byte (allot reads UTF-8 YAML)
)~"},
      {"a binary or non-UTF-8 file is refused at its first bad byte", kModel,
       "format: allot/1\ntitle: Caf\xe9\n",
       "model.yaml:2:11: error: not a text file: invalid UTF-8 byte 0xe9 (allot reads UTF-8 "
       "YAML)\n  title: Caf\\xe9\n            ^\n"},  // the byte shown, not sent
      {"a file with several YAML documents is refused at the second", kModel,
       R"~(format: allot/1
---
format: allot/1
)~",
       R"~(model.yaml:2:1: error: more than one YAML document; an allot file holds exactly one
  ---
  ^
)~"},
      {"an alias bomb is refused without expanding it", kModel, AliasBomb(),
       R"~(model.yaml:8:8: error: document too large: more than 20000000 nodes with aliases expanded
  h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g, *g]
         ^
)~"},
      {"an alias bomb is refused without expanding it", kModel,
       R"~(format: &a [1, *a]
)~",
       R"~(model.yaml:1:16: error: alias refers to a node that contains it
  format: &a [1, *a]
                 ^
)~"},
      {"100000 levels of nesting are refused without exhausting the stack", kModel,
       std::string(100000, '['),
       R"~(model.yaml:1:33: error: nesting too deep: more than 64 levels
)~"},
      {"every error in a file is reported, not only the first", kModel, kModelHead + R"~(lines:
  - id: point
    name: Informatiepunt
    budget: {2024: 1.005, 2025: -1}
    owner: [x]
)~",
       R"~(model.yaml:12:20: error: lines[0].budget.2024: amount has more than two decimals: 1.005
      budget: {2024: 1.005, 2025: -1}
                     ^
model.yaml:12:33: error: lines[0].budget.2025: amount is negative: -1
      budget: {2024: 1.005, 2025: -1}
                                  ^
model.yaml:13:12: error: lines[0].owner: expected a string, got a list
      owner: [x]
             ^
)~"},
      {"errors are listed in file order whatever order they are found in", kModel,
       kModelHead + R"~(lines:
  - id: point
    name: Informatiepunt
    budget: {2024: 1}
    effects:
      information:
        curve: table
        points: [[0, 1]]
        treshold: 5
)~",
       R"~(model.yaml:16:19: error: lines[0].effects.information.points[0][0]: amount must be greater than 0: 0
          points: [[0, 1]]
                    ^
model.yaml:17:9: error: lines[0].effects.information.treshold: unknown key (did you mean 'threshold'?)
          treshold: 5
          ^
)~"},
  };
}

}  // namespace

TEST_CASE("every kind of input error is reported in full: position, message, line, caret",
          "[load][errors]") {
  for (const Case& c : Cases()) {
    INFO(c.rule);
    allot::Diagnostics diags;
    const char* name = c.kind == kModel ? "model.yaml" : "scenario.yaml";
    bool loaded = c.kind == kModel ? allot::LoadModel(c.text, name, diags, c.limits).has_value()
                                   : allot::LoadScenario(c.text, name, diags, c.limits).has_value();
    CHECK_FALSE(loaded);
    CHECK(Render(diags) == c.expected);
  }
}

TEST_CASE("diagnostics of earlier files do not fail a good file", "[load][errors]") {
  allot::Diagnostics diags;
  CHECK_FALSE(allot::LoadScenario("format: allot/2\n", "a.yaml", diags).has_value());
  REQUIRE(diags.size() == 1);
  CHECK(allot::LoadScenario(kScenarioHead, "b.yaml", diags).has_value());
  CHECK(diags.size() == 1);
}
