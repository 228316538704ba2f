# fenjie: the two commands of the README.
#   make demo   installs what is missing, builds, and drafts the default scenario's 分解表
#   make test   installs what is missing, builds, and runs every test
#   make dist   builds the release for an office PC: dist/fenjie-VERSION-linux-ARCH.tar.gz, checked
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
SWIFT_FLAGS ?=
# The release build is compiled for this machine's processor (AVX2/AVX-512 where it has them: the
# simulation's eight-lane loops then run in one or two registers instead of four). The numbers do
# not change: Swift never fuses a multiply and an add, so every lane computes the same IEEE
# operations whatever the target (benchmarks/run.sh checks it against the portable debug build).
# RELEASE_FLAGS= builds a portable binary.
RELEASE_FLAGS ?= -Xswiftc -target-cpu -Xswiftc native

.PHONY: setup setup-glpk demo test build release bench readme golden clean dist

# GLPK (Debian's libglpk-dev, version 5) and glpsol (glpk-utils, used by the tests to re-solve models):
# all that building needs.
setup-glpk:
	@if [ ! -f /usr/include/glpk.h ] || ! command -v glpsol >/dev/null 2>&1; then \
	  echo "Installing libglpk-dev and glpk-utils…"; \
	  $(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libglpk-dev glpk-utils; \
	fi

# Everything the tests use besides.
setup: setup-glpk
	@# LibreOffice Calc (headless), poppler and a CJK font: the tests print the 分解表 workbook to PDF
	@# as a planner's spreadsheet program does and count its pages (skipped, with a message, without them).
	@if ! command -v soffice >/dev/null 2>&1 || ! command -v pdfinfo >/dev/null 2>&1 || [ ! -d /usr/share/fonts/truetype/wqy ]; then \
	  echo "Installing LibreOffice Calc, poppler-utils and fonts-wqy-zenhei (printing checks)…"; \
	  $(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-calc-nogui poppler-utils fonts-wqy-zenhei \
	    || echo "LibreOffice not installed: the printing test will be skipped"; \
	fi
	@# openpyxl reads the .xlsx files back in the tests (they are skipped, with a message, without it);
	@# numpy runs the benchmark's reference implementation.
	@python3 -c 'import openpyxl' 2>/dev/null || python3 -m pip install -q openpyxl 2>/dev/null || echo "openpyxl not installed: the workbook read-back tests will be skipped"

build: setup-glpk
	swift build $(SWIFT_FLAGS)

release: setup-glpk
	swift build -c release --product fenjie $(RELEASE_FLAGS) $(SWIFT_FLAGS)

demo: release
	.build/release/fenjie Scenarios/liangxi-2025.toml

test: setup
	swift build --build-tests $(SWIFT_FLAGS)
	swift test --skip-build $(SWIFT_FLAGS)

# The simulation against numpy, then the allocation on 9 to 1,250 areas (benchmarks/allocation.sh),
# then regions in levels: the Wuxi tree and a synthetic province (benchmarks/tree.sh).
bench: release
	SKIP_BUILD=1 RELEASE_FLAGS="$(RELEASE_FLAGS)" bash benchmarks/run.sh
	SKIP_BUILD=1 bash benchmarks/allocation.sh
	SKIP_BUILD=1 bash benchmarks/tree.sh

# Rewrites the golden outputs (Tests/EndToEndTests/Golden) from the current build: only on purpose,
# after a change meant to alter an output; read `git diff` of the folder before committing.
golden: setup
	swift build --build-tests $(SWIFT_FLAGS)
	FENJIE_UPDATE_GOLDEN=1 swift test --skip-build --filter GoldenOutputTests $(SWIFT_FLAGS)

# Regenerates every command output pasted in the README (blocks after <!-- output: … --> markers).
readme: release
	python3 scripts/update-readme.py

# A release a planner's office PC can run (scripts/dist.sh): the Swift runtime, GLPK and every other
# library but glibc linked statically, packed with Scenarios/, README.md and docs/ into
# dist/fenjie-VERSION-linux-ARCH.tar.gz, then checked by scripts/dist-check.sh (unpacked into an
# empty folder, `env -i ./fenjie allocate`, `ldd`). Built in .build-dist, apart from .build.
# libltdl-dev is the one package beyond `setup` (GLPK's static archive calls libltdl).
dist: setup
	@if [ ! -f /usr/lib/$$(gcc -print-multiarch)/libltdl.a ]; then \
	  echo "Installing libltdl-dev (libltdl.a, for the static GLPK)…"; \
	  $(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libltdl-dev; \
	fi
	SWIFT_FLAGS="$(SWIFT_FLAGS)" bash scripts/dist.sh

clean:
	rm -rf .build .build-dist dist
