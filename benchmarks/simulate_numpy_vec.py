#!/usr/bin/env python3
"""fenjie's Monte Carlo model in vectorised numpy: the fair speed peer of `make bench`.

usage: simulate_numpy_vec.py MODEL.json --runs N --seed S [--threads T | --processes P] [--chunk C]

Same model as simulate_numpy.py (see its docstring; MODEL.json is a SimulationInput), written the
way a numpy programmer would: the cells of every year and indicator are flattened into columns
once, and each chunk of runs is a handful of whole-array operations -- no Python loop over cells,
runs, indicators or goals:

    Z   = standard_normal((factors, n))                   shared factors
    eps = standard_normal((noisy cells, n))               each street's own noise
    x   = logMean + sharedW * Z[factor] + ownW * eps      (cells, n)
    lam = scale * exp(x)
    unit means: the goal year's cells one by one (street results are needed), the earlier years'
        cells of one indicator summed (np.add.reduceat), as fenjie does: Poisson(sum lam) has
        exactly the law of sum Poisson(lam)
    draws = poisson(unit means) for counts, the means for amounts; district totals by reduceat
    goal outcomes = goal.known + selected totals; hits, means, street odds by comparisons.

It also counts each street's goal-year hits (fenjie reports them too). It stores no outcomes, so it
computes no P10/P50/P90 (fenjie does): the peer does a little less work than fenjie.

Threads: chunks run on T Python threads (numpy releases the GIL in its generators and ufuncs),
or on P worker processes (--processes: no GIL at all, each process runs its share of the chunks;
the fairer peer on several cores, and the one benchmarks/run.sh uses), each chunk with its own
PCG64 stream spawned from (seed, chunk index), so the result depends on neither T nor P. Set OMP/OPENBLAS/MKL_NUM_THREADS = T as well (benchmarks/run.sh does); no BLAS call is
made, reduceat is plain numpy.

Prints JSON: runs, seed, generator, threads, numpy version and BLAS, seconds, p_all, per goal
p_hit and mean.
"""
import argparse, json, sys, time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
import numpy as np


def compile_model(model):
    """Columns of the model. Cells are ordered (year, indicator, street); units are the goal
    year's cells one by one and one unit per (earlier year, indicator)."""
    years, inds = model["years"], model["indicators"]
    district = model["factor"] == "district"
    per_year = 1 if district else max(1, len(model["groups"]))
    Y, I = len(years), len(inds)
    scale, log_mean, shared_w, own_w, factor, known, unit_of = [], [], [], [], [], [], []
    unit_total, unit_count, unit_street = [], [], []
    street_target = []
    for y in range(Y):
        for i, ind in enumerate(inds):
            is_count = ind["kind"] == "count"
            earlier_unit = None
            for cell in ind["cells"][y]:
                if cell is None:
                    continue
                s, rho, m = cell["sigma"], cell["correlation"], cell["mean_ratio"]
                sc = cell["target"] * cell["remaining"]
                fixed = s == 0 or sc == 0 or m == 0
                scale.append(0.0 if sc == 0 or m == 0 else (sc * m if s == 0 else sc))
                log_mean.append(0.0 if fixed else np.log(m) - s * s / 2)
                shared_w.append(0.0 if fixed else s * np.sqrt(rho))
                own_w.append(0.0 if fixed else s * np.sqrt(1 - rho))
                factor.append(y * per_year + (0 if district else ind["group"]))
                known.append(cell["known"])
                if y == Y - 1:
                    unit_of.append(len(unit_total))
                    unit_total.append(y * I + i)
                    unit_count.append(is_count)
                    unit_street.append(len(street_target))
                    street_target.append(cell["target"])
                else:
                    if earlier_unit is None:
                        earlier_unit = len(unit_total)
                        unit_total.append(y * I + i)
                        unit_count.append(is_count)
                        unit_street.append(-1)
                    unit_of.append(earlier_unit)
    unit_of = np.array(unit_of)
    # Units are contiguous runs of cells (cells are in unit order), so reduceat sums them.
    unit_start = np.flatnonzero(np.r_[True, unit_of[1:] != unit_of[:-1]])
    unit_known = np.add.reduceat(np.array(known), unit_start) if len(known) else np.zeros(0)
    unit_total = np.array(unit_total)
    order = np.argsort(unit_total, kind="stable")
    # totals[t] = sum of the units of total t: reduceat over units sorted by total.
    sorted_totals = unit_total[order]
    total_start = np.flatnonzero(np.r_[True, sorted_totals[1:] != sorted_totals[:-1]])
    own = np.array(own_w)
    goals = [(i, g) for i, ind in enumerate(inds) for g in ind["goals"]]
    return dict(
        Y=Y, I=I, F=Y * per_year,
        scale=np.array(scale)[:, None], log_mean=np.array(log_mean)[:, None],
        shared_w=np.array(shared_w)[:, None], own_w=own[:, None], factor=np.array(factor),
        noisy=np.flatnonzero(own != 0), unit_start=unit_start, unit_known=unit_known[:, None],
        unit_count=np.array(unit_count), unit_order=order, total_start=total_start,
        total_ids=sorted_totals[total_start],
        street_units=np.flatnonzero(np.array(unit_street) >= 0),
        street_threshold=np.array(street_target)[:, None] - 1e-9,
        goal_sums=np.array([g["type"] == "three_year" and g["aggregate"] == "sum" for _, g in goals]),
        goal_ind=np.array([i for i, _ in goals]),
        goal_known=np.array([g.get("known", 0.0) for _, g in goals])[:, None],
        goal_target=np.array([g["target"] for _, g in goals])[:, None],
        goals=goals)


def simulate_chunk(c, n, seed_seq):
    rng = np.random.Generator(np.random.PCG64(seed_seq))
    z = rng.standard_normal((c["F"], n))
    x = c["shared_w"] * z[c["factor"]]
    x += c["log_mean"]
    eps = rng.standard_normal((len(c["noisy"]), n))
    x[c["noisy"]] += c["own_w"][c["noisy"]] * eps
    np.exp(x, out=x)
    x *= c["scale"]
    lam = np.add.reduceat(x, c["unit_start"], axis=0)
    counts = c["unit_count"]
    lam[counts] = rng.poisson(lam[counts])
    lam += c["unit_known"]
    totals = np.zeros((c["Y"] * c["I"], n))
    totals[c["total_ids"]] = np.add.reduceat(lam[c["unit_order"]], c["total_start"], axis=0)
    totals = totals.reshape(c["Y"], c["I"], n)
    outcome = np.where(c["goal_sums"][:, None], totals.sum(axis=0)[c["goal_ind"]], totals[-1][c["goal_ind"]])
    outcome = outcome + np.where(c["goal_sums"][:, None], c["goal_known"], 0.0)
    hit = outcome >= c["goal_target"] - 1e-9
    street_hits = (lam[c["street_units"]] >= c["street_threshold"]).sum(axis=1)
    return hit.sum(axis=1), outcome.sum(axis=1), int(hit.all(axis=0).sum()), street_hits


_compiled = None


def _simulate_in_worker(args):
    return simulate_chunk(_compiled, *args)


def simulate(model, runs, seed, threads, chunk, processes=0):
    global _compiled
    c = compile_model(model)
    sizes = [min(chunk, runs - k) for k in range(0, runs, chunk)]
    seqs = np.random.SeedSequence(seed).spawn(len(sizes))
    if processes > 1:
        # Forked workers inherit the compiled model; each takes whole chunks (in order per worker).
        import multiprocessing
        _compiled = c
        ctx = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=processes, mp_context=ctx) as pool:
            per = -(-len(sizes) // processes)
            parts = list(pool.map(_simulate_in_worker, zip(sizes, seqs), chunksize=per))
    else:
        with ThreadPoolExecutor(max_workers=threads) as pool:
            parts = list(pool.map(lambda a: simulate_chunk(c, *a), zip(sizes, seqs)))
    hits = sum(p[0] for p in parts)
    sums = sum(p[1] for p in parts)
    all_hits = sum(p[2] for p in parts)
    return c["goals"], hits, sums, all_hits


def blas_name():
    try:
        config = np.show_config(mode="dicts")
        blas = config["Build Dependencies"]["blas"]
        return f"{blas.get('name', '?')} {blas.get('version', '')}".strip()
    except Exception:  # older numpy
        return "unknown"


def kernels():
    """What numpy runs here: the bit generator, the samplers Generator uses (numpy/random/src/
    distributions/distributions.c), and the SIMD targets of its ufuncs (np.exp dispatches to the
    best of them this processor has)."""
    try:
        from numpy._core import _multiarray_umath as umath
    except ImportError:  # numpy < 2
        from numpy.core import _multiarray_umath as umath
    found = getattr(umath, "__cpu_features__", {})
    dispatch = [t for t in getattr(umath, "__cpu_dispatch__", []) if found.get(t)]
    baseline = getattr(umath, "__cpu_baseline__", [])
    return {
        "bit_generator": "PCG64",
        "normal": "Generator.standard_normal: ziggurat, 256 layers",
        "poisson": "Generator.poisson: PTRS (Hoermann 1993) for lam >= 10, "
                   "multiplication of uniforms (random_poisson_mult) below",
        "ufunc_simd": "baseline " + ",".join(baseline) + "; dispatched here: " + (",".join(dispatch) or "none"),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("model")
    ap.add_argument("--runs", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--processes", type=int, default=0, help="worker processes instead of threads")
    ap.add_argument("--chunk", type=int, default=1 << 13, help="runs per vectorised chunk (memory)")
    a = ap.parse_args()
    model = json.load(open(a.model, encoding="utf-8"))
    t0 = time.perf_counter()
    goals, hits, sums, all_hits = simulate(model, a.runs, a.seed, a.threads, a.chunk, a.processes)
    seconds = time.perf_counter() - t0
    inds = model["indicators"]
    out = {
        "runs": a.runs, "seed": a.seed, "generator": "numpy PCG64 (SeedSequence.spawn per chunk)",
        "threads": a.threads, "processes": a.processes, "numpy": np.__version__, "blas": blas_name(), "kernels": kernels(),
        "seconds": seconds, "p_all": all_hits / a.runs,
        "goals": [{"indicator_id": inds[i]["id"], "type": g["type"], "aggregate": g["aggregate"],
                   "target": g["target"], "hits": int(h), "p_hit": h / a.runs, "mean": s / a.runs}
                  for (i, g), h, s in zip(goals, hits, sums)],
    }
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
    print()


if __name__ == "__main__":
    main()
