#!/usr/bin/env python3
"""Docs test for docs/diagnostics.md, so the page never rots:

  1. every code the engine or the CLI emits ("E310", "W601" in engine/ and cli/ sources) is
     described on the page (a '### E310' heading, a '**E351**' paragraph or a '| E440 |' row),
     and every code the page describes is still emitted;
  2. every example (a ```console block starting with '$ grate ARGS') is the exact output, or an
     exact excerpt of it, pinned by a test: 'check tests/invalid/X.yaml' by tests/invalid/X.expected,
     any other command by the tests/golden/<case>/ whose cmd has the same arguments
     (expected.stderr followed by expected.stdout).

  diagnostics_documented.py            (run from anywhere; reads the repository)
"""
import glob
import os
import re
import shlex
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PAGE = os.path.join(ROOT, "docs", "diagnostics.md")


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def emitted_codes():
    codes = {}
    for pattern in ("engine/**/*.cpp", "engine/**/*.hpp", "cli/*.cpp", "cli/*.hpp"):
        for path in glob.glob(os.path.join(ROOT, pattern), recursive=True):
            for code in re.findall(r'"([EW]\d{3})"', read(path)):
                codes.setdefault(code, os.path.relpath(path, ROOT))
    return codes


def documented_codes(page):
    return set(re.findall(r"^(?:### |\*\*|\| )([EW]\d{3})\b", page, re.MULTILINE))


def golden_outputs():
    outputs = {}
    for cmd in glob.glob(os.path.join(ROOT, "tests", "golden", "*", "cmd")):
        folder = os.path.dirname(cmd)
        args = tuple(shlex.split(read(cmd).strip()))
        try:
            outputs[args] = read(os.path.join(folder, "expected.stderr")) + read(
                os.path.join(folder, "expected.stdout"))
        except FileNotFoundError:
            pass
    return outputs


def pinned_output(args, golden):
    if len(args) == 2 and args[0] == "check" and args[1].startswith("tests/invalid/"):
        expected = os.path.join(ROOT, os.path.splitext(args[1])[0] + ".expected")
        return read(expected) if os.path.exists(expected) else None
    return golden.get(tuple(args))


def main():
    page = read(PAGE)
    problems = []
    emitted = emitted_codes()
    documented = documented_codes(page)
    for code in sorted(set(emitted) - documented):
        problems.append(f"{code} (emitted in {emitted[code]}) is not described in docs/diagnostics.md")
    for code in sorted(documented - set(emitted)):
        problems.append(f"docs/diagnostics.md describes {code}, which no source emits any more")

    golden = golden_outputs()
    examples = 0
    for match in re.finditer(r"^```console\n\$ grate ([^\n]*)\n(.*?)^```$", page, re.MULTILINE | re.DOTALL):
        examples += 1
        args, body = shlex.split(match.group(1)), match.group(2)
        line = page.count("\n", 0, match.start()) + 1
        output = pinned_output(args, golden)
        if output is None:
            problems.append(f"docs/diagnostics.md:{line}: 'grate {match.group(1)}' is pinned by no test")
        elif body not in output:
            problems.append(f"docs/diagnostics.md:{line}: the example of 'grate {match.group(1)}' "
                            f"differs from its pinned output:\n{output}")
    for problem in problems:
        print(problem)
    print(f"{len(emitted)} codes emitted, {len(documented)} documented, {examples} examples checked; "
          f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
