#!/usr/bin/env bash
# After `make run`: every output of SPEC §7 is in outbox/ — the district's workbooks, a receipt per
# school folder, the public extracts, the pages, the half-yearly report. With --check-workbooks,
# LibreOffice then opens them (scripts/check-workbooks.py).
set -euo pipefail
cd "$(dirname "$0")/.."
day=${AS_OF:-$(date +%F)}
missing=0
for path in "outbox/registry-$day.xlsx" "outbox/statform-$day.xlsx" "outbox/monitoring-$day.xlsx"; do
    [ -s "$path" ] || { echo "missing: $path"; missing=1; }
done
for folder in inbox/*/; do
    code=$(basename "$folder")
    [ -s "outbox/schools/$code/receipt-$day.xlsx" ] || { echo "missing: receipt of $code"; missing=1; }
done
ls outbox/public/*/nastavnichestvo-"$day".xlsx >/dev/null 2>&1 || { echo "missing: public extracts"; missing=1; }
[ -s outbox/index.html ] || { echo "missing: outbox/index.html"; missing=1; }
ls outbox/spravka-*.docx >/dev/null 2>&1 || { echo "missing: the half-yearly report"; missing=1; }
for folder in inbox/*/; do
    code=$(basename "$folder")
    [ "$code" = district ] || [ -s "outbox/public/$code/index.html" ] || { echo "missing: the page of $code"; missing=1; }
done
[ "$missing" -eq 0 ] || exit 1
echo "make run wrote $(find outbox -name '*.xlsx' | wc -l) workbooks and $(find outbox -name '*.html' | wc -l) pages"
if [ "${1:-}" = --check-workbooks ]; then
    python3 scripts/check-workbooks.py outbox
fi
