"""The systematic-observation guard (principle 5, DOMAIN.md §5).

Following a person *systematically* (stelselmatig) — judged by duration, frequency and how complete
a picture arises — needs an order of the public prosecutor for the police (art. 126g Sv) and is not
the task of other partners at all. The guard looks at the **online** signals about **one person**
registered by **one organisation** (the caller selects them; :func:`online_times` helps) and checks
them, including the one about to be saved, against the covenant's thresholds (defaults: 3 within 30
days, a span over 6 weeks, or 10 in total). Crossing one must be shown *before* saving.

"Near" (for the dashboard and the demo) means one more signal reaches the frequency or total
threshold, or the span is within a week of its limit.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from .inputs import Signal
from .parameters import DEFAULT_PARAMETERS, ObservationThresholds

FREQUENCY = "frequency"
DURATION = "duration"
TOTAL = "total"


@dataclass(frozen=True)
class ProsecutorOrder:
    """An order of the public prosecutor (bevel officier van justitie) recorded by police."""

    reference: str
    issued_on: date
    scope_nl: str
    valid_until: date | None = None

    def problems_nl(self, today: date) -> list[str]:
        problems = []
        if not self.reference.strip():
            problems.append("Vul het kenmerk van het bevel in.")
        if not self.scope_nl.strip():
            problems.append("Beschrijf de reikwijdte van het bevel.")
        if self.issued_on > today:
            problems.append("De datum van het bevel ligt in de toekomst.")
        if self.valid_until is not None and self.valid_until < today:
            problems.append("Het bevel is verlopen.")
        return problems


@dataclass(frozen=True)
class ThresholdHit:
    code: str
    value: float
    limit: float
    message_nl: str


@dataclass(frozen=True)
class ObservationCheck:
    crossed: bool
    which: list[ThresholdHit]
    message_nl: str
    for_police: bool
    advice_nl: str = ""
    near: list[str] = field(default_factory=list)
    covered_by_order: bool = False
    order_problems: list[str] = field(default_factory=list)
    count: int = 0
    max_in_window: int = 0
    span_days: float = 0.0

    @property
    def codes(self) -> list[str]:
        return [h.code for h in self.which]


def online_times(signals: Iterable[Signal], person_ref: str) -> list[datetime]:
    """When the online signals that concern ``person_ref`` (in any role) were observed."""
    return sorted(
        s.observed_at
        for s in signals
        if s.source_type.is_online and any(p.ref == person_ref for p in s.people)
    )


def _max_in_window(times: list[datetime], days: int) -> int:
    best, start = 0, 0
    width = timedelta(days=days)
    for end, moment in enumerate(times):
        while moment - times[start] > width:
            start += 1
        best = max(best, end - start + 1)
    return best


POLICE_ADVICE_NL = (
    "Leg een bevel van de officier van justitie vast (kenmerk, datum en reikwijdte; art. 126g Sv) "
    "of stop met het registreren van online signalen over deze persoon."
)
OTHER_ADVICE_NL = (
    "Stelselmatig onderzoek naar personen is niet aan uw organisatie. Stop met het registreren van "
    "online signalen over deze persoon en draag de informatie over aan een partner met die "
    "bevoegdheid (de politie, met een bevel van de officier van justitie)."
)


def check_observation(
    observed: Iterable[datetime],
    *,
    for_police: bool,
    new_at: datetime | None = None,
    thresholds: ObservationThresholds = DEFAULT_PARAMETERS.observation,
    order: ProsecutorOrder | None = None,
    today: date | None = None,
) -> ObservationCheck:
    """Check the online signals about one person by one organisation, plus ``new_at`` if given."""
    times = sorted([*observed, *([new_at] if new_at is not None else [])])
    t = thresholds
    count = len(times)
    in_window = _max_in_window(times, t.window_days)
    span = (times[-1] - times[0]).total_seconds() / 86400 if count > 1 else 0.0
    hits: list[ThresholdHit] = []
    if in_window >= t.window_count:
        hits.append(
            ThresholdHit(
                FREQUENCY,
                in_window,
                t.window_count,
                f"{in_window} online signalen binnen {t.window_days} dagen "
                f"(grens {t.window_count})",
            )
        )
    if span > t.span_days:
        hits.append(
            ThresholdHit(
                DURATION,
                span,
                t.span_days,
                f"signalen over een periode van {round(span)} dagen (grens {t.span_days} dagen)",
            )
        )
    if count >= t.total:
        hits.append(
            ThresholdHit(
                TOTAL, count, t.total, f"{count} online signalen in totaal (grens {t.total})"
            )
        )
    near = []
    if not hits:
        if in_window == t.window_count - 1:
            near.append(FREQUENCY)
        if count > 1 and span > t.span_days - 7:
            near.append(DURATION)
        if count == t.total - 1:
            near.append(TOTAL)

    def result(crossed: bool, message: str, advice: str = "", **extra: Any) -> ObservationCheck:
        return ObservationCheck(
            crossed=crossed,
            which=hits,
            message_nl=message,
            for_police=for_police,
            advice_nl=advice,
            count=count,
            max_in_window=in_window,
            span_days=span,
            **extra,
        )

    if not hits:
        message = "Geen drempel voor stelselmatige observatie overschreden."
        if near:
            message += " Let op: deze persoon nadert een drempel."
        return result(False, message, near=near)
    facts = "; ".join(h.message_nl for h in hits)
    message = (
        "Let op: de online signalen van uw organisatie over deze persoon worden mogelijk "
        f"stelselmatige observatie ({facts})."
    )
    if not for_police:
        return result(True, message, OTHER_ADVICE_NL)
    problems = order.problems_nl(today or times[-1].date()) if order is not None else []
    if order is not None and not problems:
        covered = (
            f"{message} Geregistreerd onder bevel van de officier van justitie {order.reference} "
            f"van {order.issued_on:%d-%m-%Y} (reikwijdte: {order.scope_nl})."
        )
        return result(True, covered, covered_by_order=True)
    return result(True, message, POLICE_ADVICE_NL, order_problems=problems)
