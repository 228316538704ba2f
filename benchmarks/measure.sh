# Shared by the benchmark scripts (sourced, from the repository root).
# measure OUT CMD...: runs CMD under /usr/bin/time -v, its output in OUT; prints "seconds peak_MB".
measure() {
  local out=$1
  shift
  /usr/bin/time -v "$@" >"$out" 2>"$out.time" || true
  local wall kb
  wall=$(grep "Elapsed (wall clock)" "$out.time" | awk '{print $NF}' | awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
  kb=$(grep "Maximum resident set size" "$out.time" | awk '{print $NF}')
  echo "$wall $((kb / 1024))"
}
