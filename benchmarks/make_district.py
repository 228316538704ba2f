#!/usr/bin/env python3
"""Writes a synthetic district in the Liangxi shape (示例数据, illustrative only) for benchmarks and tests.

    python3 benchmarks/make_district.py --areas 1250 --seed 1 --out /tmp/district-1250

Writes DIR/dataset.toml, DIR/targets.csv, DIR/streets-2024.csv and DIR/scenario.toml (2025, the
default scenario's settings). Each area copies the 2024 row pattern of a random Liangxi street
(its "/" cells included) times a lognormal size factor (sigma 0.35); the district targets of
2024 are the sums, those of 2025 and 2026 grow by four fifths of Liangxi's published growth
(梁政发〔2024〕40号 附件1), so that the instance is feasible under the default settings. Rates and shares are copied.
Nothing here is a published figure.
"""
import argparse
import csv
import math
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
LIANGXI = os.path.join(HERE, "..", "Scenarios", "liangxi")
# The scenario settings of every synthetic district (and of make_province.py's trees): Liangxi's
# default scenario.
SETTINGS = '''dataset = "dataset.toml"
year = 2025
rule = "balanced"
baseline = "latest"

[capacity]
rule = "growth"
max_growth = 0.5
max_decline = 0.2
min_headroom = 0.2

[capacity.by_indicator.innovation_floor_area]
max_growth = 0.8

[capacity.by_indicator.managed_rd_institutes]
rule = "district_pace"
'''


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--areas", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", required=True)
    parser.add_argument("--region", default="示例区", help="the district's name (default 示例区)")
    parser.add_argument("--prefix", default="示例", help="the areas' names: PREFIX0001街道, … (default 示例)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    n = args.areas
    os.makedirs(args.out, exist_ok=True)

    targets = read_csv(os.path.join(LIANGXI, "targets.csv"))
    streets = read_csv(os.path.join(LIANGXI, "streets-2024.csv"))
    head, rows = targets[0], targets[1:]
    col = {name: i for i, name in enumerate(head)}
    template = {row[0]: row[3:] for row in streets[1:]}
    kinds = {row[col["id"]]: row[col["kind"]] for row in rows}
    parents = {row[col["id"]]: row[col["parent"]] for row in rows}
    area_names = [f"{args.prefix}{i + 1:04d}街道" for i in range(n)]
    pattern = [rng.randrange(9) for _ in range(n)]
    size = [math.exp(rng.gauss(0, 0.35)) for _ in range(n)]

    values = {}
    for line, cells in template.items():
        kind = kinds.get(line, "amount")
        out = []
        for a in range(n):
            cell = cells[pattern[a]]
            if cell == "/":
                out.append("/")
            elif kind == "rate":
                out.append(cell)
            elif kind == "count":
                out.append(str(max(0, round(float(cell) * size[a]))))
            else:
                out.append(f"{float(cell) * size[a]:.2f}")
        values[line] = out
    # 其中 never above its parent.
    child_of = {line: parent for line, parent in parents.items() if parent}
    for child, parent in child_of.items():
        for a in range(n):
            c, p = values[child][a], values[parent][a]
            if c != "/" and p != "/" and float(c) > float(p):
                values[child][a] = p

    with open(os.path.join(args.out, "streets-2024.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "name", "unit"] + area_names)
        for row in streets[1:]:
            w.writerow(row[:3] + values[row[0]])

    def total(line):
        return sum(float(v) for v in values[line] if v != "/")

    area_line = {"hitech_output_share": "hitech_output"}
    with open(os.path.join(args.out, "targets.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(head)
        for row in rows:
            line, kind = row[col["id"]], row[col["kind"]]
            new = list(row)
            if kind not in ("rate", "share"):
                base = float(row[col["2024"]])
                s2024 = total(area_line.get(line, line))
                years = []
                for y in ("2024", "2025", "2026"):
                    ratio = float(row[col[y]]) / base
                    # Four fifths of Liangxi's growth: the random shapes round small areas' caps
                    # down, and the benchmark wants a feasible instance.
                    v = s2024 * (1 + 0.8 * (ratio - 1) if ratio > 1 else ratio)
                    years.append(round(v) if kind == "count" else round(v, 2))
                for y, v in zip(("2024", "2025", "2026"), years):
                    new[col[y]] = str(v)
                goal = sum(years) if kind in ("count", "amount") else years[-1]
                new[col["three_year"]] = str(round(goal, 2) if kind != "count" else goal)
            w.writerow(new)

    output = sum(float(v) for v in values["hitech_output"] if v != "/") / 0.261
    with open(os.path.join(args.out, "dataset.toml"), "w", encoding="utf-8") as f:
        f.write(f"""# A synthetic district of {n} areas in the Liangxi shape (示例数据: illustrative, not published figures).
# Made by benchmarks/make_district.py --areas {n} --seed {args.seed}.
region = "{args.region}"
areas = [{", ".join(f'"{a}"' for a in area_names)}]
plan_years = [2024, 2025, 2026]

[targets]
file = "targets.csv"
source = "benchmarks/make_district.py (示例数据)"

[[tables]]
year = 2024
kind = "target"
file = "streets-2024.csv"
source = "benchmarks/make_district.py (示例数据)"
illustrative = true

[shares.hitech_output_share]
area_id = "hitech_output"
area_name = "高新技术产业产值"
area_unit = "亿元"
""")
    opened = [a for a, v in zip(area_names, values["new_rd_institutes"]) if v != "/"]
    with open(os.path.join(args.out, "scenario.toml"), "w", encoding="utf-8") as f:
        f.write(f"""# {args.region} 2025 ({n} areas, 示例数据): the default Liangxi settings on a synthetic district.
{SETTINGS}
[open]
managed_rd_institutes = [{", ".join(f'"{a}"' for a in opened)}]

[industrial_output]
2025 = {output * 1.03:.2f}
2026 = {output * 1.05:.2f}
""")


if __name__ == "__main__":
    main()
