"""Reading filters from a query string, the same way for pages and the API.

A filter that is not a plain ASCII whole number in the database's range raises ``BadFilter``:
the API's exception handler answers 400 with the Dutch message, page views drop the filter and
show the message (``MemberRequiredMixin.dispatch``). ``"²".isdigit()`` is true and
``int("9" * 20)`` overflows the database: both were server errors before.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext as _

from .viewer import Viewer
from .visibility import visible

MAX_ID = 2**63 - 1  # BigAutoField


class BadFilter(ValueError):
    def __init__(self, name: str) -> None:
        self.name = name
        self.message = _("Het filter ‘%(name)s’ verwacht een geheel getal.") % {"name": name}
        super().__init__(self.message)


class UnknownFilter(BadFilter):
    """A filter naming a row that does not exist or that the viewer may not see: the two read
    alike, so the answer never tells an invisible row from a missing one."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.message = _(
            "Het filter ‘%(name)s’ noemt iets dat niet bestaat of dat u niet mag zien."
        ) % {"name": name}
        self.args = (self.message,)


def parse_id(value: Any) -> int | None:
    """A positive whole number in range, or None (for path arguments and lenient reads)."""
    text = str(value if value is not None else "").strip()
    if not (text.isascii() and text.isdigit()) or len(text) > 19:
        return None
    number = int(text)
    return number if 0 < number <= MAX_ID else None


def int_param(params: Any, name: str) -> int | None:
    """The whole number in ``params[name]``; None when absent or empty; ``BadFilter`` else."""
    raw = str(params.get(name, "") or "").strip()
    if not raw:
        return None
    number = parse_id(raw)
    if number is None:
        raise BadFilter(name)
    return number


def visible_id(
    viewer: Viewer, model: type[models.Model] | models.QuerySet, params: Any, name: str
) -> int | None:
    """The id in ``params[name]`` when it names a row of ``model`` the viewer may see (through
    the visibility layer); None when absent; ``UnknownFilter`` for a row that is missing or not
    visible. Filtering visible rows by an invisible row's id would tell which of them are linked
    to it."""
    number = int_param(params, name)
    if number is not None and not visible(viewer, model).filter(pk=number).exists():
        raise UnknownFilter(name)
    return number
