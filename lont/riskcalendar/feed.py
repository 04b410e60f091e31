"""The iCalendar feed of one member: what that member may see, summaries where they have
summary access, nothing of anyone else's network.

Other apps add their dated items (case meetings, action due dates) through ``register_source``
in their ``ready()``: the calendar sits below them in the layers and never imports them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from lont.core.choices import Access, AccessVia
from lont.core.related import filter_visible
from lont.core.viewer import Viewer
from lont.core.visibility import effective_access

from . import selectors

PAST_DAYS = 90
FUTURE_DAYS = 400


@dataclass(frozen=True)
class FeedItem:
    """One all-day entry: ``uid`` stable, ``summary`` already at the viewer's access level."""

    uid: str
    start: dt.date
    end: dt.date  # inclusive
    summary: str
    description: str = ""
    url: str = ""


Source = Callable[[Viewer, dt.date, dt.date], list[FeedItem]]
_SOURCES: dict[str, Source] = {}


def register_source(name: str, source: Source) -> None:
    _SOURCES[name] = source


def window_items(viewer: Viewer, start: dt.date, end: dt.date) -> list[FeedItem]:
    rows = filter_visible(
        viewer, list(selectors.windows(viewer, start=start, end=end)), via=AccessVia.EXPORT
    )
    out = []
    for window in rows:
        kind = window.get_kind_display()
        full = effective_access(viewer, window) == Access.FULL
        flag = f" ({_('verhoogd risico')})" if window.flagged else ""
        summary = f"{_('Risicovenster')}: {kind}{flag}"
        if full:
            summary = f"{summary} – {window.title}"
        out.append(
            FeedItem(
                uid=f"window-{window.pk}",
                start=window.starts_on,
                end=window.ends_on,
                summary=summary,
                url=window.get_absolute_url(),
            )
        )
    return out


register_source("windows", window_items)


def build(viewer: Viewer, *, today: dt.date | None = None) -> bytes:
    """The member's calendar from ``PAST_DAYS`` ago to ``FUTURE_DAYS`` ahead."""
    today = today or timezone.localdate()
    start, end = today - dt.timedelta(days=PAST_DAYS), today + dt.timedelta(days=FUTURE_DAYS)
    cal = Calendar()
    cal.add("prodid", "-//Lont//Risicokalender//NL")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"Lont – {viewer.network.name}")
    stamp = timezone.now()
    items: list[FeedItem] = []
    for name in sorted(_SOURCES):
        items.extend(_SOURCES[name](viewer, start, end))
    base = str(getattr(settings, "LONT_BASE_URL", "")).rstrip("/")
    for item in sorted(items, key=lambda i: (i.start, i.uid)):
        event: Any = Event()
        event.add("uid", f"{item.uid}@{viewer.network.slug}.lont")
        event.add("dtstamp", stamp)
        event.add("dtstart", item.start)
        event.add("dtend", item.end + dt.timedelta(days=1))  # DTEND of a date is exclusive
        event.add("summary", item.summary)
        if item.description:
            event.add("description", item.description)
        if item.url:
            event.add("url", f"{base}{item.url}")
        cal.add_component(event)
    return bytes(cal.to_ical())
