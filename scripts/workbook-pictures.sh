#!/usr/bin/env bash
# README's pictures of the workbooks as they print: the demo run's statform, monitoring workbook
# (sheet «Сроки ОО») and a receipt (sheet «Замечания») printed to PDF by LibreOffice, the page of
# each sheet rendered by pdftoppm into docs/. Prints the page counts. Run `make run` first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh libreoffice poppler
work=$(mktemp -d "${TMPDIR:-/tmp}/nastavnik-print-XXXXXX")
trap 'rm -rf "$work"' EXIT
day=$(ls outbox/statform-*.xlsx | head -1 | sed 's/.*statform-\(.*\)\.xlsx/\1/')
picture() { # workbook, sheet, output
    soffice "-env:UserInstallation=file://$work/profile" --headless --norestore --convert-to pdf --outdir "$work" "$1" >/dev/null 2>&1
    local pdf="$work/$(basename "${1%.xlsx}").pdf"
    local pages
    pages=$(pdfinfo "$pdf" | awk '/^Pages/ {print $2}')
    local page=1
    for ((p = 1; p <= pages; p++)); do
        if pdftotext -f "$p" -l "$p" "$pdf" - | grep -qx "$2"; then page=$p; break; fi
    done
    pdftoppm -png -r 100 -f "$page" -l "$page" -singlefile "$pdf" "$3"
    echo "$1: $pages pages; «$2» on page $page → $3.png"
}
picture "outbox/statform-$day.xlsx" "Статнаблюдение" docs/statform
picture "outbox/monitoring-$day.xlsx" "Сроки ОО" docs/monitoring-deadlines
picture "outbox/schools/tetyushi-sosh2/receipt-$day.xlsx" "Замечания" docs/receipt-remarks
