#!/usr/bin/env python3
"""The same TOPSIS and entropy weights as grate, written the way a user would in numpy
(vectorised, float64), for bench/mcda/run.sh.

  mcda_numpy.py run FILE.csv REPEAT SCORES.txt   time the computation only (median of REPEAT),
                                                 print one JSON line, write entropy weights then
                                                 closeness (17 digits) to SCORES.txt
  mcda_numpy.py e2e FILE.csv                     read, TOPSIS, rank, print "rank,id,score" CSV
                                                 (timed from outside, process start included)

Criteria as in bench_mcda.cpp: weights 1..n normalised, the last quarter are costs.
CSV is read with pandas.read_csv (its C parser), the fastest reader a user would pick.
"""
import json
import sys
import time

import numpy as np
import pandas as pd


def criteria(n):
    w = np.arange(1, n + 1, dtype=np.float64)
    w /= w.sum()
    benefit = np.arange(n) < n - n // 4
    return w, benefit


def topsis(x, w, benefit):
    v = x * (w / np.sqrt((x * x).sum(axis=0)))
    vmax, vmin = v.max(axis=0), v.min(axis=0)
    ideal = np.where(benefit, vmax, vmin)
    anti = np.where(benefit, vmin, vmax)
    d_plus = np.sqrt(((v - ideal) ** 2).sum(axis=1))
    d_minus = np.sqrt(((v - anti) ** 2).sum(axis=1))
    return d_minus / (d_plus + d_minus)


def entropy(x):
    m = x.shape[0]
    p = x / x.sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        plogp = np.where(p > 0, p * np.log(p), 0.0)  # 0·ln 0 = 0
    e = -plogp.sum(axis=0) / np.log(m)
    d = 1 - e
    return d / d.sum()


def read(path):
    frame = pd.read_csv(path)
    return frame.iloc[:, 0].astype(str).to_numpy(), frame.iloc[:, 1:].to_numpy(dtype=np.float64)


def main():
    mode = sys.argv[1]
    if mode == "run":
        path, repeat, scores = sys.argv[2], int(sys.argv[3]), sys.argv[4]
        start, cpu = time.perf_counter(), time.process_time()
        _, x = read(path)
        read_s, read_cpu_s = time.perf_counter() - start, time.process_time() - cpu
        w, benefit = criteria(x.shape[1])
        t_times, e_times, t_cpu, e_cpu = [], [], [], []
        for _ in range(repeat):
            start, cpu = time.perf_counter(), time.process_time()
            c = topsis(x, w, benefit)
            t_times.append(time.perf_counter() - start)
            t_cpu.append(time.process_time() - cpu)
            start, cpu = time.perf_counter(), time.process_time()
            ew = entropy(x)
            e_times.append(time.perf_counter() - start)
            e_cpu.append(time.process_time() - cpu)
        with open(scores, "w") as f:
            f.write("".join(f"{v:.17g}\n" for v in ew))
            f.write("".join(f"{v:.17g}\n" for v in c))
        print(json.dumps({"rows": x.shape[0], "cols": x.shape[1], "read_s": read_s,
                          "read_cpu_s": read_cpu_s, "topsis_s": float(np.median(t_times)),
                          "topsis_min_s": min(t_times), "topsis_cpu_s": float(np.median(t_cpu)),
                          "entropy_s": float(np.median(e_times)),
                          "entropy_cpu_s": float(np.median(e_cpu)), "repeat": repeat,
                          "numpy": np.__version__, "pandas": pd.__version__}))
    elif mode == "e2e":
        ids, x = read(sys.argv[2])
        w, benefit = criteria(x.shape[1])
        c = topsis(x, w, benefit)
        order = np.argsort(-c, kind="stable")
        out = ["rank,id,score"]
        out += [f"{r + 1},{ids[i]},{c[i]:.6f}" for r, i in enumerate(order)]
        sys.stdout.write("\n".join(out) + "\n")
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
