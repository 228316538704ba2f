#!/usr/bin/env bash
# Times fenjie's Monte Carlo against its fair speed peer, a vectorised numpy implementation of the
# same model (benchmarks/simulate_numpy_vec.py), at equal cores: on one core (fenjie --threads 1,
# numpy in one thread) and on T cores (fenjie --threads T, numpy in T worker processes, each doing
# its share of the runs), T = the machine's cores; prints which numpy kernels ran. Times 10^6 runs
# of the scenario on 2 threads with the portable build (the goal: at most 1.5 s). Checks that both
# give the same P(hit) within Monte Carlo error, and that threads and builds never change fenjie's
# bytes.
#
#   benchmarks/run.sh                 # build, write the Liangxi model, time everything
#
# Environment (all optional):
#   MODEL=FILE     use this SimulationInput JSON instead of writing one with `fenjie simulate --write-model`
#   SIMBENCH=EXE   time this executable (`EXE MODEL.json RUNS THREADS SEED`, prints the result JSON)
#                  instead of `fenjie simulate` (for developing the module without the CLI)
#   SCENARIO=FILE  scenario for fenjie (default Scenarios/liangxi-2026.toml)
#   SEED=S         seed for both (default 20260101)
#   SKIP_BUILD=1   do not run `make release` (the release build for this machine's processor)
#   PYTHON=EXE     python with numpy (default python3)
#   THREADS=T      cores for both (default: all of this machine's)
#   RELEASE_FLAGS  as given to `make release` (make bench passes it); when set, a portable build is
#                  also made in .build/portable for the 1.5 s goal
set -euo pipefail
cd "$(dirname "$0")/.."
SCENARIO=${SCENARIO:-Scenarios/liangxi-2026.toml}
SEED=${SEED:-20260101}
PYTHON=${PYTHON:-python3}
FENJIE=.build/release/fenjie
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [[ -z "${SKIP_BUILD:-}" && -z "${SIMBENCH:-}" ]]; then
  echo "== building (release)" >&2
  make release >&2
fi

if [[ -n "${MODEL:-}" ]]; then
  cp "$MODEL" "$tmp/model.json"
else
  "$FENJIE" simulate "$SCENARIO" --write-model "$tmp/model.json" --runs 1000 >/dev/null
fi
cores=${THREADS:-$(getconf _NPROCESSORS_ONLN)}

# The portable build (no -target-cpu: what `make dist` ships), for the goal of 10^6 runs in 1.5 s
# on 2 cores. When the build above is this machine's (RELEASE_FLAGS set), a second, portable one is
# kept in .build/portable.
PORTABLE=$FENJIE
if [[ -n "${RELEASE_FLAGS:-}" && -z "${SIMBENCH:-}" ]]; then
  echo "== building (release, portable) in .build/portable" >&2
  swift build -c release --product fenjie --scratch-path .build/portable >&2
  PORTABLE=.build/portable/release/fenjie
fi

# timed OUT CMD...: runs CMD with its output in OUT; prints "WALL,CPU": wall seconds and the CPU
# seconds (user + system, all its threads and processes) it used. On a machine shared with other
# work the wall time grows with the load; the CPU time much less.
timed() {
  "$PYTHON" - "$@" <<'PY'
import resource, subprocess, sys, time
out, cmd = sys.argv[1], sys.argv[2:]
t0 = time.perf_counter()
with open(out, "wb") as f:
    subprocess.run(cmd, stdout=f, check=True)
wall = time.perf_counter() - t0
r = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"{wall:.3f},{r.ru_utime + r.ru_stime:.3f}")
PY
}
# run_swift RUNS THREADS OUT [EXE]: the Swift simulator; prints WALL,CPU
run_swift() {
  if [[ -n "${SIMBENCH:-}" ]]; then
    timed "$3" "$SIMBENCH" "$tmp/model.json" "$1" "$2" "$SEED"
  else
    timed "$3" "${4:-$FENJIE}" simulate "$SCENARIO" --runs "$1" --seed "$SEED" --threads "$2" --format json
  fi
}
# run_numpy RUNS CORES OUT: prints WALL,CPU (whole process, as for Swift). One core: one thread;
# more: that many worker processes (no GIL between them), each with 1 BLAS/OpenMP thread.
run_numpy() {
  local workers=(--threads 1)
  if [[ "$2" -gt 1 ]]; then workers=(--processes "$2"); fi
  OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 \
    timed "$3" "$PYTHON" benchmarks/simulate_numpy_vec.py "$tmp/model.json" --runs "$1" --seed "$SEED" "${workers[@]}"
}

echo "== timing at equal cores: 1 (fenjie --threads 1, numpy in one thread) and $cores (fenjie --threads $cores, numpy in $cores processes)"
"$PYTHON" -c "import numpy as np, platform
try:
    b = np.show_config(mode='dicts')['Build Dependencies']['blas']; blas = f\"{b.get('name')} {b.get('version')}\"
except Exception: blas = 'unknown'
print(f'numpy {np.__version__} ({blas}), Python {platform.python_version()}; fenjie release build', end='')"
if [[ -z "${RELEASE_FLAGS:-}" ]]; then echo " (portable: no -target-cpu)"; else echo " ($RELEASE_FLAGS)"; fi
declare -A S N
for c in 1 "$cores"; do
  for runs in 100000 1000000; do
    S[$c,$runs]=$(run_swift $runs "$c" "$tmp/swift-$c-$runs.json")
    N[$c,$runs]=$(run_numpy $runs "$c" "$tmp/numpy-$c-$runs.json")
  done
done
cp "$tmp/swift-$cores-1000000.json" "$tmp/swift-1000000.json"
cp "$tmp/numpy-$cores-1000000.json" "$tmp/numpy-1000000.json"
cp "$tmp/swift-1-1000000.json" "$tmp/swift-t1.json"
T2=$(run_swift 1000000 2 "$tmp/swift-t2.json")
# The goal: 10^6 runs of the scenario on 2 threads with the portable build, best of three.
P=()
for _ in 1 2 3; do P+=("$(run_swift 1000000 2 "$tmp/portable.json" "$PORTABLE")"); done
echo "numpy kernels: $("$PYTHON" -c "import json,sys; k=json.load(open(sys.argv[1]))['kernels']; print('; '.join(f'{a}: {b}' for a, b in k.items()))" "$tmp/numpy-1-100000.json")"

"$PYTHON" - "$cores" "${S[1,100000]}" "${S[1,1000000]}" "${N[1,100000]}" "${N[1,1000000]}" \
  "${S[$cores,100000]}" "${S[$cores,1000000]}" "${N[$cores,100000]}" "${N[$cores,1000000]}" \
  "$T2" "${P[@]}" <<'PY'
import sys
cores = int(sys.argv[1])
pairs = [tuple(map(float, a.split(","))) for a in sys.argv[2:]]
s1_5, s1_6, n1_5, n1_6, sc_5, sc_6, nc_5, nc_6, t2, *portable = pairs
print("                       wall seconds                    CPU seconds (user + system)")
print("cores       runs   fenjie    numpy  numpy/fenjie     fenjie    numpy  numpy/fenjie")
for c, runs, s, n in ((1, 100_000, s1_5, n1_5), (1, 1_000_000, s1_6, n1_6),
                      (cores, 100_000, sc_5, nc_5), (cores, 1_000_000, sc_6, nc_6)):
    print(f"{c:>5}  {runs:>9,}  {s[0]:7.2f}  {n[0]:7.2f}  {n[0] / s[0]:10.1f}x    "
          f"{s[1]:7.2f}  {n[1]:7.2f}  {n[1] / s[1]:10.1f}x")
print("goal: numpy/fenjie >= 8x at 10^6 runs, equal cores")
print("\nfenjie, 10^6 runs: " + ", ".join(
    f"{c} core(s) {s[0]:.2f} µs/run wall, {s[1]:.2f} s CPU" for c, s in ((1, s1_6), (cores, sc_6))))
print(f"fenjie on 2 threads, 10^6 runs: {t2[0]:.2f} s wall (speed-up over 1 thread {s1_6[0] / t2[0]:.2f}x), "
      f"{t2[1]:.2f} s CPU")
best = min(p[0] for p in portable)
verdict = "met" if best <= 1.5 else "NOT met"
print(f"portable build, 2 threads, 10^6 runs of the scenario: best {best:.2f} s wall of "
      + ", ".join(f"{p[0]:.2f}" for p in portable)
      + f" (CPU {min(p[1] for p in portable):.2f} s; goal <= 1.5 s wall: {verdict})")
PY
echo
echo "== P(hit): fenjie vs vectorised numpy at 10^6 runs (must agree within Monte Carlo error)"
"$PYTHON" benchmarks/compare.py "$tmp/swift-1000000.json" "$tmp/numpy-1000000.json" | tail -1
echo "== same seed, 1 vs 2 threads: identical output?"
if cmp -s "$tmp/swift-t1.json" "$tmp/swift-t2.json"; then echo "identical"; else echo "DIFFERENT"; exit 1; fi
if [[ "$PORTABLE" != "$FENJIE" ]]; then
  echo "== same seed, this machine's release build vs the portable one (10^6 runs, 2 threads): identical output?"
  if cmp -s "$tmp/portable.json" "$tmp/swift-t2.json"; then echo "identical"; else echo "DIFFERENT"; exit 1; fi
fi
# The release build targets this processor; the tests' debug build is portable. Same numbers?
if [[ -x .build/debug/fenjie && -z "${SIMBENCH:-}" ]]; then
  echo "== same seed, this machine's release build vs the portable debug build (10^4 runs): identical output?"
  "$FENJIE" simulate "$SCENARIO" --runs 10000 --seed "$SEED" --format json >"$tmp/release.json"
  .build/debug/fenjie simulate "$SCENARIO" --runs 10000 --seed "$SEED" --format json >"$tmp/debug.json"
  if cmp -s "$tmp/release.json" "$tmp/debug.json"; then echo "identical"; else echo "DIFFERENT"; exit 1; fi
fi
