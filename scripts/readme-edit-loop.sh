#!/usr/bin/env bash
# The README's edit loop, run for real: fenjie writes the 2025 分解表 workbook, a planner's edit is
# made with openpyxl (扬名街道's 高新技术企业申报数 set to 90), and `fenjie allocate --from` reads it back.
# Used by scripts/update-readme.py (marker: <!-- output-script: scripts/readme-edit-loop.sh -->).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
fenjie="${FENJIE:-$root/.build/release/fenjie}"
# A relative FENJIE path is taken from the repository root (the script later runs in a temporary folder).
case "$fenjie" in /*) ;; *) fenjie="$root/$fenjie" ;; esac
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$root"
echo '$ fenjie allocate -o 分解表.xlsx'
"$fenjie" allocate -o "$work/分解表.xlsx"
echo '$ # 扬名街道 高新技术企业申报数 changed to 90 in Excel/WPS, saved as 分解表-改.xlsx'
python3 - "$work/分解表.xlsx" "$work/分解表-改.xlsx" <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb["分解表"]
header = [c.value for c in ws[3]]
column = header.index("扬名街道") + 1
row = next(r for r in range(4, ws.max_row + 1) if ws.cell(r, 2).value == "高新技术企业申报数")
ws.cell(row, column).value = 90
wb.save(sys.argv[2])
PY
echo '$ fenjie allocate --from 分解表-改.xlsx -o 分解表-新.xlsx'
"$fenjie" allocate --from "$work/分解表-改.xlsx" -o "$work/分解表-新.xlsx"
echo '$ fenjie allocate --from 分解表-改.xlsx | grep -E "^(指标|高新技术企业申报数)|说明：.*保留"'
# Run in the temporary folder, so that the note names the file as the reader would type it (and wraps the same way).
(cd "$work" && "$fenjie" allocate --from 分解表-改.xlsx | grep -E "^(指标|高新技术企业申报数)|说明：.*保留")
