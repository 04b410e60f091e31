"""What a backup must prove when it is restored: the same rows, and every encrypted value still
readable with the key kept beside it. A dump without its key is unreadable by design (principle:
identifying data encrypted at rest), so a restore test that only counts rows would pass on a
backup nobody can use.

Models are found through Django's app registry, so a new app's tables are covered without a list.
A field is encrypted at rest when its class says so (``encrypted_at_rest = True``) or its model
names it in ``encrypted_fields`` (a Fernet token stored in a plain column)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import models

from .crypto import decrypt


def key_fingerprint() -> str:
    """Tells which key a manifest was made with, without revealing it."""
    material = settings.LONT_FIELD_ENCRYPTION_KEY or f"secret-key:{settings.SECRET_KEY}"
    return hashlib.sha256(f"lont-key-fingerprint:{material}".encode()).hexdigest()[:16]


def _concrete_models() -> list[type[models.Model]]:
    return [
        model
        for model in apps.get_models()
        if not model._meta.proxy and not model._meta.abstract and model._meta.managed
    ]


def row_counts() -> dict[str, int]:
    return {model._meta.label_lower: model._base_manager.count() for model in _concrete_models()}


def encrypted_columns() -> list[tuple[type[models.Model], str]]:
    columns: list[tuple[type[models.Model], str]] = []
    for model in _concrete_models():
        declared = set(getattr(model, "encrypted_fields", ()))
        for model_field in model._meta.concrete_fields:
            encrypted = getattr(model_field, "encrypted_at_rest", False)
            if (encrypted or model_field.name in declared) and model_field.column:
                columns.append((model, model_field.column))
    return columns


def manifest() -> dict[str, Any]:
    return {"key": key_fingerprint(), "counts": row_counts()}


@dataclass
class RestoreReport:
    count_mismatches: dict[str, tuple[int, int]] = field(default_factory=dict)
    decrypted: int = 0
    unreadable: dict[str, int] = field(default_factory=dict)
    key_differs: bool = False
    missing_files: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (
            self.count_mismatches or self.unreadable or self.key_differs or self.missing_files
        )


def _raw_values(model: type[models.Model], column: str) -> list[str]:
    # Raw SQL on purpose: the ORM would decrypt (and raise) inside from_db_value, and we want to
    # count the unreadable values per column rather than stop at the first.
    table = model._meta.db_table
    from django.db import connection

    with connection.cursor() as cursor:
        quote = connection.ops.quote_name
        cursor.execute(f"SELECT {quote(column)} FROM {quote(table)}")  # noqa: S608 - names from _meta
        return [row[0] for row in cursor.fetchall() if row[0]]


def stored_files() -> list[str]:
    """Every file name a FileField points at (attachments, preserved copies)."""
    names: list[str] = []
    for model in _concrete_models():
        for model_field in model._meta.concrete_fields:
            if isinstance(model_field, models.FileField):
                names.extend(
                    name
                    for name in model._base_manager.values_list(model_field.attname, flat=True)
                    if name
                )
    return names


def check_restore(expected: dict[str, Any], *, media_root: Path | None = None) -> RestoreReport:
    report = RestoreReport(key_differs=expected.get("key") != key_fingerprint())
    if media_root is not None:
        report.missing_files = [
            name for name in stored_files() if not (media_root / name).is_file()
        ]
    counts = row_counts()
    for label, count in expected.get("counts", {}).items():
        if counts.get(label) != count:
            report.count_mismatches[label] = (count, counts.get(label, -1))
    for model, column in encrypted_columns():
        for value in _raw_values(model, column):
            try:
                decrypt(value)
            except ValueError:
                name = f"{model._meta.label_lower}.{column}"
                report.unreadable[name] = report.unreadable.get(name, 0) + 1
            else:
                report.decrypted += 1
    return report
