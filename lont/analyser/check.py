"""Checks on the network's own draft messages (C2: one line; A4: debunking misinformation).

* ``repeats_time`` / ``repeats_place``: the draft names a time or place that also occurs in the
  context texts (the call to a confrontation). Times are compared as resolved intervals, so
  "zaterdag 21:00" in the draft matches "za om 9 uur 's avonds" in the post; places by canonical
  name, so an alias matches its place. A draft time spanning more than a day ("volgende week")
  is too vague to spread a confrontation and is not reported.
* ``opens_with_myth``: the draft's first sentence mostly consists of the words of a context text
  (the rumour): the share of its content words that also occur in one context text is at least
  :data:`MYTH_OVERLAP`. The guide says not to open a debunk with the myth.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime, timedelta

from .engine import AMSTERDAM, find_spans
from .gazetteer import Gazetteer
from .model import MessageWarning, Span
from .normalise import TOKEN_RE, fold, squash, word_set

MYTH_OVERLAP = 0.6
MIN_CONTENT_WORDS = 3
_STOPWORDS = word_set(
    """
    de het een en of maar dat die dit deze is zijn was waren er in op aan te van voor
    met bij naar om uit over dan als ook niet wel nog al je jij jullie ik we wij ze zij
    hij hem haar u mijn m'n mn ons onze hun heeft hebben had wordt worden werd zal
    zullen kan kunnen moet moeten gaat gaan ga wat wie waar hoe zo heel echt
    """
)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")


def _interval(value: str) -> tuple[datetime, datetime] | None:
    try:
        if "/" in value:
            start, end = value.split("/", 1)
            return datetime.fromisoformat(start), datetime.fromisoformat(end)
        if "T" in value:
            moment = datetime.fromisoformat(value)
            return moment, moment
        day = datetime.fromisoformat(value)
        return day, day + timedelta(hours=23, minutes=59)
    except ValueError:
        return None


def _times_meet(a: Span, b: Span) -> bool:
    ia, ib = _interval(a.value), _interval(b.value)
    if ia is None or ib is None:
        return False
    return ia[0] <= ib[1] and ib[0] <= ia[1]


def _content_words(text: str) -> set[str]:
    # Numbers ("21", "00") are left out: a repeated time is reported as repeats_time already.
    return {
        t
        for t in TOKEN_RE.findall(fold(text))
        if t not in _STOPWORDS and len(t) > 1 and not t.isdigit()
    }


def check_message(
    draft: str,
    *,
    context_texts: Sequence[str],
    posted_at: datetime | None = None,
    gazetteer: Gazetteer | None = None,
) -> list[MessageWarning]:
    """Warnings for a draft message, given the posts or rumours it responds to."""
    moment = posted_at or datetime.now(AMSTERDAM)
    draft_spans = find_spans(draft, posted_at=moment, gazetteer=gazetteer, times_and_places=True)
    context_spans = [
        span
        for text in context_texts
        for span in find_spans(text, posted_at=moment, gazetteer=gazetteer, times_and_places=True)
    ]
    warnings: list[MessageWarning] = []
    context_times = [s for s in context_spans if s.kind == "time" and not _vague(s)]
    context_places = {squash(s.value) for s in context_spans if s.kind == "place"}
    for span in draft_spans:
        surface = draft[span.start : span.end]
        if span.kind == "time" and not _vague(span) and _narrow(span):
            if any(_times_meet(span, other) for other in context_times):
                warnings.append(
                    MessageWarning(
                        "repeats_time",
                        f"Uw bericht noemt het tijdstip van de geplande confrontatie "
                        f"('{surface}'). Herhaal tijd en plaats niet: zo verspreidt u de oproep "
                        "verder.",
                        span.start,
                        span.end,
                    )
                )
        elif span.kind == "place" and squash(span.value) in context_places:
            warnings.append(
                MessageWarning(
                    "repeats_place",
                    f"Uw bericht noemt de plaats van de geplande confrontatie ('{surface}'). "
                    "Herhaal tijd en plaats niet: zo verspreidt u de oproep verder.",
                    span.start,
                    span.end,
                )
            )
    myth = _opens_with_myth(draft, context_texts)
    if myth is not None:
        warnings.append(myth)
    return warnings


def _vague(span: Span) -> bool:
    return span.ambiguous and not span.alternatives


def _narrow(span: Span) -> bool:
    interval = _interval(span.value)
    return interval is not None and interval[1] - interval[0] <= timedelta(days=1)


def _opens_with_myth(draft: str, context_texts: Sequence[str]) -> MessageWarning | None:
    match = next((m for m in _SENTENCE.finditer(draft) if m.group(0).strip()), None)
    if match is None:
        return None
    words = _content_words(match.group(0))
    if len(words) < MIN_CONTENT_WORDS:
        return None
    best = max((len(words & _content_words(c)) / len(words) for c in context_texts), default=0.0)
    if best < MYTH_OVERLAP:
        return None
    start = match.start() + (len(match.group(0)) - len(match.group(0).lstrip()))
    end = match.start() + len(match.group(0).rstrip())
    return MessageWarning(
        "opens_with_myth",
        f"De eerste zin herhaalt grotendeels het gerucht ({round(best * 100)}% dezelfde woorden). "
        "Begin met de feiten, niet met de mythe die u wilt ontkrachten.",
        start,
        end,
    )
