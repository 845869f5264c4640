#!/usr/bin/env bash
# The README's run command in a fresh clone in a temporary folder: it must set itself up, build,
# run the nightly job on the demo inbox and leave every workbook of SPEC §7 in the clone's outbox.
# With --check-workbooks, LibreOffice then opens them (scripts/check-workbooks.py).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/nastavnik-fresh-XXXXXX")
trap 'rm -rf "$work"' EXIT
git clone -q "$here" "$work/nastavnik"
cd "$work/nastavnik"
make run > "$work/run.log" 2>&1 || { cat "$work/run.log"; exit 1; }
day=$(date +%F)
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
[ "$missing" -eq 0 ] || { cat "$work/run.log"; exit 1; }
echo "fresh clone: make run wrote $(find outbox -name '*.xlsx' | wc -l) workbooks and $(find outbox -name '*.html' | wc -l) pages"
if [ "${1:-}" = --check-workbooks ]; then
    python3 "$here/scripts/check-workbooks.py" outbox
fi
