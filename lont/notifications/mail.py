"""E-mail for notifications, through Django's mail framework (``EMAIL_BACKEND``). A message
carries what the notice carries — a title the recipient may read, a level, a link — and never a
name or case content. The demo writes e-mail to the console of ``make worker`` (the default
``console`` backend); set ``EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend`` and
``EMAIL_FILE_PATH`` to keep them as files."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.conf import settings
from django.core import mail
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import events
from .choices import EmailState
from .models import Notification
from .services import mark_emailed


def _link(url: str) -> str:
    if not url:
        return ""
    return settings.LONT_BASE_URL.rstrip("/") + url if url.startswith("/") else url


def _label(code: str) -> str:
    kind = events.get(code)
    return str(kind.label) if kind is not None else _("Melding")


def _footer() -> str:
    return _("Deze e-mail bevat bewust geen namen of inhoud. Uw meldingsvoorkeuren: %(url)s") % {
        "url": _link("/meldingen/voorkeuren/")
    }


def send_immediate(ids: Iterable[int]) -> int:
    """E-mail each of these notices (not yet sent) to its recipient; returns how many went."""
    rows = list(
        Notification.objects.filter(pk__in=list(ids), emailed_at__isnull=True)
        .exclude(user__email="")
        .select_related("user")
    )
    if not rows:
        return 0
    messages = []
    with translation.override(settings.LANGUAGE_CODE):
        for note in rows:
            body = f"{note.text}\n\n{_link(note.url)}\n\n{_footer()}"
            messages.append(
                mail.EmailMessage(
                    subject=f"Lont: {_label(note.event)}", body=body, to=[note.user.email]
                )
            )
    with mail.get_connection() as connection:
        connection.send_messages(messages)
    return mark_emailed([n.pk for n in rows])


def send_digest() -> int:
    """One e-mail per member with every notice waiting for the digest, grouped by event type;
    returns how many e-mails went."""
    rows = list(
        Notification.objects.filter(email_state=EmailState.PENDING_DIGEST)
        .exclude(user__email="")
        .select_related("user")
        .order_by("user_id", "event", "created_at", "pk")
    )
    per_user: dict[int, list[Notification]] = defaultdict(list)
    for note in rows:
        per_user[note.user_id].append(note)
    messages = []
    with translation.override(settings.LANGUAGE_CODE):
        for notes in per_user.values():
            groups: dict[str, list[Notification]] = defaultdict(list)
            for note in notes:
                groups[note.event].append(note)
            parts = []
            for code, items in groups.items():
                lines = [f"- {n.text} {_link(n.url)}".rstrip() for n in items]
                parts.append(f"{_label(code)} ({len(items)})\n" + "\n".join(lines))
            subject = ngettext(
                "Lont: dagelijks overzicht, %(count)d melding",
                "Lont: dagelijks overzicht, %(count)d meldingen",
                len(notes),
            ) % {"count": len(notes)}
            body = "\n\n".join(parts) + f"\n\n{_footer()}"
            messages.append(mail.EmailMessage(subject=subject, body=body, to=[notes[0].user.email]))
    if messages:
        with mail.get_connection() as connection:
            connection.send_messages(messages)
        mark_emailed([n.pk for n in rows])
    return len(messages)
