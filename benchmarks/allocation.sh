#!/usr/bin/env bash
# Times `fenjie allocate` on synthetic districts in the Liangxi shape (benchmarks/make_district.py,
# 示例数据) and on the shipped Liangxi year: wall time and peak memory from /usr/bin/time -v, with
# glpsol's time on the exported final model (`--write-lp`: every line's rounding MIP) beside it.
#
#   benchmarks/allocation.sh            # build (release), then 9, 100, 300 and 1,250 areas
#
# Environment (all optional):
#   AREAS="9 100 300 1250"   the district sizes
#   SEED=1                   the generator's seed
#   SKIP_BUILD=1             do not run `make release`
set -euo pipefail
cd "$(dirname "$0")/.."
AREAS=${AREAS:-"9 100 300 1250"}
SEED=${SEED:-1}
FENJIE=.build/release/fenjie
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [[ -z "${SKIP_BUILD:-}" ]]; then
  echo "== building (release)" >&2
  make release >&2
fi

source benchmarks/measure.sh

printf "| %s | %s | %s | %s | %s | %s |\n" "district" "lines" "✗ lines" "fenjie allocate (s)" "peak memory (MB)" "glpsol on the exported model (s)"
printf "| --- | ---: | ---: | ---: | ---: | ---: |\n"
run() {
  local label=$1 scenario=$2
  read -r seconds mb < <(measure "$tmp/out.csv" "$FENJIE" "$scenario" --format csv)
  local lines bad
  lines=$(grep -c "^[^,]*,[^,]" "$tmp/out.csv" || true)
  bad=$(grep -c "✗" "$tmp/out.csv" || true)
  "$FENJIE" "$scenario" --format csv --write-lp "$tmp/model.lp" >/dev/null 2>&1 || true
  read -r glpsol _ < <(measure "$tmp/glpsol.txt" glpsol --lp "$tmp/model.lp")
  printf "| %s | %s | %s | %s | %s | %s |\n" "$label" "$((lines - 1))" "$bad" "$seconds" "$mb" "$glpsol"
}
run "梁溪区 2025 (9 streets, published)" Scenarios/liangxi-2025.toml
for n in $AREAS; do
  python3 benchmarks/make_district.py --areas "$n" --seed "$SEED" --out "$tmp/district-$n"
  run "$n areas (示例数据, seed $SEED)" "$tmp/district-$n/scenario.toml"
done
