"""The engine's inputs: plain, frozen dataclasses that the Django side builds from its models.

Every ``ref`` is an opaque identifier chosen by the caller (a primary key, ``"signal:12"``); the
engine only uses it to point back at the record in explanations, so it must never be a real name.
All datetimes must be timezone-aware.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import IntEnum, StrEnum


class WeightClass(StrEnum):
    """The indicator catalogue's weight classes (``default_weight_class`` in indicators.json)."""

    STRONG = "strong"
    FAIRLY_STRONG = "fairly_strong"
    SOMEWHAT = "somewhat"
    WEAK = "weak"

    @property
    def label_nl(self) -> str:
        return _WEIGHT_LABELS[self]


_WEIGHT_LABELS = {
    WeightClass.STRONG: "sterk",
    WeightClass.FAIRLY_STRONG: "vrij sterk",
    WeightClass.SOMEWHAT: "enigszins bruikbaar",
    WeightClass.WEAK: "zwak",
}


class SourceType(StrEnum):
    """How a signal was obtained (principle 1: every signal records its source type)."""

    OPEN_ONLINE = "open_online"
    SHARED_BY_YOUNG_PERSON = "shared_by_young_person"
    OWN_OFFLINE = "own_offline"
    TIP_NAMED = "tip_named"
    TIP_ANONYMOUS = "tip_anonymous"
    OTHER_PARTNER = "other_partner"
    MEDIA = "media"

    @property
    def label_nl(self) -> str:
        return _SOURCE_LABELS[self]

    @property
    def is_online(self) -> bool:
        """Online material: what the systematic-observation guard counts."""
        return self in (SourceType.OPEN_ONLINE, SourceType.SHARED_BY_YOUNG_PERSON)


_SOURCE_LABELS = {
    SourceType.OPEN_ONLINE: "open online bron",
    SourceType.SHARED_BY_YOUNG_PERSON: "gedeeld door een jongere",
    SourceType.OWN_OFFLINE: "eigen offline waarneming",
    SourceType.TIP_NAMED: "tip (melder bekend)",
    SourceType.TIP_ANONYMOUS: "anonieme tip",
    SourceType.OTHER_PARTNER: "via een andere partner",
    SourceType.MEDIA: "media",
}


class PersonRole(StrEnum):
    """The role of a person in one signal. Only the first two ever count (principle 9)."""

    INVOLVED = "involved"
    POSSIBLE_PERPETRATOR = "possible_perpetrator"
    VICTIM = "victim"
    WITNESS = "witness"
    TIPSTER = "tipster"

    @property
    def counts(self) -> bool:
        return self in COUNTING_ROLES


COUNTING_ROLES = frozenset({PersonRole.INVOLVED, PersonRole.POSSIBLE_PERPETRATOR})


class Level(IntEnum):
    """A situation's level; ordered, so ``max()`` and ``<`` mean "more serious"."""

    LOW = 0
    RAISED = 1
    HIGH = 2
    ACUTE = 3

    @property
    def code(self) -> str:
        """The Dutch code stored and shown: laag, verhoogd, hoog, acuut."""
        return _LEVEL_CODES[self]

    @property
    def label_nl(self) -> str:
        return _LEVEL_CODES[self]

    @classmethod
    def from_code(cls, code: str) -> Level:
        for level, level_code in _LEVEL_CODES.items():
            if level_code == code:
                return level
        raise ValueError(f"unknown level code {code!r}")


_LEVEL_CODES = {
    Level.LOW: "laag",
    Level.RAISED: "verhoogd",
    Level.HIGH: "hoog",
    Level.ACUTE: "acuut",
}


@dataclass(frozen=True)
class IndicatorTag:
    """An indicator tagged on a signal, with the weight class the network gives it."""

    code: str
    weight_class: WeightClass
    category: str = ""

    @property
    def is_drill(self) -> bool:
        """Drill indicators never count as evidence on their own (principle 3)."""
        return self.category == "drill" or self.code.startswith("drill.")

    @property
    def is_provocation(self) -> bool:
        """The guide's five provocation signs describe a *professional* being provoked (crisis
        rec. 4: lead them away); they concern staff safety and never raise a group's level."""
        return self.category == "provocation" or self.code.startswith("provocation.")


@dataclass(frozen=True)
class ContextNote:
    """A partner's context note on a signal: a weight adjustment from -2 to +2."""

    ref: str
    adjustment: int

    def __post_init__(self) -> None:
        if not -2 <= self.adjustment <= 2:
            raise ValueError(f"context note {self.ref}: adjustment must be -2..+2")


@dataclass(frozen=True)
class PersonLink:
    ref: str
    role: PersonRole


@dataclass(frozen=True)
class DrillCounts:
    """What a drill video shows (P9): personal attacks on street reputation, weapons, members."""

    personal_attacks: int = 0
    weapons_shown: int = 0
    members_shown: int = 0

    @property
    def shows(self) -> int:
        """Shows of weapons and members together: the guide's second red flag."""
        return self.weapons_shown + self.members_shown


@dataclass(frozen=True)
class Signal:
    """One signal as the engine sees it: no content, only what weighs."""

    ref: str
    observed_at: datetime
    indicators: tuple[IndicatorTag, ...] = ()
    source_type: SourceType = SourceType.OPEN_ONLINE
    notes: tuple[ContextNote, ...] = ()
    people: tuple[PersonLink, ...] = ()
    # A concrete time named in the signal ("zaterdag 21:00"), and whether a concrete place is.
    named_time: datetime | None = None
    named_place: bool = False
    call_to_action: bool = False
    threat: bool = False
    drill: DrillCounts | None = None
    # A named window ("deze week"): ``named_time`` is its start, this its end (see .moments).
    named_until: datetime | None = None

    def __post_init__(self) -> None:
        if self.named_until is not None and (
            self.named_time is None or self.named_until < self.named_time
        ):
            raise ValueError(f"signal {self.ref}: a named window needs a start before its end")

    @property
    def evidence_indicators(self) -> tuple[IndicatorTag, ...]:
        """The indicators that count as evidence: everything except drill and provocation ones."""
        return tuple(i for i in self.indicators if not (i.is_drill or i.is_provocation))

    @property
    def is_drill_only(self) -> bool:
        """A drill video or drill tag with no other evidence: weighs only via the drill reading."""
        return is_drill_only(self, self.evidence_indicators)

    @property
    def net_adjustment(self) -> int:
        return sum(n.adjustment for n in self.notes)

    @property
    def counting_people(self) -> tuple[PersonLink, ...]:
        return tuple(p for p in self.people if p.role.counts)


@dataclass(frozen=True)
class CalendarWindow:
    """An open risk-calendar window (P6) that concerns the situation."""

    ref: str
    kind: str = ""


@dataclass(frozen=True)
class Incident:
    ref: str
    occurred_at: datetime


@dataclass(frozen=True)
class Structure:
    """The situation's structural factors."""

    conflict_history_months: float = 0.0
    symbolic_threat: bool = False
    open_windows: tuple[CalendarWindow, ...] = ()
    incidents: tuple[Incident, ...] = ()
    rivalry_ref: str = ""


@dataclass(frozen=True)
class Contribution:
    """One line of the explanation: what added how much, and why (in Dutch).

    ``reason_nl`` is for viewers with full access to the signal; ``summary_nl`` for viewers who may
    only see a summary (covenant: indicators and weight, no source, people or notes). Lines that
    hold nothing about a signal (structure, drill reading) have the same text in both.
    """

    kind: str
    ref: str
    amount: float
    reason_nl: str
    details: dict[str, object] = field(default_factory=dict, compare=False, hash=False)
    summary_nl: str = ""

    def __post_init__(self) -> None:
        if not self.summary_nl:
            object.__setattr__(self, "summary_nl", self.reason_nl)

    @classmethod
    def plain(cls, kind: str, ref: str, amount: float, reason_nl: str = "") -> Contribution:
        """``Contribution(kind, ref, amount, reason_nl)``: no details, one text for both. Built
        without the frozen dataclass's ``__init__`` (a third of the cost): a recompute of a large
        situation makes thousands of these."""
        line = object.__new__(cls)
        line.__dict__.update(
            kind=kind, ref=ref, amount=amount, reason_nl=reason_nl, details={}, summary_nl=reason_nl
        )
        return line


def is_drill_only(signal: Signal, evidence: tuple[IndicatorTag, ...]) -> bool:
    """``signal.is_drill_only`` when its evidence indicators are already at hand (hot path)."""
    # Without evidence, an indicator left is a drill or a provocation sign; only drill counts here.
    return not evidence and (signal.drill is not None or any(i.is_drill for i in signal.indicators))
