"""Dates on list rows, formatted as Django's ``date`` filter and ``formats.date_format`` do.

A list page formats one or two dates per row; Django's general formatter parses the format string,
builds a formatter object and translates the month name again for every date (about a tenth of
the signal list's CPU). These helpers write the few formats the lists use directly, in the
current time zone and language; the month names are the same for everyone, translated once per
language. A page of rows takes one :class:`DateFormats` (``DateFormats.current()``): the language
and the time zone are context-local variables, looked up then once for the page rather than for
every date. ``tests/core/test_dates.py`` checks them against Django's formatter.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone
from django.utils.dates import MONTHS, MONTHS_3
from django.utils.translation import get_language

# Per language: the month names (``F``) and their short forms as ``M`` writes them (title case).
_MONTH_NAMES: dict[str | None, tuple[tuple[str, ...], tuple[str, ...]]] = {}


def _months() -> tuple[tuple[str, ...], tuple[str, ...]]:
    language = get_language()
    names = _MONTH_NAMES.get(language)
    if names is None:
        names = (
            tuple(str(MONTHS[month]) for month in range(1, 13)),
            tuple(str(MONTHS_3[month]).title() for month in range(1, 13)),
        )
        _MONTH_NAMES[language] = names
    return names


@dataclass(frozen=True, slots=True)
class DateFormats:
    """The list formats in one language and time zone: those of the moment it was made."""

    zone: dt.tzinfo
    months: tuple[str, ...]
    short_months: tuple[str, ...]

    @classmethod
    def current(cls) -> DateFormats:
        months, short_months = _months()
        return cls(timezone.get_current_timezone(), months, short_months)

    def local(self, value: dt.datetime) -> dt.datetime:
        """``value`` in this time zone, as ``timezone.localtime`` gives it; naive stays as it is."""
        return value.astimezone(self.zone) if value.utcoffset() is not None else value

    def day_month_year(self, value: dt.datetime) -> str:
        """``j F Y`` in local time: "3 december 2026"."""
        local = self.local(value)
        return f"{local.day} {self.months[local.month - 1]} {local.year:04d}"

    def short_day(self, value: dt.datetime) -> str:
        """``j M Y`` in local time: "3 Dec 2026"."""
        local = self.local(value)
        return f"{local.day} {self.short_months[local.month - 1]} {local.year:04d}"

    def short_day_time(self, value: dt.datetime) -> str:
        """``j M Y H:i`` in local time: "3 Dec 2026 09:05"."""
        local = self.local(value)
        return (
            f"{local.day} {self.short_months[local.month - 1]} {local.year:04d}"
            f" {local.hour:02d}:{local.minute:02d}"
        )

    def day_month(self, value: dt.date) -> str:
        """``j M`` (a datetime in local time): "3 Dec"."""
        if isinstance(value, dt.datetime):
            value = self.local(value)
        return f"{value.day} {self.short_months[value.month - 1]}"

    def day_month_time(self, value: dt.datetime) -> str:
        """``j M H:i`` in local time: "3 Dec 09:05"."""
        local = self.local(value)
        return f"{self.day_month(local)} {local.hour:02d}:{local.minute:02d}"


def day_month_year(value: dt.datetime) -> str:
    """``j F Y`` in local time: "3 december 2026"."""
    return DateFormats.current().day_month_year(value)


def short_day(value: dt.datetime) -> str:
    """``j M Y`` in local time: "3 Dec 2026"."""
    return DateFormats.current().short_day(value)


def short_day_time(value: dt.datetime) -> str:
    """``j M Y H:i`` in local time: "3 Dec 2026 09:05"."""
    return DateFormats.current().short_day_time(value)


def day_month(value: dt.date) -> str:
    """``j M`` (a datetime in local time): "3 Dec"."""
    return DateFormats.current().day_month(value)


def day_month_time(value: dt.datetime) -> str:
    """``j M H:i`` in local time: "3 Dec 09:05"."""
    return DateFormats.current().day_month_time(value)
