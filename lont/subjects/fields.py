"""Encrypted text at rest: the database holds a Fernet token, Python sees the plaintext."""

from __future__ import annotations

from typing import Any

from django.db import models

from lont.core.crypto import decrypt, encrypt


class EncryptedTextField(models.TextField):
    """Identifying personal data. Not searchable or orderable in SQL — by design: a database dump
    or a query log never holds a real name."""

    # Found by the restore check (lont.core.backup): a restored backup must still decrypt.
    encrypted_at_rest = True

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> str:
        if not value:
            return ""
        return decrypt(value)

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if not value:
            return ""
        return encrypt(str(value))
