#!/usr/bin/env python3
"""The regime-cn judgement written the way an analyst would in pandas: normal records with flag
N, O2-corrected with the 19.5 % cap, valid hours (>= 45 records), valid days (>= 20 valid hours),
daily means, exceedances, 5-minute furnace blocks below 850 C.

usage: pandas_judge.py DATA_DIR OUT.csv   (reads DATA_DIR/line*.csv; timestamps local)
"""
import glob
import os
import re
import sys

import pandas as pd

LIMITS = {"dust": 20.0, "so2": 80.0, "nox": 250.0, "hcl": 50.0, "co": 80.0}


def judge(path, line):
    df = pd.read_csv(path, dtype={"time": str, "state": str, "dust_flag": str, "nox_flag": str})
    df = df[df["state"] == "normal"]
    df["day"] = df["time"].str[:10]
    df["hour"] = df["time"].str[:13]
    ok = df["o2"].notna() & (df["o2"] < 19.5)
    factor = 10.0 / (21.0 - df["o2"])
    out = []
    for p, lim in LIMITS.items():
        v = (df[p] * factor).where(ok)
        flag = p + "_flag"
        if flag in df:
            v = v.where(df[flag].fillna("N") == "N")
        g = v.groupby(df["hour"]).agg(["mean", "count"])
        hourly = g.loc[g["count"] >= 45, "mean"]
        d = hourly.groupby(hourly.index.str[:10]).agg(["mean", "count"])
        d = d[d["count"] >= 20]
        for day, mean in d["mean"].items():
            out.append((line, day, p, mean, int(mean > lim)))
    t = df[df["furnace_temp"].notna()]
    block = t["hour"] + ":" + (t["time"].str[14:16].astype(int) // 5).astype(str)
    blocks = t["furnace_temp"].groupby([t["day"], block]).mean()
    low = (blocks < 850).groupby(level=0).sum()
    return [(l, day, p, m, e, int(low.get(day, 0))) for (l, day, p, m, e) in out]


def main():
    data, target = sys.argv[1], sys.argv[2]
    rows = []
    for path in sorted(glob.glob(os.path.join(data, "line*.csv"))):
        line = re.search(r"line(\d+)\.csv$", path).group(1)
        rows.extend(judge(path, line))
    rows.sort(key=lambda r: (r[0], r[1], r[2]))
    with open(target, "w") as f:
        f.write("line,date,pollutant,mean,exceeds,low_blocks\n")
        for r in rows:
            f.write(f"{r[0]},{r[1]},{r[2]},{r[3]:.4f},{r[4]},{r[5]}\n")


if __name__ == "__main__":
    main()
