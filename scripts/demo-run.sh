#!/usr/bin/env bash
# `make run`: the nightly job on a fresh copy of the demo inbox and an empty registry, so that the
# first experience can be repeated; the workbooks and receipts land in outbox/ as in production.
set -euo pipefail
cd "$(dirname "$0")/.."
demo=var/demo
rm -rf "$demo"
mkdir -p "$demo/config"
cp config/schools.csv config/roadmap.csv "$demo/config/"
# Relative paths start at the folder holding config/, here var/demo.
sed -e 's|^inbox = .*|inbox = "inbox"|' \
    -e 's|^outbox = .*|outbox = "../../outbox"|' \
    -e 's|^state = .*|state = "state"|' \
    -e 's|^min_file_age_seconds = .*|min_file_age_seconds = 0|' \
    config/nastavnik.toml > "$demo/config/nastavnik.toml"
cp -r inbox "$demo/inbox"
exec .build/debug/nastavnik run --config "$demo/config" "$@"
