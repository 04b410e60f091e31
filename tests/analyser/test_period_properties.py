"""Property tests for issue 15: intervals are ordered, durations well-formed, and resolution does
not depend on the machine's time zone or locale, whatever the text."""

from __future__ import annotations

import locale
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from lont.analyser import analyse
from lont.analyser.scoring import duration_key

WORDS = st.sampled_from(
    [
        "deze week", "vorige week", "later deze week", "volgend weekend", "vorig weekend",
        "eind van de maand", "begin volgende maand", "half november", "in januari", "in 2027",
        "het derde kwartaal", "q4", "deze winter", "deze zomer", "dit jaar", "eind 2008",
        "tussen 8 en 10", "van", "tot", "t/m", "vrijdag", "zondag", "ma", "3", "5", "maart",
        "elke", "iedere", "avond", "twee", "weekenden", "weekdag", "na school", "nu", "!",
        "middernacht", "om", "16:00", "CET", "GMT", "Koningsdag", "Suikerfeest", "Offerfeest",
        "Pasen", "2014", "komende", "afgelopen", "3 dagen", "2 weken", "uur", "3 uur lang",
        "anderhalf uur", "4 weken en 2 dagen", "3,5 jaar", "de 9e van mei", "op de 31e",
        "tweeëntwintig februari", "31 februari", "29 februari", "vannacht", "straks", ",",
        "\u0301", "😂", "🔪", "@kreek", "İ", "\n",
    ]
)  # fmt: skip
TEXTS = st.one_of(st.text(max_size=60), st.lists(WORDS, max_size=12).map(" ".join))
MOMENTS = st.datetimes(min_value=datetime(1990, 1, 2), max_value=datetime(2090, 12, 30))


def _interval(value: str) -> tuple[datetime, datetime] | None:
    if "/" not in value:
        return None
    start, end = value.split("/")
    return datetime.fromisoformat(start), datetime.fromisoformat(end)


@settings(max_examples=400, deadline=None)
@given(text=TEXTS, posted_at=MOMENTS)
def test_intervals_are_ordered_and_durations_well_formed(text: str, posted_at: datetime) -> None:
    for span in analyse(text, posted_at=posted_at).spans:
        if span.kind == "time":
            found = _interval(span.value)
            if found is not None:
                assert found[0] <= found[1], (text, span)
                assert span.grain, span
            else:
                datetime.fromisoformat(span.value)  # a point or a date
            for alternative in span.alternatives:
                datetime.fromisoformat(alternative.split("/")[0])
        if span.kind == "duration":
            assert duration_key(span.value) is not None, span


@contextmanager
def machine_zone_and_locale(zone: str, name: str) -> Iterator[None]:
    """Run with another process time zone (TZ) and LC_TIME/LC_ALL locale."""
    old_tz = os.environ.get("TZ")
    old_locale = locale.setlocale(locale.LC_ALL)
    os.environ["TZ"] = zone
    time.tzset()
    try:
        # A locale that is not installed here is skipped; the time zone still changes.
        with suppress(locale.Error):
            locale.setlocale(locale.LC_ALL, name)
        yield
    finally:
        if old_tz is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = old_tz
        time.tzset()
        locale.setlocale(locale.LC_ALL, old_locale)


@settings(max_examples=60, deadline=None)
@given(text=TEXTS, posted_at=MOMENTS)
def test_resolution_does_not_depend_on_machine_zone_or_locale(
    text: str, posted_at: datetime
) -> None:
    reference = analyse(text, posted_at=posted_at).spans
    for zone, name in (("Pacific/Kiritimati", "C.UTF-8"), ("America/Adak", "nl_NL.UTF-8")):
        with machine_zone_and_locale(zone, name):
            assert analyse(text, posted_at=posted_at).spans == reference


@settings(max_examples=60, deadline=None)
@given(
    text=TEXTS, instant=st.datetimes(min_value=datetime(2000, 1, 2), max_value=datetime(2090, 1, 1))
)
def test_the_same_instant_in_any_offset_resolves_the_same(text: str, instant: datetime) -> None:
    utc = instant.replace(tzinfo=UTC)
    elsewhere = utc.astimezone(timezone(timedelta(hours=9, minutes=30)))
    assert analyse(text, posted_at=utc).spans == analyse(text, posted_at=elsewhere).spans
