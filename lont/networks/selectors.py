"""Permission-aware reads of the network domain."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import Count, OuterRef, Q, QuerySet, Subquery

from lont.core.prepared import PreparedQuery
from lont.core.viewer import Viewer
from lont.core.visibility import visible

from .choices import Access, InformationCategory, PartnerType
from .models import CovenantVersion, Membership, Organisation


def organisations(viewer: Viewer) -> QuerySet[Organisation]:
    # Meta.ordering is ignored in GROUP BY queries, so order explicitly.
    return (
        visible(viewer, Organisation)
        .annotate(member_count=Count("memberships", filter=Q(memberships__is_active=True)))
        .order_by("name")
    )


def members(viewer: Viewer, *, organisation: Organisation | None = None) -> QuerySet[Membership]:
    qs = visible(viewer, Membership).select_related("user", "organisation")
    return qs.filter(organisation=organisation) if organisation else qs


def active_members(viewer: Viewer) -> QuerySet[Membership]:
    """The network's active memberships (the member directory, which every member reads in
    full), with their people: what a member field (``choosers``) narrows to one partner, as the
    services accept a task's or an action's owner only as an active member of its partner."""
    return visible(viewer, Membership).filter(is_active=True).select_related("user")


def covenant_versions(viewer: Viewer) -> QuerySet[CovenantVersion]:
    return CovenantVersion.objects.filter(network=viewer.network).select_related(
        "created_by", "director", "director_organisation", "privacy_officer"
    )


def network_overview(viewer: Viewer) -> dict[str, Any]:
    covenant = viewer.covenant
    return {
        "organisation_count": Organisation.objects.for_viewer(viewer).count(),
        "member_count": Membership.objects.for_viewer(viewer).filter(is_active=True).count(),
        "covenant": covenant,
    }


def access_summary(viewer: Viewer) -> list[tuple[str, Access]]:
    """What the viewer's organisation sees of each information category under the covenant.

    The organisation's access, also for a role that itself reads no case content (the privacy
    officer, the administrator): the home page says so beside it (issue 14: it read "geen" for
    every category, which misinformed the privacy officer about her own organisation)."""
    covenant = viewer.covenant
    rows = []
    for category in InformationCategory:
        level = (
            covenant.access_for(category=category.value, organisation=viewer.organisation)
            if covenant
            else Access.NONE
        )
        rows.append((str(category.label), level))
    return rows


def sharing_matrix(covenant: CovenantVersion) -> list[dict[str, Any]]:
    """Rows per category with the access per partner type, for the annex and the editor."""
    return [
        {
            "category": category,
            "cells": [
                (ptype, Access(covenant.sharing.get(category.value, {}).get(ptype.value, 0)))
                for ptype in PartnerType
            ],
            "retention": covenant.retention_days.get(category.value),
        }
        for category in InformationCategory
    ]


def _active_memberships_query(user_id: int) -> QuerySet[Membership]:
    newest = CovenantVersion.objects.filter(network_id=OuterRef("network_id")).order_by("-number")
    return (
        Membership.objects.filter(user_id=user_id, is_active=True)
        .select_related("network", "organisation")
        .annotate(active_covenant_pk=Subquery(newest.values("pk")[:1]))
        .order_by("network__name")
    )


# Read on every signed-in request: compiled once (lont.core.prepared).
_ACTIVE_MEMBERSHIPS = PreparedQuery(_active_memberships_query, user_id=int)


def active_memberships(user: AbstractBaseUser) -> list[Membership]:
    """A user's active memberships, network by name: the viewer is chosen from these (system
    lookup by the middleware before any viewer exists). Each carries the id of its network's
    covenant in force (``active_covenant_pk``), so the viewer needs no query of its own for it,
    and the signed-in user the request already loaded (not joined again)."""
    memberships = _ACTIVE_MEMBERSHIPS(user_id=int(user.pk))
    for membership in memberships:
        membership.user = user  # type: ignore[assignment]
    return memberships
