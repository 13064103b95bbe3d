#!/usr/bin/env python3
"""Renders the HTML report of the shipped model in headless Chromium.

Writes the report with `allot report`, has Chromium load it from disk, takes
a screenshot (kept in OUT_DIR as a build artefact) and checks, through the
DOM that Chromium rendered, that every section, table and chart is present
and not empty. Then prints reports of 8 and of 15 scenarios to PDF on A4
and checks with pdftotext that no table loses a column and that each PDF
stays under MAX_PDF_BYTES. Exits 77 (CTest:
skipped) when Chromium or pdftotext is not installed, unless CI is set
(then that is a failure: CI installs both, scripts/install-deps).

usage: tests/report/report_browser_test.py ALLOT SOURCE_DIR OUT_DIR
"""
import glob
import html.parser
import os
import re
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
# The largest PDF a printed report may be. Bars filled with SVG <pattern>s
# (the hatching that tells series apart in greyscale) printed a report of
# 15 scenarios to about 53 MB, as Chromium writes such a fill tile by tile;
# drawn as strokes, it is about 1.2 MB.
MAX_PDF_BYTES = 3_000_000
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
        if "print-only" in (attrs.get("class") or "").split():
            self.stack[-1] = "print-only"  # how a table prints, not another table: skipped
        if "print-only" in self.stack:
            return
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
        if "print-only" in self.stack:
            while self.stack and self.stack.pop() not in (tag, "print-only"):
                pass
            return
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


def chromium(*args, profile, timeout=120):
    command = ["chromium", *FLAGS, f"--user-data-dir={profile}", *args]
    done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
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


class Printable(html.parser.HTMLParser):
    """Reads the report's HTML as print should show it: per section (in
    order) its heading, the text nodes it prints (not SVG <title>/<desc>,
    not the print-only column groups: those are how the tables print, not
    what must appear) and its tables, each as a list of columns (header,
    then every cell's text and the smaller line under it)."""

    def __init__(self):
        super().__init__()
        self.sections = []
        self.stack = []  # (tag, hidden)
        self.table = self.column = None
        self.open = False  # inside a <section>

    def hidden(self):
        return any(h for _, h in self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        hidden = "print-only" in (attrs.get("class") or "").split() or tag in ("title", "desc", "style", "nav")
        self.stack.append((tag, hidden))
        if tag == "section":
            self.open = True
            self.sections.append({"id": attrs.get("id"), "heading": "", "texts": [], "tables": []})
        elif self.open and not self.hidden():
            if tag == "table":
                self.table = {"caption": "", "columns": []}
                self.sections[-1]["tables"].append(self.table)
            elif tag == "tr":
                self.column = -1
            elif tag in ("th", "td") and self.table is not None:
                self.column += 1
                if self.column == len(self.table["columns"]):
                    self.table["columns"].append([])
                self.table["columns"][self.column].append("")

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop()[0] != tag:
            pass
        if tag == "table" and not self.hidden():
            self.table = None
        elif tag == "section":
            self.open = False

    def handle_data(self, data):
        if not self.open or self.hidden() or not data.strip():
            return
        section = self.sections[-1]
        section["texts"].append(data)
        tags = [tag for tag, _ in self.stack]
        if tags[-1] == "h2":
            section["heading"] += data
        elif self.table is not None and tags[-1] == "caption":
            self.table["caption"] += data
        elif self.table is not None and ("td" in tags or "th" in tags):
            if tags[-1] == "small":
                self.table["columns"][self.column].append(data)
            else:
                self.table["columns"][self.column][-1] += data


def spaced(text):
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " ")).strip()


def occurrences(token, texts):
    """How often `token` occurs in `texts`. A token without letters (an
    amount, a score, a share) counts only whole, not inside a larger number
    (so an amount cut at the page edge does not count); a token with letters
    counts with all white space removed, as a header or a name may wrap
    anywhere in print."""
    token = spaced(token)
    if re.search(r"[^\W\d_]", token):
        token = re.sub(r"\s", "", token)
        return sum(re.sub(r"\s", "", spaced(text)).count(token) for text in texts)
    pattern = re.compile(r"(?<![\w.,\u20ac])" + re.escape(token) + r"(?![\w.,])")
    return sum(len(pattern.findall(spaced(text))) for text in texts)


def lost_columns(report, pdf):
    """The columns of the report's tables that its PDF does not show whole:
    per section (the PDF text between its heading and the next, read with
    pdftotext -raw, which keeps the order in which cells are drawn), every
    header, amount, score and mark of every table must occur in the PDF at
    least as often as in the section's printed text. A column lost at the
    page edge, or cut through, falls short."""
    page = Printable()
    with open(report, encoding="utf-8") as f:
        page.feed(f.read())
    text = subprocess.run(["pdftotext", "-raw", pdf, "-"], check=True, capture_output=True,
                          text=True).stdout.splitlines()
    starts, at = [], 0
    for section in page.sections:
        heading = spaced(section["heading"])
        at = next((i for i in range(at, len(text)) if spaced(text[i]) == heading), None)
        if at is None:
            return [f"section heading {heading!r} not found in the PDF"]
        starts.append(at)
    lost = []
    for n, section in enumerate(page.sections):
        printed = ["\n".join(text[starts[n]:starts[n + 1] if n + 1 < len(starts) else len(text)])]
        for table in section["tables"]:
            short, columns = {}, []
            for column in table["columns"]:
                for cell in set(column):
                    if cell.strip() and cell not in short:
                        found, wanted = occurrences(cell, printed), occurrences(cell, section["texts"])
                        if found < wanted:
                            short[cell] = f"{cell!r} printed {found} times, not {wanted}"
                if any(cell in short for cell in column):
                    columns.append(spaced(column[0]))
            if short:
                lost.append(f"{table['caption']!r}: {len(columns)} of {len(table['columns'])} columns not "
                            f"all printed ({', '.join(columns)}); e.g. {next(iter(short.values()))}")
    return lost


def scenario_copies(source_dir, work, copies):
    """The shipped model and scenarios plus `copies` renamed copies of the
    scenario files (new ids, not current), for a report of many scenarios."""
    shutil.copytree(os.path.join(source_dir, "model"), os.path.join(work, "model"))
    shutil.copytree(os.path.join(source_dir, "scenarios"), os.path.join(work, "scenarios"))
    files = sorted(glob.glob(os.path.join(source_dir, "scenarios", "*.yaml")))[:copies]
    for i, path in enumerate(files, 1):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        old = re.search(r"^scenario: (\S+)$", text, re.M).group(1)
        text = re.sub(r"^scenario: \S+$", f"scenario: kopie-{i}-{old}", text, flags=re.M)
        text = re.sub(r"^current: true\n", "", text, flags=re.M)
        with open(os.path.join(work, "scenarios", f"kopie-{i}-{old}.yaml"), "w", encoding="utf-8") as f:
            f.write(text)


def printed_columns(allot, source_dir, out_dir, problems):
    """Prints reports with every section to PDF on A4 (Chromium's
    --print-to-pdf) and checks that no table loses a column: the shipped
    model (8 scenarios) in English, and with 7 renamed copies of the
    scenario files (15 scenarios) in English and Dutch."""
    sections = ["--sensitivity", "uniform", "--samples", "2000", "--tornado", "herverdeling-ckm,model,ckm",
                "--frontier", "ckm"]
    with tempfile.TemporaryDirectory() as work:
        scenario_copies(source_dir, work, 7)
        for name, cwd, lang in [("8", source_dir, "en"), ("15", work, "en"), ("15", work, "nl")]:
            report = os.path.join(out_dir, f"report-print-{name}-{lang}.html")
            pdf = os.path.join(out_dir, f"report-print-{name}-{lang}.pdf")
            subprocess.run([allot, "report", "--html", report, "--lang", lang, *sections], cwd=cwd, check=True)
            with tempfile.TemporaryDirectory() as profile:
                chromium("--no-pdf-header-footer", f"--print-to-pdf={pdf}", "file://" + report, profile=profile,
                         timeout=300)
            lost = lost_columns(report, pdf)
            size = os.path.getsize(pdf)
            print(f"printed {name} scenarios ({lang}): {len(lost)} tables lost columns, {size:,} bytes")
            if size > MAX_PDF_BYTES:
                problems.append(f"printed, {name} scenarios ({lang}): the PDF is {size:,} bytes, more than "
                                f"{MAX_PDF_BYTES:,} (an SVG <pattern> fill prints tile by tile)")
            problems += [f"printed, {name} scenarios ({lang}): {problem}" for problem in lost]


def main():
    allot, source_dir, out_dir = sys.argv[1:4]
    missing = [tool for tool in ("chromium", "pdftotext") if shutil.which(tool) is None]
    if missing:
        # CI installs both (scripts/install-deps: chromium, poppler-utils):
        # there, a skip would hide that the report was never rendered.
        if os.environ.get("CI"):
            print(f"FAIL: {' and '.join(missing)} not installed, and CI is set")
            return 1
        print(f"{' and '.join(missing)} not installed (Debian: chromium, poppler-utils): skipped")
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
