"""Lockout after repeated failed logins, per account and per IP address, escalating.

The first lock is the classic one: ``MAX_FAILURES`` within the window locks for the rest of that
window. Someone who keeps guessing after it ends is locked for twice as long each time (every
further block of ``MAX_FAILURES`` within a day doubles the time, up to ``MAX_LOCK_SECONDS``): five
guesses per quarter of an hour would otherwise add up to almost 500 a day against one account.
A successful login clears the account's failures (the IP's keep counting)."""

from __future__ import annotations

import ipaddress
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone

from .models import LoginAttempt


def _window_start() -> datetime:
    return timezone.now() - timedelta(seconds=settings.LONT_LOCKOUT["WINDOW_SECONDS"])


ESCALATION_PERIOD = timedelta(days=1)


def escalated_lock_seconds(*, failures_in_period: int, threshold: int) -> int:
    """How long the lock lasts after the last failure, for the failures counted over a day:
    one block of ``threshold`` is the base window, each further block doubles it (capped)."""
    blocks = failures_in_period // threshold
    if blocks == 0:
        return 0
    base = int(settings.LONT_LOCKOUT["WINDOW_SECONDS"])
    cap = int(settings.LONT_LOCKOUT.get("MAX_LOCK_SECONDS", 24 * 3600))
    return int(min(base * 2 ** (blocks - 1), cap))


def _is_locked(failures: QuerySet[LoginAttempt], threshold: int) -> bool:
    now = timezone.now()
    if failures.filter(at__gte=_window_start()).count() >= threshold:
        return True
    in_period = failures.filter(at__gte=now - ESCALATION_PERIOD)
    count = in_period.count()
    seconds = escalated_lock_seconds(failures_in_period=count, threshold=threshold)
    if not seconds:
        return False
    # The lock runs from the failure that completed the last block, not from the latest one:
    # a single wrong password after a lock has ended must not lock again at once.
    completing = (count // threshold) * threshold - 1
    locked_at = in_period.order_by("at", "pk").values_list("at", flat=True)[completing]
    return bool(locked_at + timedelta(seconds=seconds) > now)


def is_locked(*, email: str, ip_address: str | None) -> bool:
    failures = LoginAttempt.objects.filter(succeeded=False)
    if _is_locked(
        failures.filter(email=email.lower()), settings.LONT_LOCKOUT["MAX_FAILURES_PER_ACCOUNT"]
    ):
        return True
    return bool(
        ip_address
        and _is_locked(
            failures.filter(ip_address=ip_address), settings.LONT_LOCKOUT["MAX_FAILURES_PER_IP"]
        )
    )


def purge_login_attempts() -> int:
    """Login attempts are personal data (an address, an e-mail, a time): kept only as long as the
    lockout and an investigation of an attack need them (``LONT_LOGIN_ATTEMPT_RETENTION_DAYS``)."""
    days = int(getattr(settings, "LONT_LOGIN_ATTEMPT_RETENTION_DAYS", 30))
    cutoff = timezone.now() - timedelta(days=max(days, 1))
    deleted, _ = LoginAttempt.objects.filter(at__lt=cutoff).delete()
    return deleted


def record_attempt(*, email: str, ip_address: str | None, succeeded: bool, stage: str) -> None:
    LoginAttempt.objects.create(
        email=email.lower(), ip_address=ip_address, succeeded=succeeded, stage=stage
    )
    if succeeded:
        # A successful login clears the account's counter; the IP counter keeps running.
        LoginAttempt.objects.filter(
            email=email.lower(), succeeded=False, at__gte=timezone.now() - ESCALATION_PERIOD
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
