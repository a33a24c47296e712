#!/usr/bin/env python3
"""Writes the CEMS files of the sample plants (samples/<plant>/cems/*.csv), seeded.

One line, January 2025 (a representative month, so the files stay small for git: ~2.7 MB each),
1-minute rows, local time of the plant (+08:00) without offset. Values are generated as
O2-corrected targets and written at the measured O2, so the judged means land near the annual
means the sheets state as facts.

- exemplary: clean normal operation; NOx ~98, dust ~2.3, SO2 ~11, HCl ~4.1, CO ~9.6 mg/m3; a few
  empty cells; furnace ~960 C.
- troubled: NOx ~212, dust ~9.5, SO2 ~46, HCl ~22, CO ~31; an exceedance day of NOx (Jan 14) and
  of dust (Jan 22); furnace dips below 850 C on Jan 9 and Jan 27 (8 low blocks each: violation
  days) and Jan 18 (3 blocks: none); a shutdown, stop and start-up on Jan 5 (an invalid day),
  a 2 h fault on Jan 20; daily calibration 04:00-04:10 flagged C.

usage: make_samples.py SAMPLES_DIR
"""
import datetime as dt
import os
import random
import sys

HEADER = "time,state,o2,dust,so2,nox,hcl,co,furnace_temp,nox_flag\n"


def write(path, rows):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(HEADER)
        f.write("".join(rows))


def generate(seed, targets, events, furnace, flags):
    rng = random.Random(seed)
    start = dt.datetime(2025, 1, 1)
    rows = []
    for i in range(31 * 1440):
        t = start + dt.timedelta(minutes=i)
        day, minute = t.day, t.hour * 60 + t.minute
        state, extra = events(day, minute)
        o2 = 8.0 + 2.0 * rng.random()
        if state == "stopped":
            o2 = 20.8
        factor = (21 - o2) / 10  # corrected → measured
        values = []
        for name, (mean, spread) in targets.items():
            corrected = mean * extra.get(name, 1.0) * (1 + spread * (rng.random() - 0.5))
            value = corrected * factor
            values.append("" if rng.random() < 0.0005 else f"{value:.1f}")
        temp = furnace(day, minute, rng)
        if state != "normal":
            temp = 500 + 300 * rng.random()
        flag = flags(day, minute)
        rows.append(f"{t:%Y-%m-%d %H:%M},{state},{o2:.1f},{','.join(values)},{temp:.0f},{flag}\n")
    return rows


def main():
    samples = sys.argv[1]
    targets_clean = {"dust": (2.3, 0.4), "so2": (11.2, 0.5), "nox": (98.4, 0.2),
                     "hcl": (4.1, 0.5), "co": (9.6, 0.6)}
    write(os.path.join(samples, "exemplary", "cems", "line1-2025-01.csv"),
          generate(11, targets_clean, lambda d, m: ("normal", {}),
                   lambda d, m, rng: 940 + 40 * rng.random(), lambda d, m: "N"))

    def troubled_events(day, minute):
        if day == 5:
            if 120 <= minute < 210:
                return "shutdown", {}
            if 210 <= minute < 600:
                return "stopped", {}
            if 600 <= minute < 780:
                return "startup", {}
        if day == 20 and 480 <= minute < 600:
            return "fault", {}
        if day == 14:
            return "normal", {"nox": 1.3}  # ~276 mg/m3: above the 24-hour limit 250
        if day == 22:
            return "normal", {"dust": 2.5}  # ~24 mg/m3: above 20
        return "normal", {}

    def troubled_furnace(day, minute, rng):
        if day in (9, 27) and 600 <= minute < 640:
            return 825 + 10 * rng.random()  # 8 low 5-minute blocks
        if day == 18 and 900 <= minute < 915:
            return 830 + 10 * rng.random()  # 3 low blocks
        return 880 + 50 * rng.random()

    targets_troubled = {"dust": (9.5, 0.6), "so2": (46.0, 0.5), "nox": (212.0, 0.25),
                        "hcl": (22.0, 0.5), "co": (31.0, 0.8)}
    write(os.path.join(samples, "troubled", "cems", "line1-2025-01.csv"),
          generate(12, targets_troubled, troubled_events, troubled_furnace,
                   lambda d, m: "C" if 240 <= m < 250 else "N"))


if __name__ == "__main__":
    main()
