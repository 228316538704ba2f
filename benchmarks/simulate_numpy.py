#!/usr/bin/env python3
"""A faithful numpy implementation of fenjie's Monte Carlo model, for benchmarks and as an
independent check of the Swift simulator (same model, different generator: numpy's PCG64).

usage: simulate_numpy.py MODEL.json --runs N --seed S [--chunk C]

MODEL.json is a SimulationInput in its JSON form (keys: areas, years, groups, factor,
indicators[id, name, kind, group, cells[year][area] = null | {target, known, remaining,
mean_ratio, sigma, correlation}, goals[type, target, known, aggregate]]).

Model, per run, simulated year y, indicator i, open street s:
    log R = ln(mean_ratio) - sigma^2/2 + sigma * (sqrt(rho) * Z + sqrt(1 - rho) * eps)
    Z: one N(0,1) per year ("district") or per (year, group) ("group"); eps: the street's own N(0,1)
    street result = known + D, D = Poisson(target * remaining * R) for counts, else target * remaining * R
    district total of a year = sum over open streets
    goal outcome: annual -> goal-year total; three_year/sum -> goal.known + sum of simulated years;
                  three_year/final_year -> goal-year total.  Hit: outcome >= target - 1e-9.
Prints JSON: runs, seed, generator, seconds, p_all, and per goal p_hit and mean.
"""
import argparse, json, math, sys, time
import numpy as np

def simulate(model, runs, seed, chunk):
    rng = np.random.Generator(np.random.PCG64(seed))
    years, groups, inds = model["years"], model["groups"], model["indicators"]
    per_year = 1 if model["factor"] == "district" else max(1, len(groups))
    goals = [(i, g) for i, ind in enumerate(inds) for g in ind["goals"]]
    hits = np.zeros(len(goals), dtype=np.int64)
    sums = np.zeros(len(goals))
    all_hits = 0
    done = 0
    while done < runs:
        n = min(chunk, runs - done)
        z = rng.standard_normal((len(years), per_year, n))
        totals = np.zeros((len(years), len(inds), n))
        for y in range(len(years)):
            for i, ind in enumerate(inds):
                zf = z[y, 0 if model["factor"] == "district" else ind["group"]]
                for cell in ind["cells"][y]:
                    if cell is None:
                        continue
                    totals[y, i] += cell["known"]
                    scale = cell["target"] * cell["remaining"]
                    if scale == 0 or cell["mean_ratio"] == 0:
                        continue
                    s, rho = cell["sigma"], cell["correlation"]
                    if s == 0:
                        lam = np.full(n, scale * cell["mean_ratio"])
                    else:
                        x = math.log(cell["mean_ratio"]) - s * s / 2 + s * math.sqrt(rho) * zf
                        if rho < 1:
                            x = x + s * math.sqrt(1 - rho) * rng.standard_normal(n)
                        lam = scale * np.exp(x)
                    totals[y, i] += rng.poisson(lam) if ind["kind"] == "count" else lam
        all_hit = np.ones(n, dtype=bool)
        for k, (i, g) in enumerate(goals):
            if g["type"] == "three_year" and g["aggregate"] == "sum":
                out = g.get("known", 0.0) + totals[:, i].sum(axis=0)
            else:
                out = totals[-1, i]
            hit = out >= g["target"] - 1e-9
            hits[k] += hit.sum()
            sums[k] += out.sum()
            all_hit &= hit
        all_hits += int(all_hit.sum())
        done += n
    return goals, hits, sums, all_hits

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("model")
    ap.add_argument("--runs", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--chunk", type=int, default=1 << 17, help="runs per vectorised chunk (memory)")
    a = ap.parse_args()
    model = json.load(open(a.model, encoding="utf-8"))
    t0 = time.perf_counter()
    goals, hits, sums, all_hits = simulate(model, a.runs, a.seed, a.chunk)
    seconds = time.perf_counter() - t0
    inds = model["indicators"]
    out = {
        "runs": a.runs, "seed": a.seed, "generator": "numpy PCG64", "numpy": np.__version__,
        "seconds": seconds, "p_all": all_hits / a.runs,
        "goals": [{"indicator_id": inds[i]["id"], "type": g["type"], "aggregate": g["aggregate"],
                   "target": g["target"], "hits": int(h), "p_hit": h / a.runs, "mean": s / a.runs}
                  for (i, g), h, s in zip(goals, hits, sums)],
    }
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
    print()

if __name__ == "__main__":
    main()
