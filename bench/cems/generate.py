#!/usr/bin/env python3
"""Generates N lines x D days of 1-minute CEMS data (grate-cems/1) and a plant sheet naming them.

Seeded, so every run writes the same bytes. Values are plausible for a moving-grate line: O2 7-11 %,
NOx about 150 mg/m3 with a daily swing, occasional missing cells and HJ 212 flags, a few start-ups
and shutdowns (within the 60 h budget, so every implementation judges the same records), and
furnace temperatures around 950 C with rare dips below 850 C.

usage: generate.py --lines 2 --days 365 --out DIR [--seed 7] [--start 2025-01-01]
"""
import argparse
import datetime as dt
import os
import random


def line_rows(rng, start, days, line):
    t0 = dt.datetime.combine(start, dt.time())
    minutes = days * 1440
    # a few start-up/shutdown pairs: shutdown 90 min, stopped 6 h, start-up 120 min (3.5 h each)
    events = {}
    for k in range(max(1, days // 60)):
        at = rng.randrange(1440, max(1441, minutes - 1440))
        for m in range(90):
            events[at + m] = "shutdown"
        for m in range(90, 450):
            events[at + m] = "stopped"
        for m in range(450, 570):
            events[at + m] = "startup"
    nox_base = 150 + 10 * line
    for i in range(minutes):
        t = t0 + dt.timedelta(minutes=i)
        state = events.get(i, "normal")
        hour = (i // 60) % 24
        o2 = 8.5 + 1.2 * rng.random() + (0.4 if 2 <= hour <= 5 else 0.0)
        if state == "stopped":
            o2 = 20.6
        swing = 20.0 if 8 <= hour <= 18 else -10.0
        dust = 2.0 + 2.0 * rng.random()
        so2 = 25.0 + 15.0 * rng.random()
        nox = nox_base + swing + 30.0 * rng.random()
        hcl = 5.0 + 6.0 * rng.random()
        co = 6.0 + 10.0 * rng.random()
        temp = 950.0 + 40.0 * rng.random() if rng.random() > 0.002 else 820.0
        if state != "normal":
            temp = 600.0 + 200.0 * rng.random()
        nox_cell = f"{nox:.1f}" if rng.random() > 0.003 else ""
        dust_flag = "N" if rng.random() > 0.002 else "C"
        yield (f"{t:%Y-%m-%dT%H:%M:%S}+08:00,{state},{o2:.2f},{dust:.2f},{so2:.1f},{nox_cell},"
               f"{hcl:.2f},{co:.1f},{temp:.1f},{dust_flag},N\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=2)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--start", default="2025-01-01")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    start = dt.date.fromisoformat(args.start)
    end = start + dt.timedelta(days=args.days - 1)
    os.makedirs(args.out, exist_ok=True)
    rng = random.Random(args.seed)
    entries = []
    for line in range(1, args.lines + 1):
        name = f"line{line}.csv"
        with open(os.path.join(args.out, name), "w", encoding="utf-8", newline="") as f:
            f.write("time,state,o2,dust,so2,nox,hcl,co,furnace_temp,dust_flag,nox_flag\n")
            buffer = []
            for row in line_rows(rng, start, args.days, line):
                buffer.append(row)
                if len(buffer) >= 10000:
                    f.write("".join(buffer))
                    buffer.clear()
            f.write("".join(buffer))
        entries.append(f'  - {{file: {name}, line: "{line}"}}\n')
    lines = "".join(f'    - {{id: "{i}", capacity_tpd: 600, technology: moving_grate}}\n'
                    for i in range(1, args.lines + 1))
    with open(os.path.join(args.out, "plant.yaml"), "w", encoding="utf-8") as f:
        f.write("schema: plant-data/1\n"
                "plant:\n  id: bench\n  name: {zh: 基准测试厂, en: Benchmark plant}\n"
                f"  capacity_tpd: {600 * args.lines}\n  timezone: \"+08:00\"\n  lines:\n{lines}"
                f"period: {{from: {start}, to: {end}}}\n"
                f"cems:\n{''.join(entries)}")


if __name__ == "__main__":
    main()
