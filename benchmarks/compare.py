#!/usr/bin/env python3
"""Checks that two simulation results (fenjie/simbench JSON and simulate_numpy.py JSON) agree
within Monte Carlo error: for every goal |p1 - p2| <= K * sqrt(p1(1-p1)/n1 + p2(1-p2)/n2) + 1e-12
(K = 4.5 by default: with ~50 goals a false alarm has probability below 0.1%), and the same for p_all.

usage: compare.py SWIFT.json NUMPY.json [--k 4.5]     exit status 1 when any goal disagrees
"""
import argparse, json, math, sys

ap = argparse.ArgumentParser()
ap.add_argument("a"); ap.add_argument("b"); ap.add_argument("--k", type=float, default=4.5)
args = ap.parse_args()
A, B = json.load(open(args.a)), json.load(open(args.b))

def p_all(r):
    return r["all"]["p_all"] if isinstance(r.get("all"), dict) else r["p_all"]

def key(g):
    return (g["indicator_id"], g["type"])

def goals(r):
    """The goal list of either shape: a flat "goals" list (numpy, the module's own result), or the
    `fenjie simulate --format json` report, whose goals sit inside each indicator."""
    if "goals" in r:
        return r["goals"]
    return [dict(g, indicator_id=line["id"]) for line in r["indicators"] for g in line["goals"]]

ga = {key(g): g for g in goals(A)}
gb = {key(g): g for g in goals(B)}
if set(ga) != set(gb):
    print("goal lists differ:", sorted(set(ga) ^ set(gb)))
    sys.exit(1)
na, nb = A["runs"], B["runs"]
bad = 0
rows = [(k, ga[k]["p_hit"], gb[k]["p_hit"]) for k in ga] + [(("ALL", "p_all"), p_all(A), p_all(B))]
print(f"{'indicator':32} {'goal':10} {'p (A)':>9} {'p (B)':>9} {'diff/SE':>8}")
for (ind, typ), p1, p2 in rows:
    se = math.sqrt(p1 * (1 - p1) / na + p2 * (1 - p2) / nb)
    z = abs(p1 - p2) / se if se > 0 else (0.0 if p1 == p2 else float("inf"))
    ok = abs(p1 - p2) <= args.k * se + 1e-12
    bad += not ok
    print(f"{ind:32} {typ:10} {p1:9.5f} {p2:9.5f} {z:8.2f}{'' if ok else '  <-- DISAGREE'}")
print(f"{len(rows)} probabilities compared, {bad} outside {args.k} standard errors "
      f"(runs {na} vs {nb})")
sys.exit(1 if bad else 0)
