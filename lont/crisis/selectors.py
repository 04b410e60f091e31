"""Permission-aware reads of the incident room: every row through the visibility layer, rows
beside the incident only when visible on both ends (another partner's at covenant level)."""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from lont.assessment.models import Situation
from lont.core.related import filter_visible
from lont.core.scoping import system_context
from lont.core.viewer import Viewer
from lont.core.visibility import visible
from lont.networks.choices import Access
from lont.socialmap.models import Contact
from lont.subjects.models import Person
from lont.subjects.models.people import IDENTIFYING_FIELDS

from .choices import OPENING_LEVELS, IncidentState
from .models import (
    EscalationReading,
    Incident,
    IncidentLogEntry,
    IncidentMessage,
    IncidentPerson,
    IncidentTask,
    Outreach,
    PostReport,
    ReportedPost,
    TacticCheck,
)

LIVE_LOG_LINES = 50


def incidents(viewer: Viewer, *, minimum: Access = Access.SUMMARY) -> QuerySet[Incident]:
    return Incident.objects.for_viewer(viewer, minimum=minimum).select_related("organisation")


def open_incidents(viewer: Viewer) -> QuerySet[Incident]:
    return incidents(viewer).exclude(state=IncidentState.CLOSED)


# What the incident room's forms offer to choose from (their fields' querysets and the options
# endpoints both read these, so nothing is offered that a form would refuse) --------------------


def opening_situations(viewer: Viewer) -> QuerySet[Situation]:
    """Situations the viewer may see that an incident may be opened from (hoog, acuut)."""
    return visible(viewer, Situation.objects.filter(level__in=OPENING_LEVELS))


def people_to_name(viewer: Viewer) -> QuerySet[Person]:
    """People the viewer reads in full, who may be named with a role on an incident; their
    identifying fields are neither loaded nor decrypted (a choice shows the alias)."""
    return visible(viewer, Person, minimum=Access.FULL).defer(*IDENTIFYING_FIELDS)


def contacts_to_reach(viewer: Viewer) -> QuerySet[Contact]:
    """Contacts from the social map the viewer reads in full (a name and a number to call)."""
    return Contact.objects.for_viewer(viewer, minimum=Access.FULL)


@dataclass
class Picture:
    """The incident's shared picture for one viewer: what the covenant lets them see."""

    log: list[IncidentLogEntry]
    log_total: int
    tasks: list[IncidentTask]
    messages: list[IncidentMessage]
    posts: list[ReportedPost]
    reports: dict[int, list[PostReport]]
    people: list[IncidentPerson]
    readings: list[EscalationReading]
    tactics: list[TacticCheck]
    outreach: list[Outreach]


def _outreach(viewer: Viewer, incident: Incident, *, via: str, path: str) -> list[Outreach]:
    """Outreach rows shown at the least visible of row, incident, contact and group."""
    rows = list(
        visible(viewer, Outreach)
        .filter(incident=incident)
        .select_related("organisation", "by", "contact", "group")
    )
    for row in rows:
        row.incident = incident
    return filter_visible(viewer, rows, via=via, path=path)


def picture(
    viewer: Viewer,
    incident: Incident,
    *,
    via: str = "",
    path: str = "",
    log_lines: int | None = LIVE_LOG_LINES,
) -> Picture:
    def rows(model: Any, **lookup: Any) -> Any:
        return visible(viewer, model).filter(**lookup)

    log_qs = rows(IncidentLogEntry, incident=incident).select_related("author", "organisation")
    total = log_qs.count()
    log = list(log_qs[:log_lines] if log_lines else log_qs)
    tasks = list(
        rows(IncidentTask, incident=incident).select_related("organisation", "confirmed_by")
    )
    messages = list(rows(IncidentMessage, incident=incident).select_related("organisation"))
    posts = list(rows(ReportedPost, incident=incident).select_related("organisation"))
    people = list(rows(IncidentPerson, incident=incident).select_related("organisation"))
    readings = list(rows(EscalationReading, incident=incident).select_related("organisation"))
    tactics = list(rows(TacticCheck, incident=incident).select_related("organisation"))
    # The incident is the rows' one named object: it is already in hand, no query per row.
    for row in (*log, *tasks, *messages, *posts, *people, *readings, *tactics):
        row.incident = incident
    log = filter_visible(viewer, log, via=via, path=path)
    tasks = filter_visible(viewer, tasks, via=via, path=path)
    messages = filter_visible(viewer, messages, via=via, path=path)
    posts = filter_visible(viewer, posts, via=via, path=path)
    people = filter_visible(viewer, people, via=via, path=path)
    readings = filter_visible(viewer, readings, via=via, path=path)
    tactics = filter_visible(viewer, tactics, via=via, path=path)
    reports: dict[int, list[PostReport]] = defaultdict(list)
    if posts:
        by_pk = {post.pk: post for post in posts}
        found = list(
            visible(viewer, PostReport).filter(post_id__in=by_pk).select_related("organisation")
        )
        for report in found:
            report.post = by_pk[report.post_id]
        for report in filter_visible(viewer, found, via=via, path=path):
            reports[report.post_id].append(report)
    for post in posts:
        post.shown_reports = reports.get(post.pk, [])
    return Picture(
        log=log,
        log_total=total,
        tasks=tasks,
        messages=messages,
        posts=posts,
        reports=dict(reports),
        people=people,
        readings=readings,
        tactics=tactics,
        outreach=_outreach(viewer, incident, via=via, path=path),
    )


def live_version(incident: Incident) -> str:
    """What the live part shows changes only with the incident or a new log line (every service
    that writes beside the incident also logs): their stamp is the version. Ids only."""
    with system_context("the live version is the newest log line's id, never its content"):
        newest = (
            IncidentLogEntry.objects.filter(incident_id=incident.pk)
            .order_by("-pk")
            .values_list("pk", flat=True)
            .first()
        )
    return f"{incident.updated_at.timestamp():.6f}-{newest or 0}"


@dataclass
class LivePicture:
    log: list[IncidentLogEntry]
    log_total: int
    tasks: list[IncidentTask]
    posts: list[ReportedPost]
    outreach: list[Outreach]


def live_picture(viewer: Viewer, incident: Incident, *, via: str, path: str) -> LivePicture:
    log_qs = visible(viewer, IncidentLogEntry).filter(incident=incident)
    total = log_qs.count()
    log = list(log_qs.select_related("author", "organisation")[:LIVE_LOG_LINES])
    tasks = list(
        visible(viewer, IncidentTask)
        .filter(incident=incident)
        .select_related("organisation", "confirmed_by")
    )
    posts = list(visible(viewer, ReportedPost).filter(incident=incident))
    for row in (*log, *tasks, *posts):
        row.incident = incident
    return LivePicture(
        log=filter_visible(viewer, log, via=via, path=path),
        log_total=total,
        tasks=filter_visible(viewer, tasks, via=via, path=path),
        posts=filter_visible(viewer, posts, via=via, path=path),
        outreach=_outreach(viewer, incident, via=via, path=path),
    )


@dataclass
class GroupReach:
    """ "Wie kan groep X bereiken": the social map's ranking for one of the incident's groups."""

    group: Any
    rows: list[Any]


REACH_SUGGESTIONS = 5


def who_can_reach(viewer: Viewer, incident: Incident, *, via: str, path: str) -> list[GroupReach]:
    """For each of the incident's groups the viewer may see, the contacts the social map ranks
    best (its own selector and ranking, at the viewer's access); the contacts shown are logged."""
    from lont.core.reads import log_reads
    from lont.socialmap import selectors as socialmap
    from lont.subjects.models import Group

    groups = visible(viewer, Group.objects.filter(incidents=incident)).order_by("name", "pk")
    found = []
    for group in groups:
        rows = socialmap.who_can_reach(viewer, group, limit=REACH_SUGGESTIONS)
        if via:
            log_reads(viewer, [row.contact for row in rows], via=via, path=path)
        found.append(GroupReach(group=group, rows=rows))
    return found


@dataclass(frozen=True)
class PlatformRemoval:
    platform: str
    reported: int
    removed: int
    median_minutes: float | None


def removal_per_platform(posts: list[ReportedPost]) -> list[PlatformRemoval]:
    """Time to removal per platform (C5): how many reported, how many removed, the median."""
    by_platform: dict[str, list[ReportedPost]] = defaultdict(list)
    for post in posts:
        by_platform[post.get_platform_display()].append(post)
    result = []
    for platform, rows in sorted(by_platform.items()):
        minutes = [row.time_to_removal.total_seconds() / 60 for row in rows if row.time_to_removal]
        result.append(
            PlatformRemoval(
                platform=platform,
                reported=len(rows),
                removed=len(minutes),
                median_minutes=statistics.median(minutes) if minutes else None,
            )
        )
    return result
