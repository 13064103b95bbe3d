#!/usr/bin/env python3
"""Times allot on adversarial inputs; prints one line per case.

    bench/adversarial.py BUILD_DIR/allot

Each case is generated into a temporary directory and run once with
`allot check` or `allot compare --format json`; the line gives the input
size, the wall time, the peak memory (ru_maxrss of the child) and the exit
code. Growth is shown by running each case at sizes 10x apart: a
linear path takes ~10x the time, a quadratic one ~100x.
"""
import os
import resource
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


CASES = [
    ("chained base scenarios", case_chain, (1000, 10000)),
    ("changes on one line", case_changes, (10000, 100000)),
    ("model lines", case_lines, (1000, 10000, 100000)),
    ("scenarios", case_scenarios, (1000, 10000)),
    ("id length (bytes)", case_long_ids, (10000, 100000)),
    ("lines with an unknown key", case_unknown_keys, (10000, 100000)),
    ("scenarios naming an unknown line", case_unknown_lines, (1000, 10000)),
]


def main():
    allot = os.path.abspath(sys.argv[1])
    for name, make, sizes in CASES:
        for n in sizes:
            with tempfile.TemporaryDirectory() as d:
                args = make(d, n)
                size = sum(os.path.getsize(os.path.join(d, f)) for f in os.listdir(d))
                before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
                start = time.perf_counter()
                done = subprocess.run([allot] + args, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL)
                seconds = time.perf_counter() - start
                peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
                print(f"{name:34} n={n:>7}  input {size / 1e6:7.2f} MB  {seconds:7.2f} s  "
                      f"max rss so far {peak / 1024:7.0f} MB  exit {done.returncode}",
                      flush=True)


if __name__ == "__main__":
    main()
