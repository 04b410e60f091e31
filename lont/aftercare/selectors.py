"""Permission-aware reads of aftercare: everything through the visibility layer."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.db.models import Q

from lont.assessment.choices import LEVEL_RANK
from lont.assessment.models import Situation
from lont.assessment.selectors import situation_signals
from lont.core.combobox import typed_text
from lont.core.related import filter_visible
from lont.core.viewer import Viewer
from lont.core.visibility import visible
from lont.crisis.models import Incident
from lont.networks.choices import Access, InformationCategory
from lont.signalregister.choices import CATEGORY_BY_SOURCE
from lont.signalregister.models import Signal
from lont.socialmap.choices import ContactKind
from lont.socialmap.models import Contact
from lont.subjects.models import Person

from .guide import BURDENED_FROM, MIN_RESPONDENTS, STRESSORS
from .models import (
    AdvisoryMember,
    AftercarePlan,
    Debunk,
    Evaluation,
    ExposureReport,
    PersonPerspective,
    PlanTask,
    Prebunk,
    Rumour,
    RumourReach,
    StressorParticipation,
    StressorSurvey,
    StressorTally,
    SupportPointer,
    TipsterCare,
)


def plans(viewer: Viewer) -> models.QuerySet:
    return visible(viewer, AftercarePlan.objects.select_related("situation", "organisation"))


def plan_rows(viewer: Viewer, plan: AftercarePlan) -> dict[str, list[Any]]:
    """The plan's tasks, perspectives and (for the tip's holder only) tipster care, each row
    at most as visible as its ends."""
    tasks = filter_visible(
        viewer,
        visible(viewer, PlanTask.objects.filter(plan=plan)).select_related("organisation", "owner"),
    )
    perspectives = filter_visible(
        viewer,
        visible(viewer, PersonPerspective.objects.filter(plan=plan)).select_related(
            "organisation", "person"
        ),
    )
    care = filter_visible(
        viewer,
        visible(viewer, TipsterCare.objects.filter(plan=plan), minimum=Access.FULL),
        minimum=Access.FULL,
    )
    return {"tasks": tasks, "perspectives": perspectives, "care": care}


@dataclass(frozen=True)
class Watch:
    """Re-escalation watch: the situation's level now and at the start, and new signals."""

    level: str
    level_at_start: str
    escalated: bool
    new_signals: list[tuple[Any, Access]]


def escalation_watch(viewer: Viewer, plan: AftercarePlan) -> Watch | None:
    situation = plan.situation
    if situation is None:
        return None
    signals = [
        (signal, access)
        for signal, access in situation_signals(viewer, situation)
        if signal.observed_at >= plan.created_at
    ]
    escalated = LEVEL_RANK.get(situation.level, 0) > LEVEL_RANK.get(plan.level_at_start, 0)
    return Watch(situation.level, plan.level_at_start, escalated or bool(signals), signals)


def reports(viewer: Viewer) -> models.QuerySet:
    return visible(viewer, ExposureReport.objects.select_related("reporter"), minimum=Access.FULL)


def support_pointers(viewer: Viewer) -> models.QuerySet:
    return visible(viewer, SupportPointer.objects.all())


def surveys(viewer: Viewer) -> models.QuerySet:
    return visible(viewer, StressorSurvey.objects.all())


def has_answered(viewer: Viewer, survey: StressorSurvey) -> bool:
    return StressorParticipation.objects.filter(survey=survey, user=viewer.user).exists()


NONE = "none"
FEWER = "fewer"


@dataclass(frozen=True)
class Cell:
    code: str
    label: Any
    state: str  # "none" (nobody burdened), "fewer" (1–4: not shown), "shown"
    burdened: int | None
    share: int | None


@dataclass(frozen=True)
class SurveyResult:
    respondents_enough: bool
    closed: bool
    cells: list[Cell]


def survey_result(survey: StressorSurvey, today: dt.date) -> SurveyResult:
    """Aggregates only: per stressor the number of respondents who feel burdened by it (score
    2–3). Nothing at all below five respondents or before the closing date; per cell, 0 is
    told as "none" and 1–4 as "fewer than five" (suppressed), so they stay distinguishable."""
    respondents = StressorParticipation.objects.filter(survey=survey).count()
    closed = today > survey.closes_on
    if respondents < MIN_RESPONDENTS or not closed:
        return SurveyResult(respondents >= MIN_RESPONDENTS, closed, [])
    burdened: dict[str, int] = {}
    for row in StressorTally.objects.filter(survey=survey, score__gte=BURDENED_FROM):
        burdened[row.stressor] = burdened.get(row.stressor, 0) + row.count
    cells = []
    for code, label in STRESSORS:
        n = burdened.get(code, 0)
        if n == 0:
            cells.append(Cell(code, label, NONE, 0, 0))
        elif n < MIN_RESPONDENTS:
            cells.append(Cell(code, label, FEWER, None, None))
        else:
            cells.append(Cell(code, label, "shown", n, round(100 * n / respondents)))
    return SurveyResult(True, True, cells)


def evaluations(viewer: Viewer) -> models.QuerySet:
    return visible(viewer, Evaluation.objects.select_related("organisation"))


def advisory_members(viewer: Viewer) -> models.QuerySet:
    return visible(viewer, AdvisoryMember.objects.all())


def rumours(viewer: Viewer) -> models.QuerySet:
    return visible(viewer, Rumour.objects.all())


def rumour_reach(viewer: Viewer, rumour: Rumour) -> list[Any]:
    return filter_visible(viewer, visible(viewer, RumourReach.objects.filter(rumour=rumour)))


def rumour_debunks(viewer: Viewer, rumour: Rumour) -> list[Any]:
    return filter_visible(
        viewer, visible(viewer, Debunk.objects.filter(rumour=rumour)).select_related("messenger")
    )


def prebunks(viewer: Viewer) -> models.QuerySet:
    return visible(viewer, Prebunk.objects.all())


# The rows aftercare's forms choose from (typed to choose: ``choosers``, ``views.options``) ------

MESSENGER_KINDS = (ContactKind.CREDIBLE_MESSENGER, ContactKind.KEY_FIGURE)
TIP_SOURCES = tuple(s for s, c in CATEGORY_BY_SOURCE.items() if c == InformationCategory.TIP)
_DAY = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_ISO_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def plan_situations(viewer: Viewer) -> models.QuerySet:
    """The situations a plan may be opened for: those the viewer reads in full (a summary
    reader is refused by ``services.plan_open``)."""
    return visible(
        viewer, Situation.objects.select_related("organisation", "rivalry"), minimum=Access.FULL
    )


def perspective_people(viewer: Viewer) -> models.QuerySet:
    """The young people a future perspective may be written for: people of the group analysis
    the viewer reads in full (the perspective is written in the person's own record)."""
    return Person.objects.for_viewer(viewer, minimum=Access.FULL).filter(
        category=InformationCategory.GROUP_ANALYSIS
    )


def care_tips(viewer: Viewer) -> models.QuerySet:
    """The tips whose tipster the viewer's partner cares for: its own tips, read in full. The
    source types a tip comes from (implied by its category) let PostgreSQL find the partner's
    tips by index: without them a search that matches nothing walked every signal of the network
    in date order (1.1 s at the large network, 2 ms with)."""
    return Signal.objects.for_viewer(viewer, minimum=Access.FULL).filter(
        organisation=viewer.organisation,
        source_type__in=TIP_SOURCES,
        category=InformationCategory.TIP,
    )


def evaluation_incidents(viewer: Viewer) -> models.QuerySet:
    """The incidents an evaluation may take over: those the viewer reads in full."""
    return Incident.objects.for_viewer(viewer, minimum=Access.FULL)


def messengers(viewer: Viewer) -> models.QuerySet:
    """The credible messengers and key figures of the social map the viewer reads in full (a
    contact's name is not part of its summary)."""
    return Contact.objects.for_viewer(viewer, minimum=Access.FULL).filter(kind__in=MESSENGER_KINDS)


def typed_day(text: str) -> dt.date | None:
    """The day a search text names (5-12-2026, 05/12/2026, 2026-12-05), or None."""
    text = text.strip()
    if found := _DAY.fullmatch(text):
        day, month, year = found.groups()
    elif found := _ISO_DAY.fullmatch(text):
        year, month, day = found.groups()
    else:
        return None
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def tip_options(tips: models.QuerySet, text: str | None, *, limit: int = 10) -> list[Signal]:
    """The newest of ``tips`` (a visible queryset: :func:`care_tips`) whose description holds
    ``text`` or that were seen on the day it names, for a tip field's suggestions."""
    text = typed_text(text)
    if text:
        match = Q(description__icontains=text)
        day = typed_day(text)
        if day is not None:
            match |= Q(observed_at__date=day)
        tips = tips.filter(match)
    return list(tips.order_by("-observed_at", "-pk")[:limit])
