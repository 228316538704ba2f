#!/usr/bin/env bash
# Times fenjie's Monte Carlo against its fair speed peer, a vectorised numpy implementation of the
# same model (benchmarks/simulate_numpy_vec.py), at equal cores: fenjie --threads T and numpy on T
# threads with OMP/OPENBLAS/MKL_NUM_THREADS=T, T = the machine's cores. Checks that both give the
# same P(hit) within Monte Carlo error, and that threads and builds never change fenjie's bytes.
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
export OMP_NUM_THREADS=$cores OPENBLAS_NUM_THREADS=$cores MKL_NUM_THREADS=$cores

now() { "$PYTHON" -c 'import time; print(time.perf_counter())'; }
# run_swift RUNS THREADS OUT: runs the Swift simulator, prints wall seconds
run_swift() {
  local t0 t1
  t0=$(now)
  if [[ -n "${SIMBENCH:-}" ]]; then
    "$SIMBENCH" "$tmp/model.json" "$1" "$2" "$SEED" >"$3" 2>/dev/null
  else
    "$FENJIE" simulate "$SCENARIO" --runs "$1" --seed "$SEED" --threads "$2" --format json >"$3"
  fi
  t1=$(now)
  "$PYTHON" -c "print(f'{$t1 - $t0:.3f}')"
}
# run_numpy RUNS OUT: prints wall seconds (whole process, as for Swift)
run_numpy() {
  local t0 t1
  t0=$(now)
  "$PYTHON" benchmarks/simulate_numpy_vec.py "$tmp/model.json" --runs "$1" --seed "$SEED" --threads "$cores" >"$2"
  t1=$(now)
  "$PYTHON" -c "print(f'{$t1 - $t0:.3f}')"
}

echo "== timing ($cores cores each: fenjie --threads $cores; numpy on $cores threads, OMP/OPENBLAS/MKL_NUM_THREADS=$cores)"
"$PYTHON" -c "import numpy as np, platform
try:
    b = np.show_config(mode='dicts')['Build Dependencies']['blas']; blas = f\"{b.get('name')} {b.get('version')}\"
except Exception: blas = 'unknown'
print(f'numpy {np.__version__} ({blas}), Python {platform.python_version()}; fenjie release build', end='')"
if [[ -z "${RELEASE_FLAGS:-}" ]]; then echo " (portable: no -target-cpu)"; else echo " ($RELEASE_FLAGS)"; fi
declare -A S N
for runs in 100000 1000000; do
  S[$runs]=$(run_swift $runs "$cores" "$tmp/swift-$runs.json")
  N[$runs]=$(run_numpy $runs "$tmp/numpy-$runs.json")
done
T1=$(run_swift 1000000 1 "$tmp/swift-t1.json")
T2=$(run_swift 1000000 2 "$tmp/swift-t2.json")

"$PYTHON" - "${S[100000]}" "${S[1000000]}" "${N[100000]}" "${N[1000000]}" "$T1" "$T2" "$cores" <<'PY'
import sys
s5, s6, n5, n6, t1, t2, cores = map(float, sys.argv[1:])
print("runs        fenjie s   numpy s   numpy/fenjie   (numpy: simulate_numpy_vec.py, vectorised)")
for runs, s, n in ((100_000, s5, n5), (1_000_000, s6, n6)):
    print(f"{runs:>9,}   {s:8.2f}  {n:8.2f}   {n / s:8.1f}x")
print("\ntime per run (all threads)")
for runs, s in ((100_000, s5), (1_000_000, s6)):
    print(f"{runs:>9,}   {s / runs * 1e6:6.2f} µs/run")
print("\n10^6 runs by threads")
print(f"  1 thread   {t1:6.2f} s")
print(f"  2 threads  {t2:6.2f} s   speed-up {t1 / t2:.2f}x")
print(f"  {int(cores)} threads  {s6:6.2f} s   (goal: at most 1.5 s on 2 cores)")
PY

echo
echo "== P(hit): fenjie vs vectorised numpy at 10^6 runs (must agree within Monte Carlo error)"
"$PYTHON" benchmarks/compare.py "$tmp/swift-1000000.json" "$tmp/numpy-1000000.json" | tail -1
echo "== same seed, 1 vs 2 threads: identical output?"
if cmp -s "$tmp/swift-t1.json" "$tmp/swift-t2.json"; then echo "identical"; else echo "DIFFERENT"; exit 1; fi
# The release build targets this processor; the tests' debug build is portable. Same numbers?
if [[ -x .build/debug/fenjie && -z "${SIMBENCH:-}" ]]; then
  echo "== same seed, this machine's release build vs the portable debug build (10^4 runs): identical output?"
  "$FENJIE" simulate "$SCENARIO" --runs 10000 --seed "$SEED" --format json >"$tmp/release.json"
  .build/debug/fenjie simulate "$SCENARIO" --runs 10000 --seed "$SEED" --format json >"$tmp/debug.json"
  if cmp -s "$tmp/release.json" "$tmp/debug.json"; then echo "identical"; else echo "DIFFERENT"; exit 1; fi
fi
