#!/usr/bin/env bash
# Checks a release tarball as a planner's office PC would meet it:
#   1. it unpacks into an empty temporary folder, into one folder fenjie-VERSION-linux-ARCH/;
#   2. `env -i ./fenjie allocate`, run from that folder with an empty environment (no PATH, no
#      LANG, no /opt/swift), exits 0 and prints the 分解表 of the default scenario;
#   3. `ldd ./fenjie` lists nothing outside the base C library (linux-vdso, ld-linux, libc, libm,
#      libdl, libpthread, librt).
# Usage: scripts/dist-check.sh dist/fenjie-VERSION-linux-ARCH.tar.gz
set -euo pipefail
TARBALL=$(realpath "${1:?usage: dist-check.sh TARBALL}")
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fail() { echo "dist-check: FAIL: $*" >&2; exit 1; }

tar -C "$WORK" -xzf "$TARBALL"
NAME=$(basename "$TARBALL" .tar.gz)
[ -x "$WORK/$NAME/fenjie" ] || fail "$NAME/fenjie not in the tarball"
[ -f "$WORK/$NAME/Scenarios/liangxi-2025.toml" ] || fail "Scenarios/liangxi-2025.toml not in the tarball"
cd "$WORK/$NAME"

out=$(env -i ./fenjie allocate 2>"$WORK/stderr") || { cat "$WORK/stderr" >&2; fail "env -i ./fenjie allocate exited $?"; }
grep -q '分解表' <<<"$out" || { echo "$out" >&2; fail "no 分解表 in the output of allocate"; }
grep -q '合计' <<<"$out" || { echo "$out" >&2; fail "no 合计 column in the output of allocate"; }
echo "dist-check: env -i ./fenjie allocate: ok ($(wc -l <<<"$out") lines, from $WORK/$NAME)"

echo "dist-check: ldd ./fenjie:"
ldd ./fenjie | tee "$WORK/ldd"
extra=$(awk '{print $1}' "$WORK/ldd" | grep -vE '^(linux-vdso\.so\.1|linux-gate\.so\.1|(/lib[^ ]*/)?ld-linux[-a-z0-9_.]*\.so\.[0-9]+|lib(c|m|dl|pthread|rt)\.so\.[0-9]+)$' || true)
[ -z "$extra" ] || fail "ldd lists libraries outside the base C library: $(echo $extra)"
echo "dist-check: ok: nothing outside the base C library"
