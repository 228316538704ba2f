#!/usr/bin/env python3
"""Writes liangxi-shaped-model.json: a SYNTHETIC SimulationInput of the size and shape of the
Liangxi model (9 streets, 24 simulated indicators, 2025 and 2026 simulated, annual + three-year
goals), for benchmarks and the numpy/Swift consistency check before `fenjie simulate --write-model`
exists. Street targets for 2025/2026 are the published 2024 street table scaled to the published
district targets; every ratio, spread, correlation and the 2024 "actuals" are invented (示例数据).

usage: make_liangxi_shaped_model.py [REFERENCE_DIR] > liangxi-shaped-model.json
"""
import csv, json, math, sys

ref = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/reference"
streets = list(csv.reader(open(f"{ref}/liangxi-streets-2024.csv", encoding="utf-8")))
targets = {r["id"]: r for r in csv.DictReader(open(f"{ref}/liangxi-targets-2024-2026.csv", encoding="utf-8"))}
areas = streets[0][3:]
street_rows = {row[0]: row for row in streets[1:]}
groups = []
for r in targets.values():
    if r["action"] not in groups:
        groups.append(r["action"])

GROSS_OUTPUT = 410.0  # derived 规上工业总产值 (亿元), see reference/README.md: not a published figure
indicators = []
for k, (tid, t) in enumerate(targets.items()):
    if t["kind"] == "rate":
        continue
    sid = "hitech_output" if tid == "hitech_output_share" else tid
    base = street_rows[sid][3:]
    kind = t["kind"]
    d2024 = float(t["2024"])
    if kind == "share":
        district = {y: float(t[y]) / 100 * GROSS_OUTPUT for y in ("2024", "2025", "2026")}
    else:
        district = {y: float(t[y]) for y in ("2024", "2025", "2026")}
    cells = []
    for y in ("2025", "2026"):
        growth = district[y] / district["2024"]
        row = []
        for s, v in enumerate(base):
            if v == "/":
                row.append(None)
                continue
            x = float(v) * growth
            x = float(math.ceil(x)) if kind == "count" else round(x, 2)
            # invented, deterministic per (indicator, street): ratios 0.95..1.10, spread 0.15..0.40
            h = (k * 31 + s * 17) % 7
            row.append({"target": x, "known": 0.0, "remaining": 1.0,
                        "mean_ratio": round(0.95 + 0.025 * h, 3),
                        "sigma": round(0.15 + 0.04 * ((k + s) % 7), 3),
                        "correlation": 0.3})
        cells.append(row)
    final = kind in ("level", "share")
    goals = [
        {"type": "annual", "target": district["2026"], "known": 0.0, "aggregate": "final_year"},
        {"type": "three_year",
         "target": district["2026"] if final else float(t["three_year"]),
         # invented 2024 actual: the 2024 district target
         "known": 0.0 if final else district["2024"],
         "aggregate": "final_year" if final else "sum"},
    ]
    indicators.append({"id": tid, "name": t["name"], "kind": kind, "group": groups.index(t["action"]),
                       "cells": cells, "goals": goals})

model = {
    "note": "SYNTHETIC benchmark model (示例数据): Liangxi-shaped (9 streets, 24 indicators, 2025-2026 simulated). "
            "Street targets are the published 2024 分解表 scaled to the published district targets; mean ratios, "
            "sigmas, correlations and the 2024 actuals are invented. Not a forecast. Made by make_liangxi_shaped_model.py.",
    "areas": areas, "years": [2025, 2026], "groups": groups, "factor": "district",
    "indicators": indicators,
}
json.dump(model, sys.stdout, ensure_ascii=False, indent=1)
print()
