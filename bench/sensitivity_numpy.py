#!/usr/bin/python3
"""allot sensitivity (SMAA-2) against a vectorised numpy peer, in one run.

Runs the C++ benchmark (bench/sensitivity_bench.cpp) with --peer, which
times allot on its generated model (200 lines, 6 objectives, 16 scenarios,
every effect uncertain; weights uniform) with 1 thread and with one thread
per core, and writes that model, allot's timings and allot's rank counts to
a JSON file. Then runs the same SMAA on the same model in numpy, and prints
both rates and their ratios:

    /usr/bin/python3 bench/sensitivity_numpy.py build/bench/allot_bench_sensitivity
    /usr/bin/python3 bench/sensitivity_numpy.py BENCH 200000    # another sample count

Rates are scenario-evaluations (samples x scenarios) per second: per core
divides by CPU seconds (all threads, as the C++ benchmark does), wall by
elapsed seconds. Debian's /usr/bin/python3 sees python3-numpy (from
scripts/install-deps); a python3 earlier on PATH may not.

The numpy peer computes what allot's sample loop accumulates: the rank
counts (ties share the better rank), the pairwise "scores strictly higher"
counts, each scenario's score sum and sum of squares, a histogram of
0.01-point bins for the percentiles, and the weight sums of the samples
where a scenario is best (central weights). Its random numbers come from
numpy's generator, not allot's counter-based one, so its counts differ by
sampling noise only: the script prints the largest difference of a rank
acceptability in standard errors, as a check that both compute the same
analysis.
"""

import json
import os
import subprocess
import sys
import tempfile
import time

import numpy as np

CHUNK = 10_000  # samples per vectorised step: a few tens of MB of arrays


class Model:
    """The generated model as dense arrays, from the benchmark's JSON.

    Most scenarios fund most lines as the model does, so, as allot does,
    the points are those of a common allocation (the model's, scenario 0)
    for every scenario, plus each scenario's differences: one matrix
    product over every drawn parameter into the J objectives, and one over
    only the parameters some scenario uses differently into the S x J
    columns. Saturating curves with an uncertain half-way spend are
    evaluated once per distinct (curve, spend).
    """

    def __init__(self, doc):
        self.J = J = doc["objectives"]
        self.S = S = len(doc["scenarios"])
        params = np.array(doc["params"], dtype=float)  # [low, likely, high]
        low, likely, high = params[:, 0], params[:, 1], params[:, 2]
        drawn = high > low
        d = self.drawn = np.flatnonzero(drawn)
        column = np.full(len(params), -1)
        column[d] = np.arange(len(d))
        # Triangular by inversion of the CDF, as allot draws it.
        width = high[d] - low[d]
        self.low, self.high = low[d], high[d]
        self.split = (likely[d] - low[d]) / width
        self.left = width * (likely[d] - low[d])
        self.right = width * (high[d] - likely[d])
        spend = np.array(doc["spend"], dtype=float)  # S x lines, EUR
        constant = np.zeros(S * J)
        linear = np.zeros((len(d), S * J))  # drawn parameter -> (scenario, objective)
        items = {}  # (max, half, spend) -> item index: max * x / (x + half)
        item_cols = []
        for e in doc["effects"]:
            j = e["objective"]
            for s in range(S):
                x, col = spend[s, e["line"]], s * J + j
                if e["kind"] == "linear":
                    a, k = e["points"], x / e["per"]
                elif not drawn[e["half"]]:
                    a, k = e["max"], x / (x + likely[e["half"]])
                else:
                    assert drawn[e["max"]], "the generator draws every saturating max"
                    key = (e["max"], e["half"], x)
                    if key not in items:
                        items[key] = len(items)
                        item_cols.append([])
                    item_cols[items[key]].append(col)
                    continue
                if drawn[a]:
                    linear[column[a], col] += k
                else:
                    constant[col] += likely[a] * k
        keys = list(items)
        self.item_max = column[[k[0] for k in keys]]  # both drawn, in the draw array
        self.item_half = column[[k[1] for k in keys]]
        self.item_x = np.array([k[2] for k in keys])
        item = np.zeros((len(keys), S * J))
        for i, cols in enumerate(item_cols):
            item[i, cols] = 1.0
        self.constant = constant
        # Common allocation (scenario 0's columns) and the differences.
        self.linear_common = linear[:, :J]
        linear_diff = linear - np.tile(self.linear_common, S)
        self.diff_params = np.flatnonzero(np.abs(linear_diff).sum(axis=1) > 0)
        self.linear_diff = linear_diff[self.diff_params]
        self.item_common = item[:, :J]
        item_diff = item - np.tile(self.item_common, S)
        self.diff_items = np.flatnonzero(np.abs(item_diff).sum(axis=1) > 0)
        self.item_diff = item_diff[self.diff_items]


def draw_params(m, rng, n):
    """n samples of every drawn parameter, triangular by inversion."""
    u = rng.random((n, len(m.low)))
    below = u < m.split
    r = np.sqrt(np.where(below, u * m.left, (1.0 - u) * m.right))  # one root per draw
    return np.where(below, m.low + r, m.high - r)


def points(m, p):
    """[n, S * J]: every scenario's points per objective, before the cap."""
    S = m.S
    common = p @ m.linear_common
    out = np.tile(common, S) + m.constant
    out += p[:, m.diff_params] @ m.linear_diff
    if len(m.item_x):
        v = p[:, m.item_max] * m.item_x / (m.item_x + p[:, m.item_half])
        out += np.tile(v @ m.item_common, S)
        out += v[:, m.diff_items] @ m.item_diff
    return out


def smaa(m, samples, seed):
    """The SMAA accumulators over `samples` samples, in chunks."""
    rng = np.random.default_rng(seed)
    S, J = m.S, m.J
    rank_counts = np.zeros(S * S, dtype=np.int64)
    beats = np.zeros((S, S), dtype=np.int64)
    score_sum = np.zeros(S)
    score_square_sum = np.zeros(S)
    low_key, bins = -100_000, 110_001  # 0.01-point bins from -1000 to 100
    histogram = np.zeros(S * bins, dtype=np.int64)
    best_weight_sum = np.zeros((S, J))
    done = 0
    while done < samples:
        n = min(CHUNK, samples - done)
        p = draw_params(m, rng, n)
        capped = np.minimum(points(m, p), 100.0).reshape(n, S, J)
        e = rng.standard_exponential((n, J))  # Dirichlet(1, ..., 1)
        w = e / e.sum(axis=1, keepdims=True)
        scores = np.einsum("nsj,nj->ns", capped, w)
        higher = scores[:, :, None] > scores[:, None, :]  # [n, a, b]: a beats b
        beats += higher.sum(axis=0)
        ranks = higher.sum(axis=1)  # [n, b]: how many score above b
        rank_counts += np.bincount((np.arange(S) * S + ranks).ravel(), minlength=S * S)
        score_sum += scores.sum(axis=0)
        score_square_sum += (scores * scores).sum(axis=0)
        keys = np.clip(np.floor(scores * 100 + 0.5).astype(np.int64) - low_key, 0, bins - 1)
        histogram += np.bincount((np.arange(S) * bins + keys).ravel(), minlength=S * bins)
        best_weight_sum += (ranks == 0).T.astype(float) @ w
        done += n
    return rank_counts.reshape(S, S), beats


def run_allot(bench, samples, path):
    out = subprocess.run(
        [bench, "--peer", path, str(samples)], check=True, capture_output=True, text=True
    ).stdout
    sys.stdout.write(out)
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def main():
    if len(sys.argv) < 2 or sys.argv[1] in ("-h", "--help"):
        print(__doc__.strip())
        return 0 if len(sys.argv) >= 2 else 2
    bench = sys.argv[1]
    samples = int(sys.argv[2]) if len(sys.argv) > 2 else 500_000
    with tempfile.TemporaryDirectory() as tmp:
        doc = run_allot(bench, samples, os.path.join(tmp, "peer.json"))
    m = Model(doc)
    cpu0, wall0 = time.process_time(), time.perf_counter()
    rank_counts, _ = smaa(m, samples, seed=1)
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    evaluations = samples * m.S
    numpy_core, numpy_wall = evaluations / cpu / 1e6, evaluations / wall / 1e6
    print(
        f"numpy {np.__version__}: {samples} samples  wall {wall:6.3f} s  cpu {cpu:6.3f} s  "
        f"{numpy_core:6.2f} M evaluations/s/core  {numpy_wall:6.2f} M/s wall"
    )
    # Same analysis? Rank acceptabilities agree within sampling noise.
    a = np.array(doc["allot"]["rank_counts"], dtype=float).reshape(m.S, m.S) / doc["allot"]["samples"]
    b = rank_counts / samples
    se = np.sqrt(a * (1 - a) / doc["allot"]["samples"] + b * (1 - b) / samples)
    z = np.abs(a - b) / np.maximum(se, 1e-12)
    print(
        f"rank acceptabilities, allot vs numpy: largest difference {np.abs(a - b).max():.4f} "
        f"({z.max():.1f} standard errors; over {m.S * m.S} shares, about 4 or less is noise)"
    )
    for run in doc["allot"]["runs"]:
        t = run["threads"]
        core = evaluations / run["cpu"] / 1e6
        wall_rate = evaluations / run["wall"] / 1e6
        print(
            f"allot/numpy, {t} thread{'s' if t > 1 else ''}: {core / numpy_core:5.1f}x per core "
            f"({core:.2f} vs {numpy_core:.2f} M/s/core), {wall_rate / numpy_wall:5.1f}x wall "
            f"({wall_rate:.2f} vs {numpy_wall:.2f} M/s)"
        )
    load = os.getloadavg()
    print(f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    sys.exit(main())
