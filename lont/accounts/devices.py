"""New-device notice: after a full login from a browser this account has not used before, the user
gets an e-mail (when, which kind of browser) — no address or location, which would be more
personal data than the warning needs."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from lont.core.crypto import token_hash

from .models import KnownDevice, User

COOKIE = "lont_device"
COOKIE_MAX_AGE = 400 * 24 * 3600  # the longest lifetime browsers accept
BROWSERS = (("Edg/", "Edge"), ("Firefox/", "Firefox"), ("Chrome/", "Chrome"), ("Safari/", "Safari"))
SYSTEMS = (
    ("Android", "Android"),
    ("iPhone", "iPhone"),
    ("iPad", "iPad"),
    ("Windows", "Windows"),
    ("Mac OS X", "macOS"),
    ("Linux", "Linux"),
)


def describe_browser(user_agent: str) -> str:
    """A coarse description ("Firefox op Windows"), never the full user-agent string."""
    browser = next((name for mark, name in BROWSERS if mark in user_agent), _("onbekende browser"))
    system = next((name for mark, name in SYSTEMS if mark in user_agent), "")
    return (
        _("%(browser)s op %(system)s") % {"browser": browser, "system": system}
        if system
        else browser
    )


def note_login(request: HttpRequest, response: HttpResponse, user: User) -> bool:
    """Remember this browser for the user; returns True (and mails the user) when it is new."""
    raw = request.COOKIES.get(COOKIE, "")
    now = timezone.now()
    known = (
        KnownDevice.objects.filter(user=user, device_hash=token_hash(raw)).first() if raw else None
    )
    if known is not None:
        known.last_seen = now
        known.save(update_fields=["last_seen"])
        return False
    raw = secrets.token_urlsafe(32)
    description = describe_browser(request.headers.get("User-Agent", ""))
    KnownDevice.objects.create(user=user, device_hash=token_hash(raw), description=description)
    response.set_cookie(
        COOKIE,
        raw,
        max_age=COOKIE_MAX_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
    if user.known_devices.count() > 1:  # the very first login is not news to the user
        _mail_new_device(user, description, now)
        return True
    return False


def _mail_new_device(user: User, description: str, at: object) -> None:
    when = formats.date_format(timezone.localtime(at), "j F Y H:i")  # type: ignore[arg-type]
    message = _(
        "Beste %(name)s,\n\nOp %(when)s is op uw Lont-account ingelogd vanaf een browser die we "
        "nog niet kenden (%(browser)s).\n\nWas u dat zelf? Dan hoeft u niets te doen. Zo niet, "
        "neem dan direct contact op met de coördinator van uw organisatie: die kan uw account "
        "herstellen en alle sessies beëindigen.\n"
    ) % {"name": user.full_name, "when": when, "browser": description}
    transaction.on_commit(
        lambda: send_mail(
            subject=_("Nieuwe aanmelding op uw Lont-account"),
            message=message,
            from_email=None,
            recipient_list=[user.email],
        )
    )
