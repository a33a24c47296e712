#!/usr/bin/env python3
"""Compares the valid daily means of grate (csv report), DuckDB and pandas: the same (line, day,
pollutant) keys, means equal within 0.05 mg/m3, the same exceedances.

usage: compare.py GRATE.csv DUCKDB.csv PANDAS.csv   (exit 1 on any difference)
"""
import csv
import sys


def load_grate(path):
    out = {}
    with open(path) as f:
        for r in csv.DictReader(f):
            if r["valid"] == "1" and r["pollutant"] in ("dust", "so2", "nox", "hcl", "co"):
                out[(r["line"], r["date"], r["pollutant"])] = (float(r["mean"]), r["exceeds"] == "1")
    return out


def load_other(path):
    out = {}
    with open(path) as f:
        for r in csv.DictReader(f):
            out[(r["line"], r["date"], r["pollutant"])] = (float(r["mean"]), r["exceeds"] == "1")
    return out


def main():
    grate = load_grate(sys.argv[1])
    failures = 0
    for name, path in (("duckdb", sys.argv[2]), ("pandas", sys.argv[3])):
        other = load_other(path)
        if set(other) != set(grate):
            print(f"{name}: {len(set(grate) ^ set(other))} (line, day, pollutant) keys differ "
                  f"from grate ({len(grate)} vs {len(other)})")
            failures += 1
            continue
        worst = max(abs(grate[k][0] - other[k][0]) for k in grate) if grate else 0.0
        exceed = sum(grate[k][1] != other[k][1] for k in grate)
        ok = worst <= 0.05 and exceed == 0
        failures += 0 if ok else 1
        print(f"{name}: {len(grate)} valid daily means, max |difference| {worst:.6f} mg/m3, "
              f"exceedance mismatches {exceed}: {'equal' if ok else 'DIFFERENT'}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
