"""Writes of notifications: send (in-app, and by e-mail as the member prefers), mark read,
preferences, the daily digest.

Every app sends through :func:`notification_send` (one member) or :func:`notifications_send`
(several, in one write); ``event`` names a type from :mod:`lont.notifications.events`. The text
holds no personal data or case content: the situation's title as the recipient may read it, the
level, a link — never a person's name, never "#3".
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lont.audit.changelog import bulk_create_logged, update_logged

from . import events
from .choices import Delivery, EmailState
from .models import Notification, NotificationPreference


def delivery_for(user_id: int, event: str, prefs: dict[str, str] | None = None) -> str:
    """How ``user_id`` receives ``event``: their choice, or immediately; an event type that may
    not be switched off is always immediate."""
    kind = events.get(event)
    if kind is not None and not kind.may_switch_off:
        return Delivery.IMMEDIATE
    if prefs is None:
        prefs = dict(
            NotificationPreference.objects.filter(user_id=user_id, event=event).values_list(
                "event", "delivery"
            )
        )
    return prefs.get(event, Delivery.IMMEDIATE)


def _email_state(delivery: str, user: Any) -> str:
    if not getattr(user, "email", ""):
        return EmailState.NONE
    return EmailState.PENDING_DIGEST if delivery == Delivery.DIGEST else EmailState.NONE


def notifications_send(
    *,
    recipients: Iterable[tuple[Any, str]],
    url: str = "",
    network: Any = None,
    event: str = "",
) -> list[Notification]:
    """One notice per ``(user, text)``, in one write; the immediate ones are e-mailed after the
    commit (a task), the digest ones wait for the daily digest, "off" ones are not created.
    Without ``event`` a notice is in-app only (as before the registry)."""
    recipients = list(recipients)
    if event and events.get(event) is None:
        raise ValueError(f"Unregistered notification event {event!r}")
    prefs: dict[int, dict[str, str]] = {}
    if event:
        rows = NotificationPreference.objects.filter(
            user_id__in=[u.pk for u, _ in recipients], event=event
        ).values_list("user_id", "event", "delivery")
        for user_id, code, delivery in rows:
            prefs.setdefault(user_id, {})[code] = delivery
    notes = []
    immediate = []
    for user, text in recipients:
        delivery = delivery_for(user.pk, event, prefs.get(user.pk, {})) if event else ""
        if delivery == Delivery.OFF:
            continue
        note = Notification(
            user=user,
            network=network,
            text=text,
            url=url,
            event=event,
            email_state=_email_state(delivery, user),
        )
        note.full_clean()
        notes.append(note)
        if event and delivery == Delivery.IMMEDIATE and getattr(user, "email", ""):
            immediate.append(note)
    with transaction.atomic():
        created = bulk_create_logged(Notification, notes)
        if immediate:
            ids = [n.pk for n in immediate]
            transaction.on_commit(lambda: _enqueue_emails(ids))
    return created


def notification_send(
    *, user: Any, text: str, url: str = "", network: Any = None, event: str = ""
) -> Notification | None:
    """In-app notification (any app may call it). ``text`` must hold no case content. With an
    ``event`` the member's preference applies (``None`` when they switched it off)."""
    sent = notifications_send(recipients=[(user, text)], url=url, network=network, event=event)
    return sent[0] if sent else None


def _enqueue_emails(ids: list[int]) -> None:
    from .tasks import send_notification_emails

    send_notification_emails.enqueue(ids)


def notification_mark_read(*, user: Any, notification: Notification) -> None:
    if notification.user_id != user.pk:
        raise PermissionDenied
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])


def notifications_mark_all_read(*, user: Any, rows: Iterable[Notification]) -> int:
    """Mark the given unread notices of ``user`` read (the inbox's button, the API's read-all);
    returns how many."""
    count = 0
    with transaction.atomic():
        for note in rows:
            if note.read_at is None:
                notification_mark_read(user=user, notification=note)
                count += 1
    return count


def preference_set(*, user: Any, event: str, delivery: str) -> str:
    """One member's choice for one event type (the API). Unlike the page, which offers no
    choice for a type that may not be switched off, this refuses anything but "immediately" for
    such a type, with the reason; returns the stored delivery."""
    kind = events.get(event)
    if kind is None:
        raise ValidationError({"event": _("Onbekende soort melding.")})
    if delivery not in Delivery.values:
        raise ValidationError({"delivery": _("Kies direct, dagelijks overzicht of uit.")})
    if not kind.may_switch_off and delivery != Delivery.IMMEDIATE:
        raise ValidationError(
            {"delivery": _("Deze soort melding kan niet uit: u ontvangt hem altijd direct.")}
        )
    preferences_set(user=user, choices={event: delivery})
    return delivery


def preferences_set(*, user: Any, choices: dict[str, str]) -> None:
    """Store a member's choice per event type; an event type that may not be switched off keeps
    "immediately" whatever is asked."""
    for code, delivery in choices.items():
        kind = events.get(code)
        if kind is None:
            raise ValidationError({code: "Onbekende soort melding."})
        if delivery not in Delivery.values:
            raise ValidationError({code: "Kies direct, dagelijks overzicht of uit."})
        if not kind.may_switch_off:
            delivery = Delivery.IMMEDIATE
        with transaction.atomic():
            row = NotificationPreference.objects.filter(user=user, event=code).first()
            if row is None:
                row = NotificationPreference(user=user, event=code)
            if row.pk is None or row.delivery != delivery:
                row.delivery = delivery
                row.full_clean()
                row.save()


def mark_emailed(ids: Iterable[int]) -> int:
    """The notices whose e-mail went out."""
    return update_logged(
        Notification.objects.filter(pk__in=list(ids)),
        email_state=EmailState.SENT,
        emailed_at=timezone.now(),
    )
