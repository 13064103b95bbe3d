#!/usr/bin/env python3
"""Validate allot/1 files against the JSON Schemas in schema/.

Usage: python3 tests/schema_check.py [FILE ...]

Checks, each counted as one pass or one failure:
  - both schemas are valid draft-07 schemas, and every property in them has
    a description (editors show it on hover);
  - every *.yaml in model/ and scenarios/, and every FILE given, validates
    against the right schema (a file with a top-level `scenario:` key is a
    scenario, any other a model -- the rule allot itself uses);
  - a set of deliberately bad snippets is REJECTED, and a few tricky good
    ones are accepted, so that this script can fail.

The YAML is read the way allot and editors read it (YAML 1.2 core schema),
not the way PyYAML does by default (YAML 1.1):
  - `date: 2023-10-03` stays a string (PyYAML would make it a date);
  - mapping keys become strings, as they would in JSON, so `2024:` in a
    budget map is checked against patternProperties "^[0-9]{4}$";
  - `multipleOf` is checked in exact decimal arithmetic on the number's
    shortest text form: jsonschema's own check divides binary floats and
    wrongly rejects amounts such as 0.07 or 162500.29.

Exits 0 when everything passed, 1 otherwise; the last line printed is
"N passed, M failed".
"""

import decimal
import json
import os
import sys

import jsonschema
import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCHEMA_DIR = os.path.join(ROOT, "schema")


# ---------------------------------------------------------------- YAML
class _Loader(yaml.SafeLoader):
    """SafeLoader without YAML 1.1 timestamps (dates stay strings)."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _jsonify(node):
    """Mapping keys to strings, as a YAML-to-JSON conversion does."""
    if isinstance(node, dict):
        return {_key(k): _jsonify(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_jsonify(v) for v in node]
    return node


def _key(k):
    if isinstance(k, bool):
        return "true" if k else "false"
    if k is None:
        return "null"
    return str(k)


def load_yaml_text(text):
    return _jsonify(yaml.load(text, Loader=_Loader))


# ---------------------------------------------------------------- schema
def _exact_multiple_of(validator, divisor, instance, schema):
    if not validator.is_type(instance, "number"):
        return
    try:
        quotient = decimal.Decimal(repr(instance)) / decimal.Decimal(repr(divisor))
    except (decimal.InvalidOperation, ValueError):
        yield jsonschema.ValidationError(f"{instance!r} is not a finite number")
        return
    if quotient != quotient.to_integral_value():
        yield jsonschema.ValidationError(f"{instance!r} is not a multiple of {divisor}")


_Validator = jsonschema.validators.extend(
    jsonschema.Draft7Validator, {"multipleOf": _exact_multiple_of})


def load_schema(kind):
    with open(os.path.join(SCHEMA_DIR, f"allot-{kind}.schema.json"), encoding="utf-8") as f:
        return json.load(f)


SCHEMAS = {kind: load_schema(kind) for kind in ("model", "scenario")}
VALIDATORS = {kind: _Validator(schema) for kind, schema in SCHEMAS.items()}


def kind_of(doc):
    return "scenario" if isinstance(doc, dict) and "scenario" in doc else "model"


def errors_of(doc, kind=None):
    """All schema errors of a loaded document, as 'path: message' strings."""
    validator = VALIDATORS[kind or kind_of(doc)]
    out = []
    for err in sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path)):
        path = "/".join(str(p) for p in err.absolute_path) or "(top)"
        out.append(f"{path}: {err.message}")
    return out


def undescribed_properties(schema):
    """Property schemas (under properties / patternProperties) without a description."""
    missing = []

    def walk(node, where):
        if isinstance(node, dict):
            for key in ("properties", "patternProperties"):
                for name, sub in (node.get(key) or {}).items():
                    if isinstance(sub, dict) and "description" not in sub:
                        missing.append(f"{where}/{key}/{name}")
            for k, v in node.items():
                walk(v, f"{where}/{k}")
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, f"{where}/{i}")

    walk(schema, "#")
    return missing


# ---------------------------------------------------------------- snippets
GOOD_MODEL = """\
format: allot/1
title: t
years: [2024, 2025]
objectives:
  - {id: a, name: A}
  - {id: b, name: B}
weights:
  w: {a: 1, b: 0}
  long: {weights: {a: 2, b: 1}, order: [a, b]}
motions:
  - {id: m1, ref: Kamerstuk 1 nr. 2, date: 2023-10-03, asks: something, min_spend: 1000}
lines:
  - id: l1
    name: L1
    budget: {2024: 100, 2025: 200.5}
    motions: [m1]
    effects:
      a: {curve: linear, points: [1, 2, 3], per: 100000, note: n}
      b: {curve: saturating, max: 10, half: [1, 2, 3], threshold: 50}
  - id: l2
    name: L2
    budget: {2024: 0}
    effects:
      a: {curve: table, points: [[100, 1], [200, [1, 2, 3]]]}
"""

GOOD_SCENARIO = """\
format: allot/1
scenario: s1
name: S
base: other
budget: neutral
changes:
  - move: {amount: 10, from: l1, to: l2}
  - move: {amount: 0.5, from: l1, to: l2, year: 2024}
  - set: {line: l2, budget: {2025: 1}}
  - scale: {line: l1, by: 1.333}
  - add: {id: l3, name: L3, budget: {2024: 5}, effects: {a: {curve: linear, points: 1, per: 1}}}
  - remove: l3
  - increase: {line: l1, amount: 500000, year: 2025}
  - decrease: {line: l1, amount: 0.07}
"""

# (name, base text, old, new, must_pass)
SNIPPETS = [
    ("good model snippet", GOOD_MODEL, None, None, True),
    ("good scenario snippet", GOOD_SCENARIO, None, None, True),
    ("amount with cents 162500.07 accepted", GOOD_MODEL, "200.5}", "162500.07}", True),
    ("amount 0.29 accepted (float multipleOf trap)", GOOD_MODEL, "200.5}", "0.29}", True),
    ("amount 10^13 accepted", GOOD_MODEL, "200.5}", "10000000000000}", True),
    ("cap budget rule accepted", GOOD_SCENARIO, "budget: neutral\n", "budget: {cap: 7500000}\n", True),
    ("neutral-per-year accepted", GOOD_SCENARIO, "budget: neutral\n", "budget: neutral-per-year\n", True),
    # --- must fail
    ("typo budjet in a line", GOOD_MODEL, "budget: {2024: 100", "budjet: {2024: 100", False),
    ("unknown top-level key", GOOD_MODEL, "title: t\n", "title: t\ntitel: t\n", False),
    ("three decimals", GOOD_MODEL, "200.5}", "200.505}", False),
    ("amount as a string", GOOD_MODEL, "200.5}", '"650k"}', False),
    ("quoted number", GOOD_MODEL, "200.5}", '"200.50"}', False),
    ("negative amount", GOOD_MODEL, "200.5}", "-5}", False),
    ("amount over 10^13", GOOD_MODEL, "200.5}", "10000000000000.01}", False),
    ("year key not four digits", GOOD_MODEL, "2025: 200.5}", "25: 200.5}", False),
    ("unknown curve kind", GOOD_MODEL, "curve: saturating", "curve: exponential", False),
    ("linear without per", GOOD_MODEL, "points: [1, 2, 3], per: 100000,", "points: [1, 2, 3],", False),
    ("saturating with points", GOOD_MODEL, "max: 10, half: [1, 2, 3]", "max: 10, half: 5, points: 1", False),
    ("table with x = 0", GOOD_MODEL, "[[100, 1]", "[[0, 1]", False),
    ("uncertainty with two numbers", GOOD_MODEL, "points: [1, 2, 3]", "points: [1, 2]", False),
    ("half of zero", GOOD_MODEL, "half: [1, 2, 3]", "half: 0", False),
    ("unknown effect key", GOOD_MODEL, "note: n}", "nota: n}", False),
    ("id with a space", GOOD_MODEL, "id: l2", "id: line two", False),
    ("wrong format", GOOD_MODEL, "format: allot/1", "format: allot/2", False),
    ("illustrative not a boolean", GOOD_MODEL, "name: L2\n", "name: L2\n    illustrative: maybe\n", False),
    ("negative weight", GOOD_MODEL, "w: {a: 1, b: 0}", "w: {a: 1, b: -1}", False),
    ("long weight form with unknown key", GOOD_MODEL, "order: [a, b]", "ordre: [a, b]", False),
    ("unknown motion key", GOOD_MODEL, "min_spend: 1000", "minimum: 1000", False),
    ("unknown budget rule", GOOD_SCENARIO, "budget: neutral\n", "budget: neutraal\n", False),
    ("cap with a string", GOOD_SCENARIO, "budget: neutral\n", "budget: {cap: 7.5m}\n", False),
    ("change with two keys", GOOD_SCENARIO, "  - remove: l3\n", "  - {remove: l3, scale: {line: l1, by: 2}}\n", False),
    ("unknown change kind", GOOD_SCENARIO, "  - remove: l3\n", "  - delete: l3\n", False),
    ("move without to", GOOD_SCENARIO, "{amount: 10, from: l1, to: l2}", "{amount: 10, from: l1}", False),
    ("negative scale", GOOD_SCENARIO, "by: 1.333", "by: -1", False),
    ("added line without budget", GOOD_SCENARIO, "name: L3, budget: {2024: 5}, ", "name: L3, ", False),
    ("scenario id 'model' is reserved", GOOD_SCENARIO, "scenario: s1", "scenario: model", False),
    ("model without weights", GOOD_MODEL, "weights:\n  w: {a: 1, b: 0}\n  long: {weights: {a: 2, b: 1}, order: [a, b]}\n", "", False),
    ("motion without date (optional)", GOOD_MODEL, "date: 2023-10-03, ", "", True),
    ("half with three decimals", GOOD_MODEL, "half: [1, 2, 3]", "half: 1.005", False),
    ("currency not a code", GOOD_MODEL, "title: t\n", "title: t\ncurrency: euro\n", False),
    ("scenario typo chnages", GOOD_SCENARIO, "changes:", "chnages:", False),
    ("provenance on a line, an effect and the model", GOOD_MODEL, "title: t\n",
     "title: t\nprovenance: {year_totals: {level: sourced, ref: K}, amounts: assumed, effects: judgement}\n", True),
    ("reported amounts with a split and bounds", GOOD_MODEL, "name: L2\n",
     "name: L2\n    amounts: {level: reported, by: CKM}\n    split: assumed\n    bounds: [0, 10]\n", True),
    ("sourced without ref", GOOD_MODEL, "name: L2\n", "name: L2\n    amounts: {level: sourced}\n", False),
    ("reported without by", GOOD_MODEL, "name: L2\n", "name: L2\n    amounts: {level: reported, ref: r}\n", False),
    ("sourced as a bare word", GOOD_MODEL, "name: L2\n", "name: L2\n    amounts: sourced\n", False),
    ("unknown level", GOOD_MODEL, "name: L2\n", "name: L2\n    amounts: guessed\n", False),
    ("bounds with one number", GOOD_MODEL, "name: L2\n", "name: L2\n    bounds: [5]\n", False),
    ("motion status and texts in two languages", GOOD_MODEL, "asks: something,",
     "asks: {en: something, nl: iets}, status: in-bill, status_note: {en: a, nl: b}, verified: false,", True),
    ("unknown motion status", GOOD_MODEL, "asks: something,", "asks: something, status: pending,", False),
    ("min_spend with provenance", GOOD_MODEL, "min_spend: 1000", "min_spend: {amount: 1000, provenance: assumed}", True),
    ("scenario provenance and current", GOOD_SCENARIO, "budget: neutral\n",
     "budget: neutral\ncurrent: true\namounts: assumed\ntotal: {level: sourced, ref: K}\nyear_totals: assumed\n", True),
    ("increase of zero", GOOD_SCENARIO, "amount: 500000, year", "amount: 0, year", False),
    ("decrease without line", GOOD_SCENARIO, "{line: l1, amount: 0.07}", "{amount: 0.07}", False),
    ("increase with a typo yaer", GOOD_SCENARIO, "year: 2025}", "yaer: 2025}", False),
]


def check_snippet(name, text, old, new, must_pass):
    if old is not None:
        assert text.count(old) == 1, f"snippet {name!r}: {old!r} must occur once"
        text = text.replace(old, new)
    errs = errors_of(load_yaml_text(text))
    if must_pass:
        return not errs, "; ".join(errs[:3])
    return bool(errs), "accepted, but must be rejected"


# ---------------------------------------------------------------- driver
def shipped_files():
    out = []
    for sub in ("model", "scenarios"):
        d = os.path.join(ROOT, sub)
        if os.path.isdir(d):
            out += [os.path.join(d, f) for f in sorted(os.listdir(d)) if f.endswith((".yaml", ".yml"))]
    return out


def check_file(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    doc = load_yaml_text(text)
    kind = kind_of(doc)
    errs = errors_of(doc, kind)
    first = text.split("\n", 1)[0]
    want = f"# yaml-language-server: $schema=../schema/allot-{kind}.schema.json"
    if os.path.basename(os.path.dirname(os.path.abspath(path))) in ("model", "scenarios") and first != want:
        errs.append(f"first line must be {want!r}")
    return kind, errs


def main(argv):
    passed = failed = 0

    def report(ok, label, detail=""):
        nonlocal passed, failed
        if ok:
            passed += 1
            print(f"ok    {label}")
        else:
            failed += 1
            print(f"FAIL  {label}" + (f": {detail}" if detail else ""))

    for kind, schema in SCHEMAS.items():
        try:
            jsonschema.Draft7Validator.check_schema(schema)
            report(True, f"schema/allot-{kind}.schema.json is a valid draft-07 schema")
        except jsonschema.SchemaError as e:
            report(False, f"schema/allot-{kind}.schema.json is a valid draft-07 schema", e.message)
        missing = undescribed_properties(schema)
        report(not missing, f"schema/allot-{kind}.schema.json describes every property", ", ".join(missing))

    for path in shipped_files() + argv:
        rel = os.path.relpath(path, ROOT) if os.path.abspath(path).startswith(ROOT) else path
        try:
            kind, errs = check_file(path)
        except (OSError, yaml.YAMLError) as e:
            report(False, rel, str(e).replace("\n", " "))
            continue
        report(not errs, f"{rel} ({kind})", "\n      ".join([""] + errs))

    for name, text, old, new, must_pass in SNIPPETS:
        ok, detail = check_snippet(name, text, old, new, must_pass)
        report(ok, f"snippet: {name}", "" if ok else detail)

    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
