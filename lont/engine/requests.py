"""Request patterns (P7): foot-in-the-door, door-in-the-face and low-ball on a situation's timeline.

A request record says who asked whom (opaque refs), when, how big the request was (small, large,
extreme) and how it ended. A pattern is always a pair of requests to the **same target**, the second
following the first within a maximum gap, made by the same requester or by someone of the same
group:

- **foot-in-the-door**: a smaller request *carried out*, then a larger one;
- **door-in-the-face**: a large or extreme request *refused*, then a smaller one;
- **low-ball**: a small request *agreed but not carried out* (it "turned out not to be possible"),
  then a larger one in its place — linked explicitly (``replaces``) or within the shorter low-ball
  gap.

Every pattern is also reported while the second request is still open or was refused: knowing an
attempt is under way is the point. ``succeeded`` says whether the target went along with it. Each
pattern carries the guide's text and risk reading from the knowledge catalogue.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from functools import cache

from . import guide
from .parameters import DEFAULT_PARAMETERS, EngineParameters


class RequestSize(StrEnum):
    SMALL = "small"
    LARGE = "large"
    EXTREME = "extreme"

    @property
    def rank(self) -> int:
        return {"small": 0, "large": 1, "extreme": 2}[self.value]

    @property
    def label_nl(self) -> str:
        return {"small": "klein", "large": "groot", "extreme": "extreem"}[self.value]


class RequestOutcome(StrEnum):
    ASKED = "asked"  # no answer known yet
    AGREED = "agreed"  # agreed, not (yet) carried out
    COMPLIED = "complied"  # carried out
    REFUSED = "refused"

    @property
    def label_nl(self) -> str:
        return {
            "asked": "nog open",
            "agreed": "toegezegd, niet uitgevoerd",
            "complied": "uitgevoerd",
            "refused": "geweigerd",
        }[self.value]


@dataclass(frozen=True)
class RequestRecord:
    ref: str
    at: datetime
    requester_ref: str
    target_ref: str
    size: RequestSize
    outcome: RequestOutcome
    requester_group: str = ""
    replaces: str = ""  # ref of an earlier request this one replaced (low-ball)


class Technique(StrEnum):
    FOOT_IN_DOOR = "foot_in_door"
    DOOR_IN_FACE = "door_in_face"
    LOW_BALL = "low_ball"


@dataclass(frozen=True)
class GuideReading:
    label_nl: str
    text_nl: str
    risk_reading_nl: str
    indicator: str


@dataclass(frozen=True)
class RequestPattern:
    technique: Technique
    first_ref: str
    second_ref: str
    target_ref: str
    first_at: datetime
    second_at: datetime
    succeeded: bool
    explanation_nl: str
    guide: GuideReading

    @property
    def indicator(self) -> str:
        return self.guide.indicator


_FALLBACK = {
    Technique.FOOT_IN_DOOR: "Voet-tussen-de-deur-techniek",
    Technique.DOOR_IN_FACE: "Deur-in-het-gezicht-techniek",
    Technique.LOW_BALL: "Low-ball-techniek",
}


@cache
def guide_reading(technique: Technique) -> GuideReading:
    """The guide's description and risk reading (lists.json ``request_techniques``)."""
    try:
        item = guide.request_technique(technique.value)
        return GuideReading(
            label_nl=item.label_nl,
            text_nl=item.text_nl,
            risk_reading_nl=str(item.extra.get("risk_reading_nl", "")),
            indicator=str(item.extra.get("indicator", f"request.{technique.value}")),
        )
    except (KeyError, ValueError, OSError, AttributeError):  # no catalogue installed, or broken
        return GuideReading(_FALLBACK[technique], "", "", f"request.{technique.value}")


guide.on_install(guide_reading.cache_clear)


def _same_side(first: RequestRecord, second: RequestRecord) -> bool:
    if first.requester_ref == second.requester_ref:
        return True
    return bool(first.requester_group) and first.requester_group == second.requester_group


def _matches(
    technique: Technique, first: RequestRecord, second: RequestRecord, params: EngineParameters
) -> bool:
    gap = second.at - first.at
    if (
        gap <= timedelta(0)
        or first.target_ref != second.target_ref
        or not _same_side(first, second)
    ):
        return False
    within = gap <= timedelta(days=params.requests.max_gap_days)
    if technique is Technique.FOOT_IN_DOOR:
        return (
            within
            and first.outcome is RequestOutcome.COMPLIED
            and second.size.rank > first.size.rank
        )
    if technique is Technique.DOOR_IN_FACE:
        return (
            within
            and first.size.rank >= RequestSize.LARGE.rank
            and first.outcome is RequestOutcome.REFUSED
            and second.size.rank < first.size.rank
        )
    linked = second.replaces == first.ref
    close = gap <= timedelta(days=params.requests.low_ball_gap_days)
    return (
        (linked or close)
        and first.size is RequestSize.SMALL
        and first.outcome is RequestOutcome.AGREED
        and second.size.rank > first.size.rank
    )


_STEPS_NL = {
    Technique.FOOT_IN_DOOR: "eerst een {a} verzoek dat is uitgevoerd, daarna een {b} verzoek",
    Technique.DOOR_IN_FACE: (
        "eerst een {a} verzoek dat is geweigerd, daarna een kleiner ({b}) verzoek"
    ),
    Technique.LOW_BALL: (
        "eerst een {a} verzoek dat is toegezegd maar niet uitgevoerd, "
        "daarna een {b} verzoek in de plaats"
    ),
}


def _success(second: RequestRecord) -> bool:
    """The target went along with the second request (agreed to it or carried it out)."""
    return second.outcome in (RequestOutcome.AGREED, RequestOutcome.COMPLIED)


def request_patterns(
    records: Iterable[RequestRecord], params: EngineParameters = DEFAULT_PARAMETERS
) -> list[RequestPattern]:
    """All patterns; per technique and second request, the closest earlier first one."""
    ordered = sorted(records, key=lambda r: (r.at, r.ref))
    out: list[RequestPattern] = []
    for technique in Technique:
        for j, second in enumerate(ordered):
            earlier = [f for f in ordered[:j] if _matches(technique, f, second, params)]
            # An explicit link (low-ball's "in its place") wins over the closest earlier request.
            linked = [f for f in earlier if second.replaces and f.ref == second.replaces]
            if not earlier:
                continue
            first = linked[0] if linked else earlier[-1]
            guide = guide_reading(technique)
            steps = _STEPS_NL[technique].format(a=first.size.label_nl, b=second.size.label_nl)
            days = (second.at - first.at).total_seconds() / 86400
            explanation = (
                f"{guide.label_nl} bij doelwit {second.target_ref}: {steps} ({round(days)} dagen "
                f"later; verzoeken {first.ref} en {second.ref}). Tweede verzoek: "
                f"{second.outcome.label_nl}. {guide.risk_reading_nl}"
            ).strip()
            out.append(
                RequestPattern(
                    technique=technique,
                    first_ref=first.ref,
                    second_ref=second.ref,
                    target_ref=second.target_ref,
                    first_at=first.at,
                    second_at=second.at,
                    succeeded=_success(second),
                    explanation_nl=explanation,
                    guide=guide,
                )
            )
    out.sort(key=lambda p: (p.second_at, p.technique.value, p.second_ref))
    return out
