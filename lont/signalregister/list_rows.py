"""The signal list's rows as shown: formatted once per page here, not per row by template tags.

What a row may show was decided by the visibility layer (``access`` is the row's access, read
through ``VisibleListView``): only a row read in full carries its description. Everything that is
the same for every row of a page — the detail address, the translated phrases, the language's
date formats and choice labels, the time zone — is looked up once by :class:`SignalRows`: each
lookup of the active language or time zone reads a context-local variable, and Django's helpers
(``Truncator``, ``get_FOO_display``, the ``date`` filter) repeat that work for every row.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypedDict

from django.urls import reverse

from lont.core.choices import choice_labels
from lont.core.text import shortened
from lont.networks.choices import Access

from .models import Signal
from .summaries import SummaryWriter

if TYPE_CHECKING:
    from lont.core.viewer import Viewer

DESCRIPTION_LENGTH = 90  # characters of a description a row shows


class SignalRow(TypedDict):
    """A row as the template shows it (a dict: read with one lookup)."""

    full: bool
    url: str
    text: str  # the description, shortened: on a row read in full only
    summary: str
    observed: str  # with the time for a row read in full, the day only for a summary
    source: str
    status: str


def signal_url() -> Callable[[int], str]:
    """The detail page's address for a signal id: reversed once per page, not once per row."""
    marker = 987654321
    prefix, suffix = reverse("signalregister:detail", args=[marker]).rsplit(str(marker), 1)
    return lambda pk: f"{prefix}{pk}{suffix}"


class SignalRows:
    """Formats a page of listed signals for one viewer, in the language of the moment."""

    def __init__(self, viewer: Viewer) -> None:
        self.summaries = SummaryWriter(viewer)
        self.dates = self.summaries.dates
        self.url = signal_url()
        self.statuses = choice_labels(Signal._meta.get_field("status"))
        self.sources = choice_labels(Signal._meta.get_field("source_type"))

    def rows(self, rows: list[tuple[Signal, Access]]) -> list[SignalRow]:
        return [self.row(signal, access == Access.FULL) for signal, access in rows]

    def row(self, signal: Signal, full: bool) -> SignalRow:
        dates = self.dates
        return SignalRow(
            full=full,
            url=self.url(signal.pk),
            text=shortened(signal.description, DESCRIPTION_LENGTH) if full else "",
            summary=self.summaries.text(signal),
            observed=(dates.short_day_time if full else dates.short_day)(signal.observed_at),
            source=str(self.sources.get(signal.source_type, signal.source_type)),
            status=str(self.statuses.get(signal.status, signal.status)),
        )
