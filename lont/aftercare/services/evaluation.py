"""A3 writes: the network-wide evaluation by a fixed protocol, each partner's three questions,
merging, and lessons that become work (the cycle back to peacetime). Guide, Nazorg: "Evalueer de
interventie zowel in de eigen teams en organisatie als binnen het netwerk", points 1–3."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lont.assessment.models import Action, Situation
from lont.assessment.services import parameters_create
from lont.audit.events import record_event
from lont.core.viewer import Viewer
from lont.knowledge.models import Indicator
from lont.knowledge.services import indicator_update
from lont.networks.choices import Access, Role
from lont.networks.services import covenant_change

from ..choices import EvaluationStatus, LessonKind, LessonStatus
from ..guide import QUESTIONS
from ..models import AdvisoryMember, Evaluation, EvaluationAnswer, Lesson
from ._common import (
    is_active_member,
    require_full,
    require_visible,
    require_write,
    same_network,
    save,
)


def _require_director(viewer: Viewer) -> None:
    if viewer.role != Role.DIRECTOR:
        raise PermissionDenied(_("De netwerkregisseur start en leidt de netwerkbrede evaluatie."))


def evaluation_start(
    *,
    viewer: Viewer,
    title: str,
    situation: Situation | None = None,
    spot_evaluation: str = "",
    incident: Any = None,
) -> Evaluation:
    """The director starts it (guide point 1); the on-the-spot evaluation comes along — from the
    incident when one is named and nothing else was typed."""
    _require_director(viewer)
    if incident is not None:
        require_visible(viewer, incident, Access.FULL)
        spot_evaluation = spot_evaluation.strip() or incident.spot_evaluation
        situation = situation or incident.situation
    require_visible(viewer, situation)
    with transaction.atomic():
        evaluation = Evaluation(
            network=viewer.network,
            organisation=viewer.organisation,
            situation=situation,
            incident=incident,
            title=title,
            spot_evaluation=spot_evaluation,
            started_by=viewer.user,
        )
        save(evaluation)
        record_event(event="aftercare.evaluation_started", obj=evaluation, actor=viewer.user)
    return evaluation


def answer_save(
    *, viewer: Viewer, evaluation: Evaluation, data: dict[str, Any]
) -> EvaluationAnswer:
    """A partner's own evaluation (point 2): one per organisation, editable until merged."""
    require_write(viewer)
    same_network(viewer, evaluation)
    if evaluation.status != EvaluationStatus.OPEN:
        raise ValidationError(_("Deze evaluatie is al samengevoegd."))
    with transaction.atomic():
        answer = (
            evaluation.answers.for_viewer(viewer).filter(organisation=viewer.organisation).first()
        ) or EvaluationAnswer(
            network=viewer.network, organisation=viewer.organisation, evaluation=evaluation
        )
        answer.tasks_and_powers = data.get("tasks_and_powers", "")
        for key, _label in QUESTIONS:
            setattr(answer, key, data[key])
        save(answer)
        record_event(event="aftercare.evaluation_answered", obj=answer, actor=viewer.user)
    return answer


def evaluation_merge(*, viewer: Viewer, evaluation: Evaluation) -> Evaluation:
    """The director merges the partners' answers, per question, into one text."""
    _require_director(viewer)
    same_network(viewer, evaluation)
    answers = list(
        evaluation.answers.for_viewer(viewer, minimum=Access.FULL).select_related("organisation")
    )
    if not answers:
        raise ValidationError(_("Er zijn nog geen antwoorden van partners."))
    parts = []
    for key, label in QUESTIONS:
        parts.append(str(label))
        parts += [f"- {a.organisation.name}: {getattr(a, key)}" for a in answers]
        parts.append("")
    with transaction.atomic():
        evaluation.merged = "\n".join(parts).strip()
        evaluation.status = EvaluationStatus.MERGED
        save(evaluation)
        record_event(event="aftercare.evaluation_merged", obj=evaluation, actor=viewer.user)
    return evaluation


def lesson_add(*, viewer: Viewer, evaluation: Evaluation, data: dict[str, Any]) -> Lesson:
    require_full(viewer, evaluation)
    if data["kind"] != LessonKind.ACTION and not data.get("proposal", "").strip():
        raise ValidationError({"proposal": _("Beschrijf de voorgestelde wijziging.")})
    with transaction.atomic():
        lesson = Lesson(
            network=viewer.network,
            organisation=viewer.organisation,
            evaluation=evaluation,
            text=data["text"],
            kind=data["kind"],
            proposal=data.get("proposal", ""),
        )
        save(lesson)
        record_event(event="aftercare.lesson_added", obj=lesson, actor=viewer.user)
    return lesson


def _reason(lesson: Lesson) -> str:
    # The covenant (and its reason) is read by every member: the evaluation by its date only (its
    # title may name a place or a group); the version links to the evaluation for who may read it.
    return _("Les uit de evaluatie van %(date)s: %(lesson)s") % {
        "date": timezone.localtime(lesson.evaluation.created_at).strftime("%d-%m-%Y"),
        "lesson": lesson.text,
    }


def lesson_adopt(*, viewer: Viewer, lesson: Lesson, data: dict[str, Any] | None = None) -> Lesson:
    """The director turns a lesson into work, and the link is kept:

    - an action on the actions board (owner partner and person, due date);
    - a covenant version whose reason is the lesson (the working method gains the agreement);
    - a new version of the engine parameters (JSON), reason the lesson;
    - an indicator's weight class or use changed, reason the lesson.
    """
    _require_director(viewer)
    require_full(viewer, lesson)
    data = data or {}
    if lesson.status != LessonStatus.PROPOSED:
        raise ValidationError(_("Over deze les is al besloten."))
    reason = _reason(lesson)
    with transaction.atomic():
        if lesson.kind == LessonKind.ACTION:
            organisation, owner = data["organisation"], data["owner"]
            same_network(viewer, organisation)
            if not is_active_member(organisation, owner):
                raise ValidationError(
                    {"owner": _("Deze persoon is geen actief lid van die partner.")}
                )
            action = Action(
                network=viewer.network,
                organisation=organisation,
                owner=owner,
                item=None,
                description=lesson.text,
                due_date=data["due_date"],
                mode=data.get("mode") or "offline",
            )
            save(action)
            lesson.action = action
        elif lesson.kind == LessonKind.COVENANT:
            current = viewer.covenant
            method = dict(current.working_method) if current else {}
            agreements = list(method.get("agreements", []))
            agreements.append(lesson.proposal)
            method["agreements"] = agreements
            lesson.covenant_version = covenant_change(
                viewer=viewer, reason=reason, working_method=method
            )
        elif lesson.kind == LessonKind.ENGINE:
            lesson.parameters = parameters_create(
                viewer=viewer, data=data["parameters"], reason=reason
            )
        else:
            indicator: Indicator = data["indicator"]
            lesson.indicator = indicator_update(
                viewer=viewer,
                indicator=indicator,
                weight_class=data["weight_class"],
                is_active=data.get("is_active", True),
                reason=reason,
            )
        lesson.status = LessonStatus.ADOPTED
        lesson.decided_at = timezone.now()
        save(lesson)
        record_event(
            event="aftercare.lesson_adopted",
            obj=lesson,
            actor=viewer.user,
            details={"kind": lesson.kind},
        )
    return lesson


def lesson_decline(*, viewer: Viewer, lesson: Lesson) -> Lesson:
    _require_director(viewer)
    require_full(viewer, lesson)
    with transaction.atomic():
        lesson.status = LessonStatus.DECLINED
        lesson.decided_at = timezone.now()
        save(lesson)
        record_event(event="aftercare.lesson_declined", obj=lesson, actor=viewer.user)
    return lesson


def advisory_add(
    *, viewer: Viewer, data: dict[str, Any], today: dt.date | None = None
) -> AdvisoryMember:
    """The advisory board register (point 3), kept by the director."""
    _require_director(viewer)
    with transaction.atomic():
        member = AdvisoryMember(
            network=viewer.network,
            organisation=viewer.organisation,
            name=data["name"],
            represents=data["represents"],
            since=data.get("since") or today or timezone.localdate(),
        )
        save(member)
    return member
