"""Reads of the vision, the sources and awareness, through the visibility layer."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from lont.core.scoping import system_context
from lont.core.viewer import Viewer
from lont.networks.models import Membership, Organisation

from .choices import Audience, AwarenessKind, GoalFocus, VisionStatus
from .models import AwarenessActivity, DigitalProfile, Source, StigmaLabel, VisionVersion


def visions(viewer: Viewer) -> QuerySet[VisionVersion]:
    return VisionVersion.objects.for_viewer(viewer).select_related(
        "organisation", "created_by", "approved_by"
    )


def latest_per_owner(viewer: Viewer) -> tuple[VisionVersion | None, list[VisionVersion]]:
    """The network's newest vision and each organisation's newest, organisations by name."""
    newest: dict[int | None, VisionVersion] = {}
    for version in visions(viewer).order_by("-number"):
        newest.setdefault(version.organisation_id, version)
    network = newest.pop(None, None)
    return network, sorted(
        newest.values(), key=lambda v: v.organisation.name if v.organisation else ""
    )


def approved_network_vision(viewer: Viewer) -> VisionVersion | None:
    return (
        visions(viewer)
        .filter(organisation__isnull=True, status=VisionStatus.APPROVED)
        .order_by("-approved_at", "-number")
        .first()
    )


def labels(viewer: Viewer) -> QuerySet[StigmaLabel]:
    return StigmaLabel.objects.for_viewer(viewer)


def stigma_hits(viewer: Viewer, *texts: str) -> list[StigmaLabel]:
    """The network's stigmatising terms that occur (as whole words) in ``texts``."""
    joined = " ".join(texts).lower()
    return [
        label
        for label in labels(viewer)
        if re.search(rf"\b{re.escape(label.term.lower())}\b", joined)
    ]


@dataclass(frozen=True)
class CompareRow:
    question: str
    cells: list[str]
    differs: bool
    not_shared: list[str]


QUESTIONS = (
    ("target_group", "1. Doelgroep"),
    ("terms", "2. Termen"),
    ("goal_focus", "3. Doel"),
    ("goal_priority", "3. Prioritering"),
    ("online_offline", "4. Online én fysiek"),
    ("online_information", "4. Online informatie"),
    ("staff_time", "5. Tijd en geld"),
)


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def compare(versions: list[VisionVersion]) -> list[CompareRow]:
    """The five questions side by side: a row differs when the answers are not all the same;
    for the terms, the terms some partners use and others do not."""
    rows = []
    question_labels = {
        "target_group": _("1. Doelgroep"),
        "terms": _("2. Termen"),
        "goal_focus": _("3. Doel"),
        "goal_priority": _("3. Prioritering"),
        "online_offline": _("4. Online én fysiek"),
        "online_information": _("4. Online informatie"),
        "staff_time": _("5. Tijd en geld"),
    }
    for field, _label in QUESTIONS:
        if field == "terms":
            sets = [{_norm(t) for t in v.terms} for v in versions]
            union = set().union(*sets) if sets else set()
            shared = set.intersection(*sets) if sets else set()
            cells = [", ".join(v.terms) for v in versions]
            not_shared = sorted(union - shared)
            rows.append(
                CompareRow(str(question_labels[field]), cells, bool(not_shared), not_shared)
            )
            continue
        if field == "goal_focus":
            cells = [str(GoalFocus(v.goal_focus).label) for v in versions]
        else:
            cells = [getattr(v, field) for v in versions]
        differs = len({_norm(c) for c in cells}) > 1
        rows.append(CompareRow(str(question_labels[field]), cells, differs, []))
    return rows


def sources(viewer: Viewer) -> QuerySet[Source]:
    return Source.objects.for_viewer(viewer).select_related("owner", "owner_member__user")


def sources_for_recommendation(viewer: Any, code: str) -> list[Source]:
    """The knowledge base's hook: the sources linked to a recommendation (V1…N4)."""
    return [s for s in sources(viewer) if code in (s.recommendations or [])]


def awareness(viewer: Viewer, year: int | None = None) -> QuerySet[AwarenessActivity]:
    rows = AwarenessActivity.objects.for_viewer(viewer).select_related("organisation")
    return rows.filter(held_on__year=year) if year else rows


def profiles(viewer: Viewer) -> list[tuple[Organisation, DigitalProfile | None]]:
    found = {
        p.organisation_id: p
        for p in DigitalProfile.objects.for_viewer(viewer).select_related("specialist__user")
    }
    orgs = Organisation.objects.for_viewer(viewer).order_by("name")
    return [(org, found.get(org.pk)) for org in orgs]


def members(viewer: Viewer) -> QuerySet[Membership]:
    return (
        Membership.objects.for_viewer(viewer)
        .filter(is_active=True)
        .select_related("user", "organisation")
    )


def vision_citation(version: Any) -> str | None:
    """The annex hook: the network vision a covenant version rests on (the newest approved at
    the time the version was set)."""
    with system_context("the covenant annex cites the approved network vision (policy text)"):
        vision = (
            VisionVersion.objects.filter(
                network_id=version.network_id,
                organisation__isnull=True,
                status=VisionStatus.APPROVED,
                approved_at__lte=version.created_at,
            )
            .order_by("-approved_at", "-number")
            .first()
        )
    if vision is None:
        return _("Dit convenant rust nog niet op een vastgestelde netwerkvisie.")
    assert vision.approved_at is not None
    return _(
        "Dit convenant rust op de netwerkvisie versie %(number)s, vastgesteld op %(date)s."
    ) % {"number": vision.number, "date": vision.approved_at.strftime("%d-%m-%Y")}


@dataclass
class YearOverview:
    year: int
    per_kind: list[tuple[str, int, int]]
    reach: list[tuple[str, int, int]]
    trusted_trainers: int
    scans: int
    contacts: dict[str, int]
    activities: int
    specialists: int
    organisations: int
    gaps: list[str]
    vision: VisionVersion | None


def year_overview(
    viewer: Viewer,
    year: int,
    *,
    scans: int,
    contacts: dict[str, int],
    activities: int,
    overdue_platforms: int,
) -> YearOverview:
    """What was done in a year, the reach per audience and the gaps against the vision's goals
    ("Investeer in het vergroten van bewustwording …")."""
    rows = list(awareness(viewer, year))
    by_kind: dict[str, list[AwarenessActivity]] = defaultdict(list)
    by_audience: dict[str, list[AwarenessActivity]] = defaultdict(list)
    for row in rows:
        by_kind[row.kind].append(row)
        by_audience[row.audience].append(row)
    per_kind = [
        (str(label), len(by_kind[code]), sum(r.reach for r in by_kind[code]))
        for code, label in AwarenessKind.choices
    ]
    reach = [
        (str(label), len(by_audience[code]), sum(r.reach for r in by_audience[code]))
        for code, label in Audience.choices
    ]
    profile_rows = profiles(viewer)
    specialists = sum(1 for _org, p in profile_rows if p and p.specialist_id)
    vision = approved_network_vision(viewer)
    gaps: list[str] = []
    if vision is None:
        gaps.append(_("Er is nog geen vastgestelde netwerkvisie om het werk aan te toetsen."))
    preventive = vision is None or vision.goal_focus != GoalFocus.ENFORCEMENT
    for code, label in Audience.choices:
        if not by_audience[code] and (preventive or code == Audience.PROFESSIONALS):
            gaps.append(_("Geen activiteiten voor %(audience)s dit jaar.") % {"audience": label})
    if not by_kind[AwarenessKind.SCHOOL_LESSON] and preventive:
        gaps.append(_("Geen lessen mediawijsheid en online normen op scholen."))
    if rows and not any(r.trusted_by_youth for r in rows):
        gaps.append(_("Geen trainers uit of vertrouwd door de doelgroep ingezet."))
    missing = len(profile_rows) - specialists
    if missing:
        gaps.append(_("%(count)s organisaties hebben geen online specialist.") % {"count": missing})
    if scans == 0:
        gaps.append(_("Geen platformscan op de 9 aspecten dit jaar."))
    if overdue_platforms:
        gaps.append(
            _("%(count)s platforms zijn aan herziening toe.") % {"count": overdue_platforms}
        )
    return YearOverview(
        year=year,
        per_kind=per_kind,
        reach=reach,
        trusted_trainers=sum(1 for r in rows if r.trusted_by_youth),
        scans=scans,
        contacts=contacts,
        activities=activities,
        specialists=specialists,
        organisations=len(profile_rows),
        gaps=gaps,
        vision=vision,
    )


def review_due(viewer: Viewer, today: dt.date) -> list[Source]:
    return [s for s in sources(viewer) if s.review_due(today)]
