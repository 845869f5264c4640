#!/usr/bin/env bash
# `make install PREFIX=/opt/nastavnik`: the release binary, the configuration (kept if present),
# the folders with their permissions, and the systemd units (or the cron line where systemd is absent).
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=${PREFIX:-/opt/nastavnik}
user=${NASTAVNIK_USER:-nastavnik}
root=${DESTDIR:-}

install -d "$root$prefix/bin" "$root$prefix/config" "$root$prefix/outbox" "$root$prefix/var"
install -m 0755 "${NASTAVNIK_BINARY:-.build/release/nastavnik}" "$root$prefix/bin/nastavnik"
for file in nastavnik.toml schools.csv roadmap.csv; do
    [ -e "$root$prefix/config/$file" ] || install -m 0644 "config/$file" "$root$prefix/config/$file"
done
install -m 0644 README.md "$root$prefix/README.md"
# One inbox folder per school of schools.csv, plus the district's own.
install -d -m 0755 "$root$prefix/inbox"
tail -n +2 "$root$prefix/config/schools.csv" | cut -d';' -f1 | tr -d '\r' | while read -r code; do
    [ -n "$code" ] && install -d -m 2770 "$root$prefix/inbox/$code"
done
install -d -m 2770 "$root$prefix/inbox/district"

if [ -z "$root" ] && [ "$(id -u)" -eq 0 ]; then
    id "$user" >/dev/null 2>&1 || useradd --system --home-dir "$prefix" --shell /usr/sbin/nologin "$user"
    chown -R "$user:$user" "$prefix/var" "$prefix/outbox" "$prefix/inbox"
fi
units="$root/etc/systemd/system"
if [ -d "$units" ]; then
    sed "s|/opt/nastavnik|$prefix|g; s|^User=.*|User=$user|; s|^Group=.*|Group=$user|" deploy/nastavnik.service > "$units/nastavnik.service"
    install -m 0644 deploy/nastavnik.timer "$units/nastavnik.timer"
    sed "s|/opt/nastavnik|$prefix|g; s|^User=.*|User=$user|; s|^Group=.*|Group=$user|" deploy/nastavnik-serve.service > "$units/nastavnik-serve.service"
    echo "systemd: systemctl daemon-reload && systemctl enable --now nastavnik.timer nastavnik-serve.service"
else
    install -d "$root$prefix/deploy"
    sed "s|/opt/nastavnik|$prefix|g; s| nastavnik cd | $user cd |" deploy/nastavnik.cron > "$root$prefix/deploy/nastavnik.cron"
    echo "cron: copy $prefix/deploy/nastavnik.cron to /etc/cron.d/nastavnik"
fi
install -d "$root$prefix/deploy"
install -m 0644 deploy/nginx-nastavnik.conf "$root$prefix/deploy/nginx-nastavnik.conf"
echo "installed in $root$prefix"
