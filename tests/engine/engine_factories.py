"""Builders for the engine's plain inputs (no database). Fixed clock: every test passes NOW."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from lont.engine import (
    ContextNote,
    DrillCounts,
    IndicatorTag,
    PersonLink,
    PersonRole,
    Signal,
    SourceType,
    WeightClass,
)

NOW = datetime(2026, 6, 15, 12, 0, tzinfo=UTC)

# One indicator of each weight class, as in the guide's catalogue.
STRONG = IndicatorTag("online.time_place", WeightClass.STRONG, "online")
FAIRLY = IndicatorTag("online.reputation_family", WeightClass.FAIRLY_STRONG, "online")
SOMEWHAT = IndicatorTag("online.group_pressure", WeightClass.SOMEWHAT, "online")
WEAK = IndicatorTag("online.network_visible", WeightClass.WEAK, "online")
DRILL_ATTACKS = IndicatorTag("drill.personal_attacks", WeightClass.FAIRLY_STRONG, "drill")


def ago(days: float = 0, hours: float = 0) -> datetime:
    return NOW - timedelta(days=days, hours=hours)


def signal(
    ref: str = "1",
    *indicators: IndicatorTag,
    days: float = 0,
    source: SourceType = SourceType.OPEN_ONLINE,
    notes: tuple[int, ...] = (),
    roles: tuple[PersonRole, ...] = (),
    **kw: Any,
) -> Signal:
    """A signal observed ``days`` before NOW with these indicators, note adjustments and roles."""
    return Signal(
        ref=ref,
        observed_at=kw.pop("observed_at", ago(days)),
        indicators=indicators,
        source_type=source,
        notes=tuple(ContextNote(f"{ref}-n{i}", adj) for i, adj in enumerate(notes)),
        people=tuple(PersonLink(f"p{i}", role) for i, role in enumerate(roles)),
        **kw,
    )


def call(ref: str = "call", *, hours_ahead: float = 30, days: float = 0, **kw: Any) -> Signal:
    """A call to fight at a concrete time ``hours_ahead`` from NOW and a concrete place."""
    kw.setdefault("call_to_action", True)
    kw.setdefault("named_place", True)
    return signal(ref, STRONG, days=days, named_time=NOW + timedelta(hours=hours_ahead), **kw)


def drill_video(
    ref: str, observed_at: datetime, attacks: int, weapons: int, members: int
) -> Signal:
    return Signal(
        ref=ref,
        observed_at=observed_at,
        drill=DrillCounts(personal_attacks=attacks, weapons_shown=weapons, members_shown=members),
    )


def month_start(months_back: int) -> datetime:
    """Mid-month moment ``months_back`` calendar months before NOW's month."""
    index = NOW.year * 12 + NOW.month - 1 - months_back
    return datetime(index // 12, index % 12 + 1, 15, 12, 0, tzinfo=UTC)


def rising_drill(prefix: str = "d", months: int = 12) -> list[Signal]:
    """A drill series rising every month over the last ``months`` complete months."""
    return [
        drill_video(
            f"{prefix}{m}", month_start(m), attacks=months - m, weapons=months - m, members=1
        )
        for m in range(1, months + 1)
    ]


# One of the guide's five provocation signs (a professional being provoked; crisis rec. 4).
PROVOKED = IndicatorTag("provocation.2", WeightClass.STRONG, "provocation")
# Recognised by its code alone when a network's catalogue row has no category.
PROVOKED_BY_CODE = IndicatorTag("provocation.5", WeightClass.STRONG, "")
