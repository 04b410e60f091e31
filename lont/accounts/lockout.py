"""Lockout after repeated failed logins, per account and per IP address."""

from __future__ import annotations

import ipaddress
from datetime import datetime, timedelta

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from .models import LoginAttempt


def _window_start() -> datetime:
    return timezone.now() - timedelta(seconds=settings.LONT_LOCKOUT["WINDOW_SECONDS"])


def is_locked(*, email: str, ip_address: str | None) -> bool:
    since = _window_start()
    failures = LoginAttempt.objects.filter(at__gte=since, succeeded=False)
    if (
        failures.filter(email=email.lower()).count()
        >= settings.LONT_LOCKOUT["MAX_FAILURES_PER_ACCOUNT"]
    ):
        return True
    return bool(
        ip_address
        and failures.filter(ip_address=ip_address).count()
        >= settings.LONT_LOCKOUT["MAX_FAILURES_PER_IP"]
    )


def record_attempt(*, email: str, ip_address: str | None, succeeded: bool, stage: str) -> None:
    LoginAttempt.objects.create(
        email=email.lower(), ip_address=ip_address, succeeded=succeeded, stage=stage
    )
    if succeeded:
        # A successful login clears the account's counter; the IP counter keeps running.
        LoginAttempt.objects.filter(
            email=email.lower(), succeeded=False, at__gte=_window_start()
        ).exclude(stage="cleared").update(stage="cleared", email="")


def client_ip(request: HttpRequest) -> str | None:
    """The client's address. Behind N reverse proxies (``LONT_TRUSTED_PROXIES``) REMOTE_ADDR is
    the proxy's, shared by everyone: 20 failures would lock every user out. Then the address the
    outermost trusted proxy saw is taken from X-Forwarded-For, counting from the right, because
    entries further left are whatever the client chose to send."""
    proxies = int(getattr(settings, "LONT_TRUSTED_PROXIES", 0))
    if proxies > 0:
        chain = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(chain) >= proxies:
            return _valid_ip(chain[-proxies])
    return _valid_ip(request.META.get("REMOTE_ADDR", ""))


def _valid_ip(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None
