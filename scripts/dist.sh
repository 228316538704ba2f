#!/usr/bin/env bash
# make dist: a release of fenjie a planner's office PC can run, with nothing installed but the
# base C library (glibc). Builds
#   dist/fenjie-VERSION-linux-ARCH.tar.gz
#     fenjie-VERSION-linux-ARCH/fenjie        the binary: Swift runtime and Foundation linked
#                                             statically (--static-swift-stdlib), GLPK, GMP,
#                                             AMD/COLAMD, libltdl, libxml2, ICU, LZMA, zlib,
#                                             libstdc++ and libgcc linked statically
#     fenjie-VERSION-linux-ARCH/Scenarios/    the shipped scenarios and their data
#     fenjie-VERSION-linux-ARCH/README.md, docs/
# then checks it with scripts/dist-check.sh (unpacked into an empty folder, `env -i ./fenjie
# allocate`, `ldd`).
#
# How the static linking is done (the one non-obvious part): the module map of CGLPK says
# `link "glpk"`, Foundation's XML parser asks for `-lxml2`, ZIPFoundation for `-lz`, the Swift
# driver for `-lstdc++`; the linker takes the .so for each because SwiftPM puts
# -L/usr/lib/x86_64-linux-gnu first on the link line. So the link goes through
# scripts/static-ld.sh (clang `--ld-path`), which puts a folder holding only the static archives
# (STATIC_DIR below) ahead of every other search directory and appends the archives' own
# dependencies. No source file and no Package.swift setting changes.
#
# The binary is built for the generic x86-64 (or aarch64) processor, not `-target-cpu native` as
# `make release` does: an office PC may be older than the build machine.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SCRATCH=${SCRATCH:-.build-dist}
VERSION=$(sed -n 's/^ *static let version = "\(.*\)".*/\1/p' Sources/fenjie/Fenjie.swift | head -1)
ARCH=$(uname -m)
[ -n "$VERSION" ] || { echo "dist: no version in Sources/fenjie/Fenjie.swift" >&2; exit 1; }
NAME="fenjie-$VERSION-linux-$ARCH"
MULTIARCH=$(gcc -print-multiarch 2>/dev/null || echo "$ARCH-linux-gnu")
LIBDIR=/usr/lib/$MULTIARCH

# The static archives: the library, the Debian package that ships its .a.
archives=(
  "glpk:libglpk-dev" "gmp:libgmp-dev" "amd:libsuitesparse-dev" "colamd:libsuitesparse-dev"
  "suitesparseconfig:libsuitesparse-dev" "ltdl:libltdl-dev" "z:zlib1g-dev"
  "xml2:libxml2-dev" "icuuc:libicu-dev" "icudata:libicu-dev" "lzma:liblzma-dev"
)
STATIC_DIR="$ROOT/$SCRATCH/static-libs"
rm -rf "$STATIC_DIR"; mkdir -p "$STATIC_DIR"
missing=()
for entry in "${archives[@]}"; do
  lib=${entry%%:*}; pkg=${entry#*:}
  if [ -f "$LIBDIR/lib$lib.a" ]; then ln -s "$LIBDIR/lib$lib.a" "$STATIC_DIR/"; else missing+=("$pkg (lib$lib.a)"); fi
done
STDCXX=$(gcc -print-file-name=libstdc++.a)
if [ -f "$STDCXX" ]; then ln -s "$STDCXX" "$STATIC_DIR/"; else missing+=("libstdc++-12-dev (libstdc++.a)"); fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "dist: static archives missing; install: ${missing[*]}" >&2; exit 1
fi

# Always relinked: SwiftPM does not see a change of static-ld.sh or of the archives (the link costs
# seconds; the compiled objects are kept).
rm -f "$SCRATCH/$ARCH-unknown-linux-gnu/release/fenjie"
echo "dist: building $NAME (release, static Swift runtime, static GLPK) in $SCRATCH"
# GLPK needs GMP, AMD/COLAMD (SuiteSparse) and libltdl; libxml2 needs ICU, LZMA and zlib; ICU
# needs libstdc++. libm and libdl are glibc's.
FENJIE_STATIC_LIBS="$STATIC_DIR" \
FENJIE_STATIC_EXTRA="-lgmp -lcolamd -lamd -lsuitesparseconfig -lltdl -lxml2 -licuuc -licudata -llzma -lz -lstdc++ -lm -ldl -lpthread" \
swift build -c release --product fenjie --scratch-path "$SCRATCH" \
  --static-swift-stdlib \
  -Xswiftc -Xclang-linker -Xswiftc -static-libgcc \
  -Xswiftc -Xclang-linker -Xswiftc "--ld-path=$ROOT/scripts/static-ld.sh" \
  ${SWIFT_FLAGS:-}
BIN="$SCRATCH/release/fenjie"

STAGE="$ROOT/$SCRATCH/stage"
rm -rf "$STAGE"; mkdir -p "$STAGE/$NAME"
# Stripped: the debug information is 3/4 of the unstripped binary.
strip -o "$STAGE/$NAME/fenjie" "$BIN"
cp -R Scenarios docs README.md "$STAGE/$NAME/"
mkdir -p dist
TARBALL="dist/$NAME.tar.gz"
tar -C "$STAGE" --owner=0 --group=0 --numeric-owner -czf "$TARBALL" "$NAME"
echo "dist: $TARBALL ($(du -h "$TARBALL" | cut -f1), $(stat -c %s "$TARBALL") bytes)"

bash scripts/dist-check.sh "$TARBALL"
