#!/usr/bin/env bash
# Installs what nastavnik needs from Debian when it is missing: the C libraries it wraps
# (libcsv, libxlsxwriter, SQLite), libxml2 and pkg-config. Run by `make run`, `make test` and CI.
set -euo pipefail

missing=()
# `setup.sh libreoffice`: also the headless LibreOffice (Calc and Writer) that checks the workbooks
# and the report;
# `setup.sh chromium`: also the headless browser that loads the web pages in the tests, its
# WebDriver and curl (the server tests);
# `setup.sh poppler`: pdftoppm, which renders a page of the report for README;
# `setup.sh wrk`: the HTTP load generator of `make bench-serve`;
# `setup.sh openpyxl`: the second reader of workbooks the reading tests compare against (PyPI);
# `setup.sh xlsxwriter`: what the shared Python baseline of `make bench-scale` writes with (PyPI).
for extra in "$@"; do
    case "$extra" in
        libreoffice)
            command -v soffice >/dev/null || missing+=(libreoffice-calc-nogui)
            [ -e /usr/lib/libreoffice/program/libswlo.so ] || missing+=(libreoffice-writer-nogui)
            ;;
        chromium)
            command -v chromium >/dev/null || missing+=(chromium)
            command -v chromedriver >/dev/null || missing+=(chromium-driver)  # WebDriver, for the curators' page tests
            command -v curl >/dev/null || missing+=(curl)                     # the HTTP client of the server tests
            ;;
        poppler) command -v pdftoppm >/dev/null || missing+=(poppler-utils) ;;
        wrk) command -v wrk >/dev/null || missing+=(wrk) ;;
        openpyxl)
            python3 -c 'import openpyxl' 2>/dev/null \
                || python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore 'openpyxl==3.1.5' >&2
            ;;
        xlsxwriter)
            python3 -c 'import xlsxwriter' 2>/dev/null \
                || python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore 'XlsxWriter==3.2.0' >&2
            ;;
        *) echo "setup.sh: unknown extra «$extra»" >&2; exit 2 ;;
    esac
done
[ -f /usr/include/csv.h ] || missing+=(libcsv-dev)
[ -f /usr/include/xlsxwriter.h ] || missing+=(libxlsxwriter-dev)
[ -f /usr/include/sqlite3.h ] || missing+=(libsqlite3-dev)
# libxml2 parses the XML of .xlsx workbooks (its SAX2 interface, headers from libxml2-dev).
[ -f /usr/include/libxml2/libxml/parser.h ] || missing+=(libxml2-dev)
command -v pkg-config >/dev/null || missing+=(pkg-config)
[ -x /usr/bin/time ] || missing+=(time)  # the tests measure a run's peak memory with it
[ ${#missing[@]} -eq 0 ] && exit 0

echo "nastavnik: installing ${missing[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
    echo "nastavnik: missing packages: ${missing[*]}" >&2
    echo "Install them as root:  apt-get install ${missing[*]}" >&2
    exit 1
fi
