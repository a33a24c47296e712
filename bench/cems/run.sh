#!/usr/bin/env bash
# Times `grate emissions` (release build) against the same regime-cn judgement written as an
# analyst would in DuckDB (SQL over read_csv, npm @duckdb/node-api) and in pandas (Debian
# python3-pandas), on the same generated files, in one run; checks that the three give the same
# valid daily means (within 0.05 mg/m3) and prints wall times, ratios, peak RSS and throughput.
#
#   bench/cems/run.sh                 # 2 lines x 365 days of 1-minute data (~78 MB)
#   LINES=4 DAYS=90 RUNS=5 bench/cems/run.sh
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd ../.. && pwd)
lines=${LINES:-2}
days=${DAYS:-365}
runs=${RUNS:-3}
python=/usr/bin/python3   # Debian's python3 with python3-pandas
data=data/l${lines}-d${days}
mkdir -p out

if [ ! -f "$data/plant.yaml" ]; then
  echo "generating $lines lines x $days days into bench/cems/$data" >&2
  "$python" generate.py --lines "$lines" --days "$days" --out "$data"
fi
echo "building grate (release) in build/cems-release" >&2
cmake -S "$root" -B "$root/build/cems-release" -DCMAKE_BUILD_TYPE=Release -DGRATE_BUILD_TESTS=OFF >/dev/null
cmake --build "$root/build/cems-release" --target grate -j "$(nproc)" >/dev/null 2>&1
grate="$root/build/cems-release/grate"
if [ ! -d node_modules/@duckdb/node-api ]; then
  echo "installing @duckdb/node-api into bench/cems/node_modules" >&2
  npm install --no-save --no-audit --no-fund --silent @duckdb/node-api >/dev/null
fi
bytes=$(cat "$data"/line*.csv | wc -c)
load=$(cut -d' ' -f1-3 /proc/loadavg)

# measure NAME CMD...: runs CMD $runs times; prints the median wall time (s), the peak RSS (KB)
# and the median CPU time (user + sys, s; less sensitive to other load on the machine)
measure() {
  local name=$1
  shift
  local walls=() cpus=() rss=0
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M %U %S" -o out/time.txt "$@" >/dev/null 2>out/$name.stderr
    read -r wall kb user sys <out/time.txt
    walls+=("$wall")
    cpus+=("$(echo "$user + $sys" | bc)")
    [ "$kb" -gt "$rss" ] && rss=$kb
  done
  local middle=$(((runs + 1) / 2))
  echo "$(printf '%s\n' "${walls[@]}" | sort -g | sed -n "${middle}p") $rss" \
       "$(printf '%s\n' "${cpus[@]}" | sort -g | sed -n "${middle}p")"
}

read -r g_wall g_rss g_cpu < <(measure grate "$grate" emissions "$data/plant.yaml" --format csv -o out/grate.csv)
read -r g1_wall g1_rss g1_cpu < <(measure grate1 "$grate" emissions "$data/plant.yaml" --format csv -o out/grate1.csv --threads 1)
read -r d_wall d_rss d_cpu < <(measure duckdb node duckdb_judge.mjs "$data" out/duckdb.csv)
read -r p_wall p_rss p_cpu < <(measure pandas "$python" pandas_judge.py "$data" out/pandas.csv)

echo
echo "data: $lines lines x $days days of 1-minute rows, $bytes bytes; $(nproc) cores;" \
  "load average before: $load; median of $runs runs"
"$python" compare.py out/grate.csv out/duckdb.csv out/pandas.csv
"$python" - "$bytes" "$g_wall" "$g_rss" "$g_cpu" "$g1_wall" "$g1_rss" "$g1_cpu" \
  "$d_wall" "$d_rss" "$d_cpu" "$p_wall" "$p_rss" "$p_cpu" <<'PY'
import sys
v = sys.argv[1:]
mb = int(v[0]) / 1e6
rows = [("grate emissions (one thread per file)",) + tuple(v[1:4]),
        ("grate emissions --threads 1",) + tuple(v[4:7]),
        ("DuckDB (@duckdb/node-api, SQL over read_csv)",) + tuple(v[7:10]),
        ("pandas (read_csv + groupby)",) + tuple(v[10:13])]
g_wall, g_cpu = float(v[1]), float(v[3])
print("| tool | wall (s) | wall / grate | CPU (s) | CPU / grate | peak RSS (MB) |")
print("|---|---:|---:|---:|---:|---:|")
for name, wall, rss, cpu in rows:
    wall, cpu = float(wall), float(cpu)
    print(f"| {name} | {wall:.2f} | {wall / g_wall:.1f}x | {cpu:.2f} | {cpu / g_cpu:.1f}x | "
          f"{int(rss) / 1024:.1f} |")
g1_cpu = float(v[6])
d_wall, p_wall = float(v[7]), float(v[10])
print(f"grate parsing throughput, one thread: {mb / g1_cpu:.0f} MB/s of CPU time "
      f"({mb / float(v[4]):.0f} MB/s wall). Targets: DuckDB/grate {d_wall / g_wall:.1f}x (>= 3), "
      f"pandas/grate {p_wall / g_wall:.1f}x (>= 20), grate peak RSS {int(v[2]) / 1024:.1f} MB (< 64)")
PY
