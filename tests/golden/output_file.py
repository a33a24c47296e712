#!/usr/bin/env python3
"""-o FILE writes exactly the report that stdout would get, and nothing to stdout; it replaces an
existing file, and leaves no temporary file beside it. Runs each command twice from the
repository root, once with -o into a temporary folder.

  output_file.py GRATE
"""
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GATES = ["--system", "tests/golden/evaluate-gates/system.yaml", "--no-rating"]
COMMANDS = [
    ["evaluate", "tests/golden/evaluate-gates/plant.yaml", *GATES],
    ["evaluate", "tests/golden/evaluate-gates/plant.yaml", *GATES, "--format", "json"],
    ["evaluate", "tests/golden/evaluate-gates/plant.yaml", *GATES, "--format", "csv", "--lang", "zh"],
    ["check", "samples/average/plant.yaml", "tests/golden/evaluate-gates/system.yaml", "--format", "json"],
    ["systems", "--format", "json"],
    ["show", "tests/golden/evaluate-gates/system.yaml"],
]


def run(grate, args):
    env = dict(os.environ, LC_ALL="C.UTF-8")
    return subprocess.run([grate] + args, cwd=ROOT, capture_output=True, env=env, timeout=600)


def main():
    grate = sys.argv[1]
    failures = 0
    with tempfile.TemporaryDirectory() as folder:
        for args in COMMANDS:
            target = os.path.join(folder, "report.out")
            with open(target, "w", encoding="utf-8") as f:
                f.write("an older, longer report that must be replaced entirely\n" * 100)
            direct = run(grate, args)
            written = run(grate, args + ["-o", target])
            with open(target, "rb") as f:
                content = f.read()
            problems = []
            if direct.returncode != 0 or written.returncode != 0:
                problems.append(f"exit {direct.returncode} without -o, {written.returncode} with -o")
            if written.stdout:
                problems.append(f"stdout is not empty with -o ({len(written.stdout)} bytes)")
            if content != direct.stdout:
                problems.append(f"the file ({len(content)} bytes) differs from stdout ({len(direct.stdout)} bytes)")
            if written.stderr != direct.stderr:
                problems.append("stderr differs with -o")
            leftovers = sorted(set(os.listdir(folder)) - {"report.out"})
            if leftovers:
                problems.append(f"files left beside the report: {leftovers}")
            for problem in problems:
                print(f"grate {' '.join(args)}: {problem}")
            failures += bool(problems)
    print(f"{len(COMMANDS) - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
