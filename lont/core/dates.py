"""Dates on list rows, formatted as Django's ``date`` filter and ``formats.date_format`` do.

A list page formats one or two dates per row; Django's general formatter parses the format string,
builds a formatter object and translates the month name again for every date (about a tenth of
the signal list's CPU). These helpers write the few formats the lists use directly, in the
current time zone and language; the month names are the same for everyone, translated once per
language. ``tests/core/test_dates.py`` checks them against Django's formatter.
"""

from __future__ import annotations

import datetime as dt

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


def _local(value: dt.datetime) -> dt.datetime:
    return timezone.localtime(value) if timezone.is_aware(value) else value


def day_month_year(value: dt.datetime) -> str:
    """``j F Y`` in local time: "3 december 2026"."""
    local = _local(value)
    return f"{local.day} {_months()[0][local.month - 1]} {local.year:04d}"


def short_day(value: dt.datetime) -> str:
    """``j M Y`` in local time: "3 Dec 2026"."""
    local = _local(value)
    return f"{local.day} {_months()[1][local.month - 1]} {local.year:04d}"


def short_day_time(value: dt.datetime) -> str:
    """``j M Y H:i`` in local time: "3 Dec 2026 09:05"."""
    local = _local(value)
    return f"{short_day(local)} {local.hour:02d}:{local.minute:02d}"


def day_month(value: dt.date) -> str:
    """``j M`` (a datetime in local time): "3 Dec"."""
    if isinstance(value, dt.datetime):
        value = _local(value)
    return f"{value.day} {_months()[1][value.month - 1]}"


def day_month_time(value: dt.datetime) -> str:
    """``j M H:i`` in local time: "3 Dec 09:05"."""
    local = _local(value)
    return f"{day_month(local)} {local.hour:02d}:{local.minute:02d}"
