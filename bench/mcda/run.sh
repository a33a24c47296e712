#!/usr/bin/env bash
# TOPSIS and entropy weights, grate against numpy in the same run, results compared; AHP 9×9.
# Figures and how to read them: docs/performance.md, "Weights and rankings (MCDA)".
#   bench/mcda/run.sh            1,000 / 100,000 / 1,000,000 × 20
#   bench/mcda/run.sh --quick    1,000 / 100,000 × 20
# Builds grate and grate_bench_mcda in Release into build/bench-mcda (GRATE_BENCH_BUILD to
# change); data go to bench/data/mcda (ignored by git, reused between runs).
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD=${GRATE_BENCH_BUILD:-build/bench-mcda}
mkdir -p "$BUILD"
if ! { cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DGRATE_BUILD_TESTS=OFF &&
       cmake --build "$BUILD" -j2 --target grate grate_bench_mcda; } >"$BUILD/bench-build.log" 2>&1; then
  cat "$BUILD/bench-build.log" >&2
  exit 1
fi
# numpy and pandas: the interpreter on PATH if it has them, else the system one (Debian's
# python3-numpy).
PY=python3
if ! "$PY" -c "import numpy, pandas" 2>/dev/null; then PY=/usr/bin/python3; fi
exec "$PY" bench/mcda/run.py --build "$BUILD" --python "$PY" "$@"
