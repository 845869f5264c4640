# nastavnik — the two commands of the README, and a few helpers.
#   make run    set up, build, and run the nightly job on the demo data in inbox/
#   make test   set up, build, and run every test
SWIFT ?= swift
AS_OF ?= $(shell date +%F)

.PHONY: setup build release run run-region serve test lint format fuzz sanitize check-workbooks install bench bench-scale bench-workbooks bench-levels bench-serve clean
PREFIX ?= /opt/nastavnik

setup:
	@scripts/setup.sh

build: setup
	$(SWIFT) build

release: setup
	$(SWIFT) build -c release --product nastavnik

# The nightly job on a copy of the demo inbox (var/demo/), outputs in outbox/: the debug build, the
# one the tests use (a demo night takes a second either way; `make install` builds the release).
run: build
	scripts/demo-run.sh --as-of $(AS_OF)

# The curators' page on the demo (var/demo/ of `make run`): http://127.0.0.1:8080, a code for
# tetyushi-sosh1 and one for the district printed first.
serve: run
	.build/debug/nastavnik access issue tetyushi-sosh1 --config var/demo/config | tail -1 | sed 's/^/tetyushi-sosh1: /'
	.build/debug/nastavnik access issue district --config var/demo/config | tail -1 | sed 's/^/district: /'
	.build/debug/nastavnik serve --config var/demo/config --listen 127.0.0.1:8080

# A region's night on the demo district's package (var/demo-region/, outputs in its outbox/).
run-region: run
	scripts/demo-region.sh --as-of $(AS_OF)

# The browser tests load the web pages in headless Chromium, the reading tests compare with
# openpyxl, the package tests have LibreOffice and openpyxl save a package again; installed here
# when missing.
test: setup lint
	@scripts/setup.sh chromium openpyxl libreoffice
	$(SWIFT) build --build-tests
	$(SWIFT) test

# The tree stays formatted by .swift-format (`make format` rewrites it).
lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

format:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift

# A real client: LibreOffice opens every workbook of the demo run; the statform's totals recalculate
# to the cached values. Installs LibreOffice Calc (headless) when missing.
check-workbooks: run
	@scripts/setup.sh libreoffice
	scripts/check-demo.sh --check-workbooks

# Coverage-guided fuzzing of the reader and validator with libFuzzer (FUZZ_SECONDS, default 60).
FUZZ_SECONDS ?= 60
fuzz: setup
	$(SWIFT) build -c release --product nastavnik-fuzz --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING
	scripts/fuzz.sh $(FUZZ_SECONDS)

# The whole test suite under AddressSanitizer, then ThreadSanitizer (BENCHMARKS.md has the results).
sanitize: setup
	LSAN_OPTIONS=suppressions=$(CURDIR)/Tests/Sanitizers/lsan.supp $(SWIFT) test --sanitize=address --scratch-path .build-asan
	TSAN_OPTIONS=suppressions=$(CURDIR)/Tests/Sanitizers/tsan.supp $(SWIFT) test --sanitize=thread --scratch-path .build-tsan

# The binary, config, folders and scheduling units under $(PREFIX) (see README, «Administration»).
install: release
	PREFIX=$(PREFIX) scripts/install.sh

bench: setup
	$(SWIFT) build -c release --product nastavnik-bench
	.build/release/nastavnik-bench --megabytes 100 --runs 5 --encoding cp1251
	.build/release/nastavnik-bench --megabytes 100 --runs 5 --encoding cp1251 --surnames unique
	.build/release/nastavnik-bench --megabytes 100 --runs 5 --encoding utf8
	.build/release/nastavnik-bench registry-workbook --rows 1000000

# The nightly job at 20, 1,400, 5,600 and 40,000 schools with the Python baseline (BENCHMARKS.md;
# the country takes about half an hour, the baseline most of it). SIZES=20,1400 for a shorter run.
SIZES ?= 20,1400,5600,40000
bench-scale: setup
	@scripts/setup.sh xlsxwriter
	$(SWIFT) build -c release --product nastavnik
	$(SWIFT) build -c release --product nastavnik-bench
	.build/release/nastavnik-bench scale --sizes $(SIZES) --runs 3

# A region's night on 45 district packages of 40 schools each (DISTRICTS, SCHOOLS to change it).
DISTRICTS ?= 45
SCHOOLS ?= 40
bench-levels: setup
	$(SWIFT) build -c release --product nastavnik-bench
	.build/release/nastavnik-bench levels --districts $(DISTRICTS) --schools $(SCHOOLS) --runs 5

# The curators' page under load from wrk: GET / and uploads at 20 and 200 connections, and with 1,000
# idle ones (BENCHMARKS.md); SERVE_VS=<another build's nastavnik> runs it too, alternately.
bench-serve: setup
	@scripts/setup.sh wrk
	$(SWIFT) build -c release --product nastavnik
	$(SWIFT) build -c release --product nastavnik-bench
	.build/release/nastavnik-bench serve --seconds 10 --runs 3 $(if $(SERVE_VS),--vs $(SERVE_VS))

# Reading .xlsx: a school's six-sheet workbook, and a 100,000-row mentors sheet.
bench-workbooks: setup
	$(SWIFT) build -c release --product nastavnik-bench
	.build/release/nastavnik-bench workbook-reading --runs 5

clean:
	rm -rf .build
