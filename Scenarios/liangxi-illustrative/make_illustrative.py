#!/usr/bin/env python3
"""Makes the 示例数据 (illustrative figures) of this folder. No document publishes street actuals;
these are invented so that every feature (fitted ratios, known years, progress to date) can be run.

    python3 Scenarios/liangxi-illustrative/make_illustrative.py

Needs fenjie's own 2025 and 2026 drafts (it runs `.build/debug/fenjie` or `.build/release/fenjie`).
Actual = target × a ratio drawn around 0.97 (lognormal, sigma 0.18, a street effect of sigma 0.08 and
a district-wide year effect), whole numbers for counts; progress to date for 2026 covers January to
October (10/12 of the year) at the same kind of pace. Seeded: the files are the same every time.
"""
import csv, json, math, os, random, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))
binary = next(p for p in (os.path.join(root, ".build/release/fenjie"), os.path.join(root, ".build/debug/fenjie")) if os.path.exists(p))
rng = random.Random(20261121)

def draft(scenario):
    out = subprocess.run([binary, scenario, "--format", "json"], cwd=root, capture_output=True, text=True)
    return json.loads(out.stdout)

def published_2024():
    rows = list(csv.reader(open(os.path.join(root, "Scenarios/liangxi/streets-2024.csv"), encoding="utf-8")))
    areas = rows[0][3:]
    return areas, {r[0]: (r[1], r[2], dict(zip(areas, r[3:]))) for r in rows[1:]}

areas, table2024 = published_2024()
street_effect = {a: rng.gauss(0, 0.08) for a in areas}
kinds, parents = {}, {}
for row in csv.DictReader(open(os.path.join(root, "Scenarios/liangxi/targets.csv"), encoding="utf-8")):
    kinds[row["id"]] = row["kind"]
    if row["parent"]:
        parents[row["id"]] = row["parent"]
kinds["hitech_output"] = "share"

def actual(target, kind, year_effect, area, fraction=1.0):
    if kind == "rate":
        return round(target * math.exp(rng.gauss(-0.02, 0.1)), 1)
    ratio = math.exp(math.log(0.97) - 0.18 ** 2 / 2 + year_effect + street_effect[area] + rng.gauss(0, 0.18))
    value = target * fraction * ratio
    return str(int(round(value))) if kind == "count" else f"{value:.2f}"

def write(name, header, rows, year_effect, fraction=1.0):
    with open(os.path.join(here, name), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "name", "unit"] + areas)
        made = {}
        for ident, name_, unit, cells in rows:
            out = []
            for a in areas:
                t = cells.get(a)
                if t is None or t == "/":
                    out.append("/")
                else:
                    value = actual(float(t), kinds.get(ident, "count"), year_effect, a, fraction)
                    parent = made.get(parents.get(ident), {}).get(a)
                    if parent not in (None, "/") and float(value) > float(parent):
                        value = parent  # a "其中" line never exceeds its parent
                    out.append(value)
            made[ident] = dict(zip(areas, out))
            w.writerow([ident, name_, unit] + out)

rows2024 = [(i, n, u, c) for i, (n, u, c) in table2024.items()]
write("actuals-2024.csv", None, rows2024, rng.gauss(0, 0.05))

def rows_from(doc):
    rows = []
    for line in doc["indicators"]:
        ident = "hitech_output" if line["kind"] == "share" else line["id"]
        cells = {a: (v["value"] if v["value"] is not None else "/") for a, v in line["areas"].items()}
        rows.append((ident, line["area_name"], line["area_unit"], cells))
    return rows

write("actuals-2025.csv", None, rows_from(draft("Scenarios/liangxi-2025.toml")), rng.gauss(0, 0.05))
write("progress-2026-01-10.csv", None, rows_from(draft("Scenarios/liangxi-2026.toml")), rng.gauss(0, 0.05), 10 / 12)
print("wrote actuals-2024.csv, actuals-2025.csv, progress-2026-01-10.csv (示例数据)")
