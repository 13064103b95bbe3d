#!/usr/bin/env python3
"""Times allot on adversarial inputs; prints one line per case.

    bench/adversarial.py BUILD_DIR/allot [NAME]

Each case (those whose name contains NAME, if given) is generated into a
temporary directory and run once with the command it names; the line gives
the input size, the wall time, the peak memory of that run (ru_maxrss from
wait4), the size of its standard output and the exit code. Growth is shown by running each case at sizes 10x apart: a
linear path takes ~10x the time, a quadratic one ~100x.
"""
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


def smaa_scenarios(d, n, lines=10):
    # Each moves a different amount between two lines: scores differ.
    for i in range(n):
        open(f"{d}/s{i:06}.yaml", "w").write(scenario(
            f"s{i}", None,
            f"  - move: {{amount: {i % 300 + 1}, from: l{i % lines}, to: l{(i * 7 + 3) % lines}}}\n"))


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


def main():
    allot = os.path.abspath(sys.argv[1])
    only = sys.argv[2] if len(sys.argv) > 2 else ""
    for name, make, sizes in CASES:
        if only not in name:
            continue
        for n in sizes:
            with tempfile.TemporaryDirectory() as d:
                args = make(d, n)
                size = sum(os.path.getsize(os.path.join(d, f)) for f in os.listdir(d))
                seconds, peak, code, output = run(allot, args)
                print(f"{name:38} n={n:>7}  input {size / 1e6:7.2f} MB  {seconds:7.2f} s  "
                      f"peak {peak:7.0f} MB  output {output / 1e6:8.2f} MB  exit {code}",
                      flush=True)


if __name__ == "__main__":
    main()
