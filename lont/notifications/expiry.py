"""Principle 9 for in-app notifications: notices that name an expired person or link to their
page are deleted. The one function through which expiry touches the notification model."""

from __future__ import annotations

import re

from django.db.models import Q

from .models import Notification


def notifications_forget_person(*, network_id: int, alias: str, url_prefix: str) -> int:
    """Delete the notices (of this network, or without one) whose text names ``alias`` as a word
    or whose link points at the person's pages; returns how many."""
    pattern = re.compile(rf"(?<!\w){re.escape(alias)}(?!\w)", re.IGNORECASE) if alias else None
    match = Q(url__startswith=url_prefix)
    if pattern is not None:
        match |= Q(text__icontains=alias)
    rows = Notification.objects.filter(Q(network_id=network_id) | Q(network__isnull=True)).filter(
        match
    )
    removed = 0
    for note in rows:
        if not (note.url.startswith(url_prefix) or (pattern and pattern.search(note.text))):
            continue
        # Blanked in memory first: the change log's delete entry then keeps no alias.
        note.text, note.url = "", ""
        note.delete()
        removed += 1
    return removed
