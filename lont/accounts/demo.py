"""The demo accounts' second factor: a known TOTP secret, so `make otp` prints valid codes."""

from __future__ import annotations

from typing import Any

from lont.networks.demo import MEMBERS, demo_totp_secret

from . import totp
from .models import TOTPDevice, User


def load_demo_second_factor(networks: dict[str, Any]) -> None:
    """Idempotent: an account that already has a device keeps it."""
    for member in MEMBERS:
        user = User.objects.filter(email=member.email).first()
        if user is not None and not TOTPDevice.objects.filter(user=user).exists():
            totp.set_known_secret(user, demo_totp_secret(member.email))
