#!/usr/bin/env python3
"""Golden tests: run grate and compare stdout, stderr and the exit code with checked-in files.

  run_golden.py GRATE case DIR        tests/golden/<case>/: `cmd` (arguments after `grate`, run
                                      from the repository root), expected.stdout, expected.stderr,
                                      expected.exit
  run_golden.py GRATE invalid FILE    tests/invalid/<failure>.yaml: `grate check FILE` must exit 1
                                      and print exactly FILE with .expected (stdout + stderr)
  run_golden.py GRATE sample DIR      samples/<plant>/: report.md and report.json must equal what
                                      `grate evaluate DIR/plant.yaml` renders now

GRATE_UPDATE_GOLDEN=1 rewrites the expectations instead of comparing (review the diff like code).
"""
import difflib
import os
import shlex
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
UPDATE = os.environ.get("GRATE_UPDATE_GOLDEN") == "1"


def run(grate, args):
    env = dict(os.environ, LC_ALL="C.UTF-8")
    done = subprocess.run([grate] + args, cwd=ROOT, capture_output=True, env=env, timeout=600)
    return done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace"), done.returncode


def compare(path, actual):
    if UPDATE:
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(actual)
        return True
    try:
        with open(path, encoding="utf-8", newline="") as f:
            expected = f.read()
    except FileNotFoundError:
        print(f"missing expectation {os.path.relpath(path, ROOT)} (run with GRATE_UPDATE_GOLDEN=1)")
        return False
    if expected == actual:
        return True
    rel = os.path.relpath(path, ROOT)
    diff = difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), rel, "actual")
    sys.stdout.writelines(list(diff)[:200])
    return False


def golden_case(grate, folder):
    with open(os.path.join(folder, "cmd"), encoding="utf-8") as f:
        args = shlex.split(f.read().strip())
    out, err, code = run(grate, args)
    ok = compare(os.path.join(folder, "expected.stdout"), out)
    ok = compare(os.path.join(folder, "expected.stderr"), err) and ok
    return compare(os.path.join(folder, "expected.exit"), f"{code}\n") and ok


def invalid_file(grate, path):
    rel = os.path.relpath(path, ROOT)
    out, err, code = run(grate, ["check", rel])
    ok = code == 1 or UPDATE
    if code != 1:
        print(f"expected exit 1 from 'grate check {rel}', got {code}")
    return compare(os.path.splitext(path)[0] + ".expected", err + out) and ok


def sample(grate, folder):
    rel = os.path.relpath(os.path.join(folder, "plant.yaml"), ROOT)
    ok = True
    for fmt, name in (("md", "report.md"), ("json", "report.json"), ("html", "report.html")):
        out, err, code = run(grate, ["evaluate", rel, "--format", fmt])
        if code != 0:
            print(f"'grate evaluate {rel}' exited {code}:\n{err}")
            return False
        ok = compare(os.path.join(folder, name), out) and ok
    out, err, code = run(grate, ["evaluate", rel, "--format", "md", "--lang", "zh"])
    return compare(os.path.join(folder, "report.zh.md"), out) and ok and code == 0


def main():
    grate, kind, target = sys.argv[1], sys.argv[2], os.path.abspath(sys.argv[3])
    ok = {"case": golden_case, "invalid": invalid_file, "sample": sample}[kind](grate, target)
    print("1 passed, 0 failed" if ok else "0 passed, 1 failed")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
