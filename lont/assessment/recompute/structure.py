"""The structural facts of a situation that feed the engine: its rivalry and the risk-calendar
windows open at the moment of the recompute."""

from __future__ import annotations

from datetime import date, datetime

from django.utils import timezone

from lont import engine as e
from lont.riskcalendar import selectors as calendar_selectors
from lont.subjects.choices import Threat

from ..models import Situation


def _months_since(since: date | None, now: datetime) -> float:
    if since is None:
        return 0.0
    return max(0.0, (now.date() - since).days / 30.44)


def calendar_windows(
    situation: Situation, now: datetime, person_ids: set[int]
) -> tuple[e.CalendarWindow, ...]:
    """The risk-calendar windows (P6) open at ``now`` that touch the situation: linked to it,
    to one of its groups (or its rivalry's two groups), or to a person on its signals (a known
    person in a counting role). Each adds the engine's window points, explained as
    "Open kalendervenster <id> (<soort>)"."""
    # The link table only (no join to the groups, no ordering by their names).
    group_ids = set(
        Situation.groups.through.objects.filter(situation_id=situation.pk).values_list(
            "group_id", flat=True
        )
    )
    if situation.rivalry is not None:
        group_ids |= {situation.rivalry.group_a_id, situation.rivalry.group_b_id}
    day = timezone.localdate(now)
    return tuple(
        e.CalendarWindow(ref=str(pk), kind=label)
        for pk, label in calendar_selectors.open_windows(
            network_id=situation.network_id,
            on=day,
            situation_id=situation.pk,
            group_ids=group_ids,
            person_ids=person_ids,
        )
    )


def structure_for(situation: Situation, now: datetime, person_ids: set[int]) -> e.Structure:
    windows = calendar_windows(situation, now, person_ids)
    rivalry = situation.rivalry
    if rivalry is None:
        return e.Structure(open_windows=windows)
    symbolic = {Threat.SYMBOLIC, Threat.BOTH}
    return e.Structure(
        conflict_history_months=_months_since(rivalry.since, now),
        symbolic_threat=rivalry.threat_a in symbolic or rivalry.threat_b in symbolic,
        open_windows=windows,
        rivalry_ref=str(rivalry.pk),
    )
