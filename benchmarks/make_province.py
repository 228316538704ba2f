#!/usr/bin/env python3
"""Writes a synthetic province-shaped tree (示例数据, illustrative only) for the tree benchmark.

    python3 benchmarks/make_province.py --seed 1 --out /tmp/province

A province of 13 cities, each of 5 to 10 districts (about 95 in all), each district of 6 to 19
streets (about 1,250 in all) made by benchmarks/make_district.py in the Liangxi shape (26 lines).
Each city's and the province's targets are the sums of their children's (rates copied), so the
instance is feasible under the default settings; the share line (高新技术产业产值占比) stays a
district line (a share is not split across regions), each district's 规上工业总产值 given in its
city's [[children]] entry. Writes OUT/dataset.toml (the province), OUT/city-NN/dataset.toml,
OUT/city-NN/district-MM/ and OUT/scenario.toml. Nothing here is a published figure.
"""
import argparse
import csv
import os
import random
import subprocess
import sys

from make_district import SETTINGS, read_csv

HERE = os.path.dirname(os.path.abspath(__file__))
YEARS = ("2024", "2025", "2026")


def write_targets(path, rows, head):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(head)
        w.writerows(rows)


def summed(children_rows, head):
    """The children's targets added up line by line (rates copied, the share line dropped)."""
    col = {name: i for i, name in enumerate(head)}
    first = children_rows[0]
    out = []
    for index, row in enumerate(first):
        kind = row[col["kind"]]
        if kind == "share":
            continue
        new = list(row)
        if kind != "rate":
            for y in YEARS + ("three_year",):
                total = sum(float(rows[index][col[y]]) for rows in children_rows)
                new[col[y]] = str(round(total)) if kind in ("count", "stock") else f"{total:.2f}"
        out.append(new)
    return out


def tree_file(path, region, children, source):
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"# {region}: a synthetic region (示例数据), made by benchmarks/make_province.py.\n")
        f.write(f'region = "{region}"\nplan_years = [2024, 2025, 2026]\n\n')
        f.write(f'[targets]\nfile = "targets.csv"\nsource = "{source}"\nillustrative = true\n')
        for child, output in children:
            f.write(f'\n[[children]]\ndataset = "{child}"\n')
            if output:
                f.write("industrial_output = { " + ", ".join(f"{y} = {v:.2f}" for y, v in output.items()) + " }\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cities", type=int, default=13)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    source = "benchmarks/make_province.py (示例数据)"
    head = None
    province_rows = []
    cities = []
    opened = []
    districts = streets = 0
    for c in range(args.cities):
        city_dir = os.path.join(args.out, f"city-{c + 1:02d}")
        os.makedirs(city_dir, exist_ok=True)
        city_rows = []
        children = []
        for d in range(rng.randint(5, 10)):
            n = rng.randint(6, 19)
            name = f"district-{d + 1:02d}"
            out = os.path.join(city_dir, name)
            region = f"示例{c + 1:02d}市{d + 1:02d}区"
            subprocess.run(
                [sys.executable, os.path.join(HERE, "make_district.py"), "--areas", str(n), "--seed",
                 str(args.seed * 10007 + c * 101 + d), "--out", out, "--region", region,
                 "--prefix", f"示例{c + 1:02d}{d + 1:02d}"],
                check=True)
            rows = read_csv(os.path.join(out, "targets.csv"))
            head = rows[0]
            city_rows.append(rows[1:])
            scenario = open(os.path.join(out, "scenario.toml"), encoding="utf-8").read()
            output = {}
            for y in (2025, 2026):
                marker = f"\n{y} = "
                output[y] = float(scenario.split(marker)[1].split("\n")[0])
            opened += scenario.split("managed_rd_institutes = [")[1].split("]")[0].split(", ")
            children.append((f"{name}/dataset.toml", output))
            districts += 1
            streets += n
        rows = summed(city_rows, head)
        write_targets(os.path.join(city_dir, "targets.csv"), rows, head)
        tree_file(os.path.join(city_dir, "dataset.toml"), f"示例{c + 1:02d}市", children, source)
        province_rows.append(rows)
        cities.append((f"city-{c + 1:02d}/dataset.toml", None))
    write_targets(os.path.join(args.out, "targets.csv"), summed(province_rows, head), head)
    tree_file(os.path.join(args.out, "dataset.toml"), "示例省", cities, source)
    with open(os.path.join(args.out, "scenario.toml"), "w", encoding="utf-8") as f:
        f.write(f"""# 示例省 2025 ({args.cities} cities, {districts} districts, {streets} streets, 示例数据): the default Liangxi settings at every level.
{SETTINGS}
[open]
managed_rd_institutes = [{", ".join(a for a in opened if a)}]
""")
    print(f"{args.cities} cities, {districts} districts, {streets} streets", file=sys.stderr)


if __name__ == "__main__":
    main()
