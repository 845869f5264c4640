#!/usr/bin/env bash
# README's picture of the half-yearly report: the demo run's spravka-*.docx converted to PDF by
# LibreOffice Writer, its first page rendered to docs/report-page1.png. Run `make run` first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh libreoffice poppler
report=$(ls outbox/spravka-*.docx 2>/dev/null | head -1)
[ -n "$report" ] || { echo "no outbox/spravka-*.docx: make run first" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/nastavnik-report-XXXXXX")
trap 'rm -rf "$work"' EXIT
soffice "-env:UserInstallation=file://$work/profile" --headless --norestore --convert-to pdf --outdir "$work" "$report" >/dev/null
pdf="$work/$(basename "${report%.docx}").pdf"
echo "$(basename "$report"): $(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages/ {print $2}') pages"
pdftoppm -png -r 90 -f 1 -l 1 -singlefile "$pdf" docs/report-page1
ls -l docs/report-page1.png
