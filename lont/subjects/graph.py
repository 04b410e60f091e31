"""The network graph's data: groups, people (aliases), and the relations between them.

What the viewer may not see becomes one "afgeschermd" node per partner that holds it — without
names, labels, kinds or counts. Hidden items are collected regardless of the filters, so a filter
cannot be used to probe what a partner holds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from lont.audit.access import log_reads
from lont.audit.models import AccessVia
from lont.core.scoping import system_context
from lont.core.viewer import Viewer
from lont.core.visibility import visible
from lont.networks.choices import Access
from lont.networks.models import Organisation

from .choices import GroupRelationKind
from .models import Group, GroupMembership, GroupRelation, Person, PersonRelation
from .models.people import IDENTIFYING_FIELDS

MEMBERSHIP, PERSON_RELATION = "lidmaatschap", "persoonsrelatie"
GRAPH_MODELS = (Group, Person, GroupRelation, GroupMembership, PersonRelation)


@dataclass(frozen=True)
class GraphFilter:
    area: str = ""
    kind: str = ""
    since: dt.date | None = None
    until: dt.date | None = None


def _in_period(qs: QuerySet, start: str, end: str | None, f: GraphFilter) -> QuerySet:
    """Keep rows whose [start, end] overlaps the filter period. ``end=None`` means the row has no
    end (a relation that is still going on); unknown dates count as overlapping."""
    if f.until:
        qs = qs.filter(Q(**{f"{start}__isnull": True}) | Q(**{f"{start}__lte": f.until}))
    if f.since and end:
        qs = qs.filter(Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gte": f.since}))
    return qs


def _shielded_id(organisation_id: int) -> str:
    return f"afgeschermd-{organisation_id}"


def graph_data(viewer: Viewer, f: GraphFilter, *, path: str = "") -> dict[str, Any]:
    groups = visible(viewer, Group)
    persons = visible(viewer, Person.objects.defer(*IDENTIFYING_FIELDS))
    if f.area:
        groups = groups.filter(areas__icontains=f.area)
        persons = persons.filter(area__icontains=f.area)
    group_list = list(groups)
    person_list = list(persons)
    group_ids = {g.pk for g in group_list}
    person_ids = {p.pk for p in person_list}

    show_group_relations = f.kind in ("", *GroupRelationKind.values)
    relations = visible(viewer, GroupRelation.objects.select_related("group_a", "group_b"))
    relations = _in_period(relations.filter(kind=f.kind) if f.kind else relations, "since", None, f)
    # Membership periods and relation dates are full-access content: with a period filter, only
    # rows seen in full take part, so the filter cannot probe dates behind a summary.
    dated = Access.FULL if (f.since or f.until) else Access.SUMMARY
    memberships = _in_period(
        visible(
            viewer,
            GroupMembership.objects.select_related("person", "group").defer(
                *[f"person__{f}" for f in IDENTIFYING_FIELDS]
            ),
            minimum=dated,
        ),
        "since",
        "until",
        f,
    )
    person_relations = _in_period(
        visible(
            viewer,
            PersonRelation.objects.select_related("person_a", "person_b").defer(
                *[f"person_{s}__{f}" for s in "ab" for f in IDENTIFYING_FIELDS]
            ),
            minimum=dated,
        ),
        "date",
        "date",
        f,
    )

    holders: set[int] = set()
    edges: list[dict[str, Any]] = []
    shielded_edges: set[tuple[str, str]] = set()

    def endpoint(prefix: str, obj: Any, shown: set[int], exists_visible: bool) -> str | None:
        """Node id for one end of a visible edge: the node, a shielded node, or None (filtered)."""
        if obj.pk in shown:
            return f"{prefix}{obj.pk}"
        if exists_visible:
            return None  # visible, but outside the filter
        holders.add(obj.organisation_id)
        return _shielded_id(obj.organisation_id)

    visible_group_ids = set(visible(viewer, Group).values_list("pk", flat=True))
    visible_person_ids = set(visible(viewer, Person).values_list("pk", flat=True))

    def add_edge(eid: str, a: str | None, b: str | None, kind: str, label: str) -> None:
        if a is None or b is None:
            return
        if a.startswith("afgeschermd") or b.startswith("afgeschermd"):
            key = tuple(sorted((a, b)))
            if key in shielded_edges:
                return
            shielded_edges.add(key)  # type: ignore[arg-type]
            edges.append(
                {
                    "data": {
                        "id": f"x-{key[0]}-{key[1]}",
                        "source": a,
                        "target": b,
                        "kind": "afgeschermd",
                        "label": _("afgeschermd"),
                    }
                }
            )
            return
        edges.append({"data": {"id": eid, "source": a, "target": b, "kind": kind, "label": label}})

    logged: list[Any] = []
    if show_group_relations:
        for r in relations:
            add_edge(
                f"gr{r.pk}",
                endpoint("g", r.group_a, group_ids, r.group_a_id in visible_group_ids),
                endpoint("g", r.group_b, group_ids, r.group_b_id in visible_group_ids),
                r.kind,
                str(r.get_kind_display()),
            )
    if f.kind in ("", MEMBERSHIP):
        for m in memberships:
            add_edge(
                f"m{m.pk}",
                endpoint("p", m.person, person_ids, m.person_id in visible_person_ids),
                endpoint("g", m.group, group_ids, m.group_id in visible_group_ids),
                MEMBERSHIP,
                str(m.get_role_display()),
            )
            logged.append(m)
    if f.kind in ("", PERSON_RELATION):
        for pr in person_relations:
            add_edge(
                f"pr{pr.pk}",
                endpoint("p", pr.person_a, person_ids, pr.person_a_id in visible_person_ids),
                endpoint("p", pr.person_b, person_ids, pr.person_b_id in visible_person_ids),
                PERSON_RELATION,
                str(pr.get_kind_display()),
            )
            logged.append(pr)

    # Partners holding anything this viewer may not see, whatever the filters.
    for model in GRAPH_MODELS:
        hidden = model._default_manager.filter(network=viewer.network).exclude(
            pk__in=visible(viewer, model).values("pk")
        )
        with system_context("the graph names partners holding rows hidden here (ids only)"):
            holders.update(hidden.values_list("organisation_id", flat=True).distinct())

    connected = {e["data"]["source"] for e in edges} | {e["data"]["target"] for e in edges}
    nodes: list[dict[str, Any]] = []
    for g in group_list:
        if f.kind and f"g{g.pk}" not in connected:
            continue
        nodes.append(
            {
                "data": {
                    "id": f"g{g.pk}",
                    "type": "group",
                    "label": g.name,
                    "areas": g.areas,
                    "url": reverse("subjects:group_detail", args=[g.pk]),
                }
            }
        )
    shown_persons = []
    for p in person_list:
        if f"p{p.pk}" not in connected and (f.kind or not f.area):
            # Unconnected people add nothing to the picture of relations, except in an area view.
            continue
        shown_persons.append(p)
        nodes.append(
            {
                "data": {
                    "id": f"p{p.pk}",
                    "type": "person",
                    "label": p.alias,
                    "area": p.area,
                    "url": reverse("subjects:person_detail", args=[p.pk]),
                }
            }
        )
    names = dict(
        Organisation.objects.for_viewer(viewer).filter(pk__in=holders).values_list("pk", "name")
    )
    for organisation_id in sorted(holders):
        nodes.append(
            {
                "data": {
                    "id": _shielded_id(organisation_id),
                    "type": "afgeschermd",
                    "label": _("Afgeschermd — bij %(partner)s")
                    % {"partner": names.get(organisation_id, "?")},
                }
            }
        )
    log_reads(viewer, [*shown_persons, *logged], via=AccessVia.PAGE, path=path)
    return {"elements": {"nodes": nodes, "edges": edges}}
