#!/usr/bin/env python3
"""Reads the XLSX report of the shipped model back with openpyxl.

Checks the sheet names, that every amount equals allot's own JSON output to
the cent, and that every SUM formula both carries the right cached value
(what Excel shows before recalculating; openpyxl's data_only) and computes
the same total when its range is summed here. Also checks that a hostile
scenario's formula-like name is stored as text, and that the sheets of
--sensitivity, --tornado and --frontier hold the numbers of `allot
sensitivity`, `allot tornado` and `allot frontier --format json`. Every
figure of the Summary and Allocations sheets must be a number whose format
shows the mark of its level in the JSON's `basis` (docs/output.md, "Marks"),
with the legend under the table. Exits 77 (CTest: skipped) when
python3-openpyxl is not installed.

usage: tests/report/report_xlsx_test.py ALLOT SOURCE_DIR OUT_DIR
"""
import json
import os
import re
import subprocess
import sys
from decimal import Decimal

SHEETS = {"en": ["Summary", "Allocations", "Objectives", "Motions", "Provenance"],
          "nl": ["Samenvatting", "Verdeling", "Doelen", "Moties", "Herkomst"]}
ANALYSIS_SHEETS = {"en": ["Sensitivity", "Tornado", "Frontier", "Frontier scenarios"],
                   "nl": ["Gevoeligheid", "Tornado", "Efficiënte grens", "Scenario's tegenover grens"]}
# The analyses in the report and the commands that compute the same on their
# own (the report's SMAA run keeps the effects at their likely values, seed 1;
# its frontier is based on the baseline, `model`).
ANALYSES = ["--sensitivity", "uniform", "--samples", "2000", "--tornado", "herverdeling-ckm,model,ckm",
            "--frontier", "ckm"]
OWN = {"sensitivity": ["sensitivity", "--weights", "uniform", "--samples", "2000", "--effects", "fixed",
                       "--seed", "1"],
       "tornado": ["tornado", "herverdeling-ckm", "model", "--weights", "ckm"],
       "frontier": ["frontier", "--weights", "ckm", "--base", "model"]}
SUM = re.compile(r"^=SUM\(([A-Z]+)(\d+):([A-Z]+)(\d+)\)$")
# The mark of each level (render/marks.hpp), and how a number format shows
# one: quoted after the number, as in `"€"#,##0.00" ~"`.
MARKS = {"sourced": "", "reported": "^", "assumed": "~", "judgement": "*", "not stated": "?"}
FORMAT_MARK = re.compile(r'" (.)"$')
LEGEND = {"en": "marks: ", "nl": "tekens: "}


def column_index(letters):
    n = 0
    for c in letters:
        n = n * 26 + ord(c) - ord("A") + 1
    return n


def cents(value):
    return int((Decimal(str(value)) * 100).to_integral_value())


def recompute(sheet, formula):
    """The sum of the formula's range, in cents, from the stored cell values."""
    m = SUM.match(formula)
    assert m, f"not a plain SUM: {formula}"
    c0, r0, c1, r1 = column_index(m[1]), int(m[2]), column_index(m[3]), int(m[4])
    total = 0
    for row in sheet.iter_rows(min_row=r0, max_row=r1, min_col=c0, max_col=c1, values_only=True):
        total += sum(cents(v) for v in row if v is not None)
    return total


def check_sums(formulas, values, problems):
    """Every formula cell: a SUM whose recomputed and cached values agree."""
    count = 0
    for ws in formulas.worksheets:
        cached = values[ws.title]
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    count += 1
                    got, want = recompute(ws, cell.value), cents(cached[cell.coordinate].value)
                    if got != want:
                        problems.append(f"{ws.title}!{cell.coordinate} {cell.value}: sums to {got}, cached {want}")
    return count


def check_book(path, lang, result, problems, analyses=None):
    import openpyxl
    formulas = openpyxl.load_workbook(path)  # formulas as written
    values = openpyxl.load_workbook(path, data_only=True)  # cached results
    if formulas.sheetnames != SHEETS[lang] + (ANALYSIS_SHEETS[lang] if analyses else []):
        problems.append(f"{lang}: sheets {formulas.sheetnames}")
        return
    if check_sums(formulas, values, problems) != 2 * len(result["scenarios"]):
        problems.append(f"{lang}: expected a SUM per scenario in Summary and in Allocations")
    summary, allocations = values[SHEETS[lang][0]], values[SHEETS[lang][1]]
    check_summary(summary, result, lang, problems)
    check_allocations(allocations, result, lang, problems)
    for ws in values.worksheets:
        if ws.freeze_panes != "A2" or not ws.auto_filter.ref:
            problems.append(f"{lang}: {ws.title}: header row not frozen or no filter")
    if analyses:
        sheets = [values[name] for name in ANALYSIS_SHEETS[lang]]
        check_sensitivity(sheets[0], analyses["sensitivity"], lang, problems)
        check_tornado(sheets[1], analyses["tornado"], lang, problems)
        check_frontier(sheets[2], sheets[3], analyses["frontier"], lang, problems)


def close(got, want, tolerance=1e-6):
    """JSON numbers are rounded to 6 decimals (half a unit: 5e-7); the sheet holds doubles."""
    return isinstance(got, (int, float)) and abs(got - want) <= tolerance


def data_rows(sheet):
    """The rows under the header down to the first empty row (notes follow)."""
    rows = []
    for row in sheet.iter_rows(min_row=2, values_only=True):
        if row[0] is None:
            break
        rows.append(row)
    return rows


def check_sensitivity(sheet, smaa, lang, problems):
    """Rank acceptabilities (as shares, shown as %), mean, 5th and 95th percentile."""
    rows = data_rows(sheet)
    if len(rows) != len(smaa["scenarios"]):
        problems.append(f"{lang}: {sheet.title}: {len(rows)} rows")
    n = len(smaa["scenarios"])
    for row, s in zip(rows, smaa["scenarios"]):
        want = s["rank_acceptability"] + [s["mean_score"], s["p5_score"], s["p95_score"]]
        if row[0] != s["id"] or not all(close(g, w) for g, w in zip(row[1:], want)) or len(row) != n + 4:
            problems.append(f"{lang}: {sheet.title} {row} != {s['id']} {want}")
    if sheet.cell(2, 2).number_format != "0.0%":
        problems.append(f"{lang}: {sheet.title}: shares not formatted as percentages")


def check_tornado(sheet, tornado, lang, problems):
    """Every bar, largest swing first: values, gaps, swing and the range it spans."""
    rows = data_rows(sheet)
    if len(rows) != len(tornado["bars"]):
        problems.append(f"{lang}: {sheet.title}: {len(rows)} rows, {len(tornado['bars'])} bars")
    # The range each bar spans: the same words in both languages for these two.
    ranges = {"p10-p90": "P10-P90", "weight+-25%": "±25%"}
    for row, bar in zip(rows, tornado["bars"]):
        want = [bar[k] for k in ("low_value", "high_value", "gap_low", "gap_high", "swing")]
        if row[0] != bar["factor"] or not all(close(g, w) for g, w in zip(row[1:6], want)) or \
                row[6] != ranges.get(bar["range"]):
            problems.append(f"{lang}: {sheet.title} {row} != {bar}")


def check_frontier(points, placed, frontier, lang, problems):
    """Budgets and spending to the cent, scores; the scenarios' placements."""
    rows = data_rows(points)
    if len(rows) != len(frontier["points"]):
        problems.append(f"{lang}: {points.title}: {len(rows)} rows")
    for row, p in zip(rows, frontier["points"]):
        if (cents(row[0]), cents(row[1])) != (p["budget_cents"], p["spent_cents"]) or \
                not close(row[2], p["score"]) or not close(row[3], p["upper_bound"]):
            problems.append(f"{lang}: {points.title} {row} != {p}")
    rows = data_rows(placed)
    if len(rows) != len(frontier["scenarios"]):
        problems.append(f"{lang}: {placed.title}: {len(rows)} rows")
    for row, s in zip(rows, frontier["scenarios"]):
        if row[0] != s["id"] or cents(row[1]) != s["total_cents"] or not close(row[2], s["score"]) or \
                cents(row[3]) != s["cheapest_cents"] or not close(row[4], s["best_for_money"]):
            problems.append(f"{lang}: {placed.title} {row} != {s}")


def mark_of(cell):
    """The mark a number cell shows through its format; None for a cell
    that is not a number."""
    if not isinstance(cell.value, (int, float)):
        return None
    m = FORMAT_MARK.search(cell.number_format.split(";")[0])
    return m[1] if m else ""


def has_legend(sheet, lang):
    """Whether a note in column A gives the legend of the marks."""
    return any(isinstance(c.value, str) and c.value.startswith(LEGEND[lang]) for c in sheet["A"])


def check_summary_marks(cells, s, years, weights, problems):
    """Each figure of a summary row: its mark is its level's in the JSON."""
    b = s["basis"]
    want = [b["by_year_cents"][y] for y in years] + [b["total_cents"], b["delta"]["total_cents"]]
    for w in weights:
        want += [b["weighted"][w], b["rank"][w]]
    got = [mark_of(c) for c in cells[3:3 + len(want)]]
    if got != [MARKS[level] for level in want]:
        problems.append(f"summary {s['id']}: marks {got} != levels {want}")


# Levels from strongest to weakest: the weakest one counts (docs/format.md).
WEAKNESS = ["sourced", "reported", "not stated", "judgement", "assumed"]
RESTS_ON = {"en": "money rests on", "nl": "geld berust op"}


def money_rests_on(basis):
    """What a scenario's money rests on in words (English): its total's
    level, and its weakest year's when that is weaker."""
    total = basis["total_cents"]
    years = max([total] + list(basis["by_year_cents"].values()), key=WEAKNESS.index)
    return total if years == total else f"total {total}, years {years}"


def check_summary(summary, result, lang, problems):
    """Money per scenario equals allot's JSON to the cent; every figure
    carries its mark."""
    years = [str(y) for y in result["years"]]
    # The weight sets in the order of their columns: "ckm: score", "ckm: rank", ...
    header = [c.value for c in summary[1]]
    weights = [h.rsplit(": ", 1)[0] for h in header[5 + len(years):-1:2]]
    for i, s in enumerate(result["scenarios"], start=2):
        row = [c.value for c in summary[i]]
        got = [cents(v) for v in row[3:3 + len(years) + 1]]
        want = [s["by_year_cents"][y] for y in years] + [s["total_cents"]]
        if row[0] != s["id"] or got != want:
            problems.append(f"{lang}: summary row {i}: {row[0]} {got} != {s['id']} {want}")
        check_summary_marks(summary[i], s, years, weights, problems)
        if lang == "en" and row[2] != money_rests_on(s["basis"]):
            problems.append(f"summary {s['id']}: money rests on {row[2]!r}, "
                            f"not {money_rests_on(s['basis'])!r}")
    if header[2] != RESTS_ON[lang]:
        problems.append(f"{lang}: summary: column C is {header[2]!r}, not {RESTS_ON[lang]!r}")
    if sorted(weights) != sorted(result["weights"]):
        problems.append(f"{lang}: summary: weight set columns {weights}")
    if not has_legend(summary, lang):
        problems.append(f"{lang}: summary: no legend of the marks")
    # What the figures rest on, under the table (docs/output.md), as compare says it.
    note = summary.cell(len(result["scenarios"]) + 3, 1).value
    want = result["rests_on"]["caveat"] if lang == "en" else "Waar dit op rust: "
    if not isinstance(note, str) or not note.startswith(want):
        problems.append(f"{lang}: summary: no caveat under the table, {note!r}")


def check_allocations(allocations, result, lang, problems):
    """Every line x year x scenario amount equals allot's JSON to the cent."""
    ids = [c.value for c in allocations[1]][3:]
    if ids != [s["id"] for s in result["scenarios"]]:
        problems.append(f"{lang}: allocation columns {ids}")
        return
    checked = 0
    for cells in allocations.iter_rows(min_row=2):
        line, year = cells[0].value, cells[2].value
        if year is None:
            if isinstance(cells[3].value, (int, float)):  # the total row: the scenarios' totals
                marks = [mark_of(c) for c in cells[3:3 + len(ids)]]
                want = [MARKS[s["basis"]["total_cents"]] for s in result["scenarios"]]
                if marks != want:
                    problems.append(f"{lang}: allocation totals marked {marks}, not {want}")
            continue
        for s, cell in zip(result["scenarios"], cells[3:]):
            value = cell.value
            want = s["lines"].get(line, {}).get(str(year))
            if (None if value is None else cents(value)) != want:
                problems.append(f"{lang}: {line} {year} {s['id']}: {value} != {want} cents")
            level = s["basis"]["lines"].get(line, {}).get("per_year")
            if value is not None and mark_of(cell) != MARKS[level]:
                problems.append(f"{lang}: {line} {year} {s['id']}: mark {mark_of(cell)!r}, level {level}")
            checked += 1
    if checked == 0:
        problems.append(f"{lang}: no allocations")
    if not has_legend(allocations, lang):
        problems.append(f"{lang}: allocations: no legend of the marks")


HOSTILE = """format: allot/1
scenario: hostile
name: "=HYPERLINK(\\"http://example.invalid\\",\\"x\\")"
changes:
  - move: {amount: 1, from: information_point, to: awareness_campaign}
"""


def check_hostile(allot, source_dir, out_dir, problems):
    """A formula-like scenario name is stored as text with a leading quote."""
    import openpyxl
    scenario = os.path.join(out_dir, "hostile.yaml")
    with open(scenario, "w") as f:
        f.write(HOSTILE)
    path = os.path.join(out_dir, "hostile.xlsx")
    subprocess.run([allot, "report", "model", scenario, "--xlsx", path], cwd=source_dir, check=True)
    summary = openpyxl.load_workbook(path)["Summary"]
    cell = summary["B3"]
    if cell.data_type != "s" or cell.value != '\'=HYPERLINK("http://example.invalid","x")':
        problems.append(f"hostile name stored as {cell.data_type} {cell.value!r}")


def main():
    allot, source_dir, out_dir = sys.argv[1:4]
    try:
        import openpyxl  # noqa: F401
    except ImportError:
        print("python3-openpyxl not installed: skipped")
        return 77
    os.makedirs(out_dir, exist_ok=True)
    problems = []
    out = subprocess.run([allot, "compare", "--format", "json"], cwd=source_dir, check=True,
                         capture_output=True, text=True).stdout
    result = json.loads(out)
    analyses = {name: json.loads(subprocess.run([allot, *args, "--format", "json"], cwd=source_dir, check=True,
                                                capture_output=True, text=True).stdout)
                for name, args in OWN.items()}
    for lang in ["en", "nl"]:
        path = os.path.join(out_dir, f"report-{lang}.xlsx")
        subprocess.run([allot, "report", "--xlsx", path, "--lang", lang], cwd=source_dir, check=True)
        check_book(path, lang, result, problems)
        path = os.path.join(out_dir, f"report-{lang}-analyses.xlsx")
        subprocess.run([allot, "report", "--xlsx", path, "--lang", lang, *ANALYSES], cwd=source_dir, check=True)
        check_book(path, lang, result, problems, analyses)
    check_hostile(allot, source_dir, out_dir, problems)
    for problem in problems:
        print("FAIL:", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
