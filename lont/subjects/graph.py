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
from lont.core.visibility import hidden, visible
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
    # A focused graph: this group ("g12") or person ("p34") and its neighbourhood to ``depth``.
    focus: str = ""
    depth: int = 1


# At most this many groups and people are sent: a larger picture is unreadable and slow, so the
# whole-network graph asks for a focus or narrower filters, and a focus stops growing here.
NODE_LIMIT = 400


class FocusNotFound(Exception):
    """The focused group or person is not one the viewer sees (within the filters)."""


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


def _neighbourhood(
    f: GraphFilter,
    groups: QuerySet,
    persons: QuerySet,
    edges: dict[str, QuerySet | None],
) -> tuple[set[int], set[int], bool]:
    """The group and person ids within ``f.depth`` steps of the focus along the edges the viewer
    sees (of the kinds the filter shows), at most ``NODE_LIMIT`` of them; only nodes the viewer
    sees within the filters are reached (a hidden end becomes an afgeschermd node later). One
    query per kind of edge and per kind of node at each step."""
    kind, pk = f.focus[:1], int(f.focus[1:])
    start = groups if kind == "g" else persons
    if not start.filter(pk=pk).exists():
        raise FocusNotFound
    group_ids: set[int] = {pk} if kind == "g" else set()
    person_ids: set[int] = {pk} if kind == "p" else set()
    frontier_g, frontier_p = set(group_ids), set(person_ids)
    cut = False
    for _step in range(f.depth):
        next_g: set[int] = set()
        next_p: set[int] = set()
        if edges["group_relations"] is not None and frontier_g:
            touching = edges["group_relations"].filter(
                Q(group_a_id__in=frontier_g) | Q(group_b_id__in=frontier_g)
            )
            for a, b in touching.values_list("group_a_id", "group_b_id"):
                next_g |= {a, b}
        if edges["memberships"] is not None and (frontier_g or frontier_p):
            touching = edges["memberships"].filter(
                Q(group_id__in=frontier_g) | Q(person_id__in=frontier_p)
            )
            for person, group in touching.values_list("person_id", "group_id"):
                next_p.add(person)
                next_g.add(group)
        if edges["person_relations"] is not None and frontier_p:
            touching = edges["person_relations"].filter(
                Q(person_a_id__in=frontier_p) | Q(person_b_id__in=frontier_p)
            )
            for a, b in touching.values_list("person_a_id", "person_b_id"):
                next_p |= {a, b}
        found_g = sorted(groups.filter(pk__in=next_g - group_ids).values_list("pk", flat=True))
        found_p = sorted(persons.filter(pk__in=next_p - person_ids).values_list("pk", flat=True))
        room = NODE_LIMIT - len(group_ids) - len(person_ids)
        if len(found_g) + len(found_p) > room:
            cut = True
            found_g = found_g[:room]
            found_p = found_p[: room - len(found_g)]
        frontier_g, frontier_p = set(found_g), set(found_p)
        group_ids |= frontier_g
        person_ids |= frontier_p
        if cut or not (frontier_g or frontier_p):
            break
    return group_ids, person_ids, cut


def too_large(groups: int, persons: int) -> dict[str, Any]:
    """Nothing sent but the counts, with what to do."""
    return {
        "elements": {"nodes": [], "edges": []},
        "counts": {"groups": groups, "people": persons, "limit": NODE_LIMIT},
        "message": _(
            "Het netwerk is te groot om in één kaart te tonen: %(groups)s groepen en "
            "%(people)s personen, meer dan %(limit)s. Kies een gebied of soort relatie, of open "
            "de kaart vanaf een groep of persoon (Op de netwerkkaart)."
        )
        % {"groups": groups, "people": persons, "limit": NODE_LIMIT},
    }


def graph_data(viewer: Viewer, f: GraphFilter, *, path: str = "") -> dict[str, Any]:
    """The graph as Cytoscape elements: the whole network up to ``NODE_LIMIT`` groups and people
    (after the filters), or a focus and its neighbourhood. Only what is sent is access-logged.
    Raises ``FocusNotFound`` for a focus the viewer does not see."""
    groups = visible(viewer, Group)
    persons = visible(viewer, Person.objects.defer(*IDENTIFYING_FIELDS))
    if f.area:
        groups = groups.filter(areas__icontains=f.area)
        persons = persons.filter(area__icontains=f.area)

    show_group_relations = f.kind in ("", *GroupRelationKind.values)
    show_memberships = f.kind in ("", MEMBERSHIP)
    show_person_relations = f.kind in ("", PERSON_RELATION)
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
    cut = False
    if f.focus:
        group_ids, person_ids, cut = _neighbourhood(
            f,
            groups,
            persons,
            {
                "group_relations": relations if show_group_relations else None,
                "memberships": memberships if show_memberships else None,
                "person_relations": person_relations if show_person_relations else None,
            },
        )
        groups = groups.filter(pk__in=group_ids)
        persons = persons.filter(pk__in=person_ids)
        relations = relations.filter(Q(group_a_id__in=group_ids) | Q(group_b_id__in=group_ids))
        memberships = memberships.filter(Q(group_id__in=group_ids) | Q(person_id__in=person_ids))
        person_relations = person_relations.filter(
            Q(person_a_id__in=person_ids) | Q(person_b_id__in=person_ids)
        )
    else:
        counts = (groups.count(), persons.count())
        if sum(counts) > NODE_LIMIT:
            return too_large(*counts)
    group_list = list(groups)
    person_list = list(persons)
    group_ids = {g.pk for g in group_list}
    person_ids = {p.pk for p in person_list}
    relation_rows = list(relations) if show_group_relations else []
    membership_rows = list(memberships) if show_memberships else []
    person_relation_rows = list(person_relations) if show_person_relations else []

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

    # Which ends of the edges the viewer sees (outside the filter) or not (afgeschermd): asked
    # for the ends at hand only.
    group_ends = {pk for r in relation_rows for pk in (r.group_a_id, r.group_b_id)}
    group_ends |= {m.group_id for m in membership_rows}
    person_ends = {m.person_id for m in membership_rows}
    person_ends |= {pk for r in person_relation_rows for pk in (r.person_a_id, r.person_b_id)}
    visible_group_ids = set(
        visible(viewer, Group).filter(pk__in=group_ends - group_ids).values_list("pk", flat=True)
    )
    visible_person_ids = set(
        visible(viewer, Person).filter(pk__in=person_ends - person_ids).values_list("pk", flat=True)
    )
    visible_group_ids |= group_ids
    visible_person_ids |= person_ids

    def add_edge(eid: str, a: str | None, b: str | None, kind: str, label: str) -> bool:
        """Adds the edge (one dashed edge per pair when an end is afgeschermd); False when an
        end is outside the filter and nothing is sent."""
        if a is None or b is None:
            return False
        if a.startswith("afgeschermd") or b.startswith("afgeschermd"):
            key = tuple(sorted((a, b)))
            if key in shielded_edges:
                return True
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
            return True
        edges.append({"data": {"id": eid, "source": a, "target": b, "kind": kind, "label": label}})
        return True

    logged: list[Any] = []
    for r in relation_rows:
        add_edge(
            f"gr{r.pk}",
            endpoint("g", r.group_a, group_ids, r.group_a_id in visible_group_ids),
            endpoint("g", r.group_b, group_ids, r.group_b_id in visible_group_ids),
            r.kind,
            str(r.get_kind_display()),
        )
    for m in membership_rows:
        sent = add_edge(
            f"m{m.pk}",
            endpoint("p", m.person, person_ids, m.person_id in visible_person_ids),
            endpoint("g", m.group, group_ids, m.group_id in visible_group_ids),
            MEMBERSHIP,
            str(m.get_role_display()),
        )
        if sent:
            logged.append(m)
    for pr in person_relation_rows:
        sent = add_edge(
            f"pr{pr.pk}",
            endpoint("p", pr.person_a, person_ids, pr.person_a_id in visible_person_ids),
            endpoint("p", pr.person_b, person_ids, pr.person_b_id in visible_person_ids),
            PERSON_RELATION,
            str(pr.get_kind_display()),
        )
        if sent:
            logged.append(pr)

    # Partners holding anything this viewer may not see, whatever the filters.
    for model in GRAPH_MODELS:
        with system_context("the graph names partners holding rows hidden here (ids only)"):
            # Without order_by() the model's ordering joins the DISTINCT: a row per hidden row.
            rows = hidden(viewer, model).order_by().values_list("organisation_id", flat=True)
            holders.update(rows.distinct())

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
        if f"p{p.pk}" not in connected and (f.kind or not f.area) and f.focus != f"p{p.pk}":
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
    out: dict[str, Any] = {"elements": {"nodes": nodes, "edges": edges}}
    if cut:
        out["message"] = _(
            "Alleen de eerste %(limit)s groepen en personen rond dit punt worden getoond; "
            "kies een kleinere diepte of een filter."
        ) % {"limit": NODE_LIMIT}
    return out
