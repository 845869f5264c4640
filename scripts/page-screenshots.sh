#!/usr/bin/env bash
# Screenshots of the demo run's web pages for README (docs/page-*.png): one school's page and the
# district's, at a desktop's width (1280 px) and a phone's (390 px, in an iframe of that width:
# a headless window is never narrower than 500 px); the region's, when `make run-region` has run.
# Run `make run` first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh chromium
work=$(mktemp -d "${TMPDIR:-/tmp}/nastavnik-shots-XXXXXX")
trap 'rm -rf "$work"' EXIT
shoot() { # width height url output
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$work/profile" \
        --window-size="$1,$2" --virtual-time-budget=3000 --screenshot="$4" "$3" 2>/dev/null
}
for page in school:public/tetyushi-sosh1/index.html district:index.html; do
    name=${page%%:*}
    file="$PWD/outbox/${page#*:}"
    [ -s "$file" ] || { echo "missing: $file (make run first)" >&2; exit 1; }
    shoot 1280 1400 "file://$file" "docs/page-$name-desktop.png"
    cat > "$work/phone-$name.html" <<HTML
<!DOCTYPE html><html><head><meta charset="utf-8"><title>390 px</title></head>
<body style="margin:0;background:#888"><iframe src="file://$file" style="width:390px;height:1400px;border:0;background:#fff"></iframe></body></html>
HTML
    shoot 500 1400 "file://$work/phone-$name.html" "docs/page-$name-phone.png"
done
region="$PWD/var/demo-region/outbox/index.html"
[ -s "$region" ] && shoot 1280 1300 "file://$region" docs/page-region-desktop.png
ls -l docs/page-*.png
