#!/usr/bin/env bash
# Times `grate evaluate` on each sample, wall clock including process start (the DESIGN §6 budget
# is 50 ms), with the release build. Prints a Markdown table for docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)" --target grate >/dev/null 2>&1 || { echo "build failed" >&2; exit 1; }
grate=build/release/grate
runs=${RUNS:-50}
echo "| sample | median ms | min ms | max ms | runs |"
echo "|---|---:|---:|---:|---:|"
for sample in samples/*/plant.yaml; do
  python3 - "$grate" "$sample" "$runs" <<'PY'
import statistics, subprocess, sys, time
grate, sample, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
subprocess.run([grate, "evaluate", sample], check=True, capture_output=True)  # warm the page cache
times = []
for _ in range(runs):
    start = time.perf_counter()
    subprocess.run([grate, "evaluate", sample], check=True, capture_output=True)
    times.append((time.perf_counter() - start) * 1000)
print(f"| {sample} | {statistics.median(times):.1f} | {min(times):.1f} | {max(times):.1f} | {runs} |")
PY
done
