"""The public API others code against, and the promise that the core imports no Django."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

import lont.analyser as analyser
from lont.analyser import Analysis, MessageWarning, Span, Suggestion, analyse

ROOT = Path(__file__).resolve().parents[2]


def test_exports() -> None:
    for name in (
        "analyse",
        "check_message",
        "Analysis",
        "Span",
        "Suggestion",
        "Gazetteer",
        "Place",
        "Lexicon",
        "MessageWarning",
        "GazetteerError",
    ):
        assert hasattr(analyser, name), name


def test_span_and_suggestion_are_frozen() -> None:
    span = Span(0, 1, "time", "2026-03-14", 0.5, "uitleg")
    with pytest.raises(dataclasses.FrozenInstanceError):
        span.start = 2  # type: ignore[misc]
    assert [f.name for f in dataclasses.fields(Span)] == [
        "start",
        "end",
        "kind",
        "value",
        "confidence",
        "explanation",
        "ambiguous",
        "alternatives",
        "grain",
        "recurrence",
    ]
    assert [f.name for f in dataclasses.fields(Suggestion)] == [
        "indicator",
        "reason",
        "guide_point",
        "strength",
        "span_indexes",
    ]
    assert [f.name for f in dataclasses.fields(MessageWarning)] == [
        "code",
        "message",
        "start",
        "end",
    ]


def test_analysis_shape() -> None:
    posted = datetime(2026, 3, 14, 16, 20)
    result = analyse("zaterdag om 21:00 @kleineb_vbs", posted_at=posted)
    assert isinstance(result, Analysis)
    assert result.text == "zaterdag om 21:00 @kleineb_vbs"
    assert result.posted_at == posted
    assert [s.kind for s in result.spans] == ["time", "mention"]
    assert result.by_kind("mention")[0].value == "@kleineb_vbs"


def test_empty_text() -> None:
    result = analyse("", posted_at=datetime(2026, 3, 14, 16, 20))
    assert result.spans == [] and result.suggestions == []


def test_core_does_not_import_django() -> None:
    code = (
        "import sys, lont.analyser, datetime;"
        "lont.analyser.analyse('om 9', posted_at=datetime.datetime(2026, 3, 14));"
        "assert not [m for m in sys.modules if m.split('.')[0] in ('django', 'rest_framework')]"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)  # noqa: S603
