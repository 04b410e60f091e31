"""Permission-aware reads of groups, people and relations, all through the visibility layer."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from lont.core.filters import parse_id
from lont.core.viewer import Viewer
from lont.core.visibility import access_for, visible
from lont.knowledge.catalogue import load_lists
from lont.networks.choices import Access, InformationCategory

from .choices import Involvement
from .models import (
    AssessmentContribution,
    AssessmentStep,
    ConflictEvent,
    Group,
    GroupAssessment,
    GroupMembership,
    GroupRelation,
    Person,
    PersonJustification,
    PersonRelation,
)
from .models.people import IDENTIFYING_FIELDS

PERSON_IDENTIFYING = tuple(f"person__{name}" for name in IDENTIFYING_FIELDS)


def identifying_access(viewer: Viewer, person: Person) -> bool:
    """May this viewer see the person's real name, address and date of birth?

    Only when the person row is read in full, and then for the recording organisation or under
    full covenant access to *identifying personal data* for the viewer's organisation. The
    director's summary floor does not apply here: a summary of a real name is still the name.
    """
    # A person read only as a summary (a tipster, a person in criminal-law data) shows no real
    # name either: the identifying agreement adds to full access to the row, never replaces it.
    if access_for(viewer, person) < Access.FULL:
        return False
    if person.organisation_id == viewer.organisation.pk:
        return True
    covenant = viewer.covenant
    if covenant is None:
        return False
    level = covenant.access_for(
        category=InformationCategory.IDENTIFYING, organisation=viewer.organisation
    )
    return level == Access.FULL


def _text(value: str) -> str:
    return value.strip()[:100]


def groups(
    viewer: Viewer, *, q: str = "", area: str = "", stage: str = "", purpose: str = ""
) -> QuerySet[Group]:
    qs = visible(viewer, Group.objects.select_related("organisation"))
    if _text(q):
        # Names only: descriptions are full-access content and must not be probed by search.
        qs = qs.filter(Q(name__icontains=_text(q)) | Q(other_names__icontains=_text(q)))
    if _text(area):
        qs = qs.filter(areas__icontains=_text(area))
    if stage or purpose:
        # Stage and purpose are full-access content: filtering on them must not reveal them for
        # groups the viewer sees only as a summary.
        qs = qs.filter(pk__in=visible(viewer, Group, minimum=Access.FULL).values("pk"))
    if stage:
        qs = qs.filter(formation_stage=stage)
    if purpose:
        qs = qs.filter(core_purpose=purpose)
    return qs


def persons(
    viewer: Viewer,
    *,
    q: str = "",
    area: str = "",
    age_band: str = "",
    involvement: str = "",
    group: str = "",
) -> QuerySet[Person]:
    # Lists never show identifying fields: don't load (or decrypt) them at all.
    qs = visible(viewer, Person.objects.select_related("organisation").defer(*IDENTIFYING_FIELDS))
    # Alias only: real names are encrypted and never searched (nor leaked through a match).
    if _text(q):
        qs = qs.filter(alias__icontains=_text(q))
    if _text(area):
        qs = qs.filter(area__icontains=_text(area))
    if age_band:
        qs = qs.filter(age_band=age_band)
    if involvement:
        qs = qs.filter(involvement=involvement)
    if parse_id(group) is not None:
        # Only a group the viewer may see: a membership can be shared where its group is not,
        # and filtering by a hidden group's id would tell who belongs to it.
        shown = visible(viewer, Group).filter(pk=parse_id(group)).values("pk")
        member_ids = visible(viewer, GroupMembership).filter(group_id__in=shown)
        qs = qs.filter(pk__in=member_ids.values("person_id"))
    return qs


def member_candidates(viewer: Viewer) -> QuerySet[Person]:
    """People who may be linked to a group: never a victim or a tipster."""
    return persons(viewer).exclude(involvement__in=[Involvement.VICTIM, Involvement.TIPSTER])


def group_options(
    viewer: Viewer, text: str | None, *, minimum: Access = Access.SUMMARY, limit: int = 10
) -> list[Group]:
    """The first groups (by name) the viewer reads at ``minimum`` whose name or other name
    holds ``text`` (without text, the first groups), for a group field's suggestions; on
    PostgreSQL through the trigram indexes of migration 0005."""
    text = _text(text or "")
    groups = visible(viewer, Group, minimum=minimum)
    if text:
        groups = groups.filter(Q(name__icontains=text) | Q(other_names__icontains=text))
    return list(groups.order_by("name", "pk")[:limit])


def person_options(
    viewer: Viewer,
    text: str | None,
    *,
    people: QuerySet[Person] | None = None,
    limit: int = 10,
) -> list[Person]:
    """The first visible people (by alias; of ``people`` when given) whose alias holds ``text``,
    for a person field's suggestions; identifying fields are neither loaded nor decrypted (an
    option shows the alias)."""
    text = _text(text or "")
    if people is None:
        people = visible(viewer, Person).defer(*IDENTIFYING_FIELDS)
    if text:
        people = people.filter(alias__icontains=text)
    return list(people.order_by("alias", "pk")[:limit])


def group_relations(
    viewer: Viewer, *, kind: str = "", group: Group | None = None
) -> QuerySet[GroupRelation]:
    qs = visible(viewer, GroupRelation.objects.select_related("group_a", "group_b", "organisation"))
    shown = visible(viewer, Group).values("pk")
    qs = qs.filter(group_a__in=shown, group_b__in=shown)
    if kind:
        qs = qs.filter(kind=kind)
    if group is not None:
        qs = qs.filter(Q(group_a=group) | Q(group_b=group))
    return qs


def group_relation_options(
    viewer: Viewer, text: str | None, *, limit: int = 10
) -> list[GroupRelation]:
    """The first relations (by the first group's name) whose groups' names hold ``text``, for a
    relation field's suggestions; only relations whose both groups the viewer sees."""
    text = _text(text or "")
    relations = group_relations(viewer)
    if text:
        relations = relations.filter(
            Q(group_a__name__icontains=text) | Q(group_b__name__icontains=text)
        )
    return list(relations.order_by("group_a__name", "pk")[:limit])


def memberships(
    viewer: Viewer, *, group: Group | None = None, person: Person | None = None
) -> QuerySet[GroupMembership]:
    qs = visible(
        viewer,
        GroupMembership.objects.select_related("group", "person", "organisation").defer(
            *PERSON_IDENTIFYING
        ),
    )
    # Both ends must be visible too: a link must not reveal an alias the viewer may not see.
    qs = qs.filter(
        person__in=visible(viewer, Person).values("pk"),
        group__in=visible(viewer, Group).values("pk"),
    )
    if group is not None:
        qs = qs.filter(group=group)
    if person is not None:
        qs = qs.filter(person=person)
    return qs


def person_relations(
    viewer: Viewer, *, person: Person | None = None, kind: str = ""
) -> QuerySet[PersonRelation]:
    qs = visible(
        viewer,
        PersonRelation.objects.select_related("person_a", "person_b", "organisation").defer(
            *[f"person_a__{f}" for f in IDENTIFYING_FIELDS],
            *[f"person_b__{f}" for f in IDENTIFYING_FIELDS],
        ),
    )
    shown = visible(viewer, Person).values("pk")
    qs = qs.filter(person_a__in=shown, person_b__in=shown)
    if person is not None:
        qs = qs.filter(Q(person_a=person) | Q(person_b=person))
    if kind:
        qs = qs.filter(kind=kind)
    return qs


def assessments(viewer: Viewer, *, group: Group | None = None) -> QuerySet[GroupAssessment]:
    qs = visible(viewer, GroupAssessment.objects.select_related("group", "organisation"))
    if group is not None:
        qs = qs.filter(group=group)
    return qs


def assessment_steps(
    viewer: Viewer,
    assessment: GroupAssessment,
    *,
    steps: list[AssessmentStep] | None = None,
    contributions: list[AssessmentContribution] | None = None,
) -> list[dict[str, Any]]:
    """The seven steps with the guide's text, status and the contributions this viewer may see.
    Lists may pass the (visibility-filtered) prefetched steps and contributions."""
    guide = {item.code: item for item in load_lists()["seven_step_model"].items}
    if steps is None:
        steps = list(visible(viewer, AssessmentStep).filter(assessment=assessment))
    if contributions is None:
        contributions = list(
            visible(viewer, AssessmentContribution.objects.select_related("organisation")).filter(
                assessment=assessment
            )
        )
    by_number = {s.number: s for s in steps}
    by_step: dict[int, list[AssessmentContribution]] = {}
    for c in contributions:
        by_step.setdefault(c.step, []).append(c)
    return [
        {
            "number": number,
            "guide": guide.get(str(number)),
            "step": by_number.get(number),
            "contributions": by_step.get(number, []),
        }
        for number in range(1, 8)
    ]


def conflict_events(viewer: Viewer, relation: GroupRelation) -> QuerySet[ConflictEvent]:
    return visible(viewer, ConflictEvent.objects.select_related("organisation")).filter(
        relation=relation
    )


def justifications(viewer: Viewer, person: Person) -> QuerySet[PersonJustification]:
    return visible(viewer, PersonJustification.objects.select_related("organisation")).filter(
        person=person
    )


def group_timeline(viewer: Viewer, group: Group) -> list[dict[str, Any]]:
    """Assessments, relations and conflict events of a group, newest first."""
    items: list[dict[str, Any]] = []
    for a in assessments(viewer, group=group):
        items.append({"date": a.started_on, "kind": "assessment", "object": a})
    relations = list(group_relations(viewer, group=group))
    for r in relations:
        if r.since:
            items.append({"date": r.since, "kind": "relation", "object": r})
    events = visible(viewer, ConflictEvent.objects.select_related("relation", "organisation"))
    for e in events.filter(relation__in=[r.pk for r in relations]):
        items.append({"date": e.date, "kind": "conflict", "object": e})
    return sorted(items, key=lambda item: item["date"], reverse=True)


def stage_advice(stage: str) -> Any:
    if not stage:
        return None
    try:
        return load_lists()["formation_stages"].get(stage)
    except KeyError:
        return None


def purpose_advice(purpose: str) -> Any:
    if not purpose:
        return None
    try:
        return load_lists()["group_core_purpose"].get(purpose)
    except KeyError:
        return None


def threat_interventions(relation: GroupRelation) -> dict[str, Any]:
    lists = load_lists()
    threats = relation.threats()
    return {
        "realistic": lists["realistic_threat_interventions"].items
        if "realistic" in threats
        else (),
        "symbolic": lists["symbolic_threat_interventions"].items if "symbolic" in threats else (),
    }
