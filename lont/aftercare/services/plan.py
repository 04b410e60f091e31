"""A1 writes: open a plan seeded with the guide's steps, complete tasks, perspectives, tipster
care. Guide, Nazorg: "Behoud contact met de doelgroep en herstel banden …", points 1–7."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lont.assessment.models import Situation
from lont.audit.events import record_event
from lont.core.scoping import system_context
from lont.core.viewer import Viewer
from lont.core.visibility import access_for
from lont.networks.choices import Access, InformationCategory
from lont.networks.models import Organisation
from lont.notifications.reminders import remind_once
from lont.signalregister.models import Signal
from lont.subjects.models import Person
from lont.subjects.services import person_update

from ..choices import PlanStatus, TaskStatus
from ..guide import PLAN_STEPS
from ..models import AftercarePlan, PersonPerspective, PlanTask, TipsterCare
from ._common import is_active_member, require_full, require_write, same_network, save


def _owner_for(network_id: int, partner_type: str, fallback: Organisation) -> Organisation:
    """The partner that usually owns a step (youth work keeps the steady contact): the opening
    partner itself when it is of that type, else the first such partner of the network."""
    if fallback.partner_type == partner_type:
        return fallback
    with system_context("seeding a plan: which partner of the network has this type (ids only)"):
        found = (
            Organisation.objects.filter(network_id=network_id, partner_type=partner_type)
            .order_by("pk")
            .first()
        )
    return found or fallback


def _seed(plan: AftercarePlan, opener: Organisation, user: Any, today: dt.date) -> None:
    """The guide's steps as tasks, each with its usual partner and a due date."""
    for step in PLAN_STEPS:
        owner_org = _owner_for(plan.network_id, step.owner_type, opener)
        save(
            PlanTask(
                network_id=plan.network_id,
                organisation=owner_org,
                plan=plan,
                step=step.code,
                title=str(step.title),
                owner=user if user is not None and owner_org == opener else None,
                due_date=today + dt.timedelta(days=step.due_days),
            )
        )


def plan_open(
    *, viewer: Viewer, situation: Situation, title: str = "", today: dt.date | None = None
) -> AftercarePlan:
    """Open the plan of a situation by hand and seed it with the guide's steps as tasks."""
    require_write(viewer)
    same_network(viewer, situation)
    if access_for(viewer, situation) < Access.FULL:
        raise PermissionDenied(_("U heeft geen volledige toegang tot deze situatie."))
    today = today or timezone.localdate()
    with transaction.atomic():
        plan = AftercarePlan(
            network=viewer.network,
            organisation=viewer.organisation,
            situation=situation,
            title=title.strip() or _("Nazorg: %(title)s") % {"title": situation.title[:100]},
            level_at_start=situation.level,
        )
        save(plan)
        _seed(plan, viewer.organisation, viewer.user, today)
        record_event(event="aftercare.plan_opened", obj=plan, actor=viewer.user)
    return plan


def plan_open_for_incident(*, incident: Any, today: dt.date | None = None) -> AftercarePlan:
    """An incident entered *nazorg* (``lont.crisis.events.incident_entered_aftercare``): its
    partner gets the plan, seeded like a plan opened by hand. Once per incident."""
    today = today or timezone.localdate()
    with system_context("an incident entered aftercare: open its plan"), transaction.atomic():
        existing = AftercarePlan.objects.filter(incident=incident).first()
        if existing is not None:
            return existing
        situation = incident.situation
        plan = AftercarePlan(
            network_id=incident.network_id,
            organisation_id=incident.organisation_id,
            situation=situation,
            incident=incident,
            title=_("Nazorg: %(title)s") % {"title": incident.title[:100]},
            level_at_start=situation.level if situation is not None else "",
        )
        save(plan)
        _seed(plan, incident.organisation, None, today)
        record_event(event="aftercare.plan_opened", obj=plan, network=incident.network)
    return plan


def task_assign(*, viewer: Viewer, task: PlanTask, owner: Any, due_date: dt.date) -> PlanTask:
    """The owning partner (or the plan's partner) names the person and the date."""
    require_write(viewer)
    same_network(viewer, task)
    if viewer.organisation.pk not in (task.organisation_id, task.plan.organisation_id):
        raise PermissionDenied(_("Alleen de eigenaar van de taak of van het plan wijst haar toe."))
    if not is_active_member(task.organisation, owner):
        raise ValidationError({"owner": _("Deze persoon is geen actief lid van die partner.")})
    with transaction.atomic():
        task.owner = owner
        task.due_date = due_date
        save(task)
        record_event(event="aftercare.task_assigned", obj=task, actor=viewer.user)
    return task


def task_update(*, viewer: Viewer, task: PlanTask, status: str, result: str = "") -> PlanTask:
    """The partner that owns a task reports it done (with a short result) or cancelled."""
    require_write(viewer)
    same_network(viewer, task)
    if task.organisation_id != viewer.organisation.pk:
        raise PermissionDenied(_("Alleen de partner die de taak heeft, werkt haar bij."))
    if status == TaskStatus.DONE and not result.strip():
        raise ValidationError({"result": _("Beschrijf kort het resultaat.")})
    with transaction.atomic():
        task.status = status
        task.result = result.strip()
        save(task)
        record_event(
            event="aftercare.task_updated", obj=task, actor=viewer.user, details={"status": status}
        )
    return task


def plan_close(*, viewer: Viewer, plan: AftercarePlan) -> AftercarePlan:
    require_full(viewer, plan)
    if plan.tasks.filter(status=TaskStatus.OPEN).exists():
        raise ValidationError(_("Er staan nog open taken in het plan."))
    with transaction.atomic():
        plan.status = PlanStatus.CLOSED
        save(plan)
        record_event(event="aftercare.plan_closed", obj=plan, actor=viewer.user)
    return plan


def perspective_add(
    *, viewer: Viewer, plan: AftercarePlan, person: Person, data: dict[str, Any]
) -> PersonPerspective:
    """A young person's future perspective (point 6). The text is written in the person's own
    ``future_perspective`` field (through the subjects service), so it stays in one place."""
    require_full(viewer, plan)
    same_network(viewer, person)
    require_full(viewer, person)
    with transaction.atomic():
        row = PersonPerspective(
            network=viewer.network,
            organisation=viewer.organisation,
            plan=plan,
            person=person,
            kind=data["kind"],
            step_note=data.get("step_note", ""),
            due_date=data["due_date"],
        )
        save(row)
        text = data.get("perspective", "").strip()
        if text:
            person_update(viewer=viewer, person=person, data={"future_perspective": text})
        record_event(event="aftercare.perspective_added", obj=row, actor=viewer.user)
    return row


def tipster_care_open(
    *, viewer: Viewer, plan: AftercarePlan, signal: Signal, data: dict[str, Any]
) -> TipsterCare:
    """Care for the tipster (point 7), kept by the partner that holds the tip."""
    require_write(viewer)
    same_network(viewer, plan, signal)
    if signal.organisation_id != viewer.organisation.pk:
        raise PermissionDenied(_("Alleen de partner die de tip heeft, zorgt voor de tipgever."))
    if signal.category != InformationCategory.TIP:
        raise ValidationError({"signal": _("Kies een tip (een signaal van een tipgever).")})
    with transaction.atomic():
        care = TipsterCare(
            network=viewer.network, organisation=viewer.organisation, plan=plan, signal=signal
        )
        _apply_care(care, data)
        save(care)
        record_event(event="aftercare.tipster_care", obj=care, actor=viewer.user)
    return care


def _apply_care(care: TipsterCare, data: dict[str, Any]) -> None:
    for name in ("feedback_given", "feedback_note", "thanks_via", "wellbeing_note", "next_check"):
        if name in data:
            setattr(care, name, data[name])


def tipster_care_update(*, viewer: Viewer, care: TipsterCare, data: dict[str, Any]) -> TipsterCare:
    require_full(viewer, care)
    with transaction.atomic():
        _apply_care(care, data)
        save(care)
        record_event(event="aftercare.tipster_care", obj=care, actor=viewer.user)
    return care


def tasks_remind(*, today: dt.date | None = None) -> int:
    """Daily: an open task due today or overdue notifies its owner, once a day (no content)."""
    today = today or timezone.localdate()
    with system_context("daily reminders of aftercare tasks"), transaction.atomic():
        due = (
            PlanTask.objects.filter(
                status=TaskStatus.OPEN, due_date__lte=today, owner__isnull=False
            )
            .exclude(reminded_on=today)
            .select_related("owner", "network")
            .select_for_update(of=("self",))
        )
        return remind_once(
            due,
            today=today,
            recipients=lambda task: [task.owner],
            text=lambda task: (
                _("Een nazorgtaak is uiterlijk %(date)s af.")
                % {"date": task.due_date.strftime("%d-%m-%Y")}
            ),
            url=lambda task: reverse("aftercare:plan_detail", args=[task.plan_id]),
        ).rows
