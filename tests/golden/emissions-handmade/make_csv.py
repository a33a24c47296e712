#!/usr/bin/env python3
"""Writes line1.csv of the hand-computed emissions case (see README.md for the expected values).

Plant zone +08:00. 2025-03-01 is written in local time without offset ('YYYY-MM-DD HH:MM'),
2025-03-02 in UTC ('...Z'), so the day boundary is crossed in UTC data.
"""
import datetime as dt

rows = ["time,state,o2,dust,nox,furnace_temp,nox_flag"]
day1 = dt.datetime(2025, 3, 1)
for m in range(1440):
    h, k = divmod(m, 60)
    state = "startup" if h >= 22 else "normal"
    o2 = "16" if h == 3 else "11"
    dust = "5"
    nox = "100"
    if h == 5 and k >= 44:
        nox = ""  # 16 missing: 44 counted, the hour is invalid
    flag = "M" if h == 6 and k < 15 else "N"  # 15 flagged: 45 counted, valid
    temp = "840" if 600 <= m < 630 else "900"  # 6 low 5-minute blocks
    t = day1 + dt.timedelta(minutes=m)
    rows.append(f"{t:%Y-%m-%d %H:%M},{state},{o2},{dust},{nox},{temp},{flag}")
day2_utc = dt.datetime(2025, 3, 1, 16, 0)  # local 2025-03-02 00:00
for m in range(1440):
    h, k = divmod(m, 60)
    state = "故障" if 720 <= m <= 960 else "正常"  # 12:00-16:00 local: 241 minutes
    dust = "25"
    if 720 <= m <= 960:
        dust = "100"
    if h == 20:
        dust = "35"  # hourly alarm (1-hour limit 30)
    nox = "" if h < 5 else "260"
    temp = "845" if m < 25 else "900"  # 5 low blocks: no violation
    t = day2_utc + dt.timedelta(minutes=m)
    rows.append(f"{t:%Y-%m-%dT%H:%M:%S}Z,{state},11,{dust},{nox},{temp},N")
with open("line1.csv", "w", encoding="utf-8", newline="\n") as f:
    f.write("\n".join(rows) + "\n")
