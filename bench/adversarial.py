#!/usr/bin/env python3
"""Times allot on adversarial and growing inputs; prints one line per run.

    bench/adversarial.py BUILD_DIR/allot [NAME] [--quick]

Each case (those whose name contains NAME, if given) is generated into a
temporary directory and run once with the command it names; the line gives
the input size, the wall time, the peak memory of that run (ru_maxrss from
wait4), the size of its standard output and the exit code. Growth is shown
by running each case at sizes 4x or 10x apart; after the last size a line
gives the exponents k of time ~ n^k and memory ~ n^k between the two
largest sizes (1: linear, 2: quadratic; below ~0.05 s a run is mostly the
start-up, so small cases read low). --quick drops the largest size of every
case. The first line of each case shows its command line.
"""
import math
import os
import subprocess
import sys
import tempfile
import time

HEAD = ("format: allot/1\ntitle: T\nyears: [2024, 2025, 2026]\n"
        "objectives: [{id: a, name: A}, {id: b, name: B}]\nweights: {even: {a: 1, b: 1}}\n")


def model(lines, extra=""):
    body = "".join(
        f"  - {{id: l{i}, name: L, budget: {{2024: 100, 2025: 100, 2026: 100}}, "
        f"effects: {{a: {{curve: linear, points: 1, per: 100}}}}{extra}}}\n" for i in range(lines))
    return HEAD + "lines:\n" + body


def scenario(sid, base=None, changes=""):
    text = f"format: allot/1\nscenario: {sid}\n"
    if base:
        text += f"base: {base}\n"
    return text + "changes:\n" + (changes or "  []\n") if changes else text


def case_chain(d, n):
    open(f"{d}/m.yaml", "w").write(model(10))
    for i in range(n):
        base = f"s{i - 1}" if i else None
        open(f"{d}/s{i:06}.yaml", "w").write(
            scenario(f"s{i}", base, "  - move: {amount: 0.01, from: l0, to: l1}\n"))
    return ["compare", "--format", "json", "--max-scenarios", str(n), d]


def case_changes(d, n):
    open(f"{d}/m.yaml", "w").write(model(10))
    moves = "  - move: {amount: 0.01, from: l0, to: l1, year: 2024}\n" * n
    open(f"{d}/s.yaml", "w").write(scenario("s", None, "  - set: {line: l0, budget: {2024: 100000000}}\n" + moves))
    return ["compare", "--format", "json", d]


def case_lines(d, n):
    open(f"{d}/m.yaml", "w").write(model(n))
    return ["compare", "--format", "json", f"{d}/m.yaml"]


def case_scenarios(d, n):
    open(f"{d}/m.yaml", "w").write(model(10))
    for i in range(n):
        open(f"{d}/s{i:06}.yaml", "w").write(
            scenario(f"s{i}", None, "  - scale: {line: l3, by: 1.5}\n"))
    return ["compare", "--format", "json", "--max-scenarios", str(n), d]


def case_long_ids(d, n):
    # Ids of n bytes, a typo in each reference: "did you mean" over long ids.
    ids = [chr(ord('a') + i % 26) * n + str(i) for i in range(20)]
    body = "".join(f"  - {{id: {i}, name: L, budget: {{2024: 1}}}}\n" for i in ids)
    open(f"{d}/m.yaml", "w").write(HEAD + "lines:\n" + body)
    refs = "".join(f"  - remove: {i[:-1]}x\n" for i in ids)
    open(f"{d}/s.yaml", "w").write(scenario("s", None, refs))
    return ["check", d]


def case_unknown_keys(d, n):
    # n lines, each with an unknown key: stops at --max-errors.
    open(f"{d}/m.yaml", "w").write(model(n, ", bugdet: 1"))
    return ["check", f"{d}/m.yaml"]


def case_unknown_lines(d, n):
    # n scenarios each naming an unknown line of a 10,000-line model.
    open(f"{d}/m.yaml", "w").write(model(10000))
    for i in range(n):
        open(f"{d}/s{i:06}.yaml", "w").write(scenario(f"s{i}", None, "  - remove: l99999x\n"))
    return ["compare", "--max-scenarios", str(n), d]


def smaa_model(d, objectives=2, lines=10):
    ids = [f"o{j}" for j in range(objectives)]
    head = ("format: allot/1\ntitle: T\nyears: [2024, 2025, 2026]\nobjectives: ["
            + ", ".join(f"{{id: {o}, name: O}}" for o in ids) + "]\nweights: {even: {"
            + ", ".join(f"{o}: 1" for o in ids) + "}}\nlines:\n")
    body = "".join(
        f"  - {{id: l{i}, name: L, budget: {{2024: 100, 2025: 100, 2026: 100}}, "
        f"effects: {{{ids[i % objectives]}: {{curve: linear, points: [1, 2, 3], per: 100}}}}}}\n"
        for i in range(lines))
    open(f"{d}/m.yaml", "w").write(head + body)


def moving_scenarios(d, n, lines, amount):
    """n scenarios, the i-th moving amount(i) between two lines: scores differ."""
    for i in range(n):
        open(f"{d}/s{i:06}.yaml", "w").write(scenario(
            f"s{i}", None,
            f"  - move: {{amount: {amount(i)}, from: l{i % lines}, to: l{(i * 7 + 3) % lines}}}\n"))


def smaa_scenarios(d, n, lines=10):
    moving_scenarios(d, n, lines, lambda i: i % 300 + 1)


def case_smaa_scenarios(d, n, pairwise=False):
    smaa_model(d)
    smaa_scenarios(d, n)
    extra = ["--max-pairwise", str(n + 1)] if pairwise else []
    return ["sensitivity", "--samples", "1000", "--threads", "1", "--format", "json",
            "--max-scenarios", str(n)] + extra + [d]


def case_smaa_pairwise(d, n):
    return case_smaa_scenarios(d, n, pairwise=True)


def case_smaa_samples(d, n):
    smaa_model(d)
    smaa_scenarios(d, 10)
    return ["sensitivity", "--samples", str(n), "--threads", "1", "--format", "json", d]


def case_smaa_objectives(d, n):
    smaa_model(d, objectives=n, lines=n)
    smaa_scenarios(d, 10, lines=n)
    return ["sensitivity", "--samples", "1000", "--threads", "1", "--format", "json", d]


def cost_model(d, lines=10, objectives=2, uncertain=True):
    """m.yaml: `lines` lines over 3 years, each with a saturating effect on
    one objective and a linear one on the next; `uncertain` writes the
    linear effect's points as [low, likely, high]."""
    ids = [f"o{j}" for j in range(objectives)]
    points = "[1, 2, 3]" if uncertain else "2"
    head = ("format: allot/1\ntitle: T\nyears: [2024, 2025, 2026]\nobjectives: ["
            + ", ".join(f"{{id: {o}, name: O}}" for o in ids) + "]\nweights: {even: {"
            + ", ".join(f"{o}: {1 + j % 3}" for j, o in enumerate(ids)) + "}, flat: {"
            + ", ".join(f"{o}: 1" for o in ids) + "}}\nlines:\n")
    body = "".join(
        f"  - {{id: l{i}, name: L, budget: {{2024: {100 + i % 7 * 10}00, 2025: 10000, 2026: 10000}}, "
        f"effects: {{{ids[i % objectives]}: {{curve: saturating, max: {10 + i % 5}, half: {200 + i % 3 * 100}00}}, "
        f"{ids[(i + 1) % objectives]}: {{curve: linear, points: {points}, per: 10000}}}}}}\n"
        for i in range(lines))
    open(f"{d}/m.yaml", "w").write(head + body)


def cost_scenarios(d, n, lines=10):
    moving_scenarios(d, n, lines, lambda i: f"{i % 90 + 1}00")


def case_check_lines(d, n):
    cost_model(d, lines=n)
    return ["check", f"{d}/m.yaml"]


def case_check_scenarios(d, n):
    cost_model(d)
    cost_scenarios(d, n)
    return ["check", "--max-scenarios", str(n), d]


def case_compare_objectives(d, n):
    cost_model(d, lines=n, objectives=n)
    cost_scenarios(d, 10, lines=n)
    return ["compare", "--format", "json", d]


def case_stability_scenarios(d, n):
    cost_model(d, objectives=8)
    cost_scenarios(d, n)
    return ["stability", "--format", "json", "--max-scenarios", str(n), d]


def case_stability_objectives(d, n):
    cost_model(d, lines=n, objectives=n)
    cost_scenarios(d, 10, lines=n)
    return ["stability", "--format", "json", d]


def case_explain_lines(d, n):
    # B scales n lines of the model: n changed lines, exact up to 12.
    cost_model(d, lines=max(n, 10))
    changes = "".join(f"  - scale: {{line: l{i}, by: 1.5}}\n" for i in range(n))
    open(f"{d}/b.yaml", "w").write(scenario("b", None, changes))
    return ["explain", "model", "b", "--format", "json", d]


def case_explain_exact(d, n):
    # n changed lines, all exact: 2^n evaluations.
    return case_explain_lines(d, n) + ["--exact-max", str(n)]


def case_tornado_lines(d, n):
    # Every line has an uncertain effect; B scales them all.
    cost_model(d, lines=n, objectives=8)
    changes = "".join(f"  - scale: {{line: l{i}, by: 1.5}}\n" for i in range(n))
    open(f"{d}/b.yaml", "w").write(scenario("b", None, changes))
    return ["tornado", "model", "b", "--weights", "even", "--format", "json", d]


def case_tornado_dense(d, n):
    # Every line has an effect on both of 2 objectives: the most terms after
    # a moved line for tornado to add again (docs/limits.md).
    cost_model(d, lines=n, objectives=2)
    changes = "".join(f"  - scale: {{line: l{i}, by: 1.5}}\n" for i in range(n))
    open(f"{d}/b.yaml", "w").write(scenario("b", None, changes))
    return ["tornado", "model", "b", "--weights", "even", "--format", "json", d]


def case_what_it_takes_objectives(d, n):
    # B takes money from the lines of the heavier objectives.
    cost_model(d, lines=n, objectives=n)
    changes = "".join(f"  - move: {{amount: 5000, from: l{i}, to: l{i + 1}}}\n"
                      for i in range(0, n - 1, 3))
    open(f"{d}/b.yaml", "w").write(scenario("b", None, changes))
    return ["what-it-takes", "model", "b", "--weights", "even", "--format", "json", d]


def case_optimise_lines(d, n):
    cost_model(d, lines=n, objectives=8, uncertain=False)
    return ["optimise", "--weights", "even", "--format", "json", "--time-limit", "120",
            f"{d}/m.yaml"]


def case_frontier_points(d, n):
    cost_model(d, lines=50, objectives=8, uncertain=False)
    return ["frontier", "--weights", "even", "--points", str(n), "--format", "json",
            "--time-limit", "120", f"{d}/m.yaml"]


def case_batch_runs(d, n):
    # One entry expanded over n seeds: n sensitivity runs of 100 samples.
    cost_model(d)
    cost_scenarios(d, 3)
    open(f"{d}/runs.yaml", "w").write(
        "format: allot/1\nbatch:\n  - analysis: sensitivity\n    models: [m.yaml]\n"
        "    scenarios: [[s000000.yaml, s000001.yaml, s000002.yaml]]\n    samples: 100\n"
        f"    seeds: [{', '.join(str(i + 1) for i in range(n))}]\n")
    return ["batch", f"{d}/runs.yaml", "--format", "csv"]


def case_batch_streamed(d, n):
    # n explain runs of a small model (2 changed lines, exact) as 10 models
    # x 10 scenario sets x n/100 seeds (the same files, loaded once), so that
    # the batch file stays small: each run is written as it is done, and
    # memory should stay flat while the output grows with n.
    cost_model(d)
    cost_scenarios(d, 1)
    open(f"{d}/runs.yaml", "w").write(
        "format: allot/1\nbatch:\n  - analysis: explain\n"
        f"    models: [{', '.join(['m.yaml'] * 10)}]\n"
        f"    scenarios: [{', '.join(['[s000000.yaml]'] * 10)}]\n"
        "    a: model\n    b: s0\n    weights: [even]\n"
        f"    seeds: [{', '.join(str(i + 1) for i in range(n // 100))}]\n")
    return ["batch", f"{d}/runs.yaml", "--format", "csv"]


def case_report_scenarios(d, n):
    cost_model(d, lines=20)
    cost_scenarios(d, n, lines=20)
    return ["report", "--html", f"{d}/r.html", "--xlsx", f"{d}/r.xlsx", "--max-scenarios",
            str(n), d]


def case_report_lines(d, n):
    cost_model(d, lines=n)
    cost_scenarios(d, 5)
    return ["report", "--html", f"{d}/r.html", "--xlsx", f"{d}/r.xlsx", d]


CASES = [
    ("chained base scenarios", case_chain, (1000, 10000)),
    ("changes on one line", case_changes, (10000, 100000)),
    ("model lines", case_lines, (1000, 10000, 100000)),
    ("scenarios", case_scenarios, (1000, 10000)),
    ("id length (bytes)", case_long_ids, (10000, 100000)),
    ("lines with an unknown key", case_unknown_keys, (10000, 100000)),
    ("scenarios naming an unknown line", case_unknown_lines, (1000, 10000)),
    ("sensitivity: scenarios, 1,000 samples", case_smaa_scenarios, (100, 1000)),
    ("sensitivity: same with --max-pairwise", case_smaa_pairwise, (100, 1000)),
    ("sensitivity: samples, 10 scenarios", case_smaa_samples, (10000, 100000, 1000000)),
    ("sensitivity: objectives (= lines)", case_smaa_objectives, (10, 100, 1000)),
    ("check: model lines", case_check_lines, (2000, 8000, 32000)),
    ("check: scenarios", case_check_scenarios, (250, 1000, 4000)),
    ("compare: objectives (= lines)", case_compare_objectives, (100, 400, 1600)),
    ("stability: scenarios, 8 objectives", case_stability_scenarios, (100, 400, 1600)),
    ("stability: objectives (= lines)", case_stability_objectives, (25, 100, 400)),
    ("explain: changed lines, exact", case_explain_exact, (14, 17, 20)),
    ("explain: changed lines (10,000 orders)", case_explain_lines, (25, 100, 400)),
    ("tornado: uncertain lines", case_tornado_lines, (1000, 4000, 16000)),
    ("tornado: uncertain lines, 2 objectives", case_tornado_dense, (1000, 4000, 16000)),
    ("what-it-takes: objectives (= lines)", case_what_it_takes_objectives, (100, 400, 1600)),
    ("optimise: lines, 8 objectives", case_optimise_lines, (25, 100, 400)),
    ("frontier: points, 50 lines", case_frontier_points, (5, 20, 80)),
    ("batch: sensitivity runs of 100 samples", case_batch_runs, (10, 40, 160)),
    ("batch: explain runs, written as done", case_batch_streamed, (1000, 10000, 100000)),
    ("report: scenarios (html + xlsx)", case_report_scenarios, (25, 100, 400)),
    ("report: model lines (html + xlsx)", case_report_lines, (250, 1000, 4000)),
]


def run(allot, args):
    """Wall seconds, this child's peak memory in MB, exit code, output bytes."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        child = subprocess.Popen([allot] + args, stdout=out, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        out.seek(0, os.SEEK_END)
        return seconds, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status), out.tell()


# Cases whose cost is 2^n: their growth is shown as a ratio, not a power.
EXPONENTIAL = {"explain: changed lines, exact"}


def exponent(small, large):
    """k in large = small * ratio^k, from two (n, value) pairs."""
    (n1, v1), (n2, v2) = small, large
    if v1 <= 0 or v2 <= 0:
        return float("nan")
    return math.log(v2 / v1) / math.log(n2 / n1)


def main():
    words = [a for a in sys.argv[1:] if a != "--quick"]
    quick = len(words) < len(sys.argv) - 1
    allot = os.path.abspath(words[0])
    only = words[1] if len(words) > 1 else ""
    for name, make, sizes in CASES:
        if only not in name:
            continue
        if quick:
            sizes = sizes[:-1]
        times, peaks = [], []
        for n in sizes:
            with tempfile.TemporaryDirectory() as d:
                args = make(d, n)
                if n == sizes[0]:
                    print(f"# allot {' '.join(a.replace(d, 'DIR') for a in args)}", flush=True)
                size = sum(os.path.getsize(os.path.join(d, f)) for f in os.listdir(d))
                seconds, peak, code, output = run(allot, args)
                times.append((n, seconds))
                peaks.append((n, peak))
                print(f"{name:38} n={n:>7}  input {size / 1e6:7.2f} MB  {seconds:7.2f} s  "
                      f"peak {peak:7.0f} MB  output {output / 1e6:8.2f} MB  exit {code}",
                      flush=True)
        if len(sizes) > 1 and name in EXPONENTIAL:
            (n1, t1), (n2, t2) = times[-2], times[-1]
            print(f"{name:38} time x{t2 / t1:.1f} for {n2 - n1} more (2^{n2 - n1} = "
                  f"{2 ** (n2 - n1)}x the evaluations; n = {n1} -> {n2})", flush=True)
        elif len(sizes) > 1:
            print(f"{name:38} time ~ n^{exponent(times[-2], times[-1]):.2f}, "
                  f"memory ~ n^{exponent(peaks[-2], peaks[-1]):.2f} "
                  f"(n = {sizes[-2]} -> {sizes[-1]})", flush=True)


if __name__ == "__main__":
    main()
