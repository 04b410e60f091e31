"""The entry point: ``analyse(text, posted_at=…)`` runs every rule family, suggests indicators."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

from .gazetteer import Gazetteer
from .lexicon import Lexicon
from .model import Analysis, EngagementThresholds, Span
from .normalise import fold
from .patterns import fixed_spans, lexicon_spans, tag_spans
from .places import find_pattern_places
from .suggest import suggest
from .times import find_times
from .times.durations import find_durations
from .times.holidays import SchoolHolidays, find_holidays

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
# Longer texts are analysed in full, but a post is rarely longer; this bounds pathological input.
MAX_CHARS = 100_000


def local_naive(posted_at: datetime) -> datetime:
    """Aware datetimes are converted to Amsterdam time; naive ones already are Amsterdam time."""
    if posted_at.tzinfo is not None and posted_at.utcoffset() is not None:
        return posted_at.astimezone(AMSTERDAM).replace(tzinfo=None)
    return posted_at.replace(tzinfo=None)


def find_spans(
    text: str,
    *,
    posted_at: datetime,
    gazetteer: Gazetteer | None = None,
    lexicon: Lexicon | None = None,
    area: str | Sequence[str] | None = None,
    times_and_places: bool = False,
    school_holidays: SchoolHolidays = (),
) -> list[Span]:
    """Every span in ``text``; ``times_and_places`` skips the other rule families (the draft check
    only compares times and places). Spans of one kind never depend on other kinds, except that
    words inside a handle or hashtag are no place, so mentions and hashtags are always found."""
    text = text[:MAX_CHARS]
    folded = fold(text)
    now = local_naive(posted_at)
    spans: list[Span] = []
    times = find_times(text, folded, now)
    if school_holidays:
        holidays = find_holidays(text, folded, now, school_holidays)
        if holidays:
            times = [
                t for t in times if not any(t.start < h.end and h.start < t.end for h in holidays)
            ]
            times = sorted([*times, *holidays], key=lambda s: s.start)
    durations = find_durations(text, folded)
    # A duration inside a time ("over 10 minuten", "om 2 uur") is that time; a time inside a
    # longer duration ("twee uur, 3 kwartier", "2 uur lang") is part of the duration.
    longer = [
        d
        for d in durations
        if any(
            d.start <= t.start and t.end <= d.end and (t.start, t.end) != (d.start, d.end)
            for t in times
        )
    ]
    times = [t for t in times if not any(d.start <= t.start and t.end <= d.end for d in longer)]
    spans.extend(times)
    spans.extend(
        d for d in durations if not any(d.start < t.end and t.start < d.end for t in times)
    )
    if gazetteer is not None:
        areas = (area,) if isinstance(area, str) else tuple(area or ())
        spans.extend(gazetteer.find(text, folded, areas))
    spans.extend(find_pattern_places(text, folded))
    if times_and_places:
        spans.extend(tag_spans(text))
    else:
        spans.extend(lexicon_spans(text, folded, lexicon or Lexicon.default()))
        spans.extend(fixed_spans(text, folded))
        spans = _join_threat_parts(folded, _drop_repeated_emoji_threats(text, spans))
    # Guarantee the contract: inside the text and never empty, whatever a rule did.
    valid = [
        s for s in spans if 0 <= s.start < s.end <= len(text) and text[s.start : s.end].strip()
    ]
    # Words inside a handle or hashtag ("@tiny_t_kreek", "#westerveld") are not running text;
    # "#rip" still mourns someone.
    tags = [(s.start, s.end) for s in valid if s.kind in ("mention", "hashtag")]
    if tags:
        valid = [
            s
            for s in valid
            if s.kind in ("mention", "hashtag", "deceased")
            or not any(start <= s.start and s.end <= end for start, end in tags)
        ]
    return drop_overlaps(valid)


def _join_threat_parts(folded: str, spans: list[Span]) -> list[Span]:
    """Two rules that each matched part of one threat ("… een gruwelijke dood sterven door mijn
    handen") give one span: one threat, one mark. Only parts that touch or overlap join; two
    clauses ("ik ga je vinden en dan steek ik je") stay two threats."""
    threats = sorted((s for s in spans if s.kind == "threat"), key=lambda s: s.start)
    if len(threats) < 2:
        return spans
    joined: list[Span] = [threats[0]]
    for span in threats[1:]:
        last = joined[-1]
        gap = folded[last.end : span.start]
        if span.start <= last.end or not gap.strip():
            end = max(last.end, span.end)
            joined[-1] = replace(
                last,
                end=end,
                value=" ".join(folded[last.start : end].split()),
                confidence=max(last.confidence, span.confidence),
            )
        else:
            joined.append(span)
    return [s for s in spans if s.kind != "threat"] + joined


def _drop_repeated_emoji_threats(text: str, spans: list[Span]) -> list[Span]:
    """A weapon emoji after a threat already marked in words is part of that threat."""
    worded = [s for s in spans if s.kind == "threat" and any(c.isalpha() for c in s.value)]
    if not worded:
        return spans
    return [
        s
        for s in spans
        if not (
            s.kind == "threat"
            and not any(c.isalpha() for c in s.value)
            and any(abs(s.start - w.end) <= 40 or abs(w.start - s.end) <= 40 for w in worded)
        )
    ]


def analyse(
    text: str,
    *,
    posted_at: datetime,
    gazetteer: Gazetteer | None = None,
    lexicon: Lexicon | None = None,
    engagement_thresholds: EngagementThresholds | None = None,
    area: str | Sequence[str] | None = None,
    school_holidays: SchoolHolidays = (),
) -> Analysis:
    """Mark times, places, calls to action, threats, weapons, drill slang, the dead, reputation
    attacks, mentions, hashtags and engagement in ``text`` and suggest indicators.

    ``posted_at``: aware datetime, or naive Europe/Amsterdam local time. Never raises for any
    string; spans are sorted by start and lie within the text. ``area`` (optional): the area or
    areas the post comes from (the group's, the network's); a place name that several places in
    the gazetteer share is resolved by it, else by the other places in the post.
    ``school_holidays`` (optional): the network's school holidays as ``(first day, last day)``
    pairs, for "na de zomervakantie" and the like (:mod:`.times.holidays`); without them those
    phrases give no span.
    """
    spans = find_spans(
        text,
        posted_at=posted_at,
        gazetteer=gazetteer,
        lexicon=lexicon,
        area=area,
        school_holidays=school_holidays,
    )
    return Analysis(
        text=text,
        posted_at=posted_at,
        spans=spans,
        suggestions=suggest(spans, engagement_thresholds),
    )


def drop_overlaps(spans: list[Span]) -> list[Span]:
    """Keep spans of one kind from overlapping: longest first, then highest confidence, earliest.

    Different kinds may overlap (``rambo`` is both weapon and drill slang).
    """
    kept: list[Span] = []
    taken: dict[str, list[tuple[int, int]]] = {}
    ordered = sorted(spans, key=lambda s: (-(s.end - s.start), -s.confidence, s.start))
    for span in ordered:
        ranges = taken.setdefault(span.kind, [])
        if any(span.start < end and start < span.end for start, end in ranges):
            continue
        ranges.append((span.start, span.end))
        kept.append(span)
    kept.sort(key=lambda s: (s.start, s.end, s.kind))
    return kept
