"""Writes of case meetings (BOB): items through three stages, dissent, actions, reminders."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lont.audit.events import record_event
from lont.core.scoping import system_context
from lont.core.viewer import Viewer
from lont.core.visibility import access_for
from lont.networks.choices import Access, Role
from lont.notifications.reminders import remind_once
from lont.notifications.services import notifications_send

from ..choices import ActionStatus, DecisionKind, MeetingStatus, Stage
from ..models import (
    Action,
    AgendaItem,
    CaseMeeting,
    Dissent,
    Situation,
)
from ._common import _require_write, _same_network, _save

# Case meetings --------------------------------------------------------------------------------


def meeting_may_write(viewer: Viewer, meeting: CaseMeeting) -> bool:
    """Who records in a meeting: the director, the chair, a participating organisation. The
    meeting page offers its forms by this same rule."""
    if viewer.role == Role.DIRECTOR or meeting.chair_id == viewer.user.pk:
        return True
    return meeting.participants.for_viewer(viewer).filter(pk=viewer.organisation.pk).exists()


def _require_meeting_member(viewer: Viewer, meeting: CaseMeeting) -> None:
    _require_write(viewer)
    _same_network(viewer, meeting)
    if not meeting_may_write(viewer, meeting):
        raise PermissionDenied(_("Uw organisatie neemt niet deel aan dit casusoverleg."))


def meeting_create(*, viewer: Viewer, data: dict[str, Any]) -> CaseMeeting:
    _require_write(viewer)
    participants = list(data.get("participants", []))
    _same_network(viewer, *participants)
    with transaction.atomic():
        meeting = CaseMeeting(
            network=viewer.network,
            organisation=viewer.organisation,
            date=data["date"],
            chair=data.get("chair") or viewer.user,
        )
        _save(meeting)
        with system_context("the service replaces the many-to-many links it writes"):
            meeting.participants.set({*participants, viewer.organisation})
        for order, situation in enumerate(data.get("situations", [])):
            _add_item(viewer, meeting, situation, order)
        record_event(event="meeting.created", obj=meeting, actor=viewer.user)
        _notify_scheduled(meeting)
    return meeting


@system_context("who hears of a new case meeting: the participating partners' coordinators")
def _notify_scheduled(meeting: CaseMeeting) -> None:
    """The chair, the director and the coordinators of the participating partners hear the
    date (no agenda, no names)."""
    from django.db.models import Q

    from lont.networks.models import Membership

    from ..notify import MEETING_SCHEDULED

    members = (
        Membership.objects.filter(network_id=meeting.network_id, is_active=True)
        .filter(
            Q(organisation__in=meeting.participants.all(), role=Role.COORDINATOR)
            | Q(role=Role.DIRECTOR)
            | Q(user_id=meeting.chair_id)
        )
        .select_related("user")
        .order_by("user_id")
    )
    text = _("Er is een casusoverleg gepland op %(date)s.") % {
        "date": meeting.date.strftime("%d-%m-%Y")
    }
    users = {m.user_id: m.user for m in members}
    notifications_send(
        recipients=[(user, text) for user in users.values()],
        url=reverse("assessment:meeting_detail", args=[meeting.pk]),
        network=meeting.network,
        event=MEETING_SCHEDULED,
    )


def _add_item(viewer: Viewer, meeting: CaseMeeting, situation: Situation, order: int) -> AgendaItem:
    _same_network(viewer, situation)
    if access_for(viewer, situation) < Access.SUMMARY:
        raise PermissionDenied
    item = AgendaItem(
        network=viewer.network,
        organisation=meeting.organisation,
        meeting=meeting,
        situation=situation,
        order=order,
        computed_level=situation.level,
    )
    _save(item)
    return item


def meeting_add_item(*, viewer: Viewer, meeting: CaseMeeting, situation: Situation) -> AgendaItem:
    _require_meeting_member(viewer, meeting)
    with transaction.atomic():
        if meeting.items.filter(situation=situation).exists():
            raise ValidationError({"situation": _("Deze situatie staat al op de agenda.")})
        item = _add_item(viewer, meeting, situation, meeting.items.count())
        record_event(event="meeting.item_added", obj=item, actor=viewer.user)
    return item


def item_picture(*, viewer: Viewer, item: AgendaItem, data: dict[str, Any]) -> AgendaItem:
    """Close beeldvorming: what we don't know (and how to find out), the causality answer."""
    _require_meeting_member(viewer, item.meeting)
    with transaction.atomic():
        item.unknowns = data.get("unknowns", "")
        item.causality_answer = data.get("causality_answer", "")
        item.computed_level = item.situation.level
        item.stage = Stage.JUDGEMENT
        _save(item)
        record_event(event="meeting.picture_done", obj=item, actor=viewer.user)
    return item


def item_judge(*, viewer: Viewer, item: AgendaItem, data: dict[str, Any]) -> AgendaItem:
    """Oordeelsvorming: the judged level may differ from the computed one, with a rationale."""
    _require_meeting_member(viewer, item.meeting)
    if item.stage == Stage.PICTURE:
        raise ValidationError(_("Rond eerst de beeldvorming af."))
    judged = data.get("judged_level", "")
    if judged and judged != item.computed_level and not data.get("rationale", "").strip():
        raise ValidationError(
            {"rationale": _("Onderbouw waarom het oordeel afwijkt van het berekende niveau.")}
        )
    with transaction.atomic():
        item.judged_level = judged
        item.rationale = data.get("rationale", "")
        item.concerns = data.get("concerns", "")
        item.stage = Stage.DECISION
        _save(item)
        record_event(
            event="meeting.judged",
            obj=item,
            actor=viewer.user,
            details={"computed": item.computed_level, "judged": judged},
        )
    return item


def dissent_add(*, viewer: Viewer, item: AgendaItem, text: str) -> Dissent:
    _require_meeting_member(viewer, item.meeting)
    with transaction.atomic():
        dissent = Dissent(
            network=viewer.network, organisation=viewer.organisation, item=item, text=text
        )
        _save(dissent)
        record_event(event="meeting.dissent", obj=dissent, actor=viewer.user)
    return dissent


def item_decide(*, viewer: Viewer, item: AgendaItem, data: dict[str, Any]) -> AgendaItem:
    """Besluitvorming: actions, or deliberately nothing (valid, but only with a reason)."""
    _require_meeting_member(viewer, item.meeting)
    if item.stage in (Stage.PICTURE, Stage.JUDGEMENT):
        raise ValidationError(_("Rond eerst de beeldvorming en de oordeelsvorming af."))
    decision = data.get("decision", "")
    reason = data.get("decision_reason", "").strip()
    if decision == DecisionKind.NOTHING and not reason:
        raise ValidationError(
            {"decision_reason": _("Bewust niets doen is een besluit: geef de reden.")}
        )
    if decision == DecisionKind.ACT and not item.actions.for_viewer(viewer).exists():
        raise ValidationError({"decision": _("Leg eerst minstens één actie vast.")})
    with transaction.atomic():
        item.decision = decision
        item.decision_reason = reason
        item.stage = Stage.DONE
        _save(item)
        record_event(
            event="meeting.decided", obj=item, actor=viewer.user, details={"decision": decision}
        )
    return item


def action_create(*, viewer: Viewer, item: AgendaItem, data: dict[str, Any]) -> Action:
    _require_meeting_member(viewer, item.meeting)
    owner = data["owner"]
    organisation = data["organisation"]
    _same_network(viewer, organisation)
    if not organisation.memberships.for_viewer(viewer).filter(user=owner, is_active=True).exists():
        raise ValidationError({"owner": _("Deze persoon is geen actief lid van die partner.")})
    with transaction.atomic():
        action = Action(
            network=viewer.network,
            organisation=organisation,
            owner=owner,
            item=item,
            description=data["description"],
            due_date=data["due_date"],
            mode=data["mode"],
        )
        _save(action)
        record_event(event="action.created", obj=action, actor=viewer.user)
    return action


def action_update(*, viewer: Viewer, action: Action, status: str, result: str = "") -> Action:
    """The owner partner (or the director) reports the result of an action."""
    _require_write(viewer)
    _same_network(viewer, action)
    if action.organisation_id != viewer.organisation.pk and viewer.role != Role.DIRECTOR:
        raise PermissionDenied(_("Alleen de partner die de actie heeft, werkt haar bij."))
    if status == ActionStatus.DONE and not result.strip():
        raise ValidationError({"result": _("Beschrijf kort het resultaat.")})
    with transaction.atomic():
        action.status = status
        action.result = result
        _save(action)
        record_event(
            event="action.updated", obj=action, actor=viewer.user, details={"status": status}
        )
    return action


def meeting_close(*, viewer: Viewer, meeting: CaseMeeting) -> CaseMeeting:
    _require_meeting_member(viewer, meeting)
    open_items = meeting.items.exclude(stage=Stage.DONE).count()
    if open_items:
        raise ValidationError(_("Nog niet elk agendapunt heeft een besluit."))
    with transaction.atomic():
        meeting.status = MeetingStatus.CLOSED
        _save(meeting)
        record_event(event="meeting.closed", obj=meeting, actor=viewer.user)
    return meeting


def actions_remind(*, today: dt.date | None = None) -> int:
    """Daily: each open action due today or overdue notifies its owner once a day (in the text:
    the due date, never the action's number or content)."""
    from ..notify import ACTION_DUE

    today = today or timezone.localdate()
    due = Action.objects.filter(status=ActionStatus.OPEN, due_date__lte=today).exclude(
        reminded_on=today
    )

    def text(action: Action) -> str:
        date = action.due_date.strftime("%d-%m-%Y")
        if action.due_date < today:
            return _("Een actie van u had uiterlijk %(date)s af moeten zijn.") % {"date": date}
        return _("Een actie van u is uiterlijk vandaag (%(date)s) af.") % {"date": date}

    with transaction.atomic():
        return remind_once(
            due.select_related("owner", "network").select_for_update(of=("self",)),
            today=today,
            recipients=lambda action: [action.owner],
            text=text,
            url=lambda action: reverse("assessment:actions"),
            event=ACTION_DUE,
        ).rows
