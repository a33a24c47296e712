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
  diagnostics_documented.py --update   rewrite the examples from the pinned outputs (after
                                       GRATE_UPDATE_GOLDEN=1); review the diff like code

An example is an excerpt when it starts with a text diagnostic and has no 'N errors' summary
line; --update then keeps the diagnostics of the codes it showed. Other examples are the whole
output.
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


HEADER = re.compile(r"^(?:\S.*: |grate: )?(?:error|warning)\[([EW]\d{3})\]")
SUMMARY = re.compile(r"^\d+ (?:error|warning)", re.MULTILINE)


def refreshed(body, output):
    """The example `body` rewritten from the pinned `output`: whole, or the same codes' blocks."""
    first = body.split("\n", 1)[0]
    if not HEADER.match(first) or SUMMARY.search(body):
        return output
    codes = {m.group(1) for m in (HEADER.match(line) for line in body.splitlines()) if m}
    kept, inside = [], False
    for line in output.splitlines(True):
        header = HEADER.match(line)
        if header:
            inside = header.group(1) in codes
        elif not line.startswith(" "):  # the source line, caret, notes and hints are indented
            inside = False
        if inside:
            kept.append(line)
    return "".join(kept)


def update(page, golden):
    def replace(match):
        output = pinned_output(shlex.split(match.group(1)), golden)
        if output is None:
            return match.group(0)
        body = refreshed(match.group(2), output)
        return f"```console\n$ grate {match.group(1)}\n{body.rstrip(chr(10))}\n```"
    return EXAMPLE.sub(replace, page)


EXAMPLE = re.compile(r"^```console\n\$ grate ([^\n]*)\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def main():
    page = read(PAGE)
    if "--update" in sys.argv[1:]:
        with open(PAGE, "w", encoding="utf-8", newline="") as f:
            f.write(update(page, golden_outputs()))
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
    for match in EXAMPLE.finditer(page):
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
