"""The signal list's rows as shown: written once per page here, not per row by template nodes.

What a row may show was decided by the visibility layer (``access`` is the row's access, read
through ``VisibleListView``): only a row read in full carries its description. Everything that is
the same for every row of a page — the detail address, the translated phrases and labels (escaped
once), the language's date formats, the time zone — is looked up once by :class:`SignalRows`:
each lookup of the active language or time zone reads a context-local variable, and Django's
helpers (``Truncator``, ``get_FOO_display``, the ``date`` filter) repeat that work for every row.

The template keeps the page and the table (``<tr>`` included); the cells of a row are written
here with ``format_html``, which escapes every value as the template's autoescape does: fifty
rows written through a dozen template nodes each took 12.8 million instructions (callgrind),
written here 9.3 million. The same HTML byte for byte
(``tests/signalregister/test_signalregister_list_rows.py`` renders the template's cells beside).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from lont.core.addresses import address_by_id
from lont.core.choices import choice_labels
from lont.core.text import shortened
from lont.networks.choices import Access

from .models import Signal
from .summaries import SummaryWriter

if TYPE_CHECKING:
    from lont.core.viewer import Viewer

DESCRIPTION_LENGTH = 90  # characters of a description a row shows


# A row's cells, written as the template wrote them (whitespace included: the page is the same
# byte for byte). Every value goes in through ``format_html``, which escapes it as the template's
# autoescape did.
FULL_ROW = (
    '\n      <th class="utrecht-table__cell" scope="row"><a class="utrecht-link" href="{}">{}</a>'
    '<br><span class="lont-muted">{}</span></th>'
    '\n      <td class="utrecht-table__cell">{}</td>'
    '\n      <td class="utrecht-table__cell">{}</td>'
    '\n      <td class="utrecht-table__cell">{}</td>'
    '\n      <td class="utrecht-table__cell">{}</td>\n    '
)
SUMMARY_ROW = (
    '\n      <th class="utrecht-table__cell" scope="row"><a class="utrecht-link" href="{}">{}</a></th>'
    '\n      <td class="utrecht-table__cell">{}</td>'
    '\n      <td class="utrecht-table__cell lont-muted">{}</td>'
    '\n      <td class="utrecht-table__cell">{}</td>'
    '\n      <td class="utrecht-table__cell">{}</td>\n    '
)


def _escaped(labels: dict[Any, Any]) -> dict[Any, SafeString]:
    return {value: conditional_escape(str(label)) for value, label in labels.items()}


def _label(labels: dict[Any, SafeString], value: str) -> SafeString:
    """A choice's escaped label; a value without one as ``get_FOO_display`` shows it: itself."""
    label = labels.get(value)
    return conditional_escape(value) if label is None else label


class SignalRows:
    """Formats a page of listed signals for one viewer, in the language of the moment."""

    def __init__(self, viewer: Viewer) -> None:
        self.summaries = SummaryWriter(viewer)
        self.dates = self.summaries.dates
        self.url = address_by_id("signalregister:detail")
        # The labels every row repeats, escaped once for the page.
        self.statuses = _escaped(choice_labels(Signal._meta.get_field("status")))
        self.sources = _escaped(choice_labels(Signal._meta.get_field("source_type")))
        self.read_in_full = conditional_escape(_("volledig"))
        self.shielded = conditional_escape(_("afgeschermd"))
        self.summary_only = conditional_escape(_("samenvatting"))

    def cells(self, rows: list[tuple[Signal, Access]]) -> list[SafeString]:
        return [self.row_cells(signal, access == Access.FULL) for signal, access in rows]

    def row_cells(self, signal: Signal, full: bool) -> SafeString:
        status = _label(self.statuses, signal.status)
        if full:
            return format_html(
                FULL_ROW,
                self.url(signal.pk),
                shortened(signal.description, DESCRIPTION_LENGTH),
                self.summaries.text(signal),
                self.dates.short_day_time(signal.observed_at),
                _label(self.sources, signal.source_type),
                status,
                self.read_in_full,
            )
        return format_html(
            SUMMARY_ROW,
            self.url(signal.pk),
            self.summaries.text(signal),
            self.dates.short_day(signal.observed_at),
            self.shielded,
            status,
            self.summary_only,
        )
