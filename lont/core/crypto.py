"""Encryption at rest for secrets and identifying personal data (Fernet, key from settings)."""

from __future__ import annotations

import base64
import hashlib
from functools import cache

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings


@cache
def _fernet() -> Fernet:
    configured = settings.LONT_FIELD_ENCRYPTION_KEY
    if configured:
        return Fernet(configured.encode())
    digest = hashlib.sha256(f"lont-field-encryption:{settings.SECRET_KEY}".encode()).digest()
    return Fernet(base64.urlsafe_b64encode(digest))


def encrypt(plaintext: str) -> str:
    return _fernet().encrypt(plaintext.encode()).decode()


def decrypt(token: str) -> str:
    try:
        return _fernet().decrypt(token.encode()).decode()
    except InvalidToken as error:
        raise ValueError(
            "Versleutelde waarde kan niet worden gelezen (verkeerde sleutel?)."
        ) from error


def token_hash(raw: str) -> str:
    """Hash for high-entropy tokens (invitations, API tokens): a fast digest is enough."""
    return hashlib.sha256(raw.encode()).hexdigest()
