#!/usr/bin/env bash
# `make fuzz`: libFuzzer on the reader and validator (Tests/Fuzz) for SECONDS (default 60), from the
# seed corpus (Tests/FuzzCorpus: every encoding and dialect, and every input that once failed) and
# csv-spectrum. New inputs go to a scratch corpus; a crash is kept in Tests/FuzzCorpus as
# crash-<sha1>, to stay a regression input that `make test` replays.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
work=$(mktemp -d "${TMPDIR:-/tmp}/nastavnik-fuzz-XXXXXX")
trap 'rm -rf "$work"' EXIT
seeds=(Tests/FuzzCorpus)
[ -d ../shared/testdata/csv-spectrum/csvs ] && seeds+=(../shared/testdata/csv-spectrum/csvs)
status=0
# Leaks inside the libraries (Tests/Sanitizers/lsan.supp says which and why) are not findings.
LSAN_OPTIONS="suppressions=$PWD/Tests/Sanitizers/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}" \
    .build-fuzz/release/nastavnik-fuzz -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="$work/" "$work" "${seeds[@]}" 2>&1 | tail -25 || status=$?
for crash in "$work"/crash-* "$work"/timeout-* "$work"/oom-*; do
    [ -e "$crash" ] || continue
    cp "$crash" Tests/FuzzCorpus/
    echo "fuzz: kept $(basename "$crash") in Tests/FuzzCorpus (add a test for it)"
done
exit "$status"
