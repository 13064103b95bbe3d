#!/usr/bin/env python3
"""Drives the allot serve page in headless Chromium, as a person would.

Starts `allot serve --port 0` on the shipped model (plus a scenario whose
name is HTML, to show that nothing from a file is ever rendered as markup),
opens the page, and with the keyboard only: changes an amount, checks that
the scores change; moves money budget-neutrally with a slider; saves the
scenario; refuses and then confirms overwriting it; downloads it; switches to Dutch and to
large text; opens the report. The saved file must pass `allot check`, and
`allot compare` on it must give exactly the scores, ranks and money the page
showed. No console error, exception or Content-Security-Policy violation
may occur. Screenshots go to OUT_DIR (build artefacts); with
ALLOT_UPDATE_SCREENSHOTS=1 they are also written to docs/images/.

Exits 77 (CTest: skipped) when Chromium or python3-websocket is missing,
unless CI is set (then that is a failure).

usage: tests/serve/serve_browser_test.py ALLOT SOURCE_DIR OUT_DIR
"""
import decimal
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

try:
    import cdp
except ImportError:
    cdp = None
from serve_process import ServeProcess

# A scenario whose name and note are markup: the page must show them as text.
HOSTILE = """format: allot/1
scenario: hostile-name
name: "<img src=x onerror=document.body.dataset.pwned=1><b>bold</b>"
note: "<script>document.body.dataset.pwned=2</script>"
changes:
  - move: {amount: 1000, from: awareness_campaign, to: technology}
"""

problems = []


def check(condition, message):
    if not condition:
        problems.append(message)
        print("FAIL:", message)
    return condition


# A figure's text without its mark, and the level its mark stands for
# ("sourced" where it has none), as the page shows them.
PAGE_HELPERS = """
      const fig = (c) => c.querySelector('.figure').textContent;
      const basis = (c) => { const m = c && c.querySelector('.basis-mark'); return m ? m.dataset.basis : 'sourced'; };
"""


def page_numbers(b):
    """What the page shows: weighted scores, objectives, money, ranks, each
    with what it rests on, and the legend of the marks."""
    return b.js("""(() => {""" + PAGE_HELPERS + """
      const rows = (id) => Array.from(document.querySelectorAll('#' + id + ' tbody tr'));
      return {
        weighted: rows('weighted').map((r) => ({set: r.cells[0].textContent,
          text: fig(r.cells[1]), value: Number(r.cells[1].dataset.value), basis: basis(r.cells[1]),
          rank: fig(r.cells[2]), rank_basis: basis(r.cells[2]),
          change: fig(r.cells[4]), change_basis: basis(r.cells[4])})),
        objectives: rows('objectives').map((r) => ({id: r.cells[1].dataset.id,
          text: fig(r.cells[1]), value: Number(r.cells[1].dataset.value), basis: basis(r.cells[1])})),
        money: rows('money').map((r) => ({year: r.cells[0].textContent, text: fig(r.cells[1]),
          cents: Number(r.cells[1].dataset.cents), basis: basis(r.cells[1]),
          change_basis: basis(r.cells[3])})),
        motions: rows('motions').map((r) => r.cells[1].className === 'yes'),
        motions_basis: rows('motions').map((r) => basis(r.cells[1])),
        legend: document.getElementById('caveat').textContent,
        yaml: document.getElementById('yaml').textContent,
        draft: document.body.dataset.draft,
      };
    })()""")


def line_basis(b, line, year):
    """The level of the mark beside line `line`'s amount in `year`."""
    return b.js(f"""(() => {{""" + PAGE_HELPERS + f"""
      return basis(document.querySelector("#lines input[data-line='{line}'][data-year='{year}']").parentElement);
    }})()""")


def settle(b):
    """Waits until no request is queued or in flight."""
    b.wait("document.body.dataset.busy === 'no'")


def set_amount_by_keyboard(b, line, year, amount):
    b.focus(f"#lines input[data-line='{line}'][data-year='{year}']")
    b.select_all()
    b.type(amount)
    b.press("Enter")


def compare_json(allot, source_dir, files, baseline="model"):
    done = subprocess.run([allot, "compare", "model", "scenarios", *files, "--format", "json",
                           "--baseline", baseline], cwd=source_dir, capture_output=True, text=True)
    if not check(done.returncode == 0, f"allot compare failed: {done.stderr}"):
        return None
    return json.loads(done.stdout)


def format_score(value, lang="en"):
    """Two places as allot rounds them (render/number.hpp): the shortest
    decimal text of the number, rounded half away from zero."""
    text = str(decimal.Decimal(repr(value)).quantize(decimal.Decimal("0.01"), decimal.ROUND_HALF_UP))
    return text.replace(".", ",") if lang == "nl" else text


def check_against_compare(shown, compared, draft_id, lang="en"):
    """The page's figures against allot compare's JSON of the saved file."""
    draft = next((s for s in compared["scenarios"] if s["id"] == draft_id), None)
    if not check(draft is not None, f"{draft_id} not in allot compare's output"):
        return
    sets = list(compared["weights"].keys())
    count = len(compared["scenarios"])
    for entry, name in zip(shown["weighted"], sets):
        check(entry["set"] == name, f"weight set {entry['set']} where compare has {name}")
        check(entry["value"] == draft["weighted"][name],
              f"{name}: page {entry['value']}, compare {draft['weighted'][name]}")
        check(entry["text"] == format_score(draft["weighted"][name], lang),
              f"{name}: page shows {entry['text']} for {draft['weighted'][name]}")
        rank = draft["rank"][name]
        expected = f"{rank} of {count}" if lang == "en" else f"{rank} van {count}"
        check(entry["rank"] == expected, f"{name}: rank {entry['rank']}, compare {expected}")
    check_figures(shown, draft, "value", "cents", "motions")
    check_marks_against_compare(shown, draft, sets, lang)


def same(page, compared, what):
    return check(page == compared, f"{what}: page {page}, compare {compared}")


def check_figures(shown, compared, score, money, motions):
    """The page's objectives, money and motions against `compared`, a
    scenario of compare's JSON (its figures, or its "basis"): the page's
    `score` field for objectives, `money` for amounts, `motions` list."""
    for entry in shown["objectives"]:
        same(entry[score], compared["objectives"][entry["id"]], f"objective {entry['id']}")
    same(shown["money"][0][money], compared["total_cents"], "total")
    for entry in shown["money"][1:]:
        same(entry[money], compared["by_year_cents"][entry["year"]], entry["year"])
    same(shown[motions], list(compared["motions"].values()), "motions")


def check_marks_against_compare(shown, draft, sets, lang):
    """The page marks each figure with the level allot compare's JSON gives it
    ("basis"), and its legend names the marks shown."""
    basis = draft["basis"]
    for entry, name in zip(shown["weighted"], sets):
        same(entry["basis"], basis["weighted"][name], f"{name}: the score's mark")
        same(entry["rank_basis"], basis["rank"][name], f"{name}: the rank's mark")
        same(entry["change_basis"], basis["delta"]["weighted"][name], f"{name}: the change's mark")
    check_figures(shown, basis, "basis", "basis", "motions_basis")
    same(shown["money"][0]["change_basis"], basis["delta"]["total_cents"], "the total's change")
    words = {"en": ("marks: ", "assumed"), "nl": ("tekens: ", "aangenomen")}[lang]
    check(shown["legend"].startswith(words[0]) and f"~ {words[1]}" in shown["legend"],
          f"the legend: {shown['legend']}")


def screenshot(b, out_dir, name, update_docs, source_dir, element=None):
    """The top of the page, or the top of `element` (scrolled into view).
    The page's top views also go into docs/images/ when asked."""
    if element:
        b.js(f"document.getElementById('{element}').scrollIntoView()")
    else:
        b.js("window.scrollTo(0, 0); document.getElementById('results').scrollTop = 0")
    b.pump(0.2)
    path = os.path.join(out_dir, name)
    b.screenshot(path)
    if update_docs and not element:
        shutil.copy(path, os.path.join(source_dir, "docs", "images", name))
    return path


def run(allot, source_dir, out_dir):
    update_docs = os.environ.get("ALLOT_UPDATE_SCREENSHOTS") == "1"
    work = tempfile.mkdtemp(prefix="allot-serve-test-")
    extra = os.path.join(work, "extra")
    saves = os.path.join(work, "saves")
    os.makedirs(extra)
    os.makedirs(saves)
    hostile = os.path.join(extra, "hostile.yaml")
    with open(hostile, "w") as f:
        f.write(HOSTILE)
    server = ServeProcess(allot, source_dir, ["model", "scenarios", hostile, "--dir", saves])
    try:
        with cdp.Browser(1280, 800) as b:
            b.open(server.url + "?lang=en")
            b.wait("document.body.dataset.draft === '0' && document.body.dataset.busy === 'no'")
            before = page_numbers(b)
            check(len(before["weighted"]) == 4, f"weighted rows: {before['weighted']}")
            check(before["weighted"][1]["text"] == "19.49", f"the model's ckm score: {before['weighted']}")
            # Nothing from a file became markup.
            check(b.js("document.body.dataset.pwned === undefined"), "a scenario name ran as HTML")
            check(b.js("document.querySelectorAll('#ranking b, #ranking img').length === 0"),
                  "markup from a scenario name was rendered")
            check(b.js("document.getElementById('ranking').textContent.includes('hostile-name')"),
                  "the hostile scenario is not listed")

            # 1. An amount typed into a cell (keyboard only): the scores change,
            #    and the amount is the user's own estimate: its mark follows.
            check(line_basis(b, "technology", 2025) == "reported",
                  f"technology's zero, reported by CKM, is marked {line_basis(b, 'technology', 2025)}")
            set_amount_by_keyboard(b, "technology", 2025, "150000")
            b.wait("document.body.dataset.draft === '1'")
            settle(b)
            after = page_numbers(b)
            check(line_basis(b, "technology", 2025) == "assumed",
                  f"an amount typed in is marked {line_basis(b, 'technology', 2025)}, not assumed")
            check(after["money"][2]["basis"] == "assumed",
                  f"the 2025 total the typed amount changed: {after['money'][2]}")
            check("set: {line: technology, budget: {2024: 0, 2025: 150000, 2026: 0}}"
                  in after["yaml"], f"the file after typing: {after['yaml']}")
            check(after["weighted"][1]["value"] > before["weighted"][1]["value"],
                  "more money on technology did not raise the ckm score")
            check(after["money"][0]["text"] == "€6,150,000", f"total after typing: {after['money'][0]}")

            # 2. Budget-neutral, balanced by the awareness campaign; a slider
            #    moved with the arrow keys: moves, never a change of the total.
            b.focus("#neutral")
            b.press("Space")
            b.wait("document.querySelector('#yaml').textContent.includes('budget: neutral')"
                   " || document.querySelector('#refused').hidden === false")
            check(b.js("document.querySelector('#refused').hidden === false"),
                  "budget-neutral was accepted on a draft that spends EUR 150,000 more")
            # Undo the typed amount, then turn budget-neutral on.
            b.focus("#undo")
            b.press("Enter")
            b.wait("document.body.dataset.draft === '0'")
            settle(b)
            b.focus("#neutral")
            b.press("Space")
            b.wait("document.querySelector('#yaml').textContent.includes('budget: neutral')")
            settle(b)
            b.js("(() => { const s = document.getElementById('balance');"
                 " s.value = 'awareness_campaign'; s.dispatchEvent(new Event('change')); })()")
            b.js("(() => { const s = document.getElementById('slider-line');"
                 " s.value = 'technology'; s.dispatchEvent(new Event('change')); })()")
            b.wait("document.querySelector(\"#sliders input[data-year='2024']\") !== null")
            b.focus("#sliders input[data-year='2024']")
            for _ in range(5):
                b.press("ArrowRight")
            b.wait("document.querySelector('#yaml').textContent.includes('to: technology, year: 2024')")
            settle(b)
            neutral = page_numbers(b)
            check("  - move: {amount: 5000, from: awareness_campaign, to: technology, year: 2024}"
                  in neutral["yaml"], f"the file after the slider: {neutral['yaml']}")
            check(neutral["money"][0]["text"] == "€6,000,000", f"the total moved: {neutral['money'][0]}")

            # 3. Describe and save by keyboard.
            b.focus("#draft-id")
            b.select_all()
            b.type("werkbank-test")
            b.press("Tab")
            b.wait("document.querySelector('#yaml').textContent.includes('scenario: werkbank-test')")
            settle(b)
            b.focus("#draft-name")
            b.type("Werkbank <test> & co")
            b.press("Tab")
            b.wait("document.querySelector('#yaml').textContent.includes('Werkbank <test> & co')")
            settle(b)
            shown = page_numbers(b)
            b.wait("document.body.dataset.smaa === 'done'")
            screenshot(b, out_dir, "serve-laptop-en.png", update_docs, source_dir)
            screenshot(b, out_dir, "serve-editor-en.png", update_docs, source_dir, element="edit")
            b.focus("#save")
            b.press("Enter")
            b.wait("document.body.dataset.saved === 'werkbank-test.yaml'")
            saved = os.path.join(saves, "werkbank-test.yaml")
            check(os.path.exists(saved), "no saved file")
            with open(saved) as f:
                text = f.read()
            check(text.endswith(shown["yaml"]), f"the saved file is not the file shown:\n{text}")
            checked = subprocess.run([allot, "check", "model", "scenarios", saved], cwd=source_dir,
                                     capture_output=True, text=True)
            check(checked.returncode == 0, f"allot check on the saved file: {checked.stderr}")
            compared = compare_json(allot, source_dir, [hostile, saved])
            if compared:
                check_against_compare(shown, compared, "werkbank-test")

            # 4. Saving again asks first; "No" leaves the file alone.
            b.js("document.body.dataset.saved = ''")
            b.focus("#save")
            b.press("Enter")
            b.wait("document.getElementById('confirm').open")
            check(b.js("document.activeElement.id") == "confirm-no", "the dialog does not focus No")
            b.press("Enter")
            b.wait("!document.getElementById('confirm').open")
            b.wait("document.getElementById('save-status').textContent.length > 0")
            with open(saved) as f:
                check(f.read() == text, "the file changed although overwriting was refused")
            # ... and "Yes" replaces it with the current draft.
            set_amount_by_keyboard(b, "technology", 2026, "30000")
            b.wait("document.querySelector('#yaml').textContent.includes('year: 2026')")
            settle(b)
            b.focus("#save")
            b.press("Enter")
            b.wait("document.getElementById('confirm').open")
            b.press("Tab", shift=True)
            check(b.js("document.activeElement.id") == "confirm-yes", "Shift+Tab does not reach Yes")
            b.press("Enter")
            b.wait("document.body.dataset.saved === 'werkbank-test.yaml'")
            with open(saved) as f:
                check("year: 2026" in f.read(), "confirming did not replace the file")
            shown = page_numbers(b)
            compared = compare_json(allot, source_dir, [hostile, saved], baseline="model")
            if compared:
                check_against_compare(shown, compared, "werkbank-test")
            # Download gives the same scenario (without the saved file's
            # comment line); Chromium renames a finished download into place.
            downloads = os.path.join(work, "downloads")
            os.makedirs(downloads)
            b.call("Browser.setDownloadBehavior", behavior="allow", downloadPath=downloads)
            b.focus("#download")
            b.press("Enter")
            got = os.path.join(downloads, "werkbank-test.yaml")
            deadline = time.time() + 90
            while not os.path.exists(got) and time.time() < deadline:
                b.pump(0.1)
            if check(os.path.exists(got), f"no download: {os.listdir(downloads)}"):
                with open(got) as f:
                    downloaded = f.read()
                with open(saved) as f:
                    check(f.read().endswith(downloaded) and downloaded == shown["yaml"],
                          f"the downloaded file is not the file shown and saved:\n{downloaded}")

            # 5. Dutch, against another baseline, in large text (a projector).
            b.js("(() => { const s = document.getElementById('lang'); s.value = 'nl';"
                 " s.dispatchEvent(new Event('change')); })()")
            b.js("(() => { const s = document.getElementById('baseline'); s.value = 'versterkt-2024';"
                 " s.dispatchEvent(new Event('change')); })()")
            b.wait("document.documentElement.lang === 'nl'"
                   " && document.querySelector('#money tbody td').textContent.startsWith('€\u00a0')"
                   " || document.querySelector('#money tbody td').textContent.startsWith('€ ')")
            settle(b)
            b.wait("document.body.dataset.smaa === 'done'")
            dutch = page_numbers(b)
            compared = compare_json(allot, source_dir, [hostile, saved], baseline="versterkt-2024")
            if compared:
                check_against_compare(dutch, compared, "werkbank-test", lang="nl")
            check(b.js("document.getElementById('results-title').textContent") == "Wat het scenario oplevert",
                  "the page is not in Dutch")
            b.focus("#large")
            b.press("Space")
            b.send("Emulation.setDeviceMetricsOverride", width=1280, height=720, deviceScaleFactor=1,
                   mobile=False)
            b.pump(0.3)
            screenshot(b, out_dir, "serve-projector-nl.png", update_docs, source_dir)

            # 6. The report of the set, in a new tab.
            before_tabs = {t["targetId"] for t in b.targets()}
            b.focus("#report")
            b.press("Enter")
            deadline = time.time() + 90
            while time.time() < deadline:
                tabs = [t for t in b.targets() if t["targetId"] not in before_tabs and "/report/" in t["url"]]
                if tabs:
                    break
                b.pump(0.1)
            check(bool(tabs), "the report did not open")

            # 7. A new scenario from another one; the move, add and drop forms.
            b.js("(() => { const s = document.getElementById('start-from'); s.value = 'herverdeling-ckm';"
                 " s.dispatchEvent(new Event('change')); })()")
            b.focus("#new-draft")
            b.press("Enter")
            b.wait("document.querySelector('#yaml').textContent.includes('base: herverdeling-ckm')")
            settle(b)
            b.js("""(() => { document.getElementById('move-amount').value = '10000';
              for (const [id, v] of [['move-from', 'information_point'], ['move-to', 'technology'],
                                     ['move-year', '']]) document.getElementById(id).value = v; })()""")
            b.focus("#move-form button[type=submit]")
            b.press("Enter")
            b.wait("document.querySelector('#yaml').textContent.includes("
                   "'move: {amount: 10000, from: information_point, to: technology}')")
            settle(b)
            b.js("""(() => { document.getElementById('add-id').value = 'chat_line';
              document.getElementById('add-name').value = 'Chat';
              document.getElementById('add-like').value = 'technology';
              document.querySelector("#add-years input[data-year='2025']").value = '20000'; })()""")
            b.focus("#add-form button[type=submit]")
            b.press("Enter")
            b.wait("document.querySelector(\"#lines tr[data-line='chat_line']\") !== null")
            settle(b)
            added = b.js("document.getElementById('yaml').textContent")
            check("      id: chat_line\n" in added and "budget: {2025: 20000}" in added
                  and "the curve of line 'technology', copied: an assumption" in added,
                  f"the file after adding a line: {added}")
            b.focus("#lines tr[data-line='chat_line'] button")
            b.press("Enter")
            b.wait("document.querySelector(\"#lines tr[data-line='chat_line']\") === null")
            settle(b)
            b.focus("#lines tr[data-line='technology'] button")
            b.press("Enter")
            b.wait("document.querySelector('#yaml').textContent.includes('- remove: technology')")
            settle(b)
            check(b.js("document.querySelector(\"#lines tr[data-line='technology']\").className") == "removed",
                  "a dropped line is not shown as dropped")
            check("chat_line" not in b.js("document.getElementById('yaml').textContent"),
                  "dropping the added line left changes naming it")

            b.pump(0.2)
            check(not b.problems, f"console errors, exceptions or CSP violations: {b.problems}")
            timing = b.js("document.getElementById('timing').textContent")
            print("page:", timing)
    finally:
        code = server.stop()
        check(code == 0, f"allot serve exited with {code}: {''.join(server.err)}")
        check(any("stopped" in line for line in server.out), "allot serve did not say it stopped")
        shutil.rmtree(work, ignore_errors=True)


def main():
    allot, source_dir, out_dir = sys.argv[1:4]
    if cdp is None or not cdp.have_chromium():
        # CI installs both (scripts/install-deps): there, a skip would hide
        # that the page was never tested.
        if os.environ.get("CI"):
            print("FAIL: chromium or python3-websocket not installed, and CI is set")
            return 1
        print("chromium or python3-websocket not installed: skipped")
        return 77
    os.makedirs(out_dir, exist_ok=True)
    run(os.path.abspath(allot), os.path.abspath(source_dir), os.path.abspath(out_dir))
    print(f"screenshots: {out_dir}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
