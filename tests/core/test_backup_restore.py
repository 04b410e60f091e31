"""A backup can be restored (issue 16, part 7): scripts/backup.sh dumps the PostgreSQL database with
a manifest, scripts/restore_check.sh restores it into a scratch database and proves the row counts
and that every encrypted value still decrypts — and fails loudly with the wrong key."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from django.db import connection
from factories import member_factory, organisation_factory
from subjects_factories import person_factory

from lont.core.backup import encrypted_columns, key_fingerprint
from lont.networks.choices import PartnerType

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="pg_dump and pg_restore need PostgreSQL"
)


def _database_url() -> str:
    s = connection.settings_dict
    user = s.get("USER") or "postgres"
    return f"postgres://{user}@{s.get('HOST') or '127.0.0.1'}:{s.get('PORT') or 5432}/{s['NAME']}"


def _run(script: str, directory: Path, media: Path, **extra: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": _database_url(), "LONT_MEDIA_ROOT": str(media), **extra}
    return subprocess.run(  # noqa: S603 - the project's own scripts
        ["/bin/bash", str(ROOT / "scripts" / script), str(directory)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_the_columns_holding_encrypted_data_are_found_from_the_models() -> None:
    columns = {(model._meta.label_lower, column) for model, column in encrypted_columns()}
    assert ("subjects.person", "real_name") in columns
    assert ("accounts.totpdevice", "secret") in columns


@pytest.mark.django_db(transaction=True)
def test_a_backup_restores_with_its_key_and_not_without(network, tmp_path: Path) -> None:
    # given committed data with encrypted fields: a person's real name and a member's TOTP secret
    police = organisation_factory(network, "Politie Backup", PartnerType.POLICE)
    member_factory(network, organisation=police)
    person_factory(police, alias="Reservekopie")
    media = tmp_path / "media"
    (media / "bijlagen").mkdir(parents=True)
    backup = tmp_path / "backup"
    # when the backup is made
    made = _run("backup.sh", backup, media)
    assert made.returncode == 0, made.stderr
    assert {p.name for p in backup.iterdir()} == {"lont.dump", "manifest.json", "media.tar.gz"}
    assert key_fingerprint() in (backup / "manifest.json").read_text()
    # then it restores into a fresh database with the same rows, every secret readable
    restored = _run("restore_check.sh", backup, media)
    assert restored.returncode == 0, restored.stdout + restored.stderr
    assert "Terugzetten in orde." in restored.stdout
    decrypted = int(restored.stdout.split("Ontsleuteld: ")[1].split(" ")[0])
    assert decrypted >= 2
    # and with another key the same backup is refused, naming the unreadable columns
    wrong = _run(
        "restore_check.sh",
        backup,
        media,
        LONT_FIELD_ENCRYPTION_KEY="x" * 43 + "=",
    )
    assert wrong.returncode != 0
    assert "Niet te ontsleutelen: subjects.person.real_name" in wrong.stdout
    assert "niet de sleutel van deze back-up" in wrong.stdout
