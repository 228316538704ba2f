#!/usr/bin/env bash
# Times `fenjie allocate` on regions in levels: the shipped Wuxi tree (无锡市 → 8 counties and
# districts → streets) and a synthetic province (benchmarks/make_province.py, 示例数据: 13 cities,
# about 95 districts, about 1,250 streets, 26 lines), end to end (reading every file, the rooms, every
# level's allocation, the tables as CSV): wall time and peak memory from /usr/bin/time -v.
#
#   benchmarks/tree.sh        # build (release), then both trees
#
# Then `fenjie simulate` on both (the odds of every region's targets, SIM_RUNS runs).
#
# Environment (all optional): SEED=1 (the generator's seed), SIM_RUNS=100000, SKIP_BUILD=1 (do not
# run `make release`).
set -euo pipefail
cd "$(dirname "$0")/.."
SEED=${SEED:-1}
SIM_RUNS=${SIM_RUNS:-100000}
FENJIE=.build/release/fenjie
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [[ -z "${SKIP_BUILD:-}" ]]; then
  echo "== building (release)" >&2
  make release >&2
fi

source benchmarks/measure.sh

printf "| %s | %s | %s | %s | %s |\n" "tree" "tables" "✗ lines" "fenjie allocate (s)" "peak memory (MB)"
printf "| --- | ---: | ---: | ---: | ---: |\n"
run() {
  local label=$1 scenario=$2
  read -r seconds mb < <(measure "$tmp/out.csv" "$FENJIE" allocate "$scenario" --format csv)
  local tables bad
  tables=$(grep -c "地区,上级" "$tmp/out.csv" || true)
  bad=$(grep -c "✗" "$tmp/out.csv" || true)
  printf "| %s | %s | %s | %s | %s |\n" "$label" "$tables" "$bad" "$seconds" "$mb"
}
run "无锡市 2025 (8 districts, 示例数据 but 梁溪区)" Scenarios/wuxi-2025.toml
python3 benchmarks/make_province.py --seed "$SEED" --out "$tmp/province" 2>"$tmp/shape.txt"
run "示例省 ($(cat "$tmp/shape.txt"), seed $SEED)" "$tmp/province/scenario.toml"

echo
printf "| %s | %s | %s | %s |\n" "tree" "runs" "fenjie simulate (s)" "peak memory (MB)"
printf "| --- | ---: | ---: | ---: |\n"
simulate() {
  local label=$1 scenario=$2
  read -r seconds mb < <(measure "$tmp/odds.json" "$FENJIE" simulate "$scenario" --runs "$SIM_RUNS" --format json)
  printf "| %s | %s | %s | %s |\n" "$label" "$SIM_RUNS" "$seconds" "$mb"
}
simulate "无锡市 2025" Scenarios/wuxi-2025.toml
simulate "示例省 ($(cat "$tmp/shape.txt"))" "$tmp/province/scenario.toml"
