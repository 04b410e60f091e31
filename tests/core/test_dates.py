"""The list rows' date helpers write what Django's ``date`` filter writes, in every language."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest
from django.utils import formats, timezone, translation

from lont.core.dates import (
    DateFormats,
    day_month,
    day_month_time,
    day_month_year,
    short_day,
    short_day_time,
)

# Every month, a day and hour that turn into another day in Amsterdam, and both sides of the
# daylight-saving changes.
MOMENTS = [
    *(dt.datetime(2026, month, 9, 7, 5, tzinfo=dt.UTC) for month in range(1, 13)),
    dt.datetime(2025, 12, 31, 23, 30, tzinfo=dt.UTC),
    dt.datetime(2026, 3, 29, 0, 59, tzinfo=dt.UTC),
    dt.datetime(2026, 3, 29, 1, 0, tzinfo=dt.UTC),
    dt.datetime(2026, 10, 25, 0, 59, tzinfo=dt.UTC),
    dt.datetime(2026, 10, 25, 1, 0, tzinfo=dt.UTC),
    dt.datetime(987, 6, 1, 12, 0, tzinfo=dt.UTC),
]


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("zone", ["Europe/Amsterdam", "UTC"])
def test_dates_are_written_as_djangos_date_filter(language, zone):
    with translation.override(language), timezone.override(zoneinfo.ZoneInfo(zone)):
        for moment in MOMENTS:
            local = timezone.localtime(moment)
            assert day_month_year(moment) == formats.date_format(local, "j F Y")
            assert short_day(moment) == formats.date_format(local, "j M Y")
            assert short_day_time(moment) == formats.date_format(local, "j M Y H:i")
            assert day_month(moment) == formats.date_format(local, "j M")
            assert day_month_time(moment) == formats.date_format(local, "j M H:i")
            assert day_month(moment.date()) == formats.date_format(moment.date(), "j M")


def test_a_naive_date_is_written_as_it_is():
    naive = dt.datetime(2026, 5, 3, 4, 2)
    with translation.override("nl"):
        assert short_day_time(naive) == formats.date_format(naive, "j M Y H:i")


def test_a_pages_formats_keep_the_language_and_zone_they_were_made_in():
    """A page takes one ``DateFormats`` for its rows: it writes what the helpers wrote then."""
    moment = MOMENTS[0]
    with translation.override("en"), timezone.override(zoneinfo.ZoneInfo("Europe/Amsterdam")):
        formats_then = DateFormats.current()
        expected = (day_month_year(moment), short_day(moment), short_day_time(moment))
    with translation.override("nl"), timezone.override(zoneinfo.ZoneInfo("UTC")):
        assert (
            formats_then.day_month_year(moment),
            formats_then.short_day(moment),
            formats_then.short_day_time(moment),
        ) == expected
