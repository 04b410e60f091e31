"""Property tests: any Unicode string, any moment — no crash, spans inside the text, stable."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from lont.analyser import KINDS, Gazetteer, Place, analyse, check_message

GAZETTEER = Gazetteer(
    [
        Place("Noorderhaven", ("N-haven",), "wijk", "Noord"),
        Place("de kooi bij de Lindelaan", ("de kooi",), "sportveld", "Oost"),
    ]
)
WORDS = st.sampled_from(
    [
        "om",
        "9",
        "21:00",
        "half",
        "10",
        "kwart",
        "over",
        "voor",
        "zaterdag",
        "vanavond",
        "vannacht",
        "morgen",
        "14",
        "maart",
        "14-3",
        "31/2",
        "over een uur",
        "straks",
        "'s",
        "avonds",
        "Noorderhaven",
        "de kooi",
        "Kerkstraat",
        "station",
        "Noord",
        "1234 AB",
        "@a",
        "#b",
        "RIP",
        "🕊️",
        "ik steek je",
        "niet",
        '"',
        "'",
        "12,3K",
        "views",
        "mes",
        "opps",
        "je moeder",
        "\u202e",
        "\u0301",
        "😂",
        "שלום",
        "مرحبا",
        "İ",
        "ß",
        "\n",
        " ",
        ",",
        ".",
        "24",
        "00",
        "0",
        "99",
        "uur",
        "u",
        "pm",
        "weekend",
        "dit",
        "volgende week",
    ]
)
TEXTS = st.one_of(st.text(), st.lists(WORDS, max_size=30).map(" ".join))
MOMENTS = st.datetimes(
    min_value=datetime(1900, 1, 2), max_value=datetime(2200, 12, 30)
) | st.datetimes(
    min_value=datetime(2000, 1, 2), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
)


@settings(max_examples=300, deadline=None)
@given(text=TEXTS, posted_at=MOMENTS)
def test_never_crashes_and_spans_lie_inside_the_text(text: str, posted_at: datetime) -> None:
    result = analyse(text, posted_at=posted_at, gazetteer=GAZETTEER)
    starts = [s.start for s in result.spans]
    assert starts == sorted(starts)
    for span in result.spans:
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start : span.end]
        assert span.kind in KINDS
        assert 0.0 < span.confidence <= 1.0
        assert span.explanation
    for suggestion in result.suggestions:
        assert all(0 <= i < len(result.spans) for i in suggestion.span_indexes)


@settings(max_examples=100, deadline=None)
@given(text=TEXTS, posted_at=MOMENTS)
def test_deterministic(text: str, posted_at: datetime) -> None:
    first = analyse(text, posted_at=posted_at, gazetteer=GAZETTEER)
    second = analyse(text, posted_at=posted_at, gazetteer=GAZETTEER)
    assert first.spans == second.spans
    assert first.suggestions == second.suggestions


@settings(max_examples=100, deadline=None)
@given(text=TEXTS, posted_at=MOMENTS)
def test_same_kind_never_overlaps(text: str, posted_at: datetime) -> None:
    spans = analyse(text, posted_at=posted_at, gazetteer=GAZETTEER).spans
    for index, a in enumerate(spans):
        for b in spans[index + 1 :]:
            if a.kind == b.kind:
                assert a.end <= b.start or b.end <= a.start


@settings(max_examples=100, deadline=None)
@given(draft=TEXTS, context=st.lists(TEXTS, max_size=3))
def test_check_message_never_crashes(draft: str, context: list[str]) -> None:
    posted = datetime(2026, 3, 14, 16, 20)
    for warning in check_message(draft, context_texts=context, posted_at=posted):
        assert 0 <= warning.start <= warning.end <= len(draft)


def test_very_long_text() -> None:
    text = "zaterdag om 21:00 bij de kooi 😂 " * 5000
    result = analyse(text, posted_at=datetime(2026, 3, 14, 16, 20), gazetteer=GAZETTEER)
    assert result.spans


def test_extreme_moments() -> None:
    for moment in (
        datetime(1, 1, 1),
        datetime(9999, 12, 31, 23, 59),
        datetime.now() + timedelta(0),
    ):
        analyse("om 9 morgen 31 december over 2 weken dit weekend", posted_at=moment)
