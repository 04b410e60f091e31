"""Helpers for the account-security tests: frozen time, TOTP codes and the real login pages.

Imported by the test modules (their folder is on sys.path); ``conftest.py`` exposes ``clock``."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pyotp
import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from factories import PASSWORD

from lont.accounts.models import User

# Five seconds into a 30-second TOTP step, so ±1 step arithmetic never straddles a boundary.
START = datetime(2026, 3, 2, 9, 0, 5, tzinfo=UTC)


@pytest.fixture
def clock() -> Iterator[time_machine.Coordinates]:
    """Time stands still unless a test moves it with ``clock.shift(seconds)``."""
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


def code_for(user: User, steps: int = 0) -> str:
    """The user's TOTP code, ``steps`` 30-second steps away from now."""
    totp = pyotp.TOTP(user.totp_secret)  # type: ignore[attr-defined]
    return totp.at(datetime.now(tz=UTC).timestamp() + steps * totp.interval)


def post_password(client: Client, email: str, password: str = PASSWORD, **extra: Any) -> Any:
    return client.post(reverse("accounts:login"), {"email": email, "password": password}, **extra)


def post_code(client: Client, code: str, next_url: str = "") -> Any:
    data = {"code": code}
    if next_url:
        data["next"] = next_url
    return client.post(reverse("accounts:two_factor"), data)


def full_login(client: Client, user: User) -> Any:
    """Password, then the current TOTP code, through the pages."""
    assert post_password(client, user.email).status_code == 302
    return post_code(client, code_for(user))
