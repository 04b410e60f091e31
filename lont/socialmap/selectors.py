"""Permission-aware reads of the social map. Everything goes through the visibility layer.

Free-text search and the filters on channels, languages and reach match only contacts the viewer
sees in full: otherwise a search on a name would reveal who hides behind a summary row.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from lont.core.filters import int_param
from lont.core.selectors import get_visible
from lont.core.viewer import Viewer
from lont.core.visibility import access_for, visible
from lont.networks.choices import Access, InformationCategory
from lont.subjects.models import Group, GroupMembership, Person

from . import ranking
from .choices import PROFESSIONAL_KINDS
from .models import Contact, ContactPersonLink, ContactReach

# More groups than this in the "can reach group" filter are not listed (a note says so).
GROUP_FILTER_LIMIT = 200


@dataclass(frozen=True)
class ContactFilters:
    text: str = ""
    kind: str = ""
    area: str = ""
    language: str = ""
    group_id: int | None = None
    organisation_id: int | None = None
    review_due: bool = False


def retention_days(viewer: Viewer) -> int | None:
    covenant = viewer.covenant
    if covenant is None:
        return None
    days = covenant.retention_days.get(InformationCategory.CONTACTS.value)
    return int(days) if days is not None else None


def review_due_q(viewer: Viewer, *, today: dt.date | None = None) -> Q:
    """Private persons whose consent is missing or older than the covenant's retention."""
    days = retention_days(viewer)
    if days is None:
        return Q(pk__in=[])
    cutoff = (today or timezone.localdate()) - dt.timedelta(days=days)
    return ~Q(kind__in=list(PROFESSIONAL_KINDS)) & (
        Q(consent_date__isnull=True) | Q(consent_date__lt=cutoff)
    )


def own_review_due_count(viewer: Viewer) -> int:
    """How many of the viewer's own organisation's contacts need their consent renewed."""
    return (
        Contact.objects.for_viewer(viewer)
        .filter(review_due_q(viewer), organisation=viewer.organisation)
        .count()
    )


def visible_groups(viewer: Viewer) -> QuerySet[Group]:
    return visible(viewer, Group.objects.all()).order_by("name", "pk")


def reached_groups(viewer: Viewer, *, selected: int | None, limit: int) -> tuple[list[Group], bool]:
    """The choices of the "can reach group" filter: the visible groups that a contact the viewer
    sees in full reaches (the filter finds no other), the first ``limit`` by name plus the chosen
    one; and whether there were more. Not every group of the network: that grew with it."""
    reached = ContactReach.objects.filter(contact_id__in=_full_contact_ids(viewer)).values(
        "group_id"
    )
    groups = visible_groups(viewer).filter(pk__in=reached)
    found = list(groups[: limit + 1])
    more = len(found) > limit
    found = found[:limit]
    if selected is not None and all(group.pk != selected for group in found):
        found += list(groups.filter(pk=selected))
    return found, more


def visible_persons(viewer: Viewer) -> QuerySet[Person]:
    return visible(viewer, Person.objects.all()).order_by("alias", "pk")


def _full_contact_ids(viewer: Viewer) -> QuerySet[Any]:
    return visible(viewer, Contact.objects.all(), minimum=Access.FULL).values("pk")


def contacts(viewer: Viewer, filters: ContactFilters | None = None) -> QuerySet[Contact]:
    """Contacts the viewer sees (summary or better), filtered; ready for a list page: the reach
    shown is limited to groups the viewer may see."""
    filters = filters or ContactFilters()
    qs = visible(viewer, Contact.objects.all()).select_related("organisation")
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.area:
        qs = qs.filter(area_key__icontains=f"|{filters.area.strip().lower()}|")
    if filters.organisation_id:
        qs = qs.filter(organisation_id=filters.organisation_id)
    full_only = Q()
    if filters.text:
        text = filters.text.strip()
        full_only &= Q(name__icontains=text) | Q(role__icontains=text) | Q(employer__icontains=text)
    if filters.language:
        full_only &= Q(language_key__icontains=f"|{filters.language.strip().lower()}|")
    if filters.group_id:
        full_only &= Q(
            pk__in=ContactReach.objects.filter(
                group_id=filters.group_id, group__in=visible_groups(viewer)
            ).values("contact_id")
        )
    if filters.review_due:
        full_only &= review_due_q(viewer)
    if full_only:
        qs = qs.filter(full_only, pk__in=_full_contact_ids(viewer))
    reaches = ContactReach.objects.filter(group__in=visible_groups(viewer)).select_related("group")
    return qs.prefetch_related(Prefetch("reaches", queryset=reaches)).order_by("name", "pk")


def contact_queryset(viewer: Viewer) -> QuerySet[Contact]:
    """One contact's page: its reach to visible groups and links to visible people only."""
    reaches = ContactReach.objects.filter(group__in=visible_groups(viewer)).select_related("group")
    links = ContactPersonLink.objects.filter(person__in=visible_persons(viewer)).select_related(
        "person"
    )
    return Contact.objects.select_related("organisation", "member__user").prefetch_related(
        Prefetch("reaches", queryset=reaches), Prefetch("person_links", queryset=links)
    )


def full_contact(viewer: Viewer, pk: Any, *, via: str, path: str) -> Contact:
    """One contact the viewer reads in full (404 otherwise), the read access-logged."""
    contact, _level = get_visible(
        viewer, contact_queryset(viewer), via=via, path=path, minimum=Access.FULL, pk=pk
    )
    return contact


def can_maintain(viewer: Viewer, contact: Contact) -> bool:
    """The recording organisation keeps its contacts up to date; the director may correct them."""
    if not viewer.can("case.write") or access_for(viewer, contact) < Access.FULL:
        return False
    return contact.organisation_id == viewer.organisation.pk or viewer.role == "director"


@dataclass(frozen=True)
class ReachRow:
    contact: Contact
    access: Access
    score: int
    reasons: tuple[str, ...]
    reach: ContactReach | None


def who_can_reach(viewer: Viewer, group: Group, *, limit: int | None = None) -> list[ReachRow]:
    """Contacts ranked for a group the viewer may see, best first (``limit`` rows at most)."""
    ranked = ranked_for_group(viewer, group)
    return reach_rows(viewer, group, ranked if limit is None else ranked[:limit])


def ranked_for_group(viewer: Viewer, group: Group) -> list[ranking.Ranked]:
    """The ranking on plain values (no model instances). Only group members the viewer may see
    count, so it cannot reveal hidden memberships; names break ties only among contacts seen in
    full."""
    member_roles = dict(
        visible(viewer, GroupMembership.objects.filter(group=group)).values_list(
            "person_id", "role"
        )
    )
    related = Q(reaches__group=group) | Q(person_links__person_id__in=list(member_roles))
    for area in group.areas or []:
        if str(area).strip():
            related |= Q(area_key__icontains=f"|{str(area).strip().lower()}|")
    found = list(
        visible(viewer, Contact.objects.filter(related))
        .values_list("pk", "kind", "name", "areas", "out_of_hours")
        .distinct()
        .order_by()
    )
    ids = [row[0] for row in found]
    full = set(
        visible(viewer, Contact.objects.filter(pk__in=ids), minimum=Access.FULL).values_list(
            "pk", flat=True
        )
    )
    strengths = dict(
        ContactReach.objects.for_viewer(viewer)
        .filter(group=group, contact_id__in=ids)
        .values_list("contact_id", "strength")
    )
    known: dict[int, list[str]] = {}
    for contact_id, person_id in (
        ContactPersonLink.objects.for_viewer(viewer)
        .filter(contact_id__in=ids, person_id__in=list(member_roles))
        .values_list("contact_id", "person_id")
    ):
        known.setdefault(contact_id, []).append(member_roles[person_id])
    candidates = [
        ranking.Candidate(
            contact_id=pk,
            kind=kind,
            name=name if pk in full else "",
            areas=tuple(areas or ()),
            out_of_hours=out_of_hours,
            reach_strength=strengths.get(pk),
            known_member_roles=tuple(known.get(pk, ())),
        )
        for pk, kind, name, areas, out_of_hours in found
    ]
    return ranking.rank(candidates, tuple(group.areas or ()))


def reach_rows(viewer: Viewer, group: Group, ranked: list[ranking.Ranked]) -> list[ReachRow]:
    """Model instances for the ranked contacts that are shown."""
    contacts = (
        Contact.objects.for_viewer(viewer)
        .select_related("organisation")
        .prefetch_related(Prefetch("reaches", queryset=ContactReach.objects.filter(group=group)))
    )
    by_id = {c.pk: c for c in contacts.filter(pk__in=[r.contact_id for r in ranked])}
    rows = []
    for result in ranked:
        contact = by_id[result.contact_id]
        rows.append(
            ReachRow(
                contact=contact,
                access=access_for(viewer, contact),
                score=result.score,
                reasons=result.reasons,
                reach=next(iter(contact.reaches.all()), None),
            )
        )
    return rows


def export_rows(viewer: Viewer, queryset: QuerySet[Contact] | list[Contact]) -> list[Contact]:
    """Only contacts seen in full can be exported: a summary row has no name or number to call."""
    return [contact for contact in queryset if access_for(viewer, contact) == Access.FULL]


def area_choices(viewer: Viewer) -> list[str]:
    values: set[str] = set()
    distinct = visible(viewer, Contact.objects.all()).order_by().values_list("areas", flat=True)
    for areas in distinct.distinct():
        values.update(str(a) for a in areas or [] if str(a).strip())
    return sorted(values, key=str.lower)


def parse_filters(params: Any, *, organisation_id: int | None = None) -> ContactFilters:
    return ContactFilters(
        text=str(params.get("q", "")).strip()[:100],
        kind=str(params.get("soort", "")),
        area=str(params.get("gebied", "")).strip()[:100],
        language=str(params.get("taal", "")).strip()[:50],
        group_id=int_param(params, "groep"),
        organisation_id=organisation_id
        if organisation_id is not None
        else int_param(params, "organisatie"),
        review_due=params.get("herzien") == "1",
    )
