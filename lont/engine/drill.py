"""The drill reading (P9): per rivalry, is there the guide's escalation red flag?

The guide (V9, ``drill_red_flags`` in lists.json) reads escalation only for groups with a **long
history of mutual conflict** *and* a **clearly rising trend in both** red flags: personal attacks on
each other's street reputation, and shows of weapons and group members. We make "clearly rising"
testable: two monthly series — the sum of personal attacks, and the sum of weapons plus members
shown, over the rivalry's drill signals — each get a one-sided Mann-Kendall trend test. "Clearly
rising" means p < alpha (default 0.05) with a positive S.

The series cover the last ``window_months`` *complete* calendar months before ``now`` (in the
network's time zone): the running month is left out because a half month would look like a fall. A
month without drill signals counts as zero. Drill is context, never proof (DOMAIN.md §6): the
reading never raises a level on its own — see :mod:`.levels`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from .inputs import Signal
from .parameters import DEFAULT_PARAMETERS, EngineParameters
from .stats import MannKendall, fmt_num, fmt_p, mann_kendall

CAUSALITY_QUESTION_NL = (
    "Causaliteitsvraag: zorgt de online uiting van geweld voor een positievere houding tegenover "
    "geweld, of verwijzen de jongeren naar straatgeweld om uiting te geven aan problemen waar ze "
    "in hun "
    "dagelijks leven mee worstelen?"
)


@dataclass(frozen=True)
class TrendTest:
    """The outcome of a one-sided Mann-Kendall test on one monthly series."""

    n: int
    statistic: int  # Mann-Kendall S
    z: float
    p_value: float
    tau: float
    sen_slope: float  # change per month (median of pairwise slopes)
    rising: bool

    @classmethod
    def of(cls, result: MannKendall, alpha: float) -> TrendTest:
        return cls(
            n=result.n,
            statistic=result.s,
            z=result.z,
            p_value=result.p_value,
            tau=result.tau,
            sen_slope=result.sen_slope,
            rising=result.s > 0 and result.p_value < alpha,
        )

    def describe_nl(self) -> str:
        return f"Mann-Kendall S = {self.statistic}, {fmt_p(self.p_value)}"


@dataclass(frozen=True)
class ChartPoint:
    month: str  # "2026-03"
    attacks: int
    shows: int


@dataclass(frozen=True)
class DrillReading:
    rivalry_ref: str
    months: tuple[str, ...]
    attacks: tuple[int, ...]
    shows: tuple[int, ...]
    attacks_test: TrendTest
    shows_test: TrendTest
    conflict_history_months: float
    long_history: bool
    videos: int
    red_flag: bool
    explanation_nl: str

    @property
    def chart(self) -> list[ChartPoint]:
        """Points for a chart of both series (one per month, oldest first)."""
        return [
            ChartPoint(month=m, attacks=a, shows=s)
            for m, a, s in zip(self.months, self.attacks, self.shows, strict=True)
        ]


def _month_index(moment: datetime, zone: ZoneInfo) -> int:
    local = moment.astimezone(zone)
    return local.year * 12 + local.month - 1


def _month_label(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def drill_reading(
    signals: Iterable[Signal],
    *,
    conflict_history_months: float,
    now: datetime,
    params: EngineParameters = DEFAULT_PARAMETERS,
    rivalry_ref: str = "",
) -> DrillReading:
    """The drill reading of one rivalry from its signals (only those with drill counts are used)."""
    p = params.drill
    zone = ZoneInfo(params.timezone)
    last = _month_index(now, zone) - 1  # the last complete month
    first = last - p.window_months + 1
    attacks = [0] * p.window_months
    shows = [0] * p.window_months
    videos = 0
    for signal in signals:
        if signal.drill is None or signal.observed_at > now:
            continue
        index = _month_index(signal.observed_at, zone)
        if first <= index <= last:
            videos += 1
            attacks[index - first] += signal.drill.personal_attacks
            shows[index - first] += signal.drill.shows
    attacks_test = TrendTest.of(mann_kendall(attacks), p.alpha)
    shows_test = TrendTest.of(mann_kendall(shows), p.alpha)
    long_history = conflict_history_months >= p.long_history_months
    enough = videos >= p.min_videos
    red_flag = enough and long_history and attacks_test.rising and shows_test.rising
    months = tuple(_month_label(i) for i in range(first, last + 1))
    return DrillReading(
        rivalry_ref=rivalry_ref,
        months=months,
        attacks=tuple(attacks),
        shows=tuple(shows),
        attacks_test=attacks_test,
        shows_test=shows_test,
        conflict_history_months=conflict_history_months,
        long_history=long_history,
        videos=videos,
        red_flag=red_flag,
        explanation_nl=_explain(
            red_flag,
            long_history,
            conflict_history_months,
            attacks_test,
            shows_test,
            videos,
            params,
        ),
    )


def _rising_nl(test: TrendTest) -> str:
    return "stijgen duidelijk" if test.rising else "stijgen niet duidelijk"


def _explain(
    red_flag: bool,
    long_history: bool,
    history: float,
    attacks: TrendTest,
    shows: TrendTest,
    videos: int,
    params: EngineParameters,
) -> str:
    p = params.drill
    noun = "drillsignaal" if videos == 1 else "drillsignalen"
    period = f"{videos} {noun} in de laatste {p.window_months} volledige maanden"
    history_nl = (
        f"conflictgeschiedenis {fmt_num(history, 0)} maanden "
        f"(lang vanaf {fmt_num(p.long_history_months, 0)})"
    )
    attacks_nl = (
        f"persoonlijke aanvallen {_rising_nl(attacks)} "
        f"({attacks.describe_nl()}, helling {fmt_num(attacks.sen_slope, 2)} per maand)"
    )
    shows_nl = (
        f"getoonde wapens en groepsleden "
        f"{_rising_nl(shows)} "
        f"({shows.describe_nl()}, helling {fmt_num(shows.sen_slope, 2)} per maand)"
    )
    if red_flag:
        head = (
            "Rode vlag uit de drilllezing: lange conflictgeschiedenis én een duidelijk stijgende "
            "trend in beide."
        )
    else:
        missing = []
        if videos < p.min_videos:
            missing.append(f"te weinig drillsignalen (minstens {p.min_videos})")
        if not long_history:
            missing.append("geen lange conflictgeschiedenis")
        if not attacks.rising:
            missing.append("geen duidelijk stijgende trend in persoonlijke aanvallen")
        if not shows.rising:
            missing.append("geen duidelijk stijgende trend in getoonde wapens en groepsleden")
        head = "Geen rode vlag uit de drilllezing: " + "; ".join(missing) + "."
    return (
        f"{head} {period}; {history_nl}; {attacks_nl}; {shows_nl} "
        f"(eenzijdige toets, significantieniveau {fmt_num(p.alpha, 2)}). "
        "Drill is context, geen bewijs: de lezing telt alleen mee naast ander bewijs. "
        f"{CAUSALITY_QUESTION_NL}"
    )
