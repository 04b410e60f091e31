"""The signal list's rows as shown: written once per page here, not per row by template nodes.

What a row may show was decided by the visibility layer (``access`` is the row's access, read
through ``VisibleListView``): only a row read in full carries its description. Everything that is
the same for every row of a page — the detail address, the translated phrases and labels (escaped
once), the language's date formats, the time zone — is looked up once by :class:`SignalRows`:
each lookup of the active language or time zone reads a context-local variable, and Django's
helpers (``Truncator``, ``get_FOO_display``, the ``date`` filter) repeat that work for every row.

The template keeps the page and the table (``<tr>`` included); the cells of a row are written
here, every text escaped as the template's autoescape does: through ``html.escape``, what
Django's ``escape`` calls, without ``format_html``'s wrappers (a sixth of its calls): fifty
rows written through a dozen template nodes each took 12.8 million instructions (callgrind),
written here 9.3 million. The same HTML byte for byte
(``tests/signalregister/test_signalregister_list_rows.py`` renders the template's cells beside).

The filter form's ``<option>``s are written here too (``choice_option_tags``, ``indicator_option_tags``):
a template loop spent about a hundred calls on each option, six thousand on the indicators.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from django.db import models
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString
from django.utils.translation import get_language
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
# byte for byte). Every text goes in through ``html.escape``, as the template's autoescape wrote
# it; the labels are escaped once for the page (``_escaped``).
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
            return SafeString(
                FULL_ROW.format(
                    html.escape(self.url(signal.pk)),
                    html.escape(shortened(signal.description, DESCRIPTION_LENGTH)),
                    html.escape(self.summaries.text(signal)),
                    html.escape(self.dates.short_day_time(signal.observed_at)),
                    _label(self.sources, signal.source_type),
                    status,
                    self.read_in_full,
                )
            )
        return SafeString(
            SUMMARY_ROW.format(
                html.escape(self.url(signal.pk)),
                html.escape(self.summaries.text(signal)),
                html.escape(self.dates.short_day(signal.observed_at)),
                self.shielded,
                status,
                self.summary_only,
            )
        )


# The filter form's options, as the template's loops wrote them.
OPTION = '<option value="{}"{}>{}</option>'
SELECTED = " selected"

# Per choices class and language: each choice's value and its option's two halves, escaped.
_CHOICE_OPTIONS: dict[
    tuple[type[models.Choices], str | None], tuple[tuple[Any, str, str], ...]
] = {}


def choice_option_tags(choices: type[models.Choices], selected: Any) -> SafeString:
    """The ``<option>``s of a fixed list of choices, ``selected`` marked: the same for every
    viewer, so each option is written once per process and language and only marked here."""
    key = (choices, get_language())
    options = _CHOICE_OPTIONS.get(key)
    if options is None:
        options = _CHOICE_OPTIONS[key] = tuple(
            (
                value,
                f'<option value="{html.escape(str(value))}"',
                f">{html.escape(str(label))}</option>",
            )
            for value, label in choices.choices
        )
    return SafeString(
        "".join(
            f"{start}{SELECTED}{end}" if value == selected else start + end
            for value, start, end in options
        )
    )


def indicator_option_tags(options: list[tuple[int, str]], selected: int | None) -> SafeString:
    """The indicator filter's ``<option>``s: the network's active indicators (read per request:
    they differ per network and change), ``selected`` marked."""
    return SafeString(
        "".join(
            OPTION.format(pk, SELECTED if pk == selected else "", html.escape(label))
            for pk, label in options
        )
    )
