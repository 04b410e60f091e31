"""Reads of the risk calendar, through the visibility layer; the system reads the level engine
and the analyser need (ids and dates only) are marked as such."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import translation

from lont.core.filters import int_param
from lont.core.scoping import system_context
from lont.core.viewer import Viewer
from lont.core.visibility import visible
from lont.networks.choices import Access
from lont.subjects.models import Group

from .choices import WindowKind
from .models import CalendarEvent, CalendarFeed, RiskWindow


@dataclass(frozen=True)
class WindowFilters:
    area: str = ""
    group_id: int | None = None
    kind: str = ""

    def query(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.area:
            out["gebied"] = self.area
        if self.group_id:
            out["groep"] = self.group_id
        if self.kind:
            out["soort"] = self.kind
        return out


def parse_filters(params: Any) -> WindowFilters:
    kind = str(params.get("soort", ""))
    return WindowFilters(
        area=str(params.get("gebied", "")).strip()[:120],
        group_id=int_param(params, "groep"),
        kind=kind if kind in WindowKind.values else "",
    )


def windows(
    viewer: Viewer,
    filters: WindowFilters | None = None,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    minimum: Access = Access.SUMMARY,
) -> QuerySet[RiskWindow]:
    """The windows the viewer sees that overlap [start, end], filtered by area, group, kind."""
    filters = filters or WindowFilters()
    rows = visible(viewer, RiskWindow.objects.all(), minimum=minimum)
    if start is not None:
        rows = rows.filter(ends_on__gte=start)
    if end is not None:
        rows = rows.filter(starts_on__lte=end)
    if filters.area:
        rows = rows.filter(area__iexact=filters.area)
    if filters.group_id:
        groups = visible(viewer, Group.objects.filter(pk=filters.group_id)).values("pk")
        rows = rows.filter(groups__in=groups).distinct()
    if filters.kind:
        rows = rows.filter(kind=filters.kind)
    return rows.select_related("event", "situation").order_by("starts_on", "pk")


def events(viewer: Viewer) -> QuerySet[CalendarEvent]:
    return visible(viewer, CalendarEvent.objects.all()).order_by("-occurred_at", "pk")


def visible_groups(viewer: Viewer) -> QuerySet[Group]:
    return visible(viewer, Group.objects.all()).order_by("name", "pk")


def area_choices(viewer: Viewer) -> list[str]:
    values = (
        visible(viewer, RiskWindow.objects.exclude(area=""))
        .order_by()
        .values_list("area", flat=True)
    )
    return sorted({str(a) for a in values.distinct()}, key=str.lower)


@dataclass
class Day:
    date: dt.date
    in_month: bool
    windows: list[Any] = field(default_factory=list)


def month_weeks(year: int, month: int, rows: list[RiskWindow]) -> list[list[Day]]:
    """Weeks (Monday first) of the month with the windows open on each day."""
    out = []
    for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
        days = []
        for day in week:
            days.append(
                Day(
                    date=day,
                    in_month=day.month == month,
                    windows=[w for w in rows if w.starts_on <= day <= w.ends_on],
                )
            )
        out.append(days)
    return out


def active_feed(viewer: Viewer) -> CalendarFeed | None:
    return CalendarFeed.objects.filter(
        membership=viewer.membership, revoked_at__isnull=True
    ).first()


# --- system reads: ids, kinds and dates only --------------------------------------------------


def open_windows(
    *,
    network_id: int,
    on: dt.date,
    situation_id: int | None = None,
    group_ids: set[int] | frozenset[int] = frozenset(),
    person_ids: set[int] | frozenset[int] = frozenset(),
) -> list[tuple[int, str]]:
    """The windows open on ``on`` that touch a situation (linked to it, or to one of its groups
    or people): (id, Dutch kind label) for the level engine, which echoes only these."""
    touch = Q(pk__in=[])
    if situation_id is not None:
        touch |= Q(situation_id=situation_id)
    if group_ids:
        touch |= Q(groups__in=group_ids)
    if person_ids:
        touch |= Q(people__in=person_ids)
    with system_context("level engine: the open windows touching a situation (ids only)"):
        rows = list(
            RiskWindow.objects.filter(network_id=network_id, starts_on__lte=on, ends_on__gte=on)
            .filter(touch)
            .values_list("pk", "kind", "flagged")
            .distinct()
            .order_by("pk")
        )
    out = []
    with translation.override("nl"):
        for pk, kind, flagged in rows:
            label = str(WindowKind(kind).label) if kind in WindowKind.values else kind
            if flagged:
                label = f"{label}, verhoogd"
            out.append((pk, label))
    return out


def school_holidays(
    network_id: int, *, start: dt.date | None = None, end: dt.date | None = None
) -> list[tuple[dt.date, dt.date]]:
    """The network's school holidays entered in the calendar, as (first day, last day), in
    date order: for the analyser's "na de zomervakantie". Dates only, no content."""
    with system_context("school holidays: dates only, no personal data"):
        rows = RiskWindow.objects.filter(network_id=network_id, kind=WindowKind.SCHOOL_HOLIDAY)
        if start is not None:
            rows = rows.filter(ends_on__gte=start)
        if end is not None:
            rows = rows.filter(starts_on__lte=end)
        return list(rows.order_by("starts_on", "pk").values_list("starts_on", "ends_on"))
