#!/usr/bin/env python3
"""Meta test: every option that `grate COMMAND --help` prints, and every report format it lists,
appears in at least one golden case of that command (tests/golden/*/cmd), so no option goes
untested.

  options_covered.py GRATE [COMMAND...]     default commands: evaluate check systems show

A case counts for COMMAND when the first word of its `cmd` is COMMAND. An option is covered by
its long form (--format, --format=json) or its short form (-f). Positional arguments that
Boost.Program_options prints as options (--plant, --files, --id) are listed in POSITIONAL.
"""
import os
import re
import shlex
import subprocess
import sys

GOLDEN = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(GOLDEN))

# Printed by --help as options, but given by position on the command line.
POSITIONAL = {"evaluate": {"plant"}, "check": {"files"}, "show": {"id"}}

# "  -f [ --format ] arg (=md) report format: md|json"  or  "  --as-of arg   evaluation date"
OPTION = re.compile(r"^  (?:-(?P<short>\w) \[ )?--(?P<long>[\w-]+)")
FORMATS = re.compile(r"report format: (?P<list>[\w|]+)")


def help_options(grate, command):
    done = subprocess.run([grate, command, "--help"], cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"'grate {command} --help' exited {done.returncode}:\n{done.stderr}")
    options, formats = [], []
    for line in done.stdout.splitlines():
        match = OPTION.match(line)
        if match:
            options.append((match.group("long"), match.group("short")))
        found = FORMATS.search(line)
        if found:
            formats = found.group("list").split("|")
    return options, formats


def golden_commands():
    for name in sorted(os.listdir(GOLDEN)):
        path = os.path.join(GOLDEN, name, "cmd")
        if os.path.isfile(path):
            with open(path, encoding="utf-8") as f:
                yield name, shlex.split(f.read().strip())


def covered(args, long, short):
    for arg in args:
        if arg == f"--{long}" or arg.startswith(f"--{long}="):
            return True
        if short and (arg == f"-{short}" or (arg.startswith(f"-{short}") and not arg.startswith("--"))):
            return True
    return False


def format_of(args):
    for i, arg in enumerate(args):
        if arg in ("--format", "-f") and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--format="):
            return arg.split("=", 1)[1]
    return None


def main():
    grate = sys.argv[1]
    commands = sys.argv[2:] or ["evaluate", "check", "systems", "show"]
    cases = list(golden_commands())
    missing = []
    for command in commands:
        options, formats = help_options(grate, command)
        if not options:
            missing.append(f"'grate {command} --help' printed no options (has its layout changed?)")
        mine = [(name, args[1:]) for name, args in cases if args and args[0] == command]
        positional = POSITIONAL.get(command, set())
        printed = {long for long, _ in options}
        for stale in sorted(positional - printed):
            missing.append(f"POSITIONAL names '--{stale}' for '{command}', which --help no longer prints")
        for long, short in options:
            if long in positional:
                continue
            if not any(covered(args, long, short) for _, args in mine):
                missing.append(f"'grate {command} --{long}' appears in no tests/golden/*/cmd")
        used = {format_of(args) for _, args in mine}
        # The first format is the default; a case without --format covers it.
        if formats and any(format_of(args) is None for _, args in mine):
            used.add(formats[0])
        for fmt in formats:
            if fmt not in used:
                missing.append(f"'grate {command} --format {fmt}' appears in no tests/golden/*/cmd")
    for line in missing:
        print(line)
    print(f"{len(commands)} commands checked against {len(cases)} golden cases; "
          f"{len(missing)} uncovered")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
