#!/usr/bin/env bash
# The linker `make dist` hands to clang (`--ld-path`): ld.gold, with FENJIE_STATIC_LIBS searched
# before every other directory. That folder holds only static archives (libglpk.a, libxml2.a,
# libstdc++.a …, symlinked by scripts/dist.sh), so each `-lglpk`, `-lxml2`, `-lz`, `-lstdc++` the
# Swift driver and the module maps ask for is taken from its archive instead of the .so that sits
# in /usr/lib (SwiftPM puts -L/usr/lib/… first, so an -Xlinker -L of ours would come too late).
# The archives' own dependencies (GMP, AMD/COLAMD for GLPK; ICU, LZMA for libxml2; libstdc++ for
# ICU) are appended in one group, FENJIE_STATIC_EXTRA, at the end of the line.
set -euo pipefail
: "${FENJIE_STATIC_LIBS:?static-ld.sh is only for make dist: FENJIE_STATIC_LIBS names the folder of .a files}"
extra=()
if [ -n "${FENJIE_STATIC_EXTRA:-}" ]; then
  read -r -a libs <<<"$FENJIE_STATIC_EXTRA"
  extra=(--start-group "${libs[@]}" --end-group)
fi
exec "${FENJIE_REAL_LD:-/usr/bin/ld.gold}" -L"$FENJIE_STATIC_LIBS" "$@" "${extra[@]}"
