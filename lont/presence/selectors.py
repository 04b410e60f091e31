"""Reads of professional online presence, through the visibility layer."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from django.db.models import QuerySet, Sum

from lont.core.related import filter_visible
from lont.core.scoping import system_context
from lont.core.viewer import Viewer
from lont.networks.choices import Access
from lont.networks.models import Membership
from lont.subjects.models import Group

from .choices import LOADED_WORDS
from .models import ContactLog, Platform, PlatformReview, PositiveActivity, ProfessionalAccount


def platforms(viewer: Viewer) -> QuerySet[Platform]:
    return Platform.objects.for_viewer(viewer).select_related("review_owner__user")


def platform_reviews(viewer: Viewer, platform: Platform) -> QuerySet[PlatformReview]:
    return PlatformReview.objects.for_viewer(viewer).filter(platform=platform)


def reviews_in_year(viewer: Viewer, year: int) -> QuerySet[PlatformReview]:
    return PlatformReview.objects.for_viewer(viewer).filter(reviewed_on__year=year)


def accounts(viewer: Viewer, *, active_only: bool = False) -> QuerySet[ProfessionalAccount]:
    rows = ProfessionalAccount.objects.for_viewer(viewer).select_related(
        "organisation", "member__user"
    )
    return rows.filter(active=True) if active_only else rows


def account_choices(viewer: Viewer) -> QuerySet[ProfessionalAccount]:
    """Accounts a member may name on a signal or a contact: active ones of their organisation."""
    return accounts(viewer, active_only=True).filter(organisation=viewer.organisation)


def may_maintain(viewer: Viewer, obj: Any) -> bool:
    """The owning organisation (a writing role) or the network director."""
    if not viewer.can("case.write"):
        return False
    return obj.organisation_id == viewer.organisation.pk or viewer.role == "director"


def members(viewer: Viewer) -> QuerySet[Membership]:
    return (
        Membership.objects.for_viewer(viewer)
        .filter(is_active=True)
        .select_related("user", "organisation")
    )


def visible_groups(viewer: Viewer) -> QuerySet[Group]:
    return Group.objects.for_viewer(viewer, minimum=Access.FULL).order_by("name")


def contact_logs(viewer: Viewer, account: ProfessionalAccount | None = None) -> list[ContactLog]:
    rows = ContactLog.objects.for_viewer(viewer, minimum=Access.FULL).select_related("account")
    if account is not None:
        rows = rows.filter(account=account)
    return filter_visible(viewer, rows[:200], minimum=Access.FULL)


def activities(viewer: Viewer) -> list[PositiveActivity]:
    rows = PositiveActivity.objects.for_viewer(viewer, minimum=Access.FULL)
    return filter_visible(viewer, rows[:200], minimum=Access.FULL)


def groups_per_platform(viewer: Viewer) -> dict[str, list[Group]]:
    """Where the target groups are: the answers to the intake question "which platforms?"."""
    found: dict[str, list[Group]] = defaultdict(list)
    for group in Group.objects.for_viewer(viewer, minimum=Access.FULL).order_by("name"):
        for platform in group.platforms or []:
            found[str(platform).lower()].append(group)
    return found


def loaded_words(text: str) -> list[str]:
    lowered = text.lower()
    return [word for word in LOADED_WORDS if word in lowered]


def contact_totals(viewer: Viewer, year: int) -> dict[str, int]:
    """Contact counts per kind in a year, for the yearly overview: numbers only, network-wide."""
    with system_context("the yearly overview counts contacts per kind (numbers, no groups)"):
        rows = (
            ContactLog.objects.filter(network=viewer.network, on__year=year)
            .values("kind")
            .annotate(total=Sum("count"))
        )
        return {row["kind"]: int(row["total"] or 0) for row in rows}


def activity_count(viewer: Viewer, year: int) -> int:
    with system_context("the yearly overview counts positive activities (a number)"):
        return PositiveActivity.objects.filter(
            network=viewer.network, planned_on__year=year
        ).count()


def overdue_platforms(viewer: Viewer, today: dt.date) -> list[Platform]:
    return [p for p in platforms(viewer) if p.review_due(today)]
