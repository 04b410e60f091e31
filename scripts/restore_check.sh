#!/usr/bin/env bash
# Prove a backup can be restored: restore the dump into a fresh database, unpack the media folder,
# and check row counts against the manifest, that every encrypted value decrypts with the key now
# configured (LONT_FIELD_ENCRYPTION_KEY / SECRET_KEY) and that every attachment file is there.
# The scratch database is dropped afterwards. Usage: DATABASE_URL=postgres://… scripts/restore_check.sh DIR
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:?usage: scripts/restore_check.sh DIR}
: "${DATABASE_URL:?set DATABASE_URL (its server is used for the scratch database)}"
PY=${PYTHON:-.venv/bin/python}
server=${DATABASE_URL%/*}
scratch="lont_restore_check_$$"
media=$(mktemp -d)
cleanup() {
  psql "$server/postgres" -qc "DROP DATABASE IF EXISTS $scratch" >/dev/null 2>&1 || true
  rm -rf "$media"
}
trap cleanup EXIT
psql "$server/postgres" -qc "CREATE DATABASE $scratch"
pg_restore --no-owner --dbname="$server/$scratch" "$dir/lont.dump"
tar -xzf "$dir/media.tar.gz" -C "$media"
DATABASE_URL="$server/$scratch" "$PY" manage.py restore_check --manifest "$dir/manifest.json" --media "$media"
