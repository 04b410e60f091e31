"""Writes of groups, their relations and conflict history, and assessments."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from lont.core.scoping import system_context
from lont.core.viewer import Viewer
from lont.core.visibility import access_for
from lont.networks.choices import Access

from ..choices import GroupRelationKind, StepStatus
from ..models import (
    AssessmentContribution,
    AssessmentStep,
    ConflictEvent,
    Group,
    GroupAssessment,
    GroupRelation,
)
from ..models.groups import STEP_NUMBERS
from ._common import (
    _apply,
    _event,
    _require_full,
    _require_owner,
    _require_write,
    _same_network,
    _save,
)

# Groups -------------------------------------------------------------------------------------------


@transaction.atomic
def group_create(*, viewer: Viewer, data: dict[str, Any]) -> Group:
    _require_write(viewer)
    group = Group(network=viewer.network, organisation=viewer.organisation)
    _apply(group, data)
    _save(group)
    _event("subjects.group_created", group, viewer)
    return group


@transaction.atomic
def group_update(*, viewer: Viewer, group: Group, data: dict[str, Any]) -> Group:
    _require_full(viewer, group)
    _apply(group, data)
    _save(group)
    return group


@transaction.atomic
def group_delete(*, viewer: Viewer, group: Group) -> None:
    _require_owner(viewer, group)
    _event("subjects.group_deleted", group, viewer)
    group.delete()


@transaction.atomic
def group_relation_create(*, viewer: Viewer, data: dict[str, Any]) -> GroupRelation:
    _require_write(viewer)
    _same_network(viewer, data.get("group_a"), data.get("group_b"))
    relation = GroupRelation(network=viewer.network, organisation=viewer.organisation)
    _apply(relation, data)
    _save(relation)
    _event("subjects.group_relation_created", relation, viewer, kind=relation.kind)
    return relation


@transaction.atomic
def group_relation_update(
    *, viewer: Viewer, relation: GroupRelation, data: dict[str, Any]
) -> GroupRelation:
    _require_full(viewer, relation)
    _apply(relation, data)
    if relation.kind != GroupRelationKind.RIVALRY:
        relation.threat_a = relation.threat_b = ""
    _save(relation)
    return relation


@transaction.atomic
def group_relation_delete(*, viewer: Viewer, relation: GroupRelation) -> None:
    _require_owner(viewer, relation)
    relation.delete()


@transaction.atomic
def conflict_event_create(
    *, viewer: Viewer, relation: GroupRelation, data: dict[str, Any]
) -> ConflictEvent:
    _require_write(viewer)
    _same_network(viewer, relation)
    if access_for(viewer, relation) < Access.SUMMARY:
        raise PermissionDenied
    event = ConflictEvent(
        network=viewer.network, organisation=viewer.organisation, relation=relation
    )
    _apply(event, data)
    _save(event)
    _event("subjects.conflict_event_created", event, viewer)
    return event


# Assessments --------------------------------------------------------------------------------------


@transaction.atomic
def assessment_create(*, viewer: Viewer, group: Group, data: dict[str, Any]) -> GroupAssessment:
    _require_write(viewer)
    _same_network(viewer, group)
    if access_for(viewer, group) < Access.SUMMARY:
        raise PermissionDenied
    assessment = GroupAssessment(
        network=viewer.network, organisation=viewer.organisation, group=group
    )
    data.setdefault("started_on", timezone.localdate())
    m2m = _apply(assessment, data)
    _save(assessment)
    with system_context("the service replaces the many-to-many links it writes"):
        for name, value in m2m.items():
            getattr(assessment, name).set(value)
    for number in STEP_NUMBERS:
        step = AssessmentStep(
            network=viewer.network,
            organisation=viewer.organisation,
            assessment=assessment,
            number=number,
        )
        if number == 1:
            step.status, step.started_on = StepStatus.IN_PROGRESS, assessment.started_on
        _save(step)
    _event("subjects.assessment_created", assessment, viewer)
    return assessment


@transaction.atomic
def assessment_update(
    *, viewer: Viewer, assessment: GroupAssessment, data: dict[str, Any]
) -> GroupAssessment:
    _require_full(viewer, assessment)
    m2m = _apply(assessment, data)
    _save(assessment)
    with system_context("the service replaces the many-to-many links it writes"):
        for name, value in m2m.items():
            getattr(assessment, name).set(value)
    return assessment


@transaction.atomic
def assessment_step_update(
    *,
    viewer: Viewer,
    assessment: GroupAssessment,
    number: int,
    status: str,
    started_on: dt.date | None = None,
    completed_on: dt.date | None = None,
) -> AssessmentStep:
    _require_full(viewer, assessment)
    step = AssessmentStep.objects.for_viewer(viewer).get(assessment=assessment, number=number)
    step.status, step.started_on, step.completed_on = status, started_on, completed_on
    if status == StepStatus.DONE and not step.completed_on:
        step.completed_on = timezone.localdate()
    _save(step)
    _event("subjects.assessment_step_changed", assessment, viewer, step=number, status=status)
    return step


@transaction.atomic
def contribution_add(
    *,
    viewer: Viewer,
    assessment: GroupAssessment,
    step: int,
    text: str,
    date: dt.date | None = None,
) -> AssessmentContribution:
    _require_write(viewer)
    _same_network(viewer, assessment)
    if access_for(viewer, assessment) < Access.SUMMARY:
        raise PermissionDenied
    contribution = AssessmentContribution(
        network=viewer.network,
        organisation=viewer.organisation,
        assessment=assessment,
        step=step,
        text=text.strip(),
        date=date or timezone.localdate(),
    )
    _save(contribution)
    _event("subjects.contribution_added", assessment, viewer, step=step)
    return contribution


@transaction.atomic
def assessment_delete(*, viewer: Viewer, assessment: GroupAssessment) -> None:
    _require_owner(viewer, assessment)
    assessment.delete()
