"""Remind once: the one helper behind every daily reminder job (platform reviews, sources,
aftercare tasks and check-ins, risk-calendar windows, actions that are due).

The caller selects the rows that are due and not yet reminded (its own rule: once per due date,
or once a day) and says, per row, who hears, the text and the link. Here each row's notices go
out in one ``notifications_send`` (its recipients in one write, their preferences for ``event``
applied) and every row is stamped ``reminded_on`` in one logged update — so a job run twice on
one day reminds nobody twice. The text, as every notice, holds no case content.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db import models, transaction

from lont.audit.changelog import update_logged

from .services import notifications_send


@dataclass(frozen=True)
class Reminded:
    rows: int  # rows reminded (and stamped)
    notices: int  # notices written


def remind_once(
    rows: Iterable[models.Model],
    *,
    today: dt.date,
    recipients: Callable[[Any], Iterable[Any]],
    text: Callable[[Any], str],
    url: Callable[[Any], str],
    event: str = "",
    field: str = "reminded_on",
) -> Reminded:
    """Notify ``recipients(row)`` with ``text(row)`` and ``url(row)`` for every row (in the row's
    network), then stamp ``field`` = ``today`` on all of them; in one transaction."""
    stamped: list[Any] = []
    notices = 0
    model: type[Any] | None = None  # a change-logged model
    with transaction.atomic():
        for row in rows:
            model = type(row)
            users = list(recipients(row))
            if users:
                message = text(row)
                sent = notifications_send(
                    recipients=[(user, message) for user in users],
                    url=url(row),
                    network=getattr(row, "network", None),
                    event=event,
                )
                notices += len(sent)
            stamped.append(row.pk)
        if model is not None and stamped:
            update_logged(model._base_manager.filter(pk__in=stamped), **{field: today})
    return Reminded(rows=len(stamped), notices=notices)
