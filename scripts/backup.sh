#!/usr/bin/env bash
# Back up Lont: the PostgreSQL database (pg_dump, custom format), a manifest of row counts and the
# key's fingerprint, and the media folder (attachments). The encryption key is NOT in the backup:
# keep LONT_FIELD_ENCRYPTION_KEY in a separate secret store — a backup without it cannot be read.
# Usage: DATABASE_URL=postgres://… scripts/backup.sh DIR
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: scripts/backup.sh DIR}
: "${DATABASE_URL:?set DATABASE_URL to the PostgreSQL database to back up}"
PY=${PYTHON:-.venv/bin/python}
mkdir -p "$out"

# The manifest must describe the same moment as the dump: taken before and after, and the dump
# is repeated when something was written in between.
for attempt in 1 2 3; do
  "$PY" manage.py backup_manifest --out "$out/manifest.before.json" >/dev/null
  pg_dump --format=custom --no-owner --dbname="$DATABASE_URL" --file="$out/lont.dump"
  "$PY" manage.py backup_manifest --out "$out/manifest.json" >/dev/null
  if cmp -s "$out/manifest.before.json" "$out/manifest.json"; then
    rm "$out/manifest.before.json"
    media=$("$PY" -c 'import django, os; os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lont.settings.dev"); django.setup(); from django.conf import settings; print(settings.MEDIA_ROOT)')
    mkdir -p "$media"
    tar -czf "$out/media.tar.gz" -C "$media" .
    echo "Back-up in $out: lont.dump, manifest.json, media.tar.gz (de sleutel zit er bewust niet in)."
    exit 0
  fi
  echo "De database veranderde tijdens de back-up (poging $attempt); opnieuw." >&2
done
echo "Geen consistente back-up na 3 pogingen; kies een rustiger moment." >&2
exit 1
