#!/usr/bin/env bash
# Renders the 梁溪区 report the way a person sees it: installs what is missing (Chromium and CJK
# fonts from Debian, GLPK), builds fenjie, writes the report and takes a full-page screenshot with
# headless Chromium.
#
#   scripts/screenshot-report.sh [SCENARIO] [PNG]
#
# Defaults: Scenarios/liangxi-2026.toml (the default of `fenjie report`) and docs/report-liangxi.png.
# Environment: SCRATCH (SwiftPM build folder, default .build), WIDTH (window width, default 1240),
# RUNS (simulated runs, default the scenario's), KEEP_HTML=1 to keep the HTML next to the PNG.
set -euo pipefail

cd "$(dirname "$0")/.."
scenario=${1:-Scenarios/liangxi-2026.toml}
png=${2:-docs/report-liangxi.png}
scratch=${SCRATCH:-.build}
width=${WIDTH:-1240}

sudo=""
[ "$(id -u)" -eq 0 ] || sudo=sudo

# What is missing, from Debian: the browser, the CJK fonts, and GLPK for the build.
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
fc-list 2>/dev/null | grep -q "Noto Sans CJK" || missing+=(fonts-noto-cjk)
[ -f /usr/include/glpk.h ] || missing+=(libglpk-dev)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]}…"
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

swift build --scratch-path "$scratch" --product fenjie
fenjie="$scratch/debug/fenjie"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
html="$work/report.html"
args=("$scenario" --output "$html")
[ -n "${RUNS:-}" ] && args+=(--runs "$RUNS")
# Exit status 1 means a line is infeasible: the report is still written, and says so.
"$fenjie" report "${args[@]}" || [ $? -eq 1 ]

chrome=(chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$work/profile")

# The page's full height: measured on a copy with one line of script (the report itself has none).
sed 's|</body>|<script>document.title = "height=" + Math.ceil(document.documentElement.scrollHeight);</script></body>|' \
  "$html" >"$work/measure.html"
height=$("${chrome[@]}" --window-size="$width,1000" --dump-dom "file://$work/measure.html" 2>/dev/null |
  grep -o 'height=[0-9]*' | head -1 | cut -d= -f2)
if [ -z "$height" ]; then
  echo "could not measure the page's height; using 8000 px" >&2
  height=8000
fi

mkdir -p "$(dirname "$png")"
case "$png" in /*) target=$png ;; *) target=$PWD/$png ;; esac
"${chrome[@]}" --screenshot="$target" --window-size="$width,$height" "file://$html" >/dev/null 2>&1
[ "${KEEP_HTML:-}" = 1 ] && cp "$html" "${png%.png}.html"
echo "$png: ${width}×${height} px, $(wc -c <"$png") bytes (from $scenario)"

# For the README: a 256-colour copy of the whole page and the top of it (ImageMagick, from Debian's
# imagemagick package, when it is there).
if [ -x /usr/bin/convert ]; then
  /usr/bin/convert "$png" -strip PNG8:"$png"
  /usr/bin/convert "$png" -crop "${width}x1500+0+0" +repage -strip PNG8:"${png%.png}-top.png"
  echo "$png: $(wc -c <"$png") bytes as 256 colours; ${png%.png}-top.png: the first 1500 px"
fi
