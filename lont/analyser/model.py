"""The analyser's result types: plain, immutable where possible, free of Django."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

KINDS: tuple[str, ...] = (
    "time",
    "duration",
    "place",
    "call_to_action",
    "threat",
    "weapon",
    "drill_slang",
    "deceased",
    "reputation",
    "mention",
    "hashtag",
    "engagement",
)

STRENGTHS: tuple[str, ...] = ("strong", "fairly_strong", "somewhat", "weak")


@dataclass(frozen=True, slots=True)
class Span:
    """One marked piece of the text: ``text[start:end]`` is what was found.

    ``value`` is canonical: for ``time`` a point ``YYYY-MM-DDTHH:MM``, a date ``YYYY-MM-DD`` or a
    period ``START/END`` (both ends included); for ``duration`` an ISO 8601 duration (``PT3H``); for ``place`` the gazetteer's canonical name or the surface text; for
    ``engagement`` ``metric:count``; for the other kinds the normalised phrase.
    """

    start: int
    end: int
    kind: str
    value: str
    confidence: float
    explanation: str
    ambiguous: bool = False
    alternatives: tuple[str, ...] = ()
    # Time spans: how fine the value is (minute, hour, part_of_day, day, week, weekend, month,
    # quarter, season, year, holiday) and, for recurring times, an RFC 5545 RRULE ("FREQ=WEEKLY;BYDAY=FR")
    # that repeats the value (its first occurrence).
    grain: str = ""
    recurrence: str = ""


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A suggested indicator tag; the professional confirms or ignores it."""

    indicator: str
    reason: str
    guide_point: str
    strength: str
    span_indexes: tuple[int, ...]


@dataclass(slots=True)
class Analysis:
    """The result of :func:`lont.analyser.analyse`."""

    text: str
    posted_at: datetime
    spans: list[Span] = field(default_factory=list)
    suggestions: list[Suggestion] = field(default_factory=list)

    def by_kind(self, kind: str) -> list[Span]:
        return [span for span in self.spans if span.kind == kind]


@dataclass(frozen=True, slots=True)
class MessageWarning:
    """A warning about the network's own draft message (C2, A4)."""

    code: str
    message: str
    start: int
    end: int


# Here with the other value types, not in :mod:`.suggest` (which still re-exports it): `suggest`
# is compiled by tools/build_analyser.py, and a compiled class could not be pickled or copied.
@dataclass(frozen=True, slots=True)
class EngagementThresholds:
    """Counts from which engagement suggests pressure to act; ten times over is one step up."""

    views: int = 10_000
    likes: int = 1_000
    comments: int = 200
    shares: int = 100
    reposts: int = 100
