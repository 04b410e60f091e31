"""TOTP second factor with replay protection, and single-use recovery codes."""

from __future__ import annotations

import secrets
import time

import pyotp
from django.contrib.auth.hashers import check_password, make_password
from django.db import transaction
from django.utils import timezone

from lont.core.crypto import decrypt, encrypt

from .models import RecoveryCode, TOTPDevice, User

ISSUER = "Lont"
RECOVERY_CODE_COUNT = 10


def device_secret(device: TOTPDevice) -> str:
    return decrypt(device.secret)


def enrolment_start(user: User) -> TOTPDevice:
    """An unconfirmed device with a fresh secret (replaces an unconfirmed earlier attempt)."""
    device, _ = TOTPDevice.objects.get_or_create(
        user=user, defaults={"secret": encrypt(pyotp.random_base32())}
    )
    if device.confirmed_at is None:
        device.secret = encrypt(pyotp.random_base32())
        device.save(update_fields=["secret"])
    return device


def set_known_secret(user: User, secret: str) -> TOTPDevice:
    """For the demo network: real TOTP with a secret printed by ``make demo``."""
    device, _ = TOTPDevice.objects.update_or_create(
        user=user,
        defaults={"secret": encrypt(secret), "confirmed_at": timezone.now(), "last_used_step": 0},
    )
    return device


def provisioning_uri(user: User, device: TOTPDevice) -> str:
    return pyotp.TOTP(device_secret(device)).provisioning_uri(name=user.email, issuer_name=ISSUER)


@transaction.atomic
def verify_code(user: User, code: str, *, confirming: bool = False) -> bool:
    """Check a 6-digit code (±1 step); a code once used is refused (replay)."""
    code = "".join(ch for ch in code if ch.isdigit())
    if len(code) != 6:
        return False
    device = TOTPDevice.objects.select_for_update().filter(user=user).first()
    if device is None or (device.confirmed_at is None and not confirming):
        return False
    totp = pyotp.TOTP(device_secret(device))
    now_step = int(time.time()) // totp.interval
    for step in (now_step - 1, now_step, now_step + 1):
        if step <= device.last_used_step:
            continue
        if secrets.compare_digest(totp.at(step * totp.interval), code):
            device.last_used_step = step
            if confirming and device.confirmed_at is None:
                device.confirmed_at = timezone.now()
            device.save(update_fields=["last_used_step", "confirmed_at"])
            return True
    return False


@transaction.atomic
def recovery_codes_generate(user: User) -> list[str]:
    RecoveryCode.objects.filter(user=user).delete()
    codes = [
        f"{secrets.token_hex(2)}-{secrets.token_hex(2)}-{secrets.token_hex(2)}"
        for _ in range(RECOVERY_CODE_COUNT)
    ]
    RecoveryCode.objects.bulk_create(
        RecoveryCode(user=user, code_hash=make_password(code)) for code in codes
    )
    return codes


@transaction.atomic
def recovery_code_use(user: User, code: str) -> bool:
    code = code.strip().lower()
    for candidate in RecoveryCode.objects.select_for_update().filter(
        user=user, used_at__isnull=True
    ):
        if check_password(code, candidate.code_hash):
            candidate.used_at = timezone.now()
            candidate.save(update_fields=["used_at"])
            return True
    return False


def current_code(secret: str) -> str:
    return pyotp.TOTP(secret).now()
