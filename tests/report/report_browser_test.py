#!/usr/bin/env python3
"""Renders the HTML report of the shipped model in headless Chromium.

Writes the report with `allot report`, has Chromium load it from disk, takes
a screenshot (kept in OUT_DIR as a build artefact) and checks, through the
DOM that Chromium rendered, that every section, table and chart is present
and not empty. Exits 77 (CTest: skipped) when Chromium is not installed.

usage: tests/report/report_browser_test.py ALLOT SOURCE_DIR OUT_DIR
"""
import html.parser
import os
import shutil
import subprocess
import sys
import tempfile

SECTIONS = ["summary", "allocations", "objectives", "motions", "provenance"]
CHARTS = {"summary": 1, "allocations": 1, "objectives": 1, "sensitivity": 1, "tornado": 1, "frontier": 1}
TABLES = {"summary": 2, "allocations": 1, "objectives": 1, "sensitivity": 1, "tornado": 1,
          "frontier": 2, "motions": 1, "provenance": 4}
# The English report also gets the rank acceptability, tornado and frontier
# sections, the Dutch one the frontier (its labels are Dutch too).
EXTRA = {"en": ["--sensitivity", "uniform", "--samples", "2000",
                "--tornado", "herverdeling-ckm,model,ckm", "--frontier", "ckm"],
         "nl": ["--frontier", "ckm"]}
EXTRA_SECTIONS = {"en": ["sensitivity", "tornado", "frontier"], "nl": ["frontier"]}
# The frontier of the shipped model: 20 budgets, 8 scenarios (the model and 7 files).
FRONTIER_POINTS, SCENARIOS = 20, 8
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--disable-quic"]


class Dom(html.parser.HTMLParser):
    """Collects, per section, its tables (rows of cell texts) and its charts
    (counts of rects, of point markers (circles and paths), of text elements
    and of point labels)."""

    def __init__(self):
        super().__init__()
        self.section = None
        self.sections = {}
        self.stack = []
        self.cell = None
        self.row = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.stack.append(tag)
        if tag == "section":
            self.section = attrs.get("id")
            self.sections[self.section] = {"tables": [], "charts": [], "text": ""}
        if self.section is None:
            return
        current = self.sections[self.section]
        if tag == "table":
            current["tables"].append([])
        elif tag == "tr" and "tbody" in self.stack:
            self.row = []
            current["tables"][-1].append(self.row)
        elif tag == "td" and self.row is not None:
            self.cell = ""
        elif tag == "svg":
            current["charts"].append({"bars": 0, "markers": 0, "texts": 0, "labels": 0, "title": ""})
        elif tag == "rect" and "svg" in self.stack and "pattern" not in self.stack:
            current["charts"][-1]["bars"] += 1
        elif tag in ("circle", "path") and "svg" in self.stack:
            current["charts"][-1]["markers"] += 1
        elif tag == "text" and "svg" in self.stack:
            current["charts"][-1]["texts"] += 1
            if attrs.get("class") == "point-label":
                current["charts"][-1]["labels"] += 1

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop() != tag:
            pass
        if tag == "td" and self.cell is not None:
            self.row.append(self.cell.strip())
            self.cell = None
        elif tag == "tr":
            self.row = None
        elif tag == "section":
            self.section = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data
        if self.section is not None:
            self.sections[self.section]["text"] += data
            if self.stack[-1:] == ["title"] and "svg" in self.stack:
                chart = self.sections[self.section]["charts"][-1]
                chart["title"] = chart["title"] or data


def chromium(*args, profile):
    command = ["chromium", *FLAGS, f"--user-data-dir={profile}", *args]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        sys.exit(f"chromium failed ({done.returncode}): {done.stderr[-2000:]}")
    return done.stdout


def check(dom, lang):
    problems = []
    for name in SECTIONS + EXTRA_SECTIONS[lang]:
        section = dom.sections.get(name)
        if section is None:
            problems.append(f"{lang}: section {name} missing")
            continue
        if len(section["tables"]) != TABLES[name]:
            problems.append(f"{lang}: {name} has {len(section['tables'])} tables, not {TABLES[name]}")
        for i, table in enumerate(section["tables"]):
            if not table or not all(any(cell for cell in row) for row in table):
                problems.append(f"{lang}: {name} table {i} is empty or has an empty row")
        if len(section["charts"]) != CHARTS.get(name, 0):
            problems.append(f"{lang}: {name} has {len(section['charts'])} charts, not {CHARTS.get(name, 0)}")
        for chart in section["charts"]:
            if name == "frontier":
                # A marker per budget and per scenario, and every scenario labelled.
                if chart["markers"] < FRONTIER_POINTS + SCENARIOS or chart["labels"] != SCENARIOS:
                    problems.append(f"{lang}: the frontier chart lacks points or labels: {chart}")
            elif chart["bars"] < 7:
                problems.append(f"{lang}: a chart in {name} has too few bars: {chart}")
            if chart["texts"] < 10 or not chart["title"]:
                problems.append(f"{lang}: a chart in {name} is empty: {chart}")
    frontier = dom.sections.get("frontier")
    if frontier and len(frontier["tables"]) == 2:
        placed, points = frontier["tables"]
        if len(placed) != SCENARIOS or any(len(row) != 5 for row in placed) or len(points) != FRONTIER_POINTS:
            problems.append(f"{lang}: frontier tables: {len(placed)} scenarios, {len(points)} budgets")
    return problems


def printed_columns(allot, source_dir, out_dir, problems):
    """Prints the English report of the shipped model (8 scenarios) to PDF on
    A4 and checks, in pdftotext's layout, that the allocations table keeps a
    column per scenario: the row of awareness_campaign shows one amount per
    scenario (before the print rules it showed 3 of 8). Needs pdftotext."""
    if shutil.which("pdftotext") is None:
        print("pdftotext not installed: the printed-columns check skipped")
        return
    report = os.path.join(out_dir, "report-print.html")
    pdf = os.path.join(out_dir, "report-print.pdf")
    subprocess.run([allot, "report", "--html", report], cwd=source_dir, check=True)
    with tempfile.TemporaryDirectory() as profile:
        chromium("--no-pdf-header-footer", f"--print-to-pdf={pdf}", "file://" + report, profile=profile)
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], check=True, capture_output=True,
                          text=True).stdout
    start = text.find("Allocation per action line, total over all years")
    row = next((line for line in text[start:].splitlines() if line.startswith("Bewustwordings")), "")
    if row.count("\u20ac") != SCENARIOS:
        problems.append(f"printed allocations table: {row.count(chr(0x20ac))} of {SCENARIOS} columns: {row!r}")


def main():
    allot, source_dir, out_dir = sys.argv[1:4]
    if shutil.which("chromium") is None:
        print("chromium not installed: skipped")
        return 77
    os.makedirs(out_dir, exist_ok=True)
    problems = []
    for lang in ["en", "nl"]:
        report = os.path.join(out_dir, f"report-{lang}.html")
        subprocess.run([allot, "report", "--html", report, "--lang", lang, *EXTRA[lang]], cwd=source_dir,
                       check=True)
        with tempfile.TemporaryDirectory() as profile:
            if lang == "en":
                shot = os.path.join(out_dir, "report-en.png")
                chromium("--window-size=1280,4000", f"--screenshot={shot}", "file://" + report,
                         profile=profile)
                if not os.path.exists(shot) or os.path.getsize(shot) < 10000:
                    problems.append("no screenshot")
            dom = Dom()
            dom.feed(chromium("--dump-dom", "file://" + report, profile=profile))
        problems += check(dom, lang)
        expected = {"en": "\u20ac6,000,000", "nl": "\u20ac\u00a06.000.000"}[lang]
        text = dom.sections.get("summary", {}).get("text", "").replace(" ", "\u00a0")
        if expected not in text:
            problems.append(f"{lang}: the model total {expected} is not in the summary")
    printed_columns(allot, source_dir, out_dir, problems)
    for problem in problems:
        print("FAIL:", problem)
    print(f"screenshot: {os.path.join(out_dir, 'report-en.png')}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
