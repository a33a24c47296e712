#!/usr/bin/env python3
"""Driver of bench/mcda/run.sh: generates the seeded matrices, runs grate_bench_mcda and
mcda_numpy.py on each (computation timed inside each process: process start and CSV reading
excluded), compares their results (relative 1e-9), then times both end to end (process start,
CSV reading, TOPSIS, ranking and CSV output included) and prints the ratios."""
import argparse
import json
import os
import resource
import statistics
import subprocess
import time

SEED = 20261204
COLS = 20
REPEAT = {1_000: 200, 100_000: 20, 1_000_000: 7}


def run_json(cmd, env=None):
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def read_floats(path):
    with open(path) as f:
        return [float(line) for line in f]


def max_relative_difference(a, b):
    assert len(a) == len(b), (len(a), len(b))
    worst = 0.0
    for x, y in zip(a, b):
        scale = max(abs(x), abs(y))
        if scale > 0:
            worst = max(worst, abs(x - y) / scale)
    return worst


def wall(cmd, env=None, times=3):
    """Median wall time and median processor time (user + system) of whole runs of `cmd`."""
    walls, cpus = [], []
    for _ in range(times):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, env=env, check=True)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", required=True)
    parser.add_argument("--python", required=True)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    bench = os.path.join(args.build, "bench", "mcda", "grate_bench_mcda")
    if not os.path.exists(bench):
        bench = os.path.join(args.build, "grate_bench_mcda")
    grate = os.path.join(args.build, "grate")
    numpy_script = os.path.join("bench", "mcda", "mcda_numpy.py")
    data = os.path.join("bench", "data", "mcda")
    os.makedirs(data, exist_ok=True)
    # numpy runs without the OpenBLAS overrides of this machine (they slow a current numpy);
    # nothing else changes.
    numpy_env = {k: v for k, v in os.environ.items()
                 if k not in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")}
    sizes = [1_000, 100_000] if args.quick else [1_000, 100_000, 1_000_000]
    weights = ",".join(str(j + 1) for j in range(COLS))
    types = ",".join("-" if j >= COLS - COLS // 4 else "+" for j in range(COLS))

    rows = []
    for m in sizes:
        csv = os.path.join(data, f"mcda-{m}x{COLS}.csv")
        if not os.path.exists(csv):
            subprocess.run([bench, "generate", str(m), str(COLS), str(SEED), csv], check=True)
        ours_scores = os.path.join(data, f"grate-{m}.txt")
        theirs_scores = os.path.join(data, f"numpy-{m}.txt")
        ours = run_json([bench, "run", csv, str(REPEAT[m]), ours_scores])
        theirs = run_json([args.python, numpy_script, "run", csv, str(REPEAT[m]), theirs_scores],
                          env=numpy_env)
        diff = max_relative_difference(read_floats(ours_scores), read_floats(theirs_scores))
        e2e_ours = wall([grate, "rank", "--method", "topsis", csv, "--weights", weights,
                         "--normalize", "--types", types, "--format", "csv"],
                        times=3 if m < 1_000_000 else 2)
        e2e_theirs = wall([args.python, numpy_script, "e2e", csv], env=numpy_env,
                          times=3 if m < 1_000_000 else 2)
        rows.append((m, ours, theirs, diff, e2e_ours, e2e_theirs))

    ahp = run_json([bench, "ahp", "200"])
    load = os.getloadavg()
    print(f"numpy {rows[0][2]['numpy']}, pandas {rows[0][2]['pandas']}; load average "
          f"{load[0]:.1f} {load[1]:.1f} {load[2]:.1f} on {os.cpu_count()} CPUs")
    print("computation: timed inside each process (CSV reading and start excluded), median of "
          "runs, wall / processor time;\nend-to-end: whole process (start, CSV reading, TOPSIS, "
          "ranks, CSV output), median wall / processor time")
    print(f"{'rows × 20':>10} | {'TOPSIS grate':>19} {'numpy':>19} {'ratio':>11} | "
          f"{'entropy grate':>19} {'numpy':>19} {'ratio':>11} | {'read grate':>10} {'pandas':>8} | "
          f"{'end-to-end grate':>17} {'numpy':>15} {'ratio':>11} | max rel diff")
    for m, ours, theirs, diff, (e2e_ours, e2e_ours_cpu), (e2e_theirs, e2e_theirs_cpu) in rows:
        def ms(d, key):
            return f"{d[key + '_s'] * 1e3:8.2f}/{d[key + '_cpu_s'] * 1e3:8.2f}ms"

        print(f"{m:>10,} | {ms(ours, 'topsis')} {ms(theirs, 'topsis')} "
              f"{theirs['topsis_s'] / ours['topsis_s']:4.1f}×/{theirs['topsis_cpu_s'] / max(ours['topsis_cpu_s'], 1e-9):4.1f}× | "
              f"{ms(ours, 'entropy')} {ms(theirs, 'entropy')} "
              f"{theirs['entropy_s'] / ours['entropy_s']:4.1f}×/{theirs['entropy_cpu_s'] / max(ours['entropy_cpu_s'], 1e-9):4.1f}× | "
              f"{ours['read_s']:9.3f}s {theirs['read_s']:7.3f}s | "
              f"{e2e_ours:7.3f}/{e2e_ours_cpu:7.3f}s {e2e_theirs:6.3f}/{e2e_theirs_cpu:6.3f}s "
              f"{e2e_theirs / e2e_ours:4.1f}×/{e2e_theirs_cpu / e2e_ours_cpu:4.1f}× | "
              f"{diff:.1e} {'equal' if diff <= 1e-9 else 'DIFFERENT'}")
    print(f"AHP 9×9 weights + λmax + CR: median {ahp['ahp_us']:.2f} µs per call (min "
          f"{ahp['ahp_min_us']:.2f} µs, {ahp['iterations']} power iterations, CR {ahp['cr']:.4f}); "
          f"with the revision hint (36 trial matrices): {ahp['ahp_with_revision_us']:.1f} µs")
    if any(row[3] > 1e-9 for row in rows):
        raise SystemExit("results differ beyond 1e-9 relative")


if __name__ == "__main__":
    main()
