#!/usr/bin/env bash
# The README's run command in a fresh clone in a temporary folder: it must set itself up, build,
# run the nightly job on the demo inbox and leave every output of SPEC §7 in the clone's outbox
# (scripts/check-demo.sh, which CI runs on its own clean clone). Arguments go to check-demo.sh.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/nastavnik-fresh-XXXXXX")
trap 'rm -rf "$work"' EXIT
git clone -q "$here" "$work/nastavnik"
cd "$work/nastavnik"
make run > "$work/run.log" 2>&1 || { cat "$work/run.log"; exit 1; }
scripts/check-demo.sh "$@" || { cat "$work/run.log"; exit 1; }
