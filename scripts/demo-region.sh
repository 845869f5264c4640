#!/usr/bin/env bash
# `make run-region`: a region's night on the demo district's package (from `make run`), in
# var/demo-region/ with its own outbox: the region of config/examples/region/ lists the demo
# district and two others that have not sent their packages yet.
set -euo pipefail
cd "$(dirname "$0")/.."
region=var/demo-region
package=$(ls outbox/upward/tetyushi-*.xlsx 2>/dev/null | tail -1)
[ -n "$package" ] || { echo "no district package in outbox/upward/ (make run first)" >&2; exit 1; }
rm -rf "$region"
mkdir -p "$region/config" "$region/inbox/tetyushi"
cp config/examples/region/* "$region/config/"
cp "$package" "$region/inbox/tetyushi/"
exec .build/debug/nastavnik run --config "$region/config" "$@"
